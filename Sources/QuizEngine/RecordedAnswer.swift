import CourseModel

/// One answered question of an attempt: what the event log stores and what resuming reads back.
public struct RecordedAnswer: Sendable, Equatable, Hashable, Codable {
    /// The question's stable id.
    public var questionId: String
    /// What the learner answered.
    public var response: Response
    /// Whether it earned full points.
    public var correct: Bool
    /// Points earned.
    public var score: Double
    /// The question's points.
    public var maxScore: Double
    /// Hints revealed before answering.
    public var hintsUsed: Int
    /// Time from showing the question to submitting, in milliseconds (measured by the client).
    public var elapsedMs: Int

    /// Makes a recorded answer.
    public init(
        questionId: String, response: Response, correct: Bool, score: Double, maxScore: Double,
        hintsUsed: Int = 0, elapsedMs: Int = 0
    ) {
        self.questionId = questionId
        self.response = response
        self.correct = correct
        self.score = score
        self.maxScore = maxScore
        self.hintsUsed = hintsUsed
        self.elapsedMs = elapsedMs
    }
}
