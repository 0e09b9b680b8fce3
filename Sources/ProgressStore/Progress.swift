/// Whether a course or lesson is under way or done (absent means not started).
public enum ProgressStatus: String, Sendable, Codable {
    /// Opened, not completed.
    case started
    /// Completed.
    case completed
}

/// Where in a lesson the learner last was.
public enum LessonPhase: String, Sendable, Codable {
    /// Reading its steps.
    case reading
    /// In its quiz (an attempt not yet finished).
    case quiz
    /// Its quiz attempt finished or the lesson completed.
    case finished
}

/// A learner's progress in one course, derived from the events.
public struct CourseProgress: Sendable, Equatable, Codable {
    /// The course.
    public var courseId: String
    /// Started or completed.
    public var status: ProgressStatus
    /// Lessons completed.
    public var lessonsCompleted: Int
    /// Lessons whose quiz has been passed.
    public var quizzesPassed: Int
    /// Best score share in the course's final quiz, if taken.
    public var finalBestShare: Double?
    /// Whether the final quiz has been passed.
    public var finalPassed: Bool
    /// When the learner started, ms since 1970 UTC.
    public var startedAt: Int64
    /// When the learner completed it.
    public var completedAt: Int64?
    /// The last activity in any of its lessons.
    public var lastActivityAt: Int64
}

/// A learner's progress in one lesson, derived from the events.
public struct LessonProgress: Sendable, Equatable, Codable {
    /// The course.
    public var courseId: String
    /// The lesson.
    public var lessonId: String
    /// Started or completed.
    public var status: ProgressStatus
    /// Where the learner last was.
    public var phase: LessonPhase
    /// The last step read.
    public var lastStepId: String?
    /// The latest quiz attempt started.
    public var currentAttempt: Int?
    /// Whether that attempt is finished (then a retake is `currentAttempt + 1`).
    public var currentAttemptFinished: Bool
    /// The latest finished attempt.
    public var lastFinishedAttempt: Int?
    /// How many attempts finished.
    public var attemptsFinished: Int
    /// Best attempt's points.
    public var bestScore: Double?
    /// Best attempt's points possible.
    public var bestMaxScore: Double?
    /// Best attempt's share.
    public var bestShare: Double?
    /// Whether any attempt passed.
    public var passed: Bool
    /// First activity.
    public var startedAt: Int64
    /// Completion.
    public var completedAt: Int64?
    /// Last activity.
    public var lastActivityAt: Int64
}

/// Where to put a learner who comes back: the lesson they last touched and the exact place in it.
public struct ResumePoint: Sendable, Equatable, Codable {
    /// The course.
    public var courseId: String
    /// The lesson.
    public var lessonId: String
    /// Reading, in the quiz, or finished.
    public var phase: LessonPhase
    /// The last step read, for `reading`.
    public var stepId: String?
    /// The open attempt, for `quiz`: rebuild its session from `answers(…attempt:)`.
    public var attempt: Int?
}
