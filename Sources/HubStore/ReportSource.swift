/// The aggregates every report is built from, kept up to date by the backend: reports never
/// read raw events.
///
/// A place is where learners are counted: a centre's node id on a hub that holds events, an
/// area code on a hub that holds roll-ups. Local days are Vietnam's (UTC+7), numbered from
/// 1970-01-01. Every method reads one consistent snapshot.
public protocol ReportSource: Sendable {
    /// Brings the aggregates up to date with every event held (a no-op for a backend that
    /// maintains them as it inserts).
    func refreshAggregates() throws
    /// Brings the aggregates up to date unless that means waiting for an import in progress;
    /// then the caller reads them as they are (a page under continuous import).
    func refreshAggregatesUnlessBusy() throws
    /// Recomputes the aggregates from the events alone.
    func rebuildAggregates() throws

    /// Stores (or replaces with a newer version) the outlines of courses.
    func saveOutlines(_ outlines: [CourseOutline]) throws
    /// The stored outlines by course id: every one, or only `course`'s.
    func outlines(only course: String?) throws -> [String: CourseOutline]
    /// Course ids that have answers or progress (a course may be counted before its outline arrives).
    func coursesSeen(only course: String?) throws -> [String]
    /// The latest activity counted anywhere, ms since 1970; nil when nothing is.
    func latestActivity() throws -> Int64?
    /// Every place that has aggregates.
    func places() throws -> [String]

    /// Per course and place: the cohort that first opened the course in the filter's window,
    /// how many of it started, completed and passed before the window's end, and how long the
    /// completers took (one pass over the aggregates for both).
    func completion(_ filter: AggregateFilter) throws -> [CompletionCount]
    /// Per course, place and study group (from the centres' `group.*` events): the current
    /// members' cohort and milestones, counted like `completion`.
    func groupCompletion(_ filter: AggregateFilter) throws -> [GroupCompletionCount]
    /// Per period (by its first day) and place: distinct active learners and answers, between
    /// two local days inclusive.
    func activity(places: Set<String>?, fromDay: Int, toDay: Int, period: ReportPeriod) throws -> [ActivityCount]
    /// Per lesson: how many of the course's cohort completed it before the window's end.
    func lessonCompletions(_ filter: AggregateFilter) throws -> [LessonCompletions]
    /// Per question and kind of answer: graded answers (practice excluded), over every day or
    /// between two local days inclusive. A kind may come in several rows (one per place): add them.
    func answerTallies(_ filter: AggregateFilter, days: ClosedRange<Int>?) throws -> [AnswerTally]
    /// Learners who started a course but did not complete it, last active in `[activeFrom,
    /// activeTo)`, with a run of `wrongRun` wrong answers or inactive since before `stalledBefore`.
    func strugglingLearners(
        _ filter: AggregateFilter, activeFrom: Int64, activeTo: Int64, wrongRun: Int, stalledBefore: Int64
    ) throws -> [StrugglingLearner]
    /// The cohort's counts by birth year and gender.
    func demographics(_ filter: AggregateFilter) throws -> [DemographicCount]
    /// Learners registered at the places, by place, birth year and gender.
    func registrations(places: Set<String>?) throws -> [RegistrationCount]
    /// Every cohort by place, course, birth year, gender and week of first opening, with the
    /// milestones reached so far: what a province's roll-up carries upward.
    func cohorts() throws -> [CohortCount]
}

/// Which aggregates a report counts.
public struct AggregateFilter: Sendable, Equatable {
    /// The places counted; nil counts every place.
    public var places: Set<String>?
    /// The courses counted.
    public var courses: [String]
    /// The cohort window's first instant, ms since 1970 (inclusive).
    public var from: Int64
    /// The cohort window's end, ms since 1970 (exclusive).
    public var to: Int64

    /// Makes a filter; without bounds it counts all time.
    public init(places: Set<String>?, courses: [String], from: Int64 = .min, to: Int64 = .max) {
        self.places = places
        self.courses = courses
        self.from = from
        self.to = to
    }
}

/// Folds a backend's completion rows — counts per course, place and whole hour to completion
/// (nil: not completed), or completion hours alone, in any order — into one `CompletionCount`
/// per course and place.
public struct CompletionTally: Sendable {
    /// The counts so far, in the order their course and place first came.
    public private(set) var counts: [CompletionCount] = []
    private var index: [Key: Int] = [:]

    private struct Key: Hashable {
        var course: String
        var place: String
    }

    /// An empty tally.
    public init() {}

    /// Adds one row.
    public mutating func add(
        course: String, place: String, hours: Int?, enrolled: Int, started: Int, completed: Int, passed: Int
    ) {
        let at = slot(course, place)
        counts[at].enrolled += enrolled
        counts[at].started += started
        counts[at].completed += completed
        counts[at].passed += passed
        // Every learner of a row with hours completed in the window.
        if let hours { counts[at].hours[hours, default: 0] += completed }
    }

    /// Adds `learners` who took `hours` to complete.
    public mutating func add(course: String, place: String, hours: Int, learners: Int) {
        counts[slot(course, place)].hours[hours, default: 0] += learners
    }

