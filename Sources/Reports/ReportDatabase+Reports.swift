import GRDB

extension ReportDatabase {
    /// Refreshes the derived tables, then builds the report `query` asks for.
    public func report(_ query: ReportQuery) throws -> Report {
        try refresh()
        return try read { db in
            let context = try ReportContext(query, db)
            switch query.kind {
            case .completion: return try CompletionReport.build(context, db)
            case .activity: return try ActivityReport.build(context, db)
            case .funnel: return try FunnelReport.build(context, db)
            case .items: return try ItemsReport.build(context, db)
            case .needsHelp: return try NeedsHelpReport.build(context, db)
            case .inclusion: return try InclusionReport.build(context, db)
            }
        }
    }

    /// The area tree (areas and centres), for pages that list areas.
    public func areaTree() throws -> AreaTree {
        try read { db in try AreaTree.load(db) }
    }

    /// Course ids with their titles in `language`, in display order.
    public func courses(language: ReportLanguage) throws -> [(id: String, title: String)] {
        try read { db in
            let context = try ReportContext(ReportQuery(.completion, language: language), db)
            return context.courseOrder.map { ($0, context.courseTitle($0)) }
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
