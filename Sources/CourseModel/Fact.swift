/// A time-sensitive fact a lesson states (a hotline, a web address, an amount, a legal reference),
/// with the sources it was checked against and when.
///
/// Lessons sit offline for months; the register of facts tells a centre and the next reviewer
/// which sentences to check again, and when they are due.
public struct Fact: Sendable, Equatable, Codable, Identifiable {
    /// A slug unique within the course (`tong-dai-156`).
    public var id: String
    /// Where the fact was checked: http(s) addresses, at least one.
    public var sources: [String]
    /// The day it was last checked against its sources.
    public var checked: FactDate
    /// How old the check may grow, in months, before the fact is due for another check.
    public var maxAgeMonths: Int
    /// Every place the course states it: the place that defines it first, then later mentions.
    public var places: [FactPlace]

    /// Makes a fact.
    public init(id: String, sources: [String], checked: FactDate, maxAgeMonths: Int, places: [FactPlace]) {
        self.id = id
        self.sources = sources
        self.checked = checked
        self.maxAgeMonths = maxAgeMonths
        self.places = places
    }

    /// The day the fact falls due for another check.
    public var due: FactDate { checked.adding(months: maxAgeMonths) }

    /// Whether the fact is past its limit on `day` (it is still fine on its due day itself).
    public func isOverdue(on day: FactDate) -> Bool { day > due }

    /// Whether the check is older than `months` on `day`.
    public func isOlder(thanMonths months: Int, on day: FactDate) -> Bool { day > checked.adding(months: months) }
}

/// One place a course states a fact: the lesson, the step or question, and the text it backs.
public struct FactPlace: Sendable, Equatable, Codable {
    /// The lesson file, relative to the course folder.
    public var file: String
    /// Line in the lesson file, from 1.
    public var line: Int
    /// Column in characters, from 1.
    public var column: Int
    /// The lesson's id.
    public var lesson: String
    /// The reading step's id, when the place is in a step.
    public var step: String?
    /// The question's id, when the place is in a question.
    public var question: String?
    /// The text of the paragraph, list item, table cell or line the fact backs, as learners read it.
    public var text: String

    /// Makes a place.
    public init(
        file: String, line: Int, column: Int, lesson: String, step: String? = nil, question: String? = nil,
        text: String
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.lesson = lesson
        self.step = step
        self.question = question
        self.text = text
    }
}

/// A calendar day, `2026-12-03`: when a fact was checked. Encoded as that text.
public struct FactDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year.
    public var year: Int
    /// The month, 1–12.
    public var month: Int
    /// The day of the month, from 1.
    public var day: Int

    /// The day, when it exists in the Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= Self.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`, nothing else: a checked date must be exact.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The same day `months` months later; the 31st becomes the month's last day when it has fewer.
    public func adding(months: Int) -> FactDate {
        let total = year * 12 + (month - 1) + months
        let newYear = total / 12
        let newMonth = total % 12 + 1
        let newDay = min(day, Self.daysIn(month: newMonth, year: newYear))
        return FactDate(year: newYear, month: newMonth, day: newDay) ?? self
    }

    /// Whole months from `self` to `later` (0 when `later` is earlier or less than a month on).
    public func months(until later: FactDate) -> Int {
        var months = (later.year - year) * 12 + (later.month - month)
        if later.day < day && later.day < Self.daysIn(month: later.month, year: later.year) { months -= 1 }
        return max(0, months)
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    public func days(until later: FactDate) -> Int { later.dayNumber - dayNumber }

    /// Days since 0000-03-01, for differences (the civil-from-days algorithm, read backwards).
    private var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = y >= 0 ? y / 400 : (y - 399) / 400
        let yearOfEra = y - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra
    }

    /// Orders days in time.
    public static func < (a: FactDate, b: FactDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Decodes `"YYYY-MM-DD"`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = FactDate(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a YYYY-MM-DD date"))
        }
        self = date
    }

    /// Encodes `"YYYY-MM-DD"`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
