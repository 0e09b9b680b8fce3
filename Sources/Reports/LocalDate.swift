/// A calendar day in Vietnam (UTC+7, no daylight saving), counted in days since 1970-01-01.
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var day: Int

    /// Seconds Vietnam is ahead of UTC.
    static let offsetSeconds: Int64 = 7 * 3600

    /// The day with this number.
    public init(day: Int) { self.day = day }

    /// The local day of an instant in ms since 1970 UTC.
    public init(millis: Int64) {
        let seconds = millis / 1000 + Self.offsetSeconds
        day = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }

    /// Parses `YYYY-MM-DD`; nil when it is not a real date.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m),
            (1...Self.daysIn(month: m, year: y)).contains(d)
        else { return nil }
        day = Self.days(year: y, month: m, day: d)
    }

    /// The first instant of the day, ms since 1970 UTC.
    public var startMillis: Int64 { Int64(day) * 86_400_000 - Self.offsetSeconds * 1000 }
    /// The first instant of the next day, ms since 1970 UTC.
    public var endMillis: Int64 { startMillis + 86_400_000 }

    /// Year, month and day of the month.
    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let c = components
        return "\(c.year)-\(Self.two(c.month))-\(Self.two(c.day))"
    }

    /// The Monday of this day's ISO week (1970-01-01 was a Thursday).
    public var weekStart: LocalDate { LocalDate(day: day - ((day % 7 + 7 + 3) % 7)) }

    /// The first day of this day's month.
    public var monthStart: LocalDate {
        let c = components
        return LocalDate(day: Self.days(year: c.year, month: c.month, day: 1))
    }

    /// The day `n` days later.
    public func adding(days n: Int) -> LocalDate { LocalDate(day: day + n) }

    /// Orders days.
    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.day < b.day }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Howard Hinnant's days_from_civil.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
