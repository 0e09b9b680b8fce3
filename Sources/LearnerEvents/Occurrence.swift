import CourseModel

/// What a learner did, as the client reports it: an event before the centre's log gives it a
/// place (`Event`: node, sequence number, time of recording).
public struct Occurrence: Sendable, Hashable {
    /// A subject field an event kind may require.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        /// `courseId` and `courseVersion`.
        case course
        /// `lessonId`.
        case lesson
        /// `itemId` (a step or a question).
        case item
        /// `attempt`.
        case attempt

        /// The column that stores it.
        public var column: String {
            switch self {
            case .course: "course_id"
            case .lesson: "lesson_id"
            case .item: "item_id"
            case .attempt: "attempt"
            }
        }
    }

    /// What happened.
    public var kind: EventKind
    /// The learner's code at the centre.
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

    /// Makes an occurrence; prefer the factories, which require what each kind needs.
    public init(
        kind: EventKind, learner: String, occurredAt: Int64, courseId: String? = nil, courseVersion: Int? = nil,
        lessonId: String? = nil, itemId: String? = nil, attempt: Int? = nil, payload: EventPayload = .empty
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

    /// Whether `field` has a value.
    public func has(_ field: Field) -> Bool {
        switch field {
        case .course: courseId.map { !$0.isEmpty } ?? false
        case .lesson: lessonId.map { !$0.isEmpty } ?? false
        case .item: itemId.map { !$0.isEmpty } ?? false
        case .attempt: attempt != nil
        }
    }
}

// MARK: Factories, one per kind a centre records

extension Occurrence {
    /// A learner was registered; only public facts travel (never the name or PIN).
    public static func learnerRegistered(learner: String, facts: LearnerFacts, at: Int64) -> Occurrence {
        Occurrence(kind: .learnerRegistered, learner: learner, occurredAt: at, payload: .encoding(facts))
    }

    /// A learner's public facts changed.
    public static func learnerUpdated(learner: String, facts: LearnerFacts, at: Int64) -> Occurrence {
        Occurrence(kind: .learnerUpdated, learner: learner, occurredAt: at, payload: .encoding(facts))
    }

    /// A lesson was opened.
    public static func lessonOpened(learner: String, course: String, version: Int, lesson: String, at: Int64)
        -> Occurrence
    {
        Occurrence(
            kind: .lessonOpened, learner: learner, occurredAt: at, courseId: course, courseVersion: version,
            lessonId: lesson)
    }

    /// A reading step was read (the learner moved past it).
    public static func stepRead(
        learner: String, course: String, version: Int, lesson: String, step: String, at: Int64
    ) -> Occurrence {
        Occurrence(
            kind: .stepRead, learner: learner, occurredAt: at, courseId: course, courseVersion: version,
            lessonId: lesson, itemId: step)
    }

    /// A quiz attempt began.
    public static func quizStarted(
        learner: String, course: String, version: Int, lesson: String, attempt: Int, at: Int64
    ) -> Occurrence {
        Occurrence(
            kind: .quizStarted, learner: learner, occurredAt: at, courseId: course, courseVersion: version,
            lessonId: lesson, attempt: attempt)
    }

    /// An answer, graded. Record it before showing feedback.
    public static func answerSubmitted(
        learner: String, course: String, version: Int, lesson: String, attempt: Int, answer: RecordedAnswer,
        practice: Bool = false, at: Int64
    ) -> Occurrence {
        var answer = answer
        // The payload keeps the value it was encoded from: it must be what decoding the text gives.
        answer.response = answer.response.stored
        return Occurrence(
            kind: .answerSubmitted, learner: learner, occurredAt: at, courseId: course, courseVersion: version,
            lessonId: lesson, itemId: answer.questionId, attempt: attempt,
            payload: .encoding(AnswerPayload(answer: answer, practice: practice ? true : nil)))
    }

    /// A quiz attempt finished; its mastery rule is frozen into the event.
    public static func quizFinished(
        learner: String, course: String, version: Int, lesson: String, attempt: Int, outcome: QuizOutcome,
        at: Int64
    ) -> Occurrence {
        Occurrence(
            kind: .quizFinished, learner: learner, occurredAt: at, courseId: course, courseVersion: version,
            lessonId: lesson, attempt: attempt, payload: .encoding(outcome))
    }

