import CourseCompiler
import CourseModel
import Foundation
import Testing

/// `tt02:` competence codes of Circular 02/2025/TT-BGDĐT in `course.yaml` and in front matter:
/// what compiles, and every diagnostic pinned by message, hint and position (`↓`).
@Suite struct CompetenceDiagnosticTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var codes: String
        var severity: Diagnostic.Severity = .error
        var message: String
        var hint: String
        var testDescription: String { name }
    }

    static func yaml(_ codes: String) -> String {
        "id: khoa-thu\ntitle: T\nlang: vi\nversion: 1\ndescription: D\ntt02: \(codes)\nlessons: [01-bai.md]\n"
    }

    static let lessonText = TestCourse.frontMatter + "\n## Đọc\n\nChữ.\n"

    static let cases: [Case] = [
        Case(
            name: "a number past the domain's last competence", codes: "[4.2, ↓1.4]",
            message: "unknown competence code '1.4' of Circular 02/2025/TT-BGDĐT",
            hint: "did you mean '1.3' (Managing data, information and digital content)?"),
        Case(
            name: "a decimal comma", codes: "[↓\"4,2\"]",
            message: "unknown competence code '4,2' of Circular 02/2025/TT-BGDĐT",
            hint: "did you mean '4.2' (Protecting personal data and privacy)?"),
        Case(
            name: "a domain alone", codes: "[↓6]",
            message: "unknown competence code '6' of Circular 02/2025/TT-BGDĐT",
            hint: "did you mean '6.1' (Understanding artificial intelligence)? domain 6"),
        Case(
            name: "a domain past the sixth", codes: "[↓7.2]",
            message: "unknown competence code '7.2' of Circular 02/2025/TT-BGDĐT",
            hint: "did you mean '6.2' (Using artificial intelligence)?"),
        Case(
            name: "a domain named in words", codes: "[↓an toàn]",
            message: "unknown competence code 'an toàn' of Circular 02/2025/TT-BGDĐT",
            hint: "did you mean '4.1' (Protecting devices)? domain 4 (Safety) has 4.1, 4.2, 4.3, 4.4"),
        Case(
            name: "a code listed twice", codes: "[4.2, 6.3, ↓4.2]", severity: .warning,
            message: "competence '4.2' is listed twice", hint: "remove one of them"),
    ]

    @Test(arguments: cases)
    func courseYAML(_ c: Case) throws {
        let marked = MarkedText(Self.yaml(c.codes))
        let course = try TestCourse(yaml: marked.text, files: ["01-bai.md": Self.lessonText])
        defer { course.remove() }
        let result = course.compile()
        let diagnostic = try #require(
            result.diagnostics.first { $0.message.en == c.message }, "got \(result.diagnostics.map(\.message.en))")
        #expect(diagnostic.severity == c.severity)
        #expect(diagnostic.file == course.path("course.yaml"))
        #expect((diagnostic.line, diagnostic.column) == marked.position)
        #expect(diagnostic.hint?.en.contains(c.hint) == true, "hint: \(diagnostic.hint?.en ?? "nil")")
    }

    @Test func theCompiledCourseCarriesItsCompetencesAndALessonNarrowsThem() throws {
        let narrowed = "---\nid: bai-thu\ntitle: Bài thử\ntt02: [6.3]\n---\n\n## Đọc\n\nChữ.\n"
        let whole = "---\nid: bai-hai\ntitle: Bài hai\n---\n\n## Đọc\n\nChữ.\n"
        let yaml = Self.yaml("[4.2, 6.3]").replacingOccurrences(of: "[01-bai.md]", with: "[01-bai.md, 02-bai.md]")
        let course = try TestCourse(yaml: yaml, files: ["01-bai.md": narrowed, "02-bai.md": whole])
        defer { course.remove() }
        let result = course.compile()
        #expect(result.diagnostics == [])
        let compiled = try #require(result.course)
        #expect(compiled.competences.map(\.code) == ["4.2", "6.3"])
        #expect(compiled.domains == [.safety, .artificialIntelligence])
        #expect(compiled.lessons[0].competences.map(\.code) == ["6.3"])
        #expect(compiled.competences(of: compiled.lessons[1]).map(\.code) == ["4.2", "6.3"])
    }

    @Test func aLessonMayOnlyNarrowTheCoursesList() throws {
        let lesson = MarkedText("---\nid: bai-thu\ntitle: Bài thử\ntt02: [6.3, ↓5.1]\n---\n\n## Đọc\n\nChữ.\n")
        let course = try TestCourse(yaml: Self.yaml("[4.2, 6.3]"), files: ["01-bai.md": lesson.text])
        defer { course.remove() }
        let result = course.compile()
        #expect(result.errors.count == 1)
        let error = try #require(result.errors.first)
        #expect(error.message.en == "competence '5.1' is not in the course's 'tt02' in course.yaml")
        #expect(error.file == course.path("01-bai.md"))
        #expect((error.line, error.column) == lesson.position)
        #expect(error.hint?.en.contains("add '5.1' to course.yaml") == true)
    }

    @Test func aLessonCodeIsCheckedLikeTheCourses() throws {
        let lesson = MarkedText("---\nid: bai-thu\ntitle: Bài thử\ntt02: [↓6.4]\n---\n\n## Đọc\n\nChữ.\n")
        let course = try TestCourse(yaml: Self.yaml("[6.3]"), files: ["01-bai.md": lesson.text])
        defer { course.remove() }
        let error = try #require(course.compile().errors.first)
        #expect(error.message.en == "unknown competence code '6.4' of Circular 02/2025/TT-BGDĐT")
        #expect((error.line, error.column) == lesson.position)
        #expect(error.hint?.en.contains("'6.3'") == true)
    }
}
