import CourseModel
import Foundation

/// The kind-specific facts of an event, as the JSON object text the centre stored.
///
/// The text is kept as it came (a hub stores and forwards it byte for byte, whatever the kind),
/// and read through typed views (`Event.answer`, `Event.quizOutcome`, `Event.learnerFacts`).
/// New payloads are written by one encoder: compact, keys sorted, absent fields left out.
public struct EventPayload: Sendable, Hashable {
    /// The JSON object text.
    public let json: String
    /// The value `json` was encoded from, when this process made the payload: the centre reads
    /// an answer back to check and apply it in the same commit, and need not parse what it just wrote.
    fileprivate let encodedFrom: (any Sendable)?

    /// A payload as stored or received (the schema checks that it is valid JSON).
    public init(json: String) {
        self.json = json
        encodedFrom = nil
    }

    private init(json: String, encodedFrom: any Sendable) {
        self.json = json
        self.encodedFrom = encodedFrom
    }

    /// No facts: `{}`.
    public static let empty = EventPayload(json: "{}")

    /// The payload of `value`, encoded compactly with sorted keys.
    public static func encoding(_ value: some Encodable & Sendable) -> EventPayload {
        // The payload types are plain structs of strings, numbers and arrays; a value that still
        // fails (a score that is not a number) becomes `{}`, which validation then refuses.
        guard let data = try? encoder.encode(value) else { return .empty }
        return EventPayload(json: String(decoding: data, as: UTF8.self), encodedFrom: value)
    }

    /// Two payloads are equal when their texts are: the text is what is stored and sent.
    public static func == (a: EventPayload, b: EventPayload) -> Bool { a.json == b.json }

    /// Hashes the text.
    public func hash(into hasher: inout Hasher) { hasher.combine(json) }

    /// The payload read as `type`.
    public func decode<T: Decodable>(_ type: T.Type) throws(EventError) -> T {
        if let value = encodedFrom as? T { return value }
        do {
            return try JSONDecoder().decode(type, from: Data(json.utf8))
        } catch {
            throw EventError(.invalidPayload, EventText.payloadUnreadable)
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}

/// The facts of an `answer.submitted` event: the graded answer, and whether it was practice.
struct AnswerPayload: Codable {
    var answer: RecordedAnswer
    var practice: Bool?

    private enum Key: String, CodingKey { case practice }

    init(answer: RecordedAnswer, practice: Bool?) {
        self.answer = answer
        self.practice = practice
    }

    init(from decoder: any Decoder) throws {
        answer = try RecordedAnswer(from: decoder)
        practice = try decoder.container(keyedBy: Key.self).decodeIfPresent(Bool.self, forKey: .practice)
    }

    func encode(to encoder: any Encoder) throws {
        // One JSON object: the answer's fields and `practice` beside them.
        try answer.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(practice, forKey: .practice)
    }
}

/// The practice flag of an `answer.submitted` payload, read without the answer beside it.
struct PracticeFlag: Decodable {
    var practice: Bool?
}

extension EventPayload {
    /// Whether an `answer.submitted` payload says practice; only the flag is parsed from a text,
    /// since every answer recorded asks.
    var answerIsPractice: Bool {
        if let answer = encodedFrom as? AnswerPayload { return answer.practice == true }
        return (try? decode(PracticeFlag.self).practice) == true
    }
}

/// The facts of a `quiz.finished` event: the attempt's score and the mastery rule that judged it.
public struct QuizOutcome: Sendable, Hashable, Codable {
    /// Points earned.
    public var score: Double
    /// Points possible.
    public var maxScore: Double
    /// Whether the attempt passed.
    public var passed: Bool
    /// The mastery rule in force, frozen into the event.
    public var mastery: MasteryRecord
    /// Questions answered wrongly, in quiz order.
    public var wrong: [String]
    /// Whether the quiz is the course's final quiz (absent: no).
    public var final: Bool?
    /// Whether the attempt was practice, which never counts (absent: no).
    public var practice: Bool?

    /// Makes an outcome; `isFinal` and `isPractice` are stored only when true.
    public init(
        score: Double, maxScore: Double, passed: Bool, mastery: MasteryRecord, wrong: [String],
        isFinal: Bool = false, isPractice: Bool = false
    ) {
        self.score = score
        self.maxScore = maxScore
        self.passed = passed
        self.mastery = mastery
        self.wrong = wrong
        self.final = isFinal ? true : nil
        self.practice = isPractice ? true : nil
    }

    /// Whether it is the final quiz.
    public var isFinal: Bool { final == true }
    /// Whether it was practice.
    public var isPractice: Bool { practice == true }

    /// `score / maxScore` within 0…1; 0 when the quiz has no points.
    public var share: Double {
        guard maxScore > 0 else { return 0 }
        return min(1, max(0, score / maxScore))
    }
}

/// The facts of a `learner.*` event: what a hub may know of a learner (never a PIN, and no name
/// unless the centre chooses to send one).
public struct LearnerFacts: Sendable, Hashable, Codable {
    /// Birth year.
    public var birthYear: Int?
    /// `nu`, `nam`, `khac`.
    public var gender: String?
    /// The commune as entered at the centre.
    public var commune: String?
    /// A display name, only when the centre sends names.
    public var displayName: String?

    /// Makes the facts.
    public init(birthYear: Int? = nil, gender: String? = nil, commune: String? = nil, displayName: String? = nil) {
        self.birthYear = birthYear
        self.gender = gender
        self.commune = commune
        self.displayName = displayName
    }
}

/// A mastery rule as events store it: `{"rule":"pass-mark","mark":0.8}` or
/// `{"rule":"recent","m":4,"n":5}`.
public struct MasteryRecord: Sendable, Hashable, Codable {
    /// `pass-mark` or `recent`.
    public var rule: String
    /// The pass mark (0–1) for `pass-mark`.
    public var mark: Double?
    /// How many of the last `n` must be right, for `recent`.
    public var m: Int?
    /// How many recent answers count, for `recent`.
    public var n: Int?

    /// The record of a rule.
    public init(_ rule: MasteryRule) {
        switch rule {
        case .passMark(let mark):
            self.rule = "pass-mark"
            self.mark = mark
        case .recent(let m, let n):
            self.rule = "recent"
            self.m = m
            self.n = n
        }
    }

    /// The rule back, when the record is well formed.
    public var masteryRule: MasteryRule? {
        switch rule {
        case "pass-mark": mark.map { .passMark($0) }
        case "recent": m.flatMap { m in n.map { .recent(m: m, n: $0) } }
        default: nil
        }
    }
}
