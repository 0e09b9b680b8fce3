import CourseModel
import Foundation

/// What an event records. The raw values are the `kind` column and travel to hubs unchanged.
public enum EventKind: String, Sendable, Codable, CaseIterable {
    /// A learner was registered at the centre.
    case learnerRegistered = "learner.registered"
    /// A learner's public facts changed.
    case learnerUpdated = "learner.updated"
    /// A lesson was opened.
    case lessonOpened = "lesson.opened"
    /// A reading step was shown (`itemId` is the step id).
    case stepRead = "step.read"
    /// An answer was submitted (`itemId` is the question id).
    case answerSubmitted = "answer.submitted"
    /// A quiz attempt started.
    case quizStarted = "quiz.started"
    /// A quiz attempt finished, with its score and the mastery rule that judged it.
    case quizFinished = "quiz.finished"
    /// A lesson was completed.
    case lessonCompleted = "lesson.completed"
    /// A course was completed.
    case courseCompleted = "course.completed"
}

/// An event the client wants recorded; the store gives it its sequence number.
public struct NewEvent: Sendable, Equatable {
    /// What happened.
    public var kind: EventKind
    /// The learner's code.
    public var learner: String
    /// When it happened, ms since 1970 UTC (the machine's clock).
    public var occurredAt: Int64
    /// The course it is about.
    public var courseId: String?
    /// The version of the course content in use.
    public var courseVersion: Int?
    /// The lesson it is about.
    public var lessonId: String?
    /// The step or question it is about.
    public var itemId: String?
    /// The quiz attempt, for quiz events.
    public var attempt: Int?
    /// Kind-specific facts.
    public var payload: EventPayload

    /// Makes an event.
    public init(
        kind: EventKind, learner: String, occurredAt: Int64, courseId: String? = nil, courseVersion: Int? = nil,
        lessonId: String? = nil, itemId: String? = nil, attempt: Int? = nil, payload: EventPayload = EventPayload()
    ) {
        self.kind = kind
        self.learner = learner
        self.occurredAt = occurredAt
        self.courseId = courseId
        self.courseVersion = courseVersion
        self.lessonId = lessonId
        self.itemId = itemId
        self.attempt = attempt
        self.payload = payload
    }
}

/// An event as stored: globally identified by `<nodeId>/<seq>`.
public struct RecordedEvent: Sendable, Equatable, Codable {
    /// The centre that recorded it.
    public var nodeId: String
    /// Its sequence number at that centre: 1, 2, 3… without gaps.
    public var seq: Int64
    /// What happened.
    public var kind: EventKind
    /// The learner's code.
    public var learner: String
    /// When it happened, ms since 1970 UTC.
    public var occurredAt: Int64
    /// When the centre stored it, ms since 1970 UTC.
    public var recordedAt: Int64
    /// The course it is about.
    public var courseId: String?
    /// The course content version.
    public var courseVersion: Int?
    /// The lesson it is about.
    public var lessonId: String?
    /// The step or question it is about.
    public var itemId: String?
    /// The quiz attempt.
    public var attempt: Int?
    /// The payload exactly as stored (JSON, sorted keys), so hashes over it are stable.
    public var payload: String

    /// The global id, `<nodeId>/<seq>`.
    public var id: String { "\(nodeId)/\(seq)" }

    /// The payload decoded.
    public func decodedPayload() throws -> EventPayload {
        do {
            return try JSONDecoder().decode(EventPayload.self, from: Data(payload.utf8))
        } catch {
            throw ProgressStoreError(.corrupt, "event payload is not valid")
        }
    }
}

/// Kind-specific facts of an event. Every field is optional; each kind fills its own.
public struct EventPayload: Sendable, Equatable, Codable {
    /// `answer.submitted`: the response.
    public var response: Response?
    /// `answer.submitted`: whether it earned full points.
    public var correct: Bool?
    /// `answer.submitted`, `quiz.finished`: points earned.
    public var score: Double?
    /// `answer.submitted`, `quiz.finished`: points possible.
    public var maxScore: Double?
    /// `answer.submitted`: hints revealed.
    public var hintsUsed: Int?
    /// `answer.submitted`: time taken in ms.
    public var elapsedMs: Int?
    /// `answer.submitted`, `quiz.finished`: practice (review) that never counts towards mastery.
    public var practice: Bool?
    /// `quiz.finished`: whether the attempt passed.
    public var passed: Bool?
    /// `quiz.finished`: the mastery rule in force, frozen.
    public var mastery: MasteryRecord?
    /// `quiz.finished`: questions answered wrongly.
    public var wrong: [String]?
    /// `quiz.finished`: whether the quiz is the course's final quiz.
    public var final: Bool?
    /// Learner events: birth year.
    public var birthYear: Int?
    /// Learner events: gender (`nu`, `nam`, `khac`).
    public var gender: String?
    /// Learner events: commune.
    public var commune: String?

    /// An empty payload.
    public init() {}

    /// The stored form: compact JSON with sorted keys, absent fields left out.
    func encoded() -> String { PayloadJSON.encode(self) }
}

/// A mastery rule in the form stored in events: `{"rule":"pass-mark","mark":0.8}` or
/// `{"rule":"recent","m":4,"n":5}`.
public struct MasteryRecord: Sendable, Equatable, Codable {
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
