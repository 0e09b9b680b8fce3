import CourseCompiler
import Foundation
import Localization
import Testing

/// Diagnostics about `course.yaml` and about several lessons together, pinned by position.
@Suite struct CourseDiagnosticTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var severity: Diagnostic.Severity = .error
        var message: String
        var hint: String?
        var testDescription: String { name }
    }

    static let lessonText = TestCourse.frontMatter + "\n## Đọc\n\nChữ.\n"

    static let cases: [Case] = [
        Case(
            name: "unknown key",
            yaml:
                "id: khoa-thu\ntitle: T\nlang: vi\nversion: 1\ndescription: D\n↓descripton: typo\nlessons: [01-bai.md]\n",
            severity: .warning, message: "unknown key 'descripton' in course.yaml", hint: "did you mean 'description'?"),
        Case(
            name: "missing required keys",
            yaml: "↓id: khoa-thu\ntitle: T\nlang: vi\nversion: 1\nlessons: [01-bai.md]\n",
            message: "missing required key 'description' in course.yaml", hint: "add a line 'description: …'"),
        Case(
            name: "missing lesson file",
            yaml:
                "id: khoa-thu\ntitle: T\nlang: vi\nversion: 1\ndescription: D\nlessons:\n  - 01-bai.md\n  - ↓01-bia.md\n",
            message: "lesson file '01-bia.md' does not exist"),
        Case(
            name: "pass mark outside 0–1",
            yaml: "id: khoa-thu\ntitle: T\nlang: vi\nversion: 1\ndescription: D\npass: ↓80\nlessons: [01-bai.md]\n",
            message: "pass mark 80 is outside 0–1", hint: "write a share, e.g. 'pass: 0.8'"),
        Case(
            name: "course id differs from its folder name",
            yaml: "id: ↓khoa-khac\ntitle: T\nlang: vi\nversion: 1\ndescription: D\nlessons: [01-bai.md]\n",
            message: "course id 'khoa-khac' differs from its folder name 'khoa-thu'"),
        Case(
            name: "invalid course id",
            yaml: "id: ↓Khoá Thử\ntitle: T\nlang: vi\nversion: 1\ndescription: D\nlessons: [01-bai.md]\n",
            message: "invalid course id 'Khoá Thử'", hint: "'khoa-thu'"),
        Case(
            name: "YAML syntax error",
            yaml: "id: khoa-thu\ntitle: T\n  lang↓: vi\n",
            message: "YAML syntax error in course.yaml: mapping values are not allowed in this context"),
        Case(
            name: "unknown language",
            yaml: "id: khoa-thu\ntitle: T\nlang: ↓fr\nversion: 1\ndescription: D\nlessons: [01-bai.md]\n",
            message: "unknown language 'fr'"),
        Case(
            name: "version not a positive number",
            yaml: "id: khoa-thu\ntitle: T\nlang: vi\nversion: ↓một\ndescription: D\nlessons: [01-bai.md]\n",
            message: "'version' must be a positive whole number, not 'một'"),
        Case(
            name: "unknown DigComp area",
            yaml:
                "id: khoa-thu\ntitle: T\nlang: vi\nversion: 1\ndescription: D\ndigcomp: [↓safty]\nlessons: [01-bai.md]\n",
            message: "unknown DigComp area 'safty'", hint: "did you mean 'safety'?"),
        Case(
            name: "lesson listed twice",
            yaml:
                "id: khoa-thu\ntitle: T\nlang: vi\nversion: 1\ndescription: D\nlessons:\n  - 01-bai.md\n  - ↓01-bai.md\n",
            message: "lesson '01-bai.md' is listed twice"),
        Case(
            name: "lesson path leaving the folder",
            yaml:
                "id: khoa-thu\ntitle: T\nlang: vi\nversion: 1\ndescription: D\nlessons:\n  - 01-bai.md\n  - ↓../x.md\n",
            message: "lesson path '../x.md' leaves the course folder"),
    ]

    @Test(arguments: cases)
    func reportsMessageAtMarkedPosition(_ c: Case) throws {
        let marked = MarkedText(c.yaml)
        let course = try TestCourse(yaml: marked.text, files: ["01-bai.md": Self.lessonText])
        defer { course.remove() }
        let result = course.compile()
        let diagnostic = try #require(
            result.diagnostics.first { $0.message.en == c.message }, "got \(result.diagnostics.map(\.message.en))")
        #expect(diagnostic.severity == c.severity)
        #expect(diagnostic.message.vi != diagnostic.message.en, "no Vietnamese text")
        #expect(diagnostic.file == course.path("course.yaml"))
        #expect(diagnostic.line == marked.position.line)
        #expect(diagnostic.column == marked.position.column)
        if let hint = c.hint {
            #expect(diagnostic.hint?.en.contains(hint) == true, "hint: \(diagnostic.hint?.en ?? "nil")")
        }
    }

    @Test func missingCourseYAML() throws {
        let course = try TestCourse(yaml: nil, files: ["01-bai.md": Self.lessonText])
        defer { course.remove() }
        let result = course.compile()
        #expect(result.diagnostics.map(\.message.en) == ["missing course.yaml"])
        #expect(result.diagnostics.first?.file == course.path("course.yaml"))
        #expect(result.course == nil)
    }

    @Test func lessonFileNotListedIsAWarning() throws {
        let course = try TestCourse(files: [
            "01-bai.md": Self.lessonText, "02-nhap.md": Self.lessonText, "README.md": "# ghi chú",
        ])
        defer { course.remove() }
        let result = course.compile()
        #expect(result.errors == [])
        #expect(
            result.warnings == [
                Diagnostic(
                    severity: .warning, file: course.path("02-nhap.md"), line: 1, column: 1,
                    message: Phrase(
                        vi: "tệp bài học '02-nhap.md' chưa có trong course.yaml",
                        en: "lesson file '02-nhap.md' is not listed in course.yaml"),
                    hint: Phrase(
                        vi: "thêm tệp vào mục 'lessons:' của course.yaml, hoặc chuyển nó ra khỏi thư mục khoá học",
                        en: "add it under 'lessons:' in course.yaml, or move it out of the course folder"))
            ])
        #expect(result.course != nil)
    }

    static let twoLessonYAML = TestCourse.defaultYAML + "  - 02-bai.md\n"

    @Test func twoFinalLessons() throws {
        let first = "---\nid: bai-a\ntitle: A\nfinal: true\n---\n\n## Đọc\n\nChữ.\n"
        let second = MarkedText("---\nid: bai-b\ntitle: B\nfinal: ↓true\n---\n\n## Đọc\n\nChữ.\n")
        let course = try TestCourse(yaml: Self.twoLessonYAML, files: ["01-bai.md": first, "02-bai.md": second.text])
        defer { course.remove() }
        let result = course.compile()
        #expect(result.errors.count == 1)
        let error = try #require(result.errors.first)
        #expect(error.message.en == "two lessons are marked 'final: true'")
        #expect(error.file == course.path("02-bai.md"))
        #expect((error.line, error.column) == second.position)
        #expect(error.hint?.en.contains("01-bai.md:4") == true)
    }

    @Test func duplicateLessonIDs() throws {
        let second = MarkedText("---\nid: ↓bai-thu\ntitle: B\n---\n\n## Đọc\n\nChữ.\n")
        let course = try TestCourse(
            yaml: Self.twoLessonYAML, files: ["01-bai.md": Self.lessonText, "02-bai.md": second.text])
        defer { course.remove() }
        let error = try #require(course.compile().errors.first)
        #expect(error.message.en == "duplicate lesson id 'bai-thu'")
        #expect((error.line, error.column) == second.position)
        #expect(error.hint?.en.contains("01-bai.md:2:5") == true)
    }

    @Test func duplicateQuestionIDsAcrossLessons() throws {
        let quiz = "\n## Kiểm tra\n\n### A?\n<!-- id: cau-a -->\n\n- = a\n"
        let first = "---\nid: bai-a\ntitle: A\n---\n" + quiz
        let second = MarkedText(
            "---\nid: bai-b\ntitle: B\n---\n\n## Kiểm tra\n\n### B?\n<!-- id: ↓cau-a -->\n\n- = b\n")
        let course = try TestCourse(yaml: Self.twoLessonYAML, files: ["01-bai.md": first, "02-bai.md": second.text])
        defer { course.remove() }
        let error = try #require(course.compile().errors.first)
        #expect(error.message.en == "duplicate question id 'cau-a'")
        #expect(error.file == course.path("02-bai.md"))
        #expect((error.line, error.column) == second.position)
        #expect(error.hint?.en.contains("01-bai.md:9:10") == true)
    }

    @Test func nonUTF8Lesson() throws {
        let course = try TestCourse()
        defer { course.remove() }
        // "---\nid: a\ntitle: Bài " then a Latin-1 byte: line 3, column 13 after 12 characters.
        var bytes = Data("---\nid: a\ntitle: Bài thử ".utf8)
        bytes.append(0xE0)
        bytes.append(contentsOf: Array("\n---\n".utf8))
        try course.write("01-bai.md", bytes)
        let error = try #require(course.compile().errors.first)
        #expect(error.message.en == "file is not valid UTF-8 (byte 0xE0)")
        #expect((error.line, error.column) == (3, 16))
        #expect(error.hint?.en == "save the file as UTF-8 in your editor")
    }

    @Test func diagnosticsComeInFileThenLineOrder() throws {
        let lesson = TestCourse.frontMatter + "\n## Đọc\n\nChữ <b>x</b>.\n\n## Trống\n"
        let course = try TestCourse(
            yaml: TestCourse.defaultYAML + "extra: 1\n", files: ["01-bai.md": lesson, "03-le.md": Self.lessonText])
        defer { course.remove() }
        let places = course.compile().diagnostics.map {
            "\(($0.file as NSString).lastPathComponent):\($0.line):\($0.column)"
        }
        #expect(places == ["course.yaml:8:1", "01-bai.md:9:5", "01-bai.md:9:9", "01-bai.md:11:1", "03-le.md:1:1"])
    }

    @Test func filePathsKeepTheFolderAsGiven() throws {
        let course = try TestCourse(files: ["01-bai.md": Self.lessonText + "\n<u>x</u>\n"])
        defer { course.remove() }
        // A relative folder name must appear as written, joined with the file name.
        let base = URL(fileURLWithPath: course.root.path, isDirectory: true)
        let relative = CourseCompiler().compile(courseAt: URL(fileURLWithPath: "khoa-thu", relativeTo: base))
        #expect(relative.diagnostics.map(\.file) == ["khoa-thu/01-bai.md", "khoa-thu/01-bai.md"])
    }
}
