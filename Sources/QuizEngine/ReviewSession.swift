import CourseModel
import LearnerEvents

/// Practice on the questions a finished attempt got wrong: graded, but marked as practice, so it
/// never changes the attempt's score or mastery.
public struct ReviewSession: Sendable, Equatable {
    /// The attempt being reviewed.
    public let reviewedAttempt: Int
    /// The practice session over the wrong questions.
    public private(set) var session: QuizSession

    /// Reviews `questionIds` of a finished attempt.
    init(reviewing attempt: QuizSession, questionIds: [String]) {
        let wanted = Set(questionIds)
        var quiz = attempt.quiz
        quiz.questions = quiz.questions.filter { wanted.contains($0.id) }
        reviewedAttempt = attempt.attempt
        session = QuizSession(
            quiz: quiz, learnerKey: attempt.learnerKey, attempt: attempt.attempt, isPractice: true, answered: [])
    }

    /// Resumes a review from its recorded practice answers.
    public init(quiz: Quiz, learnerKey: String, reviewedAttempt: Int, questionIds: [String], answered: [RecordedAnswer])
    {
        let wanted = Set(questionIds)
        var quiz = quiz
        quiz.questions = quiz.questions.filter { wanted.contains($0.id) }
        self.reviewedAttempt = reviewedAttempt
        session = QuizSession(
            quiz: quiz, learnerKey: learnerKey, attempt: reviewedAttempt, isPractice: true, answered: answered)
    }

    /// The question on screen; nil when done.
    public var current: Question? { session.current }
    /// "Question i of n" within the review.
    public var position: QuestionPosition? { session.position }
    /// Whether every question has been practised.
    public var isFinished: Bool { session.isFinished }
    /// The practice result (never counts towards mastery).
    public var result: QuizResult? { session.result }

    /// Reveals the next hint of the current question.
    public mutating func revealHint() -> [Block]? { session.revealHint() }

    /// Grades a practice answer.
    public mutating func submit(_ response: Response, elapsedMs: Int) throws(QuizEngineError) -> AnswerOutcome {
        try session.submit(response, elapsedMs: elapsedMs)
    }

    /// Grades the best gradable practice answer of `responses` (see `QuizSession.submit(bestOf:)`).
    public mutating func submit(bestOf responses: [Response], elapsedMs: Int) throws(QuizEngineError) -> AnswerOutcome {
        try session.submit(bestOf: responses, elapsedMs: elapsedMs)
    }

    /// Moves on from the feedback.
    public mutating func proceed() throws(QuizEngineError) { try session.proceed() }
}
