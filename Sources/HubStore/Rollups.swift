/// A cohort's counts at one place for one course, birth year, gender and week of first opening:
/// the rows a province's roll-up carries upward instead of learners.
public struct CohortCount: Sendable, Equatable, Codable {
    /// The place (a centre's node id on a hub that holds events).
    public var place: String
    /// The course.
    public var course: String
    /// Birth year, when known.
    public var birthYear: Int?
    /// `nu`, `nam`, `khac`, when known.
    public var gender: String?
    /// The first local day (Monday) of the week the learners first opened the course.
    public var week: Int
    /// Learners who first opened the course that week.
    public var enrolled: Int
    /// Of those, learners who read or answered something (ever).
    public var started: Int
    /// Of those, learners who completed the course (ever).
    public var completed: Int
    /// Of those, learners who passed the final quiz (ever).
    public var passed: Int

    /// Makes a count.
    public init(
        place: String, course: String, birthYear: Int?, gender: String?, week: Int, enrolled: Int, started: Int,
        completed: Int, passed: Int
    ) {
        self.place = place
        self.course = course
        self.birthYear = birthYear
        self.gender = gender
        self.week = week
        self.enrolled = enrolled
        self.started = started
        self.completed = completed
        self.passed = passed
    }
}

/// A roll-up as a national hub keeps it: who sent it, for which period, which version, and the
/// signed document itself (checked before it is stored).
public struct StoredRollup: Sendable, Equatable {
    /// The province hub's node id.
    public var province: String
    /// The last local day the roll-up covers.
    public var period: Int
    /// The province's version of it (a later one replaces an earlier one of the same period).
    public var version: Int64
    /// The signed roll-up, as received.
    public var document: String

    /// Makes a record.
    public init(province: String, period: Int, version: Int64, document: String) {
        self.province = province
        self.period = period
        self.version = version
        self.document = document
    }
}

extension Int {
    /// The Monday starting the week of this local day (day 0, 1970-01-01, was a Thursday).
    public var weekStart: Int { self - ((self % 7 + 10) % 7) }
}
