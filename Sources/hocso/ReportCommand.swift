import ArgumentParser
import CourseCompiler
import CourseModel
import Foundation
import HubStore
import Reports

/// `hocso report …`: coordinator reports. Owned by the reports work.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Báo cáo. Reports.",
        subcommands: [Completion.self, Activity.self, Funnel.self, Items.self, NeedsHelp.self, Inclusion.self])

    /// The output forms.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, html
    }

    /// Options every report takes.
    struct Options: ParsableArguments {
        @Option(name: .long, help: "Cơ sở dữ liệu của trạm. The hub database.") var db: String?
        @Option(
            name: .customLong("centre-db"), help: "Chạy trên CSDL một trung tâm. Run on one centre's database instead.")
        var centreDb: String?
        @Option(name: .long, help: "Từ ngày (YYYY-MM-DD). First day.") var from: String?
        @Option(name: .long, help: "Đến ngày (YYYY-MM-DD). Last day.") var to: String?
        @Option(name: .long, help: "Mã khoá học. Course id.") var course: String?
        @Option(name: .long, help: "Mã địa bàn hoặc trung tâm. Area code or centre node id.") var area: String?
        @Option(name: .long, help: "Nhóm theo: province|district|commune|center.") var by: String = "commune"
        @Option(name: .long, help: "Kỳ: day|week|month.") var period: String = "week"
        @Option(name: .long, help: "table|csv|json|html") var format: Format = .table
        @Option(name: .shortAndLong, help: "Ghi ra tệp. Write to a file.") var output: String?
        @Option(name: .long, help: "vi|en") var lang: String = "vi"
        @Option(
            name: .long, help: "Thư mục khoá học để cập nhật tên bài, câu hỏi. Course folders to refresh outlines from."
        )
        var courses: [String] = []

        func query(_ kind: ReportKind) throws -> ReportQuery {
            var q = ReportQuery(kind)
            if let from { q.from = try Self.date(from, "--from") }
            if let to { q.to = try Self.date(to, "--to") }
            if let f = q.from, let t = q.to, f > t { throw ValidationError("--from must not be after --to") }
            q.course = course
            q.area = area
            guard let level = AreaLevel(rawValue: by == "centre" ? "center" : by) else {
                throw ValidationError("--by must be province, district, commune or center (not '\(by)')")
            }
            q.by = level
            guard let p = ReportPeriod(rawValue: period) else {
                throw ValidationError("--period must be day, week or month")
            }
            q.period = p
            guard let l = ReportLanguage(rawValue: lang) else { throw ValidationError("--lang must be vi or en") }
            q.language = l
            return q
        }

        static func date(_ s: String, _ name: String) throws -> LocalDate {
            guard let d = LocalDate(s) else { throw ValidationError("\(name) must be a date YYYY-MM-DD, not '\(s)'") }
            return d
        }

        /// Builds the report on the hub (or the centre) and writes it.
        func run(_ kind: ReportKind, adjust: (inout ReportQuery) throws -> Void = { _ in }) throws {
            var q = try query(kind)
            try adjust(&q)
            let outlines = try courses.map { path -> Course in
                let result = CourseCompiler().compile(courseAt: URL(fileURLWithPath: path))
                guard let course = result.course else {
                    throw Failure("course folder '\(path)' does not compile (hocso course check)")
                }
                return course
            }
            let build: (ReportDatabase) throws -> Report = { db in
                if !outlines.isEmpty { try db.saveOutlines(outlines) }
                return try db.report(q)
            }
            let report: Report
            if let centreDb {
                guard db == nil else { throw ValidationError("give --db or --centre-db, not both") }
                report = try ReportDatabase.withCentre(at: URL(fileURLWithPath: centreDb), build)
            } else {
                let path = db.map { URL(fileURLWithPath: $0) } ?? SQLiteHubStore.defaultPath
                guard FileManager.default.fileExists(atPath: path.path) else {
                    throw Failure(
                        "no hub database at '\(path.path)' (give --db, or --centre-db for a centre's database)")
                }
                report = try build(ReportDatabase(path: path))
            }
            let text: String =
                switch format {
                case .table: TableRenderer().render(report)
                case .csv: CSVRenderer().render(report)
                case .json: JSONRenderer().render(report)
                case .html: HTMLRenderer().render(report)
                }
            if let output {
                do {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
                } catch {
                    throw Failure("cannot write '\(output)'")
                }
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }

    struct Completion: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "completion",
            abstract: "Hoàn thành theo khoá × địa bàn. Completion per course and area.")
        @OptionGroup var options: Options
        func run() throws { try reportingFailures { try options.run(.completion) } }
    }

    struct Activity: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "activity",
            abstract: "Người học hoạt động, câu trả lời theo kỳ. Active learners and answers per period.")
        @OptionGroup var options: Options
        func run() throws { try reportingFailures { try options.run(.activity) } }
    }

    struct Funnel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "funnel",
            abstract: "Phễu: mở → từng bài → đạt KT cuối. Funnel: opened → lessons → final passed.")
        @OptionGroup var options: Options
        func run() throws { try reportingFailures { try options.run(.funnel) } }
    }

    struct Items: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "items",
            abstract: "Phân tích câu hỏi. Question analysis.")
        @OptionGroup var options: Options
        func run() throws { try reportingFailures { try options.run(.items) } }
    }

    struct NeedsHelp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "needs-help", abstract: "Người học cần hỗ trợ. Learners who need help.")
        @OptionGroup var options: Options
        @Option(name: .customLong("stalled-days"), help: "Số ngày không học. Days without activity.") var stalledDays =
            14
        @Option(name: .customLong("wrong-run"), help: "Số câu sai liên tiếp. Wrong answers in a row.") var wrongRun = 3
        @Option(name: .customLong("as-of"), help: "Tính đến ngày. As of (YYYY-MM-DD).") var asOf: String?
        func run() throws {
            guard stalledDays >= 1, wrongRun >= 1 else {
                throw ValidationError("--stalled-days and --wrong-run must be at least 1")
            }
            try reportingFailures {
                try options.run(.needsHelp) { q in
                    q.stalledDays = stalledDays
                    q.wrongRun = wrongRun
                    if let asOf { q.asOf = try Options.date(asOf, "--as-of") }
                }
            }
        }
    }

    struct Inclusion: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "inclusion",
            abstract: "Hoàn thành theo tuổi và giới. Completion by age band and gender.")
        @OptionGroup var options: Options
        func run() throws { try reportingFailures { try options.run(.inclusion) } }
    }
}
