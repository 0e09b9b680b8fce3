import ArgumentParser
import CommandSupport
import CourseCompiler
import Foundation

/// `hocso course facts DIR... [--older-than 6m] [--json] [--markdown]`: the register of
/// time-sensitive facts, with their sources and ages; fails when one is due for a check.
struct CourseFacts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract:
            "Liệt kê các dữ kiện cần kiểm lại (số tổng đài, địa chỉ web, số tiền, văn bản), nguồn và tuổi. List every marked fact with its source and age.",
        discussion: """
            Mã thoát 1 khi có dữ kiện quá hạn kiểm lại (hoặc cũ hơn --older-than) hay khoá học có lỗi. \
            Exits 1 when a fact is past its limit (or older than --older-than), or a course has errors.
            """)

    @Argument(help: "Thư mục khoá học. Course folders.") var directories: [String]

    @Option(
        name: .customLong("older-than"),
        help: "Báo cả dữ kiện kiểm cách đây lâu hơn mức này (6m, 1y). Also fail on facts checked longer ago than this.")
    var olderThan: String?

    @Flag(help: "In kết quả dạng JSON ra stdout. Print the report as JSON on stdout.") var json = false

    @Flag(help: "In bảng sổ dữ kiện cho docs/curriculum.md. Print the register table of docs/curriculum.md.")
    var markdown = false

    @OptionGroup var interface: InterfaceLanguage

    func validate() throws {
        if let olderThan, FactsReport.months(olderThan) == nil { throw ValidationError(CourseText.badAge(olderThan)) }
        if json && markdown {
            throw ValidationError("--json và --markdown không dùng cùng nhau. Use one of --json, --markdown.")
        }
    }

    func run() throws {
        let language = interface.language
        let report = FactsReport(
            checking: directories.map { URL(fileURLWithPath: $0) },
            olderThanMonths: olderThan.flatMap(FactsReport.months))
        if json {
            print(report.json(language: language))
        } else if markdown {
            print(report.markdown())
        } else {
            let text = report.text(language)
            if !text.isEmpty { print(text) }
            let printer = DiagnosticPrinter(
                color: Console.stderrIsTerminal && Console.colorOnStdout, language: language)
            for diagnostic in report.diagnostics { Console.error(printer.format(diagnostic)) }
            Console.error(report.summaryLine(language))
        }
        if report.failed { throw ExitCode.failure }
    }
}
