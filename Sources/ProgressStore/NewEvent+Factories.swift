import CourseModel
import QuizEngine

extension NewEvent {
    /// A lesson was opened.
    public static func lessonOpened(learner: String, course: String, version: Int, lesson: String, at: Int64)
        -> NewEvent
    {
        NewEvent(
            kind: .lessonOpened, learner: learner, occurredAt: at, courseId: course, courseVersion: version,
            lessonId: lesson)
    }

    /// A reading step was shown.
    public static func stepRead(learner: String, course: String, version: Int, lesson: String, step: String, at: Int64)
        -> NewEvent
    {
        NewEvent(
            kind: .stepRead, learner: learner, occurredAt: at, courseId: course, courseVersion: version,
            lessonId: lesson,
            itemId: step)
    }

    /// A quiz attempt started.
    public static func quizStarted(
        learner: String, course: String, version: Int, lesson: String, attempt: Int, at: Int64
    ) -> NewEvent {
        NewEvent(
            kind: .quizStarted, learner: learner, occurredAt: at, courseId: course, courseVersion: version,
            lessonId: lesson,
            attempt: attempt)
    }

    /// An answer, as the quiz engine recorded it. Record it before showing feedback.
    public static func answerSubmitted(
        learner: String, course: String, version: Int, lesson: String, attempt: Int, answer: RecordedAnswer,
        practice: Bool = false, at: Int64
    ) -> NewEvent {
        var payload = EventPayload()
        payload.response = answer.response
        payload.correct = answer.correct
        payload.score = answer.score
        payload.maxScore = answer.maxScore
        payload.hintsUsed = answer.hintsUsed
        payload.elapsedMs = answer.elapsedMs
        payload.practice = practice ? true : nil
        return NewEvent(
            kind: .answerSubmitted, learner: learner, occurredAt: at, courseId: course, courseVersion: version,
            lessonId: lesson, itemId: answer.questionId, attempt: attempt, payload: payload)
    }

    /// A quiz attempt finished; its mastery rule is frozen into the event.
    public static func quizFinished(
        learner: String, course: String, version: Int, lesson: String, result: QuizResult, isFinal: Bool = false,
        at: Int64
    ) -> NewEvent {
        var payload = EventPayload()
        payload.score = result.score
        payload.maxScore = result.maxScore
        payload.passed = result.passed
        payload.mastery = MasteryRecord(result.mastery)
        payload.wrong = result.wrongQuestionIds
        payload.practice = result.isPractice ? true : nil
        payload.final = isFinal ? true : nil
        return NewEvent(
            kind: .quizFinished, learner: learner, occurredAt: at, courseId: course, courseVersion: version,
            lessonId: lesson, attempt: result.attempt, payload: payload)
    }

    /// A lesson was completed.
    public static func lessonCompleted(learner: String, course: String, version: Int, lesson: String, at: Int64)
        -> NewEvent
    {
        NewEvent(
            kind: .lessonCompleted, learner: learner, occurredAt: at, courseId: course, courseVersion: version,
            lessonId: lesson)
    }

    /// A course was completed.
    public static func courseCompleted(learner: String, course: String, version: Int, at: Int64) -> NewEvent {
        NewEvent(kind: .courseCompleted, learner: learner, occurredAt: at, courseId: course, courseVersion: version)
    }
}
