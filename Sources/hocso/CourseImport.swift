import ArgumentParser
import CommandSupport
import CourseCompiler
import CourseInterchange
import CourseModel
import Foundation
import Localization

/// `hocso course import FILE --into DIR`: a Moodle GIFT or Aiken question bank as a course folder.
struct CourseImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Nhập ngân hàng câu hỏi Moodle (GIFT, Aiken) thành khoá học. Import a Moodle GIFT or Aiken file as a course.",
        discussion: """
            Ghi thư mục DIR/<id> (course.yaml và các bài .md); báo tệp:dòng:cột cho mọi thứ không chuyển được. \
            Writes DIR/<id> (course.yaml and lesson .md files); reports file:line:col for anything not carried over. \
            See docs/import-export.md.
            """)

    @Argument(help: "Tệp .gift hoặc .txt. The .gift or .txt file.") var file: String
    @Option(help: "gift hoặc aiken (mặc định: đoán theo tệp). gift or aiken (default: guessed).") var format: String?
    @Option(help: "Thư mục chứa khoá học mới, ví dụ Courses. Folder to create the course in, e.g. Courses.")
    var into: String
    @Option(
        name: .customLong("course-id"),
        help: "Id khoá học (mặc định: từ tên tệp). Course id (default: from the file name).")
    var courseID: String?
    @Option(help: "Tên khoá học. Course title.") var title: String?
    @Option(name: .customLong("content-lang"), help: "Ngôn ngữ nội dung: vi hoặc en. Content language: vi or en.")
    var contentLang = "vi"
    @Flag(name: .customLong("one-lesson"), help: "Mọi câu hỏi vào một bài. Put every question in one lesson.")
    var oneLesson = false
    @Option(help: "Ngôn ngữ thông báo: vi hoặc en. Language of messages: vi or en.") var lang: String?

    func validate() throws {
        if let format, QuestionFormat(rawValue: format) == nil {
            throw ValidationError("--format phải là gift hoặc aiken. --format must be gift or aiken.")
        }
        guard ["vi", "en"].contains(contentLang) else {
            throw ValidationError("--content-lang phải là vi hoặc en. --content-lang must be vi or en.")
        }
        if let courseID, !Identifier.isValid(courseID) {
            throw ValidationError(
                "--course-id '\(courseID)' không hợp lệ (ví dụ: ngan-hang-cau-hoi). Invalid id (e.g. question-bank).")
        }
        if courseID == nil, Identifier.slug(Self.baseName(file)).isEmpty {
            throw ValidationError("Hãy đặt --course-id. Give --course-id: no id can be made from the file name.")
        }
    }

    /// `bank.gift.txt` → `bank`.
    static func baseName(_ path: String) -> String {
        var name = URL(fileURLWithPath: path).lastPathComponent
        while let dot = name.lastIndex(of: "."),
            ["gift", "txt", "aiken"].contains(name[name.index(after: dot)...].lowercased())
        {
            name = String(name[..<dot])
        }
        return name
    }

    func run() throws {
        let language = Language.resolve(flag: lang, environment: ProcessInfo.processInfo.environment)
        let name = Self.baseName(file)
        let options = ImportOptions(
            courseID: courseID ?? Identifier.slug(name), title: title ?? name, language: contentLang,
            oneLesson: oneLesson)
        let report: ImportReport
        do {
            report = try CourseImporter.importFile(
                URL(fileURLWithPath: file), displayName: file, format: format.flatMap(QuestionFormat.init),
                into: URL(fileURLWithPath: into), options: options)
        } catch let error as InterchangeError {
            Self.printFailure(error, language)
            throw ExitCode.failure
        }
        let printer = DiagnosticPrinter(
            color: Console.stderrIsTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true))
        for diagnostic in report.diagnostics {
            Console.error(printer.format(diagnostic.compilerDiagnostic))
        }
        for diagnostic in report.compilerDiagnostics { Console.error(printer.format(diagnostic)) }
        print(report.summary(language))
        if report.hasErrors { throw ExitCode.failure }
    }
}
