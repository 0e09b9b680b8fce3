import CourseModel

/// One graded answer of a quiz attempt: what the quiz engine produces, what an `answer.submitted`
/// event stores, and what resuming reads back.
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

extension RecordedAnswer {
    private enum Key: String, CodingKey {
        case questionId, response, correct, score, maxScore, hintsUsed, elapsedMs
    }

    /// Reads an answer payload; payloads stored before the question id travelled in them lack
    /// `questionId` (the event's `itemId` names it), so it defaults to empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        self.init(
            questionId: try c.decodeIfPresent(String.self, forKey: .questionId) ?? "",
            response: try c.decode(Response.self, forKey: .response),
            correct: try c.decode(Bool.self, forKey: .correct),
            score: try c.decode(Double.self, forKey: .score), maxScore: try c.decode(Double.self, forKey: .maxScore),
            hintsUsed: try c.decodeIfPresent(Int.self, forKey: .hintsUsed) ?? 0,
            elapsedMs: try c.decodeIfPresent(Int.self, forKey: .elapsedMs) ?? 0)
    }
}
