/// One question of a quiz.
public struct Question: Sendable, Equatable, Codable, Identifiable {
    /// Stable slug, unique in the course; answers are recorded against it.
    public var id: String
    /// The prompt (the question's heading).
    public var prompt: [Inline]
    /// Prose between the prompt and the answers.
    public var body: [Block]
    /// Points for a fully correct answer.
    public var points: Int
    /// Whether the client may shuffle options and ordering items.
    public var shuffle: Bool
    /// What counts as right, and what to say about wrong answers.
    public var answer: AnswerKey
    /// Hints, revealed one at a time on request.
    public var hints: [[Block]]
    /// Shown after answering, right or wrong.
    public var explanation: [Block]

    /// Makes a question.
    public init(
        id: String, prompt: [Inline], body: [Block] = [], points: Int = 1, shuffle: Bool = true,
        answer: AnswerKey, hints: [[Block]] = [], explanation: [Block] = []
    ) {
        self.id = id
        self.prompt = prompt
        self.body = body
        self.points = points
        self.shuffle = shuffle
        self.answer = answer
        self.hints = hints
        self.explanation = explanation
    }

    /// The question's kind.
    public var kind: QuestionKind { answer.kind }
}

/// The kinds of question the format offers.
public enum QuestionKind: String, Sendable, Codable, CaseIterable {
    /// Pick exactly one option.
    case singleChoice = "single-choice"
    /// Pick `Đúng` or `Sai`.
    case trueFalse = "true-false"
    /// Pick every right option.
    case multipleAnswer = "multiple-answer"
    /// Type a word or phrase.
    case shortAnswer = "short-answer"
    /// Type a number.
    case numeric
    /// Put items in order.
    case ordering
    /// Pair left items with right items.
    case matching
}

/// How a multiple-answer question is scored.
public enum Scoring: String, Sendable, Codable {
    /// Full points only when exactly the right options are picked.
    case allOrNothing = "all-or-nothing"
    /// A share of the points for each right pick, less one for each wrong pick, never below zero.
    case partial
}

/// An option of a choice question.
public struct ChoiceOption: Sendable, Equatable, Codable, Identifiable {
    /// Stable id within the question, derived from the option's text.
    public var id: String
    /// What the learner reads.
    public var content: [Inline]
    /// Whether picking it is right.
    public var isCorrect: Bool
    /// Said when the learner picks it.
    public var feedback: [Block]

    /// Makes an option.
    public init(id: String, content: [Inline], isCorrect: Bool, feedback: [Block] = []) {
        self.id = id
        self.content = content
        self.isCorrect = isCorrect
        self.feedback = feedback
    }

    enum CodingKeys: String, CodingKey {
        case id
        case content = "c"
        case isCorrect = "ok"
        case feedback = "fb"
    }
}

/// A typed-answer pattern: literal text (matched under a `MatchRule`) or a regular expression.
public enum TextPattern: Sendable, Equatable, Hashable, Codable {
    /// Text compared after folding.
    case text(String)
    /// A regular expression matched against the whole folded response.
    case regex(String)
}

/// An answer the author expects some learners to give, with what to tell them.
public struct AnticipatedAnswer: Sendable, Equatable, Codable {
    /// What the learner might type.
    public var pattern: TextPattern
    /// What to tell them.
    public var feedback: [Block]

    /// Makes an anticipated answer.
    public init(pattern: TextPattern, feedback: [Block]) {
        self.pattern = pattern
        self.feedback = feedback
    }
}

/// The key of a short-answer question.
public struct ShortAnswerKey: Sendable, Equatable, Codable {
    /// Accepted answers; the first is shown as "the answer".
    public var accepted: [TextPattern]
    /// Feedback for each accepted answer, in the same order (may be empty).
    public var acceptedFeedback: [[Block]]
    /// Anticipated wrong answers.
    public var anticipated: [AnticipatedAnswer]
    /// How typed text is compared.
    public var rule: MatchRule

    /// Makes a short-answer key.
    public init(
        accepted: [TextPattern], acceptedFeedback: [[Block]] = [], anticipated: [AnticipatedAnswer] = [],
        rule: MatchRule = .standard
    ) {
        self.accepted = accepted
        self.acceptedFeedback = acceptedFeedback
        self.anticipated = anticipated
        self.rule = rule
    }
}

/// A closed interval of accepted numbers.
public struct NumericRange: Sendable, Equatable, Hashable, Codable {
    /// Smallest accepted value.
    public var lower: Double
    /// Largest accepted value.
    public var upper: Double
    /// How the author wrote it, for showing the answer (`2,5 ± 0,05`).
    public var display: String

    /// Makes a range.
    public init(lower: Double, upper: Double, display: String) {
        self.lower = min(lower, upper)
        self.upper = max(lower, upper)
        self.display = display
    }

    /// Whether `value` lies in the range (with a rounding allowance of one part in 10¹²).
    public func contains(_ value: Double) -> Bool {
        let slack = Swift.max(abs(lower), abs(upper), 1) * 1e-12
        return value >= lower - slack && value <= upper + slack
    }
}

/// An anticipated wrong number, with feedback.
public struct AnticipatedNumber: Sendable, Equatable, Codable {
    /// The wrong value or range.
    public var range: NumericRange
    /// What to tell the learner.
    public var feedback: [Block]

