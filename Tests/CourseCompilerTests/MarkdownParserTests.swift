import MarkdownSyntax
import Testing

@Suite struct MarkdownParserTests {
    @Test func headingsListsAndPositions() {
        let doc = MarkdownParser.parse("# Tiêu đề\n\nĐoạn **đậm** văn.\n\n- ( ) một\n- (x) hai\n")
        #expect(doc.kind == .document)
        #expect(
            doc.children.map(\.kind) == [.heading(level: 1), .paragraph, .list(ordered: false, start: 0, tight: true)])
        #expect(doc.children[0].start == SourcePosition(line: 1, column: 1))
        #expect(doc.children[1].children.map(\.kind) == [.text(literal: "Đoạn "), .strong, .text(literal: " văn.")])
        #expect(doc.children[2].children[1].start == SourcePosition(line: 6, column: 1))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        // "Đường " is 6 characters but 10 bytes: the image must be reported at column 7, not 11.
        let doc = MarkdownParser.parse("Đường ![ảnh](a.png)\n")
        let image = try #require(doc.children.first?.children.last)
        #expect(image.kind == .image(url: "a.png", title: ""))
        #expect(image.start == SourcePosition(line: 1, column: 7))
    }

    @Test func taskListItemsCarryTheirState() {
        let doc = MarkdownParser.parse("- [x] đúng\n- [ ] sai\n- thường\n")
        let kinds = doc.children.first?.children.map(\.kind)
        #expect(kinds == [.item(taskChecked: true), .item(taskChecked: false), .item(taskChecked: nil)])
        #expect(doc.children.first?.children.first?.plainText == "đúng")
    }

    @Test func tablesKeepAlignmentsAndHeader() {
        let doc = MarkdownParser.parse("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n")
        let table = doc.children.first
        #expect(table?.kind == .table(alignments: [.left, .center, .right]))
        #expect(table?.children.map(\.kind) == [.tableRow(isHeader: true), .tableRow(isHeader: false)])
        #expect(table?.children.last?.children.map(\.plainText) == ["1", "2", "3"])
    }

    @Test func strikethroughCodeAndHTML() {
        let doc = MarkdownParser.parse("~~cũ~~ `mã` <b>x</b>\n\n<!-- id: a -->\n\n```swift\nlet x = 1\n```\n")
        #expect(doc.children[0].children.first?.kind == .strikethrough)
        #expect(doc.children[0].children.contains { $0.kind == .code(literal: "mã") })
        #expect(doc.children[0].children.contains { $0.kind == .htmlInline(literal: "<b>") })
        #expect(doc.children[1].kind == .htmlBlock(literal: "<!-- id: a -->\n"))
        #expect(doc.children[2].kind == .codeBlock(info: "swift", literal: "let x = 1\n"))
    }

    @Test func deepNestingIsCutOffInsteadOfOverflowingTheStack() {
        let deep = String(repeating: "> ", count: 5_000) + "x\n"
        var node = MarkdownParser.parse(deep)
        var depth = 0
        while let child = node.children.first {
            node = child
            depth += 1
        }
        #expect(depth <= MarkdownParser.maximumDepth)
    }

    @Test func emptyAndNULInputsParse() {
        #expect(MarkdownParser.parse("").children.isEmpty)
        #expect(MarkdownParser.parse("a\u{0}b").plainText == "a\u{FFFD}b")
    }
}