    /// The index of the course and place's count, made empty when it is new.
    private mutating func slot(_ course: String, _ place: String) -> Int {
        let key = Key(course: course, place: place)
        if let known = index[key] { return known }
        index[key] = counts.count
        counts.append(CompletionCount(course: course, place: place, enrolled: 0, started: 0, completed: 0, passed: 0))
        return counts.count - 1
    }
}

/// One course at one place: its cohort and milestones.
public struct CompletionCount: Sendable, Equatable {
    /// The course.
    public var course: String
    /// The place.
    public var place: String
    /// Learners who first opened the course in the window.
    public var enrolled: Int
    /// Of those, learners who read or answered something.
    public var started: Int
    /// Of those, learners who completed the course.
    public var completed: Int
    /// Of those, learners who passed the final quiz.
    public var passed: Int
    /// Whole hours from first opening to completion → how many of the completers took them (for
    /// medians; a hub on roll-ups counts every cohort here, whatever the window).
    public var hours: [Int: Int]

    /// Makes a count.
    public init(
        course: String, place: String, enrolled: Int, started: Int, completed: Int, passed: Int,
        hours: [Int: Int] = [:]
    ) {
        self.course = course
        self.place = place
        self.enrolled = enrolled
        self.started = started
        self.completed = completed
        self.passed = passed
        self.hours = hours
    }
}

/// Activity of one period at one place.
public struct ActivityCount: Sendable, Equatable {
    /// The period's first local day.
    public var day: Int
    /// The place.
    public var place: String
    /// Distinct learners with any learning event.
    public var learners: Int
    /// Answers submitted, practice included.
    public var answers: Int

    /// Makes a count.
    public init(day: Int, place: String, learners: Int, answers: Int) {
        self.day = day
        self.place = place
        self.learners = learners
        self.answers = answers
    }
}

/// How many of a course's cohort completed one lesson.
public struct LessonCompletions: Sendable, Equatable {
    /// The course.
    public var course: String
    /// The lesson.
    public var lesson: String
    /// Learners.
    public var learners: Int

    /// Makes a count.
    public init(course: String, lesson: String, learners: Int) {
        self.course = course
        self.lesson = lesson
        self.learners = learners
    }
}

/// Graded answers to one question of one kind: first try or not, right or not, hinted or not,
/// and for wrong answers the response given.
public struct AnswerTally: Sendable, Equatable {
    /// The course.
    public var course: String
    /// The question.
    public var question: String
    /// In the learner's first attempt at the quiz.
    public var firstTry: Bool
    /// Full points.
    public var correct: Bool
    /// At least one hint was shown.
    public var hinted: Bool
    /// The stored response of a wrong answer; empty for right ones.
    public var response: String
    /// How many answers.
    public var answers: Int

    /// Makes a tally.
    public init(
        course: String, question: String, firstTry: Bool, correct: Bool, hinted: Bool, response: String, answers: Int
    ) {
        self.course = course
        self.question = question
        self.firstTry = firstTry
        self.correct = correct
        self.hinted = hinted
        self.response = response
        self.answers = answers
    }
}

/// A learner who may need a hand in one course.
public struct StrugglingLearner: Sendable, Equatable {
    /// The centre.
    public var place: String
    /// The learner's code there.
    public var learner: String
    /// The name, when the centre sent one.
    public var displayName: String?
    /// The course.
    public var course: String
    /// Wrong answers in a row, latest first.
    public var wrongStreak: Int
    /// Last activity in the course, ms since 1970.
    public var lastActiveAt: Int64

    /// Makes an entry.
    public init(
        place: String, learner: String, displayName: String?, course: String, wrongStreak: Int, lastActiveAt: Int64
    ) {
        self.place = place
        self.learner = learner
        self.displayName = displayName
        self.course = course
        self.wrongStreak = wrongStreak
        self.lastActiveAt = lastActiveAt
    }
}

/// A cohort's counts for one birth year and gender.
public struct DemographicCount: Sendable, Equatable {
    /// Birth year, when known.
    public var birthYear: Int?
    /// `nu`, `nam`, `khac`, when known.
    public var gender: String?
    /// Enrolments (a learner in two courses counts twice).
    public var enrolled: Int
    /// Of those, started.
    public var started: Int
    /// Of those, completed.
    public var completed: Int
    /// Of those, passed the final quiz.
    public var passed: Int

    /// Makes a count.
    public init(birthYear: Int?, gender: String?, enrolled: Int, started: Int, completed: Int, passed: Int) {
        self.birthYear = birthYear
        self.gender = gender
        self.enrolled = enrolled
        self.started = started
        self.completed = completed
        self.passed = passed
    }
}

/// Learners registered at a place with one birth year and gender.
public struct RegistrationCount: Sendable, Equatable {
    /// The place.
    public var place: String
    /// Birth year, when known.
    public var birthYear: Int?
    /// `nu`, `nam`, `khac`, when known.
    public var gender: String?
    /// Learners.
    public var learners: Int

    /// Makes a count.
    public init(place: String, birthYear: Int?, gender: String?, learners: Int) {
        self.place = place
        self.birthYear = birthYear
        self.gender = gender
        self.learners = learners
    }
}

extension ReportSource {
    /// Waits like `refreshAggregates` where a backend has no cheaper answer.
    public func refreshAggregatesUnlessBusy() throws { try refreshAggregates() }
}
