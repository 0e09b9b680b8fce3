import ArgumentParser
import CommandSupport
import CourseCompiler
import CourseModel
import Foundation
import HubStore
import Localization
import Reports

/// Where a program's reports read their numbers: a hub database (`hocso-hub report`) or a
/// centre database (`hocso report`).
public protocol ReportTarget {
    /// The `--db` help text.
    static var databaseHelp: ArgumentHelp { get }
    /// Builds `query`'s report over `database` (the default database when nil), first storing
    /// the outlines of `courses` when given.
    static func report(_ query: ReportQuery, database: String?, courses: [Course]) throws -> Report
}

/// `report completion|activity|funnel|items|needs-help|inclusion|certificates`, the same seven
/// reports in every form (table, CSV, JSON, HTML) whichever database they count.
public struct ReportGroup<Target: ReportTarget>: ParsableCommand {
    /// The group's configuration.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report", abstract: "Báo cáo. Reports.",
            subcommands: [
                Completion<Target>.self, Activity<Target>.self, Funnel<Target>.self, Items<Target>.self,
                NeedsHelp<Target>.self, Inclusion<Target>.self, Certificates<Target>.self,
            ])
    }

    /// Makes the group (ArgumentParser fills it).
    public init() {}
}

/// The output forms.
public enum ReportFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// A table for the terminal.
    case table
    /// CSV with a BOM, for spreadsheets.
    case csv
    /// JSON.
    case json
    /// A printable HTML page with charts.
    case html
}

/// Options every report takes.
public struct ReportOptions<Target: ReportTarget>: ParsableArguments {
    @Option(name: .long, help: Target.databaseHelp) var db: String?
    @Option(name: .long, help: "Từ ngày (YYYY-MM-DD). First day.") var from: String?
    @Option(name: .long, help: "Đến ngày (YYYY-MM-DD). Last day.") var to: String?
    @Option(name: .long, help: "Mã khoá học. Course id.") var course: String?
    @Option(name: .long, help: "Mã địa bàn hoặc trung tâm. Area code or centre node id.") var area: String?
    @Option(name: .long, help: "Nhóm theo: province|district|commune|center|group.") var by: String = "commune"
    @Option(name: .long, help: "Kỳ: day|week|month.") var period: String = "week"
    @Option(name: .long, help: "table|csv|json|html") var format: ReportFormat = .table
    @Option(name: .shortAndLong, help: "Ghi ra tệp. Write to a file.") var output: String?
    @OptionGroup var language: LanguageOption
    @Option(
        name: .long, help: "Thư mục khoá học để cập nhật tên bài, câu hỏi. Course folders to refresh outlines from.")
    var courses: [String] = []

    /// Makes the options (ArgumentParser fills them).
    public init() {}

    func query(_ kind: ReportKind) throws -> ReportQuery {
        var q = ReportQuery(kind)
        if let from { q.from = try Self.date(from, "--from") }
        if let to { q.to = try Self.date(to, "--to") }
        if let f = q.from, let t = q.to, f > t { throw ValidationError("--from must not be after --to") }
        q.course = course
        q.area = area
        if ["group", "nhom", "nhóm"].contains(by) {
            // The centres' study groups (`hocso center group`): counted for completion only.
            guard kind == .completion else { throw ValidationError("--by group works with the completion report only") }
            q.byStudyGroup = true
            q.by = .center
        } else {
            guard let level = AreaLevel(rawValue: by == "centre" ? "center" : by) else {
                throw ValidationError("--by must be province, district, commune, center or group (not '\(by)')")
            }
            q.by = level
        }
        guard let p = ReportPeriod(rawValue: period) else {
            throw ValidationError("--period must be day, week or month")
        }
        q.period = p
        q.language = language.language
        return q
    }

    /// The view `--view` names: the report's own rows (`standard`, e.g. `course`) or `domain`.
    static func view(_ raw: String, standard: String) throws -> ReportView {
        switch raw {
        case standard: return .standard
        case "domain": return .domain
        default: throw ValidationError("--view must be \(standard) or domain (not '\(raw)')")
        }
    }

    static func date(_ s: String, _ name: String) throws -> LocalDate {
        guard let d = LocalDate(s) else { throw ValidationError("\(name) must be a date YYYY-MM-DD, not '\(s)'") }
        return d
    }

    /// Builds the report and writes it.
    func run(_ kind: ReportKind, adjust: (inout ReportQuery) throws -> Void = { _ in }) throws {
        var q = try query(kind)
        try adjust(&q)
        let outlines = try courses.map { path -> Course in
            guard let course = CourseCompiler().compile(courseAt: URL(fileURLWithPath: path)).course else {
                throw Failure(ReportCommandText.doesNotCompile(path))
            }
            return course
        }
        let report = try Target.report(q, database: db, courses: outlines)
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
                throw Failure(ReportCommandText.cannotWrite(output))
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// `report completion`.
public struct Completion<Target: ReportTarget>: ParsableCommand {
    /// Its configuration.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "completion",
            abstract:
                "Hoàn thành theo khoá (hoặc miền năng lực số) × địa bàn. Completion per course (or domain) and area.")
    }
    @OptionGroup var options: ReportOptions<Target>
    @Option(
        name: .long,
        help: "Hàng: course (khoá × địa bàn) hoặc domain (miền năng lực số × địa bàn). Rows: course or domain × area.")
    var view: String = "course"
    /// Makes the command.
    public init() {}
    /// Refuses a view the report does not have.
    public func validate() throws { _ = try ReportOptions<Target>.view(view, standard: "course") }
    /// Runs it.
    public func run() throws {
        try reportingFailures(options.language.language) {
            try options.run(.completion) { q in q.view = try ReportOptions<Target>.view(view, standard: "course") }
        }
    }
}

