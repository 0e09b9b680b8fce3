import ArgumentParser
import CommandSupport
import CourseCompiler
import Foundation

/// `hocso course new DIR`: scaffolds a course folder that passes `course check`.
struct CourseNew: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Tạo thư mục khoá học mới với một bài mẫu. Scaffold a new course folder with a sample lesson.")

    @Argument(help: "Thư mục khoá học mới (tên thư mục là id). New course folder (its name is the id).") var directory:
        String
    @Option(help: "Id của khoá học (mặc định: tên thư mục). Course id (default: the folder name).") var id: String?
    @Option(help: "Tên khoá học. Course title.") var title: String?
    @Option(help: "Ngôn ngữ: vi hoặc en. Language: vi or en.") var lang = "vi"

    func validate() throws {
        guard lang == "vi" || lang == "en" else {
            throw ValidationError("--lang phải là vi hoặc en. --lang must be vi or en.")
        }
    }

    func run() throws {
        let files = try reportingFailures {
            try CourseScaffold.create(at: URL(fileURLWithPath: directory), id: id, title: title, language: lang)
        }
        for file in files { print(file.relativePath) }
    }
}
