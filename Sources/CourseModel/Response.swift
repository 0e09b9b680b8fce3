/// What a learner answered, in a form the event log stores and re-grading reads.
public enum Response: Sendable, Equatable, Hashable {
    /// The id of the picked option (single choice, true/false).
    case choice(String)
    /// The ids of the picked options (multiple answer), in any order.
    case choices([String])
    /// Typed text (short answer, numeric), as typed, NFC.
    case text(String)
    /// Item ids in the order the learner put them (ordering).
    case order([String])
    /// Left item id → right item id (matching); unpaired left items are absent.
    case pairs([String: String])
}

extension Response: Codable {
    private enum Key: String, CodingKey { case choice, choices, text, order, pairs }

    /// Decodes `{"choice": "id"}` and its siblings.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        if let v = try c.decodeIfPresent(String.self, forKey: .choice) {
            self = .choice(v)
        } else if let v = try c.decodeIfPresent([String].self, forKey: .choices) {
            self = .choices(v)
        } else if let v = try c.decodeIfPresent(String.self, forKey: .text) {
            self = .text(v)
        } else if let v = try c.decodeIfPresent([String].self, forKey: .order) {
            self = .order(v)
        } else if let v = try c.decodeIfPresent([String: String].self, forKey: .pairs) {
            self = .pairs(v)
        } else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "unknown response"))
        }
    }

    /// The response as the log stores it: picked options sorted, text in NFC.
    public var stored: Response {
        switch self {
        case .choices(let v): .choices(v.sorted())
        case .text(let v): .text(VietnameseText.nfc(v))
        case .choice, .order, .pairs: self
        }
    }

    /// Encodes `{"choice": "id"}` and its siblings, in the stored form.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch stored {
        case .choice(let v): try c.encode(v, forKey: .choice)
        case .choices(let v): try c.encode(v, forKey: .choices)
        case .text(let v): try c.encode(v, forKey: .text)
        case .order(let v): try c.encode(v, forKey: .order)
        case .pairs(let v): try c.encode(v, forKey: .pairs)
        }
    }
}

/// The outcome of grading one response.
public struct Grade: Sendable, Equatable {
    /// Points earned, from 0 to the question's points.
    public var score: Double
    /// The question's points.
    public var maxScore: Double
    /// Whether the answer earned full points.
    public var isCorrect: Bool
    /// Feedback the answer triggered (the picked options', the anticipated answer's).
    public var feedback: [Block]
    /// Whether the response matched an answer the author anticipated as wrong.
    public var matchedAnticipatedWrongAnswer: Bool

    /// Makes a grade.
    public init(
        score: Double, maxScore: Double, isCorrect: Bool, feedback: [Block] = [],
        matchedAnticipatedWrongAnswer: Bool = false
    ) {
        self.score = score
        self.maxScore = maxScore
        self.isCorrect = isCorrect
        self.feedback = feedback
        self.matchedAnticipatedWrongAnswer = matchedAnticipatedWrongAnswer
    }
}
