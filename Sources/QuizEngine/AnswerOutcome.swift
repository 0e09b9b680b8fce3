import CourseModel
import LearnerEvents

/// What the learner sees after submitting an answer, and what the store records.
public struct AnswerOutcome: Sendable, Equatable {
    /// The answer as recorded (store it before showing any of the rest).
    public var recorded: RecordedAnswer
    /// The grade, with the feedback the response triggered.
    public var grade: Grade
    /// Feedback for this response (the picked options', the anticipated answer's).
    public var feedback: [Block]
    /// The question's explanation, shown right or wrong.
    public var explanation: [Block]
    /// The right answer in words, when the response was not fully right.
    public var correctAnswer: String?
    /// Whether this answer was practice (a review), which never counts towards mastery.
    public var isPractice: Bool
    /// Whether this was the attempt's last unanswered question.
    public var finishesQuiz: Bool
}

/// The outcome of a finished attempt, with the mastery rule that judged it frozen in.
public struct QuizResult: Sendable, Equatable, Codable {
    /// Points earned.
    public var score: Double
    /// Points possible.
    public var maxScore: Double
    /// `score / maxScore`, 0 when the quiz has no points.
    public var share: Double
    /// Whether the attempt passed under `mastery`.
    public var passed: Bool
    /// The rule in force when the attempt finished.
    public var mastery: MasteryRule
    /// Questions answered wrongly (not full points), in quiz order: what to review.
    public var wrongQuestionIds: [String]
    /// The attempt number.
    public var attempt: Int
    /// Whether the attempt was practice.
    public var isPractice: Bool

    /// Makes a result (the session makes them; tests and tools may too).
    public init(
        score: Double, maxScore: Double, share: Double, passed: Bool, mastery: MasteryRule, wrongQuestionIds: [String],
        attempt: Int, isPractice: Bool
    ) {
        self.score = score
        self.maxScore = maxScore
        self.share = share
        self.passed = passed
        self.mastery = mastery
        self.wrongQuestionIds = wrongQuestionIds
        self.attempt = attempt
        self.isPractice = isPractice
    }
}

/// "Question 3 of 8".
public struct QuestionPosition: Sendable, Equatable {
    /// 1-based number of the current question.
    public var number: Int
    /// How many questions the attempt has.
    public var total: Int
}

extension QuizResult {
    /// The result as a `quiz.finished` event stores it.
    public func outcome(isFinal: Bool) -> QuizOutcome {
        QuizOutcome(
            score: score, maxScore: maxScore, passed: passed, mastery: MasteryRecord(mastery), wrong: wrongQuestionIds,
            isFinal: isFinal, isPractice: isPractice)
    }
}
