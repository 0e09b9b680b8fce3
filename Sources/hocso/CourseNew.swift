import ArgumentParser
import CommandSupport
import CourseCompiler
import Foundation
import Localization

/// `hocso course new DIR`: scaffolds a course folder that passes `course check`.
struct CourseNew: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Tạo thư mục khoá học mới với một bài mẫu. Scaffold a new course folder with a sample lesson.")

    @Argument(help: "Thư mục khoá học mới (tên thư mục là id). New course folder (its name is the id).") var directory:
        String
    @Option(help: "Id của khoá học (mặc định: tên thư mục). Course id (default: the folder name).") var id: String?
    @Option(help: "Tên khoá học. Course title.") var title: String?
    @Option(
        help:
            "Ngôn ngữ của khoá học và của thông báo: vi (mặc định) hoặc en. The course's language, and the messages': vi (default) or en."
    )
    var lang: String?

    func validate() throws {
        if let lang, lang != "vi" && lang != "en" {
            throw ValidationError("--lang phải là vi hoặc en. --lang must be vi or en.")
        }
    }

    func run() throws {
        // The course is Vietnamese unless --lang says otherwise; the messages follow --lang, then
        // HOCSO_LANG and the locale.
        let language = Language.resolve(flag: lang, environment: ProcessInfo.processInfo.environment)
        let files = try reportingFailures(language) {
            try CourseScaffold.create(
                at: URL(fileURLWithPath: directory), id: id, title: title, language: lang ?? "vi")
        }
        for file in files { print(file.relativePath) }
    }
}