/// `report activity`.
public struct Activity<Target: ReportTarget>: ParsableCommand {
    /// Its configuration.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "activity",
            abstract: "Người học hoạt động, câu trả lời theo kỳ. Active learners and answers per period.")
    }
    @OptionGroup var options: ReportOptions<Target>
    /// Makes the command.
    public init() {}
    /// Runs it.
    public func run() throws { try reportingFailures(options.language.language) { try options.run(.activity) } }
}

/// `report funnel`.
public struct Funnel<Target: ReportTarget>: ParsableCommand {
    /// Its configuration.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "funnel",
            abstract: "Phễu: mở → từng bài → đạt KT cuối. Funnel: opened → lessons → final passed.")
    }
    @OptionGroup var options: ReportOptions<Target>
    /// Makes the command.
    public init() {}
    /// Runs it.
    public func run() throws { try reportingFailures(options.language.language) { try options.run(.funnel) } }
}

/// `report items`.
public struct Items<Target: ReportTarget>: ParsableCommand {
    /// Its configuration.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "items", abstract: "Phân tích câu hỏi. Question analysis.")
    }
    @OptionGroup var options: ReportOptions<Target>
    /// Makes the command.
    public init() {}
    /// Runs it.
    public func run() throws { try reportingFailures(options.language.language) { try options.run(.items) } }
}

/// `report needs-help`.
public struct NeedsHelp<Target: ReportTarget>: ParsableCommand {
    /// Its configuration.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "needs-help", abstract: "Người học cần hỗ trợ. Learners who need help.")
    }
    @OptionGroup var options: ReportOptions<Target>
    @Option(name: .customLong("stalled-days"), help: "Số ngày không học. Days without activity.") var stalledDays = 14
    @Option(name: .customLong("wrong-run"), help: "Số câu sai liên tiếp. Wrong answers in a row.") var wrongRun = 3
    @Option(name: .customLong("as-of"), help: "Tính đến ngày. As of (YYYY-MM-DD).") var asOf: String?
    /// Makes the command.
    public init() {}

    /// Refuses runs and day counts below one.
    public func validate() throws {
        guard stalledDays >= 1, wrongRun >= 1 else {
            throw ValidationError("--stalled-days and --wrong-run must be at least 1")
        }
    }

    /// Runs it.
    public func run() throws {
        try reportingFailures(options.language.language) {
            try options.run(.needsHelp) { q in
                q.stalledDays = stalledDays
                q.wrongRun = wrongRun
                if let asOf { q.asOf = try ReportOptions<Target>.date(asOf, "--as-of") }
            }
        }
    }
}

/// `report inclusion`.
public struct Inclusion<Target: ReportTarget>: ParsableCommand {
    /// Its configuration.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "inclusion", abstract: "Hoàn thành theo tuổi và giới. Completion by age band and gender.")
    }
    @OptionGroup var options: ReportOptions<Target>
    @Option(
        name: .long,
        help:
            "Hàng: age (tuổi × giới) hoặc domain (miền năng lực số × tuổi × giới). Rows: age or domain × age × gender.")
    var view: String = "age"
    /// Makes the command.
    public init() {}
    /// Refuses a view the report does not have.
    public func validate() throws { _ = try ReportOptions<Target>.view(view, standard: "age") }
    /// Runs it.
    public func run() throws {
        try reportingFailures(options.language.language) {
            try options.run(.inclusion) { q in q.view = try ReportOptions<Target>.view(view, standard: "age") }
        }
    }
}

/// What the report commands print themselves.
enum ReportCommandText {
    static func doesNotCompile(_ path: String) -> Phrase {
        Phrase(
            vi: "thư mục khoá học '\(path)' không biên dịch được (hocso course check)",
            en: "course folder '\(path)' does not compile (hocso course check)")
    }
    static func cannotWrite(_ path: String) -> Phrase {
        Phrase(vi: "không ghi được '\(path)'", en: "cannot write '\(path)'")
    }
}

/// `report certificates`.
public struct Certificates<Target: ReportTarget>: ParsableCommand {
    /// Its configuration.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "certificates",
            abstract: "Chứng nhận theo khoá học và địa bàn. Certificates by course and area.")
    }
    @OptionGroup var options: ReportOptions<Target>
    /// Makes the command.
    public init() {}
    /// Runs it.
    public func run() throws { try reportingFailures(options.language.language) { try options.run(.certificates) } }
}
