import CourseCompiler
import CourseModel
import Foundation
import Testing

/// `order:` and `self_check:` in course.yaml: read, checked against the lessons, pinned by position.
@Suite struct LearningPathTests {
    static let head = "id: khoa-thu\ntitle: T\nlang: vi\nversion: 1\ndescription: D\nlessons: [01-bai.md]\n"
    static let lesson =
        TestCourse.frontMatter
        + "\n## Đọc\n\nChữ.\n\n## Kiểm tra\n\n### Câu một?\n<!-- id: cau-mot -->\n\n- (x) Đúng\n- ( ) Sai\n\n### Câu hai?\n<!-- id: cau-hai -->\n\n- (x) Đúng\n- ( ) Sai\n"

    func compile(_ yaml: String) throws -> (CompilationResult, TestCourse, MarkedText) {
        let marked = MarkedText(yaml)
        let course = try TestCourse(yaml: marked.text, files: ["01-bai.md": Self.lesson])
        return (course.compile(), course, marked)
    }

    @Test(arguments: [
        ("sequential", LessonOrder.sequential), ("tuan-tu", .sequential), ("free", .free), ("tu-do", .free),
    ])
    func theLessonOrderIsRead(spelling: String, order: LessonOrder) throws {
        let (result, course, _) = try compile(Self.head + "order: \(spelling)\n")
        defer { course.remove() }
        #expect(result.diagnostics == [])
        #expect(result.course?.lessonOrder == order)
    }

    @Test func anUnknownOrderIsAnErrorWithAGuess() throws {
        let (result, course, marked) = try compile(Self.head + "order: ↓sequentail\n")
        defer { course.remove() }
        let error = try #require(result.errors.first)
        #expect(error.message.en == "unknown lesson order 'sequentail'")
        #expect(error.message.vi == "thứ tự bài 'sequentail' không hợp lệ")
        #expect(error.hint?.en == "did you mean 'sequential'?")
        #expect((error.line, error.column) == marked.position)
    }

    @Test func aSelfCheckPathIsRead() throws {
        let yaml =
            Self.head
            + "self_check:\n  - course: dien-thoai\n    questions: [cau-mot]\n  - course: an-toan\n    questions: [cau-hai]\n"
        let (result, course, _) = try compile(yaml)
        defer { course.remove() }
        #expect(result.diagnostics == [])
        let path = try #require(result.course?.selfCheck)
        #expect(
            path.path == [
                .init(course: "dien-thoai", questions: ["cau-mot"]), .init(course: "an-toan", questions: ["cau-hai"]),
            ])
        #expect(path.recommendation(correct: ["cau-mot"]) == .start(course: "an-toan"))
        #expect(path.recommendation(correct: []) == .start(course: "dien-thoai"))
        #expect(path.recommendation(correct: ["cau-mot", "cau-hai"]) == .knowsItAll)
    }

    @Test func aSelfCheckNamingAQuestionTheCourseLacksIsAnError() throws {
        let yaml = Self.head + "self_check:\n  - course: dien-thoai\n    questions: [cau-mot, ↓cau-ba]\n"
        let (result, course, marked) = try compile(yaml)
        defer { course.remove() }
        let error = try #require(result.errors.first)
        #expect(error.message.en == "no question of this course has the id 'cau-ba'")
        #expect((error.line, error.column) == marked.position)
        let warning = try #require(result.diagnostics.first { $0.severity == .warning })
        #expect(warning.message.en.hasPrefix("question 'cau-hai'"), "\(warning.message.en)")
    }

    @Test func aSelfCheckEntryWithoutQuestionsIsAnError() throws {
        let (result, course, marked) = try compile(Self.head + "self_check:\n  ↓- course: dien-thoai\n")
        defer { course.remove() }
        let error = try #require(result.errors.first)
        #expect(error.message.en == "each 'self_check' entry needs 'course' and 'questions'")
        #expect(error.line == marked.position.line)
    }

    @Test func theOrderAndPathSurviveThePackEncoding() throws {
        let yaml =
            Self.head + "order: sequential\nself_check:\n  - course: dien-thoai\n    questions: [cau-mot, cau-hai]\n"
        let (result, course, _) = try compile(yaml)
        defer { course.remove() }
        let compiled = try #require(result.course)
        let decoded = try JSONDecoder().decode(Course.self, from: JSONEncoder().encode(compiled))
        #expect(decoded == compiled)
        // A course without either keeps the bytes it had before they existed.
        let plain = try TestCourse(yaml: Self.head, files: ["01-bai.md": Self.lesson])
        defer { plain.remove() }
        let json = String(decoding: try JSONEncoder().encode(try #require(plain.compile().course)), as: UTF8.self)
        #expect(!json.contains("\"order\"") && !json.contains("selfCheck"))
    }
}
