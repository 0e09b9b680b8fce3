import HubStore
import Localization

/// The reports there are.
public enum ReportKind: String, Sendable, Codable, CaseIterable {
    /// Per course and area: enrolled, started, completed, passed, rate, median time.
    case completion
    /// Active learners and answers per period and area.
    case activity
    /// Per course: opened → each lesson completed → final quiz passed.
    case funnel
    /// Per question: attempts, right at first try, common wrong answers, hints, flags.
    case items
    /// Learners with a run of wrong answers or stalled, per centre.
    case needsHelp = "needs-help"
    /// Completion by age band and gender.
    case inclusion
    /// Certificates per course and area: issued, revoked, valid.
    case certificates
}

/// What the rows of the completion and inclusion reports are about.
public enum ReportView: String, Sendable, Codable, CaseIterable {
    /// The report's own rows: course × area (completion), age band × gender (inclusion).
    case standard
    /// The same counts per domain of Circular 02/2025/TT-BGDĐT, over the courses serving it:
    /// domain × area (completion), domain × age band × gender (inclusion).
    case domain
}

/// The filters and options of a report. Dates are local (Vietnam) days, inclusive.
public struct ReportQuery: Sendable, Hashable {
    /// Which report.
    public var kind: ReportKind
    /// First day counted (cohort start for completion-type reports); nil for no lower bound.
    public var from: LocalDate?
    /// Last day counted; nil for no upper bound.
    public var to: LocalDate?
    /// Only this course.
    public var course: String?
    /// Only this area (or centre node id) and what lies below it.
    public var area: String?
    /// The viewer's own area: `area` must lie within it, and nothing outside it is ever counted.
    public var scope: String?
    /// The level rows are grouped by.
    public var by: AreaLevel
    /// Completion only: one row per centre's study group (its current members) instead of per area.
    public var byStudyGroup = false
    /// The time bucket of the activity report.
    public var period: ReportPeriod
    /// The language of titles and labels.
    public var language: Language
    /// Needs help: days without activity after which a started learner counts as stalled.
    public var stalledDays: Int
    /// Needs help: wrong answers in a row that flag a learner.
    public var wrongRun: Int
    /// The day "today" is for stalled learners and ages; defaults to `to`, else the latest activity.
    public var asOf: LocalDate?
    /// Completion and inclusion: per course (or age band) or per competence domain.
    public var view: ReportView

    /// A query with the defaults: no filters, by commune, weekly, Vietnamese, 14 days, 3 wrong,
    /// the report's own rows.
    public init(
        _ kind: ReportKind, from: LocalDate? = nil, to: LocalDate? = nil, course: String? = nil, area: String? = nil,
        scope: String? = nil, by: AreaLevel = .commune, period: ReportPeriod = .week, language: Language = .vi,
        stalledDays: Int = 14, wrongRun: Int = 3, asOf: LocalDate? = nil, view: ReportView = .standard
    ) {
        self.kind = kind
        self.from = from
        self.to = to
        self.course = course
        self.area = area
        self.scope = scope
        self.by = by
        self.period = period
        self.language = language
        self.stalledDays = stalledDays
        self.wrongRun = wrongRun
        self.asOf = asOf
        self.view = view
    }

    /// First instant counted, ms since 1970 UTC.
    var fromMillis: Int64 { from?.startMillis ?? Int64.min }
    /// First instant no longer counted, ms since 1970 UTC.
    var toMillis: Int64 { to?.endMillis ?? Int64.max }
}
