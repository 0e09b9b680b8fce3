import HubStore
import Localization

/// Coordinator reports over any hub backend: they read the hub's areas and centres through
/// `HubStore` and their numbers through `ReportSource`, never a database directly.
public struct HubReports: Sendable {
    /// Areas, centres and accounts.
    public let store: any HubStore
    /// The aggregates.
    public let source: any ReportSource
    /// Whether a report waits for imports in progress to fold their events first (false for
    /// pages, which `hocso-hub serve` keeps fresh by folding in the background).
    public let waitsForImports: Bool

    /// Reports over a backend that is both (SQLite and PostgreSQL hubs are).
    public init(_ backend: some HubStore & ReportSource, waitsForImports: Bool = true) {
        store = backend
        source = backend
        self.waitsForImports = waitsForImports
    }

    /// Brings the aggregates up to date, then builds the report `query` asks for.
    public func report(_ query: ReportQuery) throws -> Report {
        try reporting {
            if waitsForImports { try source.refreshAggregates() } else { try source.refreshAggregatesUnlessBusy() }
            let context = try ReportContext(query, store: store, source: source)
            switch query.kind {
            case .completion where query.view == .domain: return try DomainReports.completion(context, source)
            case .completion:
                return try query.byStudyGroup
                    ? CompletionReport.buildByGroup(context, source) : CompletionReport.build(context, source)
            case .activity: return try ActivityReport.build(context, source)
            case .funnel: return try FunnelReport.build(context, source)
            case .items: return try ItemsReport.build(context, source)
            case .needsHelp: return try NeedsHelpReport.build(context, source)
            case .inclusion where query.view == .domain: return try DomainReports.inclusion(context, source)
            case .inclusion: return try InclusionReport.build(context, source)
            case .certificates: return try CertificatesReport.build(context, store)
            }
        }
    }

    /// The area tree (areas and centres), for pages that list areas.
    public func areaTree() throws -> AreaTree {
        try reporting { try AreaTree.load(store) }
    }

    /// Course ids with their titles in `language`, in display order.
    public func courses(language: Language) throws -> [(id: String, title: String)] {
        try reporting {
            let context = try ReportContext(ReportQuery(.completion, language: language), store: store, source: source)
            return context.courseOrder.map { ($0, context.courseTitle($0)) }
        }
    }

    /// Runs `body`, turning the backend's failures into `ReportError.storage`.
    func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ReportError {
            throw error
        } catch let error as HubStoreError {
            throw ReportError(error.kind == .notFound ? .notFound : .storage, error.phrase)
        } catch {
            throw ReportError(.storage, .of(error))
        }
    }
}

/// Counts of one group that can be added up: learners are counted at exactly one centre, so
/// an area's numbers are the sum of its centres'.
struct Tally {
    var enrolled = 0
    var started = 0
    var completed = 0
    var passed = 0
    /// Completion durations in whole hours → learners.
    var hours: [Int: Int] = [:]

    static func + (a: Tally, b: Tally) -> Tally {
        Tally(
            enrolled: a.enrolled + b.enrolled, started: a.started + b.started, completed: a.completed + b.completed,
            passed: a.passed + b.passed, hours: a.hours.merging(b.hours, uniquingKeysWith: +))
    }

    /// The median of the durations, in days; nil when nobody completed.
    var medianDays: Double? {
        let n = hours.values.reduce(0, +)
        guard n > 0 else { return nil }
        let sorted = hours.sorted { $0.key < $1.key }
        func nth(_ k: Int) -> Int {
            var seen = 0
            for (h, count) in sorted {
                seen += count
                if seen > k { return h }
            }
            return sorted.last?.key ?? 0
        }
        let median = n % 2 == 1 ? Double(nth(n / 2)) : Double(nth(n / 2 - 1) + nth(n / 2)) / 2
        return median / 24
    }
}
