import CourseModel
import LearnerEvents
import LessonSearch
import ProgressStore
import QuizEngine

/// What the client needs from the centre: who may sign in, what is installed, where each learner
/// is, and a durable place to record what they do.
///
/// The screens see only this seam, so they are tested against `InMemoryBackend`; the live value
/// (`CentreBackend`) sits over the centre database and the content store.
public protocol LearnerBackend: AnyObject {
    /// The learner with this code (case-insensitive), nil when unknown.
    func learner(code: String) throws -> LearnerAccount?
    /// Checks a PIN typed at sign-in, counting wrong ones and refusing any while a wait runs
    /// (`PINLockPolicy`).
    func attemptPIN(_ pin: String, code: String) throws -> PINOutcome
    /// Whether leaving a kiosk needs the operator's code, and whether `code` is it.
    func operatorCodeIsSet() throws -> Bool
    /// Whether `code` is the operator's code.
    func verifyOperatorCode(_ code: String) throws -> Bool
    /// The installed courses, for the course list (cheap: no lesson bodies needed).
    func installedCourses() throws -> [CourseListing]
    /// One installed course, whole.
    func loadCourse(id: String) throws -> Course
    /// The lesson steps of every installed course matching any of `queries` (a search as typed
    /// and its Telex/VNI readings), best first, from the search index.
    func searchLessons(_ queries: [String]) throws -> [SearchHit]
    /// Lessons done per course id, for every course the learner has started, 0 included (one cheap query).
    func lessonsDone(learner: String) throws -> [String: Int]
    /// The learner's progress in one course.
    func progress(learner: String, course: Course) throws -> CourseProgress
    /// Where the learner stopped last, if in the middle of a lesson.
    func resumePoint(learner: String) throws -> ResumePoint?
    /// The answers of the lesson's last finished quiz attempt (a self-check's, to recommend from).
    func finishedAnswers(learner: String, course: Course, lesson: String) throws -> [RecordedAnswer]
    /// Records occurrences durably, all or none in one transaction; returns only once committed.
    func record(_ occurrences: [Occurrence]) throws
    /// What the learner's groups are assigned, soonest due first (shown first in the course list).
    func assignments(learner: String) throws -> [GroupAssignment]
    /// Notes that a learner signed in (`started`) or out, for the facilitator's board.
    func noteSession(learner: String, started: Bool, at: Int64) throws
    /// The certificate the learner holds for this course's version, nil when none.
    func certificateNotice(learner: String, course: Course) throws -> CertificateNotice?
}

extension LearnerBackend {
    /// No groups: nothing assigned.
    public func assignments(learner: String) throws -> [GroupAssignment] { [] }
    /// Nobody watches: sessions are not recorded.
    public func noteSession(learner: String, started: Bool, at: Int64) throws {}
    /// No certificates unless the backend issues them (the centre's does).
    public func certificateNotice(learner: String, course: Course) throws -> CertificateNotice? { nil }
}

/// A certificate the learner holds: where to collect its printout, and when it was issued.
public struct CertificateNotice: Sendable, Equatable {
    /// The centre that issued it (where the printout is collected).
    public var centreName: String
    /// When it was issued, ms since 1970 UTC.
    public var issuedAt: Int64

    /// Makes a notice.
    public init(centreName: String, issuedAt: Int64) {
        self.centreName = centreName
        self.issuedAt = issuedAt
    }
}

/// A learner as the sign-in screen knows them.
public struct LearnerAccount: Sendable, Equatable {
    /// The short code, upper case.
    public var code: String
    /// The name to greet them by.
    public var displayName: String
    /// Whether a PIN must be typed.
    public var hasPIN: Bool
    /// The learner's global key (`<node>/<code>`), which seeds their shuffles.
    public var key: String

    /// Makes an account.
    public init(code: String, displayName: String, hasPIN: Bool, key: String) {
        self.code = code
        self.displayName = displayName
        self.hasPIN = hasPIN
        self.key = key
    }
}

/// A course in the course list.
public struct CourseListing: Sendable, Equatable {
    /// Course id.
    public var id: String
    /// Content version.
    public var version: Int
    /// Title in the course's language.
    public var title: String
    /// English title, if any.
    public var titleEnglish: String?
    /// Content language.
    public var language: String
    /// Number of lessons.
    public var lessonCount: Int
    /// Whether the course is an entry self-check (`Course.selfCheck`) rather than a course to study.
    public var isSelfCheck: Bool

    /// Makes a listing.
    public init(
        id: String, version: Int, title: String, titleEnglish: String? = nil, language: String, lessonCount: Int,
        isSelfCheck: Bool = false
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.titleEnglish = titleEnglish
        self.language = language
        self.lessonCount = lessonCount
        self.isSelfCheck = isSelfCheck
    }

    /// The listing of a loaded course.
    public init(_ course: Course) {
        self.init(
            id: course.id, version: course.version, title: course.title, titleEnglish: course.titleEnglish,
            language: course.language, lessonCount: course.lessons.count, isSelfCheck: course.isSelfCheck)
    }
}

/// How far a learner is with a lesson.
public enum LessonStatus: String, Sendable, Equatable {
    /// Nothing opened yet.
    case notStarted
    /// Opened, not completed.
    case inProgress
    /// Completed (read, and its quiz passed).
    case done
}

/// A learner's progress in one course.
public struct CourseProgress: Sendable, Equatable {
    /// Status of each lesson, by lesson id (absent = not started).
    public var lessons: [String: LessonStatus]
    /// Best quiz score share (0–1) per lesson id.
    public var bestScores: [String: Double]
    /// The highest quiz attempt number started per lesson id (the next attempt is one more).
    public var attempts: [String: Int]

    /// Makes a progress value.
    public init(
        lessons: [String: LessonStatus] = [:], bestScores: [String: Double] = [:], attempts: [String: Int] = [:]
    ) {
        self.lessons = lessons
        self.bestScores = bestScores
        self.attempts = attempts
    }

    /// The status of a lesson.
    public func status(of lessonID: String) -> LessonStatus { lessons[lessonID] ?? .notStarted }

    /// How many lessons are done.
    public var doneCount: Int { lessons.values.filter { $0 == .done }.count }
}

/// Where a learner stopped: a reading step, or a question of an unfinished quiz attempt.
public struct ResumePoint: Sendable, Equatable {
    /// The course.
    public var courseID: String
    /// The lesson.
    public var lessonID: String
    /// What to show.
    public var position: Position

    /// Where in the lesson.
    public enum Position: Sendable, Equatable {
        /// The reading step at this index (the first not yet read).
        case step(Int)
        /// An attempt in progress, with the answers already given (in order).
        case quiz(attempt: Int, answered: [RecordedAnswer])
        /// Reading done, quiz not begun (the next attempt's number).
        case quizStart(attempt: Int)
    }

    /// Makes a resume point.
    public init(courseID: String, lessonID: String, position: Position) {
        self.courseID = courseID
        self.lessonID = lessonID
        self.position = position
    }
}
