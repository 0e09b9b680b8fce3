import CourseModel
import TestSupport
import Testing

@testable import TerminalText

@Suite("Golden renders")
struct GoldenRenderTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let width: Int
        let mode: ColorMode
        var name: String { "sample-\(width)-\(mode == .ansi ? "color" : "plain").txt" }
        var testDescription: String { name }
    }

    static let cases = [80, 40].flatMap { width in [ColorMode.none, .ansi].map { Case(width: width, mode: $0) } }

    @Test("sample lesson with every block kind", arguments: cases)
    func sample(_ c: Case) throws {
        let lines = BlockRenderer(width: c.width, styler: Styler(mode: c.mode), language: .vi).render(
            SampleContent.blocks)
        for line in lines { #expect(TerminalWidth.of(line) <= c.width, "\(line.debugDescription)") }
        Golden.check(lines, against: Fixtures.directory.appendingPathComponent(c.name))
    }

    @Test("English labels")
    func english() throws {
        let blocks =
            CalloutKind.allCases.map { Block.callout($0, [.paragraph([.text("Text.")])]) }
            + [.paragraph([.image(source: "a.png", alt: "A phone"), .text(" "), .image(source: "b.png", alt: "")])]
        let lines = BlockRenderer(width: 40, styler: .plain, language: .en).render(blocks)
        Golden.check(lines, against: Fixtures.directory.appendingPathComponent("labels-en-40-plain.txt"))
    }

    @Test("a step screen at 80×24 and 40×24", arguments: [80, 40])
    func stepScreen(width: Int) throws {
        let screen = StepScreen(
            title: "Bài 1 · Nhận biết lừa đảo", blocks: SampleContent.blocks,
            hint: "Enter: tiếp · ←: quay lại · q: thoát", styler: .plain, language: .vi)
        let pages = screen.pages(width: width, height: 24)
        Golden.check(
            pages.flatMap { $0 + ["<<< end of page >>>"] },
            against: Fixtures.directory.appendingPathComponent("step-\(width)x24-plain.txt"))
    }
}
