import CourseModel
import TestSupport
import Testing

@testable import TerminalText

@Suite("Lesson preview")
struct LessonPreviewTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let width: Int
        let mode: ColorMode
        let language: RenderLanguage
        var name: String { "preview-\(language.rawValue)-\(width)-\(mode == .ansi ? "color" : "plain").txt" }
        var testDescription: String { name }
    }

    static let cases = [
        Case(width: 80, mode: .none, language: .vi), Case(width: 40, mode: .none, language: .vi),
        Case(width: 80, mode: .ansi, language: .vi), Case(width: 60, mode: .none, language: .en),
    ]

    @Test("every step and question kind, right answers marked", arguments: cases)
    func preview(_ c: Case) throws {
        let lines = LessonPreview(width: c.width, styler: Styler(mode: c.mode), language: c.language).render(
            SampleLesson.lesson)
        for line in lines { #expect(TerminalWidth.of(line) <= c.width, "\(line.debugDescription)") }
        Golden.check(lines, against: Fixtures.directory.appendingPathComponent(c.name))
    }
}
