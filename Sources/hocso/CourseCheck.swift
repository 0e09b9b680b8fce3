import ArgumentParser
import CommandSupport
import CourseCompiler
import Foundation

/// `hocso course check DIR...`: compiles course folders and prints every diagnostic.
struct CourseCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kiểm tra khoá học, báo lỗi theo tệp:dòng:cột. Check courses; report problems as file:line:col.")

    @Argument(help: "Thư mục khoá học. Course folders.") var directories: [String]

    @Flag(help: "In kết quả dạng JSON ra stdout. Print the report as JSON on stdout.") var json = false

    @OptionGroup var interface: InterfaceLanguage

    func run() throws {
        let language = interface.language
        let report = try reportingFailures(language) {
            CheckReport(checking: directories.map { URL(fileURLWithPath: $0) })
        }
        if json {
            print(report.json(language: language))
        } else {
            let color =
                Console.stderrIsTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true)
            let printer = DiagnosticPrinter(color: color, language: language)
            for diagnostic in report.diagnostics { Console.error(printer.format(diagnostic)) }
            Console.error(report.summaryLine(language))
        }
        if report.errorCount > 0 { throw ExitCode.failure }
    }
}
