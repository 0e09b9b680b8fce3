import Foundation
import Testing

@testable import TerminalText

@Suite("Display width")
struct TerminalWidthTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let width: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "ASCII", text: "hello", width: 5),
        Case(name: "empty", text: "", width: 0),
        Case(name: "Vietnamese NFC", text: "Tiếng Việt", width: 10),
        Case(name: "Vietnamese NFD", text: "Tie\u{302}\u{301}ng Vie\u{323}\u{302}t", width: 10),
        Case(name: "stacked marks ệ as e + U+0323 + U+0302", text: "e\u{323}\u{302}", width: 1),
        Case(name: "đ does not decompose", text: "Đường", width: 5),
        Case(name: "NFD sentence", text: "Không bao giờ đọc mã OTP".decomposedStringWithCanonicalMapping, width: 24),
        Case(name: "CJK ideographs", text: "中文字", width: 6),
        Case(name: "Hangul syllables", text: "한국어", width: 6),
        Case(name: "Hangul Jamo sequence", text: "\u{1100}\u{1161}\u{11A8}", width: 2),
        Case(name: "fullwidth letters", text: "ＡＢ", width: 4),
        Case(name: "ideographic space", text: "\u{3000}", width: 2),
        Case(name: "emoji", text: "😀", width: 2),
        Case(name: "emoji with skin tone", text: "👍🏽", width: 2),
        Case(name: "ZWJ family", text: "👨‍👩‍👧‍👦", width: 2),
        Case(name: "flag", text: "🇻🇳", width: 2),
        Case(name: "text heart", text: "\u{2764}", width: 1),
        Case(name: "heart with VS16", text: "\u{2764}\u{FE0F}", width: 2),
        Case(name: "keycap", text: "1\u{FE0F}\u{20E3}", width: 2),
        Case(name: "variation selector alone", text: "\u{FE0F}", width: 0),
        Case(name: "zero-width joiner", text: "a\u{200D}b", width: 2),
        Case(name: "zero-width space", text: "a\u{200B}b", width: 2),
        Case(name: "byte order mark", text: "\u{FEFF}x", width: 1),
        Case(name: "right-to-left override", text: "\u{202E}abc", width: 3),
        Case(name: "control characters", text: "a\u{7}\u{8}\u{0}b\t", width: 2),
        Case(name: "CR LF", text: "a\r\nb", width: 2),
        Case(name: "C1 control", text: "a\u{85}b", width: 2),
        Case(name: "SGR colour", text: "\u{1B}[1;31mđỏ\u{1B}[0m", width: 2),
        Case(name: "OSC title with BEL", text: "\u{1B}]0;title\u{7}x", width: 1),
        Case(name: "OSC 8 hyperlink with ST", text: "\u{1B}]8;;http://a\u{1B}\\link\u{1B}]8;;\u{1B}\\", width: 4),
        Case(name: "charset designation", text: "\u{1B}(Bok", width: 2),
        Case(name: "C1 CSI", text: "\u{9B}31mred", width: 3),
        Case(name: "Zalgo", text: "Z\u{36B}\u{343}\u{36A}\u{302}\u{36B}\u{33D}\u{34F}\u{334}a", width: 2),
        Case(name: "Thai with marks", text: "ที่", width: 1),
        Case(name: "Arabic", text: "مرحبا", width: 5),
        Case(name: "Devanagari conjunct", text: "क्षि", width: 1),
    ]

    @Test(arguments: cases)
    func width(_ c: Case) {
        #expect(TerminalWidth.of(c.text) == c.width)
    }

    @Test(
        "NFC and NFD measure the same",
        arguments: [
            "Học số", "Bình dân học vụ số", "Người cao tuổi", "Ứng dụng VNeID", "Thuận lợi", "Quỹ", "Nghiêng",
        ])
    func normalizationForms(_ text: String) {
        let nfc = text.precomposedStringWithCanonicalMapping
        let nfd = text.decomposedStringWithCanonicalMapping
        #expect(TerminalWidth.of(nfc) == TerminalWidth.of(nfd))
        #expect(TerminalWidth.of(nfc) == nfc.count)
    }

    @Test("every Vietnamese line of Unicode's NormalizationTest: NFD width equals NFC width")
    func normalizationTestLines() throws {
        let url = Fixtures.directory.deletingLastPathComponent()
            .appendingPathComponent("unicode/unicode15-NormalizationTest-vietnamese-subset.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        var checked = 0
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("@") {
            let fields = line.split(separator: ";", omittingEmptySubsequences: false)
            guard fields.count >= 3 else { continue }
            func decode(_ field: Substring) -> String {
                String(
                    String.UnicodeScalarView(
                        field.split(separator: " ").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }))
            }
            let nfc = decode(fields[1])
            let nfd = decode(fields[2])
            #expect(TerminalWidth.of(nfc) == TerminalWidth.of(nfd), "\(fields[0])")
            checked += 1
        }
        #expect(checked > 100)
    }

    @Test("every naughty string: no crash, never negative, escapes stripped")
    func naughtyStrings() throws {
        let strings = try Fixtures.naughtyStrings()
        #expect(strings.count > 400)
        for s in strings {
            let width = TerminalWidth.of(s)
            #expect(width >= 0)
            #expect(width <= s.unicodeScalars.count * 2)
            #expect(TerminalWidth.of("\u{1B}[1m" + s + "\u{1B}[0m") == width)
        }
    }
}
