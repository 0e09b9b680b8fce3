import ArgumentParser
import CommandSupport
import CourseCompiler
import CourseInterchange
import Foundation
import Localization

/// `hocso course export DIR --format gift -o FILE`: a course as GIFT for a Moodle question bank.
struct CourseExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Xuất khoá học ra GIFT để nhập vào Moodle. Export a course as GIFT for Moodle.",
        discussion: "Cảnh báo liệt kê những gì GIFT không giữ được. Warnings list what GIFT cannot hold.")

    @Argument(help: "Thư mục khoá học. Course folder.") var directory: String
    @Option(help: "Định dạng: gift. Format: gift.") var format = "gift"
    @Option(name: .shortAndLong, help: "Tệp GIFT để ghi ('-': ra màn hình). GIFT file to write ('-': stdout).")
    var output: String
    @Option(help: "Ngôn ngữ thông báo: vi hoặc en. Language of messages: vi or en.") var lang: String?

    func validate() throws {
        guard format == "gift" else { throw ValidationError("--format chỉ nhận gift. --format must be gift.") }
    }

    func run() throws {
        let language = Language.resolve(flag: lang, environment: ProcessInfo.processInfo.environment)
        let report = CourseExporter.exportGIFT(courseAt: URL(fileURLWithPath: directory))
        let printer = DiagnosticPrinter(
            color: Console.stderrIsTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true))
        for diagnostic in report.compilerDiagnostics { Console.error(printer.format(diagnostic)) }
        guard let gift = report.gift else {
            Self.printFailure(Failure(ExportReport.courseHasErrors), language)
            throw ExitCode.failure
        }
        for loss in report.losses { Console.error(printer.format(loss.compilerDiagnostic)) }
        if output == "-" {
            FileHandle.standardOutput.write(Data(gift.utf8))
        } else {
            do {
                try Data(gift.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                Self.printFailure(Failure(ExportReport.cannotWrite(output)), language)
                throw ExitCode.failure
            }
            Console.error(report.summary(file: output)(language))
        }
    }
}
