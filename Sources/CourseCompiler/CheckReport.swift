import CourseModel
import Foundation
import Localization

/// The outcome of checking several course folders: what `hocso course check` prints.
public struct CheckReport: Sendable {
    /// One checked course, as listed in the JSON report.
    public struct CourseSummary: Sendable, Codable, Equatable {
        /// The course id (the folder name when `course.yaml` could not be read).
        public var id: String
        /// Lessons compiled (0 when the course has errors).
        public var lessons: Int
        /// Questions compiled (0 when the course has errors).
        public var questions: Int
        /// Errors found in the course.
        public var errors: Int
        /// Warnings found in the course.
        public var warnings: Int
    }

    /// Every diagnostic of every course, course by course.
    public var diagnostics: [Diagnostic]
    /// One summary per checked folder, in the order given.
    public var courses: [CourseSummary]

    /// Compiles every folder in `folders`.
    public init(checking folders: [URL], compiler: CourseCompiler = CourseCompiler()) {
        diagnostics = []
        courses = []
        for folder in folders {
            let result = compiler.compile(courseAt: folder)
            diagnostics += result.diagnostics
            courses.append(
                CourseSummary(
                    id: result.course?.id
                        ?? VietnameseText.nfc(folder.absoluteURL.standardizedFileURL.lastPathComponent),
                    lessons: result.course?.lessons.count ?? 0,
                    questions: result.course?.allQuestions.count ?? 0,
                    errors: result.diagnostics.filter { $0.severity == .error }.count,
                    warnings: result.diagnostics.filter { $0.severity == .warning }.count))
        }
    }

    /// How many errors were found.
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    /// How many warnings were found.
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// `2 errors, 1 warning in 3 courses` (`2 lỗi, 1 cảnh báo trong 3 khoá học`).
    public var summaryLine: Phrase {
        func counted(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return Phrase(
            vi: "\(errorCount) lỗi, \(warningCount) cảnh báo trong \(courses.count) khoá học",
            en:
                "\(counted(errorCount, "error")), \(counted(warningCount, "warning")) in \(counted(courses.count, "course"))"
        )
    }

    /// `{"diagnostics":[…],"courses":[…]}`, keys sorted, for tools; messages in `language`.
    public func json(language: Language = .en) -> String {
        struct Item: Encodable {
            var severity: Diagnostic.Severity
            var file: String
            var line: Int
            var column: Int
            var message: String
            var hint: String?
        }
        struct Payload: Encodable {
            var diagnostics: [Item]
            var courses: [CourseSummary]
        }
        let items = diagnostics.map {
            Item(
                severity: $0.severity, file: $0.file, line: $0.line, column: $0.column, message: $0.message(language),
                hint: $0.hint?(language))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(Payload(diagnostics: items, courses: courses)) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
