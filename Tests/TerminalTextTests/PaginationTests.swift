import CourseModel
import Testing

@testable import TerminalText

@Suite("Pagination")
struct PaginationTests {
    static func paragraphs(_ count: Int) -> [Block] {
        (1...count).map { .paragraph([.text("Đoạn \($0).")]) }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let paragraphs: Int
        let height: Int
        let pages: Int
        var testDescription: String { "\(paragraphs) one-line paragraphs at height \(height) → \(pages) pages" }
    }

    // Body height is height − 3; paragraphs take 2 lines each (with the blank) but the page's last one.
    @Test(arguments: [
        Case(paragraphs: 1, height: 24, pages: 1), Case(paragraphs: 11, height: 24, pages: 1),
        Case(paragraphs: 12, height: 24, pages: 2), Case(paragraphs: 30, height: 24, pages: 3),
        Case(paragraphs: 3, height: 4, pages: 3), Case(paragraphs: 3, height: 1, pages: 3),
    ])
    func pageCount(_ c: Case) {
        let screen = StepScreen(title: "Bài", blocks: Self.paragraphs(c.paragraphs), hint: "q: thoát", styler: .plain)
        let pages = screen.pages(width: 40, height: c.height)
        #expect(pages.count == c.pages)
        if c.height >= 4 {
            for page in pages { #expect(page.count == c.height) }
        }
        if c.pages > 1 { #expect(pages[0][0].hasSuffix("1/\(c.pages)")) }
        // Nothing is lost or repeated across pages.
        let body = pages.flatMap { $0.dropFirst(2).dropLast() }.filter { !$0.isEmpty }
        #expect(body == (1...c.paragraphs).map { "Đoạn \($0)." })
    }

    @Test("an empty step still has one page")
    func emptyStep() {
        let pages = StepScreen(title: "Trống", blocks: [], hint: "", styler: .plain).pages(width: 20, height: 6)
        #expect(pages.count == 1)
        #expect(pages[0] == ["Trống", String(repeating: "─", count: 20), "", "", "", ""])
    }

    @Test("a block that fits a page moves to the next page whole")
    func keepsBlocksTogether() {
        let list = Block.list(start: nil, items: (1...5).map { ListItem(blocks: [.paragraph([.text("Mục \($0)")])]) })
        let screen = StepScreen(title: "T", blocks: Self.paragraphs(3) + [list], hint: "", styler: .plain)
        let pages = screen.pages(width: 30, height: 10)
        #expect(pages.count == 2)
        #expect(pages[1][2] == "• Mục 1")
    }

    @Test("a heading stays with the block after it")
    func headingWithNext() {
        let blocks =
            Self.paragraphs(2) + [.heading(level: 3, content: [.text("Phần hai")]), .paragraph([.text("Nội dung.")])]
        let pages = StepScreen(title: "T", blocks: blocks, hint: "", styler: .plain).pages(width: 30, height: 9)
        #expect(pages.count == 2)
        #expect(pages[1][2] == "Phần hai")
    }

    @Test(
        "resizing re-lays out: every page fits the new size",
        arguments: [(80, 24), (40, 24), (100, 40), (30, 10), (20, 5)])
    func resize(width: Int, height: Int) {
        let screen = StepScreen(
            title: "Một tiêu đề rất dài cho một bước của bài học", blocks: SampleContent.blocks,
            hint: "Enter: tiếp · q: thoát", styler: Styler(mode: .ansi))
        for page in screen.pages(width: width, height: height) {
            #expect(page.count == height)
            for line in page { #expect(TerminalWidth.of(line) <= width) }
        }
    }
}