    /// A lesson was completed.
    public static func lessonCompleted(learner: String, course: String, version: Int, lesson: String, at: Int64)
        -> Occurrence
    {
        Occurrence(
            kind: .lessonCompleted, learner: learner, occurredAt: at, courseId: course, courseVersion: version,
            lessonId: lesson)
    }

    /// A course was completed.
    public static func courseCompleted(learner: String, course: String, version: Int, at: Int64) -> Occurrence {
        Occurrence(kind: .courseCompleted, learner: learner, occurredAt: at, courseId: course, courseVersion: version)
    }

    /// A certificate was issued for a completed course; `credential` is its signed JSON (JCS form).
    public static func certificateIssued(
        learner: String, course: String, version: Int, credential: String, at: Int64
    ) -> Occurrence {
        Occurrence(
            kind: .certificateIssued, learner: learner, occurredAt: at, courseId: course, courseVersion: version,
            payload: EventPayload(json: credential))
    }
}

// MARK: Typed views of the payload

extension Occurrence {
    /// The graded answer of an `answer.submitted` event.
    public var answer: RecordedAnswer? {
        guard kind == .answerSubmitted, var answer = try? payload.decode(AnswerPayload.self).answer else { return nil }
        // Payloads stored before the question id travelled in them: the event's item names it.
        if answer.questionId.isEmpty { answer.questionId = itemId ?? "" }
        return answer
    }

    /// Whether an answer or a finished quiz was practice (which never counts).
    public var isPractice: Bool {
        switch kind {
        case .answerSubmitted: payload.answerIsPractice
        case .quizFinished: quizOutcome?.isPractice ?? false
        default: false
        }
    }

    /// The outcome of a `quiz.finished` event.
    public var quizOutcome: QuizOutcome? {
        guard kind == .quizFinished else { return nil }
        return try? payload.decode(QuizOutcome.self)
    }

    /// The public facts of a `learner.*` event.
    public var learnerFacts: LearnerFacts? {
        guard kind.isAboutLearner else { return nil }
        return try? payload.decode(LearnerFacts.self)
    }
}

// MARK: Validation

extension Occurrence {
    /// The longest id or code an event may carry, in characters.
    public static let maxIdLength = 200

    /// Checks what the kind requires and that values are in range; the schema checks again.
    public func validate() throws(EventError) {
        if kind.hasNoLearner {
            guard learner == Self.noLearner else {
                throw EventError(.invalidField, field: "learner", EventText.groupEventHasNoLearner(kind))
            }
        } else if !LearnerCode.isValid(learner) {
            throw EventError(.invalidField, field: "learner", EventText.notALearnerCode)
        }
        for field in kind.requiredFields where !has(field) {
            throw EventError(.missingField, field: field.column, EventText.missing(field, for: kind))
        }
        for id in [courseId, lessonId, itemId].compactMap({ $0 }) where id.utf8.count > Self.maxIdLength {
            // Bytes first: within 200 bytes is within 200 characters, without walking graphemes.
            if id.count > Self.maxIdLength { throw EventError(.invalidField, EventText.idTooLong) }
        }
        if let attempt, attempt < 1 { throw EventError(.invalidField, field: "attempt", EventText.attemptBelowOne) }
        if let courseVersion, courseVersion < 0 {
            throw EventError(.invalidField, field: "course_version", EventText.negativeVersion)
        }
        switch kind {
        case .answerSubmitted:
            guard let answer = try? payload.decode(AnswerPayload.self).answer,
                Self.isScore(answer.score, within: answer.maxScore)
            else { throw EventError(.invalidPayload, field: "payload", EventText.answerPayload) }
        case .quizFinished:
            guard let outcome = try? payload.decode(QuizOutcome.self),
                Self.isScore(outcome.score, within: outcome.maxScore)
            else { throw EventError(.invalidPayload, field: "payload", EventText.quizPayload) }
        case .groupCreated:
            guard let facts = groupFacts, Self.isGroupId(facts.group), !facts.name.isEmpty else {
                throw EventError(.invalidPayload, field: "payload", EventText.groupPayload)
            }
        case .groupMemberAdded, .groupMemberRemoved, .groupAssignmentAdded, .groupAssignmentRemoved:
            guard let reference = groupReference, Self.isGroupId(reference.group) else {
                throw EventError(.invalidPayload, field: "payload", EventText.groupPayload)
            }
        default:
            break
        }
    }

    private static func isScore(_ score: Double, within max: Double) -> Bool {
        score.isFinite && max.isFinite && score >= 0 && score <= max + 1e-9
    }
}
