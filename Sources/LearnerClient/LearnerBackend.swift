import CourseModel
import QuizEngine

/// What the client needs from the centre: who may sign in, what is installed, where each learner
/// is, and a durable place to record what they do.
///
/// The screens see only this seam, so they are tested against `InMemoryBackend`; the live value
/// (`CentreBackend`) sits over the centre database and the content store.
public protocol LearnerBackend: AnyObject {
    /// The learner with this code (case-insensitive), nil when unknown.
    func learner(code: String) throws -> LearnerAccount?
    /// Whether `pin` is the learner's PIN.
    func verifyPIN(_ pin: String, code: String) throws -> Bool
    /// The installed courses, for the course list (cheap: no lesson bodies needed).
    func installedCourses() throws -> [CourseListing]
    /// One installed course, whole.
    func loadCourse(id: String) throws -> Course
    /// Lessons done per course id, for every course the learner has started (one cheap query).
    func lessonsDone(learner: String) throws -> [String: Int]
    /// The learner's progress in one course.
    func progress(learner: String, course: Course) throws -> CourseProgress
    /// Where the learner stopped last, if in the middle of a lesson.
    func resumePoint(learner: String) throws -> ResumePoint?
    /// Records one event durably; returns only once it is committed.
    func record(_ event: ClientEvent) throws
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

    /// Makes a listing.
    public init(
        id: String, version: Int, title: String, titleEnglish: String? = nil, language: String, lessonCount: Int
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.titleEnglish = titleEnglish
        self.language = language
        self.lessonCount = lessonCount
    }

    /// The listing of a loaded course.
    public init(_ course: Course) {
        self.init(
            id: course.id, version: course.version, title: course.title, titleEnglish: course.titleEnglish,
            language: course.language, lessonCount: course.lessons.count)
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

/// Something the learner did, as the client reports it for the event log.
public struct ClientEvent: Sendable, Equatable {
    /// The kinds the log knows (see docs/progress-interfaces.md).
    public enum Kind: String, Sendable, Equatable {
        /// A lesson was opened.
        case lessonOpened = "lesson.opened"
        /// A reading step was read (the learner moved past it).
        case stepRead = "step.read"
        /// A quiz attempt began.
        case quizStarted = "quiz.started"
        /// An answer was submitted.
        case answerSubmitted = "answer.submitted"
        /// A quiz attempt finished.
        case quizFinished = "quiz.finished"
        /// A lesson was completed.
        case lessonCompleted = "lesson.completed"
        /// A course was completed.
        case courseCompleted = "course.completed"
    }

    /// What happened.
    public var kind: Kind
    /// The learner's code.
    public var learner: String
    /// When, in ms since 1970 UTC.
    public var occurredAt: Int64
    /// The course.
    public var courseID: String
    /// Its version.
    public var courseVersion: Int
    /// The lesson, if any.
    public var lessonID: String?
    /// The step or question, if any.
    public var itemID: String?
    /// The quiz attempt, for quiz events.
    public var attempt: Int?
    /// The answer, for `answer.submitted`.
    public var answer: RecordedAnswer?
    /// Whether the answer was practice (review of wrong answers), which never counts.
    public var isPractice: Bool
    /// The result, for `quiz.finished`.
    public var result: QuizResult?

    /// Makes an event.
    public init(
        kind: Kind, learner: String, occurredAt: Int64, courseID: String, courseVersion: Int, lessonID: String? = nil,
        itemID: String? = nil, attempt: Int? = nil, answer: RecordedAnswer? = nil, isPractice: Bool = false,
        result: QuizResult? = nil
    ) {
        self.kind = kind
        self.learner = learner
        self.occurredAt = occurredAt
        self.courseID = courseID
        self.courseVersion = courseVersion
        self.lessonID = lessonID
        self.itemID = itemID
        self.attempt = attempt
        self.answer = answer
        self.isPractice = isPractice
        self.result = result
    }
}
