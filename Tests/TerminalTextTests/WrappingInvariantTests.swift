import CourseModel
import Testing

@testable import TerminalText

@Suite("Wrapping invariants")
struct WrappingInvariantTests {
    /// No line wider than the width, no line break inside a line, no escape without colour.
    func checkLines(_ lines: [String], width: Int, mode: ColorMode, context: String) {
        for line in lines {
            let w = TerminalWidth.of(line)
            if w > width || line.contains("\n") || (mode == .none && line.unicodeScalars.contains("\u{1B}")) {
                Issue.record("\(context): bad line (width \(w) > \(width)?): \(line.debugDescription)")
                return
            }
        }
    }

    @Test(
        "random content of every block kind fits every width from 20 to 120",
        arguments: Array(stride(from: 20, through: 120, by: 1)))
    func randomContent(width: Int) {
        for seed in UInt64(0)..<2 {
            var generator = ContentGenerator(seed: seed &* 1000 &+ UInt64(width))
            let blocks = generator.blocks()
            for mode in [ColorMode.none, .ansi] {
                let lines = BlockRenderer(width: width, styler: Styler(mode: mode)).render(blocks)
                checkLines(lines, width: width, mode: mode, context: "seed \(seed) width \(width) \(mode)")
            }
        }
    }

    @Test(
        "every block kind alone fits narrow and wide widths", arguments: [1, 2, 3, 5, 8, 13, 20, 33, 40, 57, 80, 120])
    func eachKind(width: Int) {
        for (index, block) in SampleContent.blocks.enumerated() {
            for mode in [ColorMode.none, .ansi] {
                let lines = BlockRenderer(width: width, styler: Styler(mode: mode)).render([block])
                checkLines(lines, width: width, mode: mode, context: "block \(index) width \(width)")
                #expect(!lines.isEmpty)
            }
        }
    }

    @Test("naughty strings in every block kind fit", arguments: [20, 41, 80])
    func naughtyStrings(width: Int) throws {
        let strings = try Fixtures.naughtyStrings()
        for seed in UInt64(0)..<12 {
            var generator = ContentGenerator(seed: seed, extraWords: strings)
            let blocks = generator.blocks()
            let lines = BlockRenderer(width: width, styler: .plain).render(blocks)
            checkLines(lines, width: width, mode: .none, context: "naughty seed \(seed)")
        }
        for s in strings {
            let lines = BlockRenderer(width: width, styler: .plain).render([
                .paragraph([.text(s)]), .code(language: nil, text: s),
            ])
            checkLines(lines, width: width, mode: .none, context: s.debugDescription)
        }
    }

    @Test("wrapping keeps every visible character, in order, and splits no cluster", arguments: [2, 7, 20, 33, 80])
    func wrappingKeepsText(width: Int) throws {
        var texts = try Fixtures.naughtyStrings()
        texts += ContentGenerator.words + [String(repeating: "Người cao tuổi ", count: 20)]
        for text in texts {
            let lines = TextWrapper.wrap([Span(text)], width: width)
            let visible = { (s: String) in s.filter { !TextWrapper.isBreakSpace($0) } }
            let expected = visible(TextSanitizer.inline(text))
            // Clusters are compared as clusters: a split one would differ after rejoining.
            let rejoined = lines.map { visible($0.plainText) }
            #expect(Array(rejoined.joined()) == Array(expected), "\(text.debugDescription)")
            for line in lines {
                #expect(line.width <= width)
                #expect(line.plainText.first.map(TextWrapper.isBreakSpace) != true)
                #expect(line.plainText.last.map(TextWrapper.isBreakSpace) != true)
            }
        }
    }

    @Test("a word that fits is never broken")
    func wordsThatFitStayWhole() {
        let lines = TextWrapper.wrap([Span("Không bao giờ đọc mã OTP cho người lạ qua điện thoại")], width: 12)
        #expect(lines.map(\.plainText) == ["Không bao", "giờ đọc mã", "OTP cho", "người lạ qua", "điện thoại"])
    }

    @Test("an overlong word breaks between clusters, never inside one")
    func overlongWord() {
        let word = String(repeating: "e\u{323}\u{302}", count: 7)
        let lines = TextWrapper.wrap([Span(word)], width: 3)
        #expect(lines.map(\.plainText) == ["ệệệ", "ệệệ", "ệ"])
        let wide = TextWrapper.wrap([Span("中文字😀")], width: 3)
        #expect(wide.map(\.plainText) == ["中", "文", "字", "😀"])
    }

    @Test("lists keep a hanging indent under their text")
    func hangingIndent() {
        let lines = BlockRenderer(width: 20, styler: .plain).render([
            .list(start: 1, items: [ListItem(blocks: [.paragraph([.text("Mở ứng dụng VNeID trên điện thoại")])])])
        ])
        #expect(lines == ["1. Mở ứng dụng VNeID", "   trên điện thoại"])
    }
}
