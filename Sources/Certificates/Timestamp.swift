import Foundation

/// Times as credentials write them: XML Schema dateTime in UTC, whole seconds (`2026-12-03T10:15:00Z`).
public enum Timestamp {
    /// `milliseconds` since 1970 UTC as a dateTime.
    public static func format(milliseconds: Int64) -> String {
        Date(timeIntervalSince1970: TimeInterval(milliseconds / 1000)).formatted(.iso8601)
    }

    /// The instant a dateTime names (with `Z` or an offset, fractional seconds allowed); nil otherwise.
    public static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// The calendar day (`2026-12-03`) of a dateTime in Vietnam's time (UTC+7), as printed pages
    /// and `--day` name it.
    public static func vietnamDay(_ date: Date) -> String {
        var style = Date.ISO8601FormatStyle(timeZone: TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt)
        style = style.year().month().day()
        return date.formatted(style)
    }
}
