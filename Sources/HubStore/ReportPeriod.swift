/// How activity is bucketed in time.
public enum ReportPeriod: String, Sendable, Codable, CaseIterable {
    /// Local calendar days.
    case day
    /// ISO weeks, Monday to Sunday.
    case week
    /// Calendar months.
    case month
}
