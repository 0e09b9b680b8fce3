/// What an event records. The raw value travels unchanged from the centre's log to every hub.
///
/// This enum is the one list of kinds: the centre's schema takes its allowed kinds from `known`,
/// and a kind this build does not know (from a newer centre) is kept as `unknown` so a hub can
/// store and forward it byte for byte.
public enum EventKind: Sendable, Hashable {
    /// A learner was registered at the centre (`learner.registered`).
    case learnerRegistered
    /// A learner's public facts changed (`learner.updated`).
    case learnerUpdated
    /// A lesson was opened (`lesson.opened`).
    case lessonOpened
    /// A reading step was read; `itemId` is the step (`step.read`).
    case stepRead
    /// A quiz attempt began (`quiz.started`).
    case quizStarted
    /// An answer was submitted; `itemId` is the question (`answer.submitted`).
    case answerSubmitted
    /// A quiz attempt finished, with its score and frozen mastery rule (`quiz.finished`).
    case quizFinished
    /// A lesson was completed (`lesson.completed`).
    case lessonCompleted
    /// A course was completed (`course.completed`).
    case courseCompleted
    /// A learner signed in at a client (`session.started`).
    case sessionStarted
    /// A learner signed out, or the client closed (`session.ended`).
    case sessionEnded
    /// A study group was made at the centre; about no learner (`group.created`).
    case groupCreated
    /// A learner joined a group (`group.member.added`).
    case groupMemberAdded
    /// A learner left a group (`group.member.removed`).
    case groupMemberRemoved
    /// A course or lesson was assigned to a group; about no learner (`group.assignment.added`).
    case groupAssignmentAdded
    /// An assignment was taken back; about no learner (`group.assignment.removed`).
    case groupAssignmentRemoved
    /// The centre issued a certificate for a completed course; the payload is the signed
    /// Open Badges credential (`certificate.issued`).
    case certificateIssued
    /// A kind this build does not know, kept as it came.
    case unknown(String)

    /// Every kind this build records, in the order the log documents them.
    public static let known: [EventKind] = [
        .learnerRegistered, .learnerUpdated, .lessonOpened, .stepRead, .quizStarted, .answerSubmitted,
        .quizFinished, .lessonCompleted, .courseCompleted, .sessionStarted, .sessionEnded, .groupCreated,
        .groupMemberAdded, .groupMemberRemoved, .groupAssignmentAdded, .groupAssignmentRemoved, .certificateIssued,
    ]

    /// The kind named `rawValue`; `unknown` when this build does not know it.
    public init(rawValue: String) {
        self = Self.byName[rawValue] ?? .unknown(rawValue)
    }

    private static let byName: [String: EventKind] = Dictionary(
        uniqueKeysWithValues: known.map { ($0.rawValue, $0) })

    /// The stored name: `answer.submitted`, …
    public var rawValue: String {
        switch self {
        case .learnerRegistered: "learner.registered"
        case .learnerUpdated: "learner.updated"
        case .lessonOpened: "lesson.opened"
        case .stepRead: "step.read"
        case .quizStarted: "quiz.started"
        case .answerSubmitted: "answer.submitted"
        case .quizFinished: "quiz.finished"
        case .lessonCompleted: "lesson.completed"
        case .courseCompleted: "course.completed"
        case .sessionStarted: "session.started"
        case .sessionEnded: "session.ended"
        case .groupCreated: "group.created"
        case .groupMemberAdded: "group.member.added"
        case .groupMemberRemoved: "group.member.removed"
        case .groupAssignmentAdded: "group.assignment.added"
        case .groupAssignmentRemoved: "group.assignment.removed"
        case .certificateIssued: "certificate.issued"
        case .unknown(let name): name
        }
    }

    /// Whether this build knows the kind.
    public var isKnown: Bool {
        if case .unknown = self { return false }
        return true
    }

    /// Whether it is about the learner rather than about studying (`learner.*`).
    public var isAboutLearner: Bool { rawValue.hasPrefix("learner.") }

    /// Whether it is about a study group (`group.*`): the centre's organisation, not studying.
    public var isAboutGroup: Bool { rawValue.hasPrefix("group.") }

    /// Whether it is about no learner at all: its `learner` is `Occurrence.noLearner`.
    public var hasNoLearner: Bool {
        switch self {
        case .groupCreated, .groupAssignmentAdded, .groupAssignmentRemoved: true
        default: false
        }
    }

    /// The subject fields this kind must carry.
    public var requiredFields: Set<Occurrence.Field> {
        switch self {
        case .learnerRegistered, .learnerUpdated, .unknown, .sessionStarted, .sessionEnded: []
        case .groupCreated, .groupMemberAdded, .groupMemberRemoved: []
        case .groupAssignmentAdded, .groupAssignmentRemoved: [.course]
        case .courseCompleted, .certificateIssued: [.course]
        case .lessonOpened, .lessonCompleted: [.course, .lesson]
        case .stepRead: [.course, .lesson, .item]
        case .quizStarted, .quizFinished: [.course, .lesson, .attempt]
        case .answerSubmitted: [.course, .lesson, .item, .attempt]
        }
    }
}

extension EventKind: Codable {
    /// Decodes the stored name; any name is accepted (unknown ones are kept).
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the stored name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension EventKind: CustomStringConvertible {
    /// The stored name.
    public var description: String { rawValue }
}