    /// Makes an anticipated wrong number.
    public init(range: NumericRange, feedback: [Block]) {
        self.range = range
        self.feedback = feedback
    }
}

/// The key of a numeric question.
public struct NumericKey: Sendable, Equatable, Codable {
    /// Accepted ranges; the first is shown as "the answer".
    public var accepted: [NumericRange]
    /// Anticipated wrong numbers.
    public var anticipated: [AnticipatedNumber]

    /// Makes a numeric key.
    public init(accepted: [NumericRange], anticipated: [AnticipatedNumber] = []) {
        self.accepted = accepted
        self.anticipated = anticipated
    }
}

/// An item of an ordering question or a side of a matching pair.
public struct AnswerItem: Sendable, Equatable, Codable, Identifiable {
    /// Stable id within the question, derived from the item's text.
    public var id: String
    /// What the learner reads.
    public var content: [Inline]

    /// Makes an item.
    public init(id: String, content: [Inline]) {
        self.id = id
        self.content = content
    }

    enum CodingKeys: String, CodingKey {
        case id
        case content = "c"
    }
}

/// A left item and the right item it belongs with.
public struct MatchPair: Sendable, Equatable, Codable {
    /// The left side (a prompt).
    public var left: AnswerItem
    /// The right side that matches it.
    public var right: AnswerItem

    /// Makes a pair.
    public init(left: AnswerItem, right: AnswerItem) {
        self.left = left
        self.right = right
    }
}

/// The key of a matching question.
public struct MatchingKey: Sendable, Equatable, Codable {
    /// The right pairs.
    public var pairs: [MatchPair]
    /// Right-side items that match no left item.
    public var distractors: [AnswerItem]
    /// How the question is scored.
    public var scoring: Scoring

    /// Makes a matching key.
    public init(pairs: [MatchPair], distractors: [AnswerItem] = [], scoring: Scoring = .allOrNothing) {
        self.pairs = pairs
        self.distractors = distractors
        self.scoring = scoring
    }

    /// Every right-side item: the pairs' and the distractors'.
    public var rightItems: [AnswerItem] { pairs.map(\.right) + distractors }
}

/// What counts as a right answer to a question.
public enum AnswerKey: Sendable, Equatable {
    /// Exactly one of the options is right.
    case singleChoice([ChoiceOption])
    /// A single choice between `Đúng` and `Sai` (or `True`/`False`).
    case trueFalse([ChoiceOption])
    /// Every option marked right must be picked.
    case multipleAnswer([ChoiceOption], scoring: Scoring)
    /// A typed word or phrase.
    case shortAnswer(ShortAnswerKey)
    /// A typed number.
    case numeric(NumericKey)
    /// The items, in the right order.
    case ordering([AnswerItem])
    /// Left items paired with right items.
    case matching(MatchingKey)

    /// The question kind this key belongs to.
    public var kind: QuestionKind {
        switch self {
        case .singleChoice: .singleChoice
        case .trueFalse: .trueFalse
        case .multipleAnswer: .multipleAnswer
        case .shortAnswer: .shortAnswer
        case .numeric: .numeric
        case .ordering: .ordering
        case .matching: .matching
        }
    }

    /// The options of a choice question, empty for other kinds.
    public var options: [ChoiceOption] {
        switch self {
        case .singleChoice(let o), .trueFalse(let o), .multipleAnswer(let o, _): o
        default: []
        }
    }
}

extension AnswerKey: Codable {
    private enum Key: String, CodingKey { case kind, options, scoring, short, numeric, items, matching }

    /// Decodes `{"kind": …, …}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        switch try c.decode(QuestionKind.self, forKey: .kind) {
        case .singleChoice: self = .singleChoice(try Self.options(c))
        case .trueFalse: self = .trueFalse(try Self.options(c))
        case .multipleAnswer:
            self = .multipleAnswer(try Self.options(c), scoring: try c.decode(Scoring.self, forKey: .scoring))
        case .shortAnswer: self = .shortAnswer(try c.decode(ShortAnswerKey.self, forKey: .short))
        case .numeric: self = .numeric(try c.decode(NumericKey.self, forKey: .numeric))
        case .ordering:
            self = .ordering(
                try c.decode([AnswerItem].self, forKey: .items).fillingDerivedIDs(codingPath: c.codingPath))
        case .matching: self = .matching(try c.decode(MatchingKey.self, forKey: .matching))
        }
    }

    /// The options, with the ids the compact form left out derived from their text.
    private static func options(_ c: KeyedDecodingContainer<Key>) throws -> [ChoiceOption] {
        try c.decode([ChoiceOption].self, forKey: .options).fillingDerivedIDs(codingPath: c.codingPath)
    }

    /// Encodes `{"kind": …, …}`, leaving out option and item ids their text gives back.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(kind, forKey: .kind)
        switch self {
        case .singleChoice(let o), .trueFalse(let o): try c.encode(o.compact, forKey: .options)
        case .multipleAnswer(let o, let scoring):
            try c.encode(o.compact, forKey: .options)
            try c.encode(scoring, forKey: .scoring)
        case .shortAnswer(let k): try c.encode(k, forKey: .short)
        case .numeric(let k): try c.encode(k, forKey: .numeric)
        case .ordering(let items): try c.encode(items.compact, forKey: .items)
        case .matching(let k): try c.encode(k, forKey: .matching)
        }
    }
}
