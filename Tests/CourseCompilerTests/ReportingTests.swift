import CourseCompiler
import CourseModel
import Foundation
import Localization
import Testing

/// Printing diagnostics, the check report and the scaffolded course.
@Suite struct ReportingTests {
    static let error = Diagnostic(
        severity: .error, file: "Courses/x/01-a.md", line: 42, column: 3,
        message: Phrase(vi: "câu chọn một có 2 phương án đúng", en: "single-choice question has 2 correct options"),
        hint: Phrase(vi: "dùng '- [x]' cho câu nhiều đáp án", en: "use '- [x]' for multiple answer"))

    @Test func plainFormat() {
        #expect(
            DiagnosticPrinter(color: false).format(Self.error) == """
                Courses/x/01-a.md:42:3: error: single-choice question has 2 correct options
                  hint: use '- [x]' for multiple answer
                """)
        let warning = Diagnostic(
            severity: .warning, file: "a.md", line: 1, column: 1, message: .verbatim("raw HTML '<b>' is dropped"))
        #expect(DiagnosticPrinter(color: false).format(warning) == "a.md:1:1: warning: raw HTML '<b>' is dropped")
    }

    @Test func vietnameseFormat() {
        #expect(
            DiagnosticPrinter(color: false, language: .vi).format(Self.error) == """
                Courses/x/01-a.md:42:3: error: câu chọn một có 2 phương án đúng
                  gợi ý: dùng '- [x]' cho câu nhiều đáp án
                """)
    }

    @Test func colourOnlyWhenAsked() {
        let coloured = DiagnosticPrinter(color: true).format(Self.error)
        #expect(coloured.contains("\u{1B}[1;31merror:"))
        #expect(!DiagnosticPrinter(color: false).format(Self.error).contains("\u{1B}"))
    }

    @Test func positionsAfterFrontMatterAreFileLines() throws {
        // A 9-line front matter: the body's first line is file line 10, and cmark never sees the YAML.
        let lesson = MarkedText(
            """
            ---
            id: bai-thu
            title: Bài thử
            tags:
              - a
              - b
            duration: 5m
            summary: "Tóm tắt: có dấu hai chấm"
            ---
            ## Đọc

            Chào ↓<i>bạn</i>.

            """)
        let course = try TestCourse.lesson(lesson.text)
        defer { course.remove() }
        let first = try #require(course.compile().diagnostics.first)
        #expect(first.message.en == "raw HTML '<i>' is dropped")
        #expect((first.line, first.column) == lesson.position)
    }

    @Test func crlfLessonsKeepTheirLines() throws {
        let lesson = MarkedText(
            "---\r\nid: bai-thu\r\ntitle: Bài\r\n---\r\n\r\n## Đọc\r\n\r\nChữ.\r\n\r\n↓## Trống\r\n")
        let course = try TestCourse.lesson(lesson.text)
        defer { course.remove() }
        let first = try #require(course.compile().errors.first)
        #expect(first.message.en == "step 'Trống' is empty")
        #expect((first.line, first.column) == lesson.position)
    }

    @Test func checkReportSummaryAndJSON() throws {
        let good = try SampleCourseTests.makeCourse()
        let bad = try TestCourse.lesson(TestCourse.frontMatter + "\n## Đọc\n\nChữ <b>x</b>.\n\n## Trống\n")
        defer {
            good.remove()
            bad.remove()
        }
        let report = CheckReport(checking: [good.folder, bad.folder])
        #expect(report.summaryLine.en == "1 error, 2 warnings in 2 courses")
        #expect(report.summaryLine.vi == "1 lỗi, 2 cảnh báo trong 2 khoá học")
        #expect(report.courses.map(\.id) == ["khoa-mau", "khoa-thu"])
        #expect(report.courses.first?.lessons == 2)
        #expect(report.courses.first?.questions == 11)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 3)
        #expect(diagnostics.last?["severity"] as? String == "error")
        #expect(diagnostics.last?["line"] as? Int == 11)
        let courses = try #require(json["courses"] as? [[String: Any]])
        #expect(courses.first?["questions"] as? Int == 11)
    }

    @Test(arguments: ["vi", "en"])
    func scaffoldedCoursePassesTheCheckWithoutWarnings(language: String) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hocso-new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("khoa-moi")
        let files = try CourseScaffold.create(at: folder, title: "Khoá \"mới\": thử", language: language)
        #expect(files.map(\.lastPathComponent).first == "course.yaml")
        let result = CourseCompiler().compile(courseAt: folder)
        #expect(result.diagnostics == [])
        let course = try #require(result.course)
        #expect(course.title == "Khoá \"mới\": thử")
        #expect(course.language == language)
        #expect(Set(course.allQuestions.map(\.kind)) == Set(QuestionKindSet.all))
    }

    @Test func scaffoldRefusesANonEmptyFolder() throws {
        let course = try TestCourse.lesson("x")
        defer { course.remove() }
        #expect(throws: CourseCompilerError.self) { try CourseScaffold.create(at: course.folder) }
        #expect(throws: CourseCompilerError.self) {
            try CourseScaffold.create(at: course.root.appendingPathComponent("Khoá Mới"))
        }
    }
}

/// Every question kind, for the scaffold test.
enum QuestionKindSet {
    static let all = QuestionKind.allCases
}
