import Foundation
import GRDB

extension CentreStore {
    /// Records one event: ONE `BEGIN IMMEDIATE` transaction takes the next sequence number,
    /// inserts the event and updates derived progress. Returns only after the commit is on disk,
    /// so the client may show feedback as soon as this returns.
    @discardableResult
    public func record(_ event: NewEvent) throws -> RecordedEvent {
        var event = event
        event.learner = event.learner.uppercased()
        try Self.validate(event)
        let payload = event.payload.encoded()
        let recordedAt = now()
        return try storageErrors {
            if event.kind == .answerSubmitted {
                return try recordAnswer(event, payload: payload, recordedAt: recordedAt)
            }
            return try writeImmediate { db in try self.append(event, payload: payload, recordedAt: recordedAt, db) }
        }
    }

    /// Inserts an event inside the caller's write transaction and applies it to derived progress.
    func append(_ event: NewEvent, payload: String, recordedAt: Int64, _ db: Database) throws -> RecordedEvent {
        var recorded = RecordedEvent(
            nodeId: nodeId, seq: 0, kind: event.kind, learner: event.learner, occurredAt: event.occurredAt,
            recordedAt: recordedAt, courseId: event.courseId, courseVersion: event.courseVersion,
            lessonId: event.lessonId,
            itemId: event.itemId, attempt: event.attempt, payload: payload)
        // Inside the immediate transaction no other process can take the same number: gap-free.
        // (A single INSERT … SELECT max(seq) … RETURNING was slower: SQLite builds a temporary
        // table for an INSERT that reads its own table.)
        recorded.seq =
            try Int64.fetchOne(db.cachedStatement(sql: Self.nextSeqSQL), arguments: [nodeId]) ?? 1
        do {
            try db.cachedStatement(sql: Self.insertEventSQL).execute(arguments: [
                recorded.nodeId, recorded.seq, recorded.kind.rawValue, recorded.learner, recorded.occurredAt,
                recorded.recordedAt, recorded.courseId, recorded.courseVersion, recorded.lessonId, recorded.itemId,
                recorded.attempt, recorded.payload,
            ])
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
            // The foreign key to `learners` does the check: no extra query on the hot path.
            throw ProgressStoreError(.unknownLearner, "no learner has this code")
        }
        try DerivedProgress.apply(recorded, event.payload, db)
        return recorded
    }

    /// This centre's events after `afterSeq`, in order, at most `limit` (for sync export and push).
    public func events(afterSeq: Int64, limit: Int) throws -> [RecordedEvent] {
        try storageErrors {
            try pool.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT * FROM events WHERE node_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                    arguments: [nodeId, afterSeq, max(0, limit)]
                ).map(Self.event(from:))
            }
        }
    }

    /// How many events this centre has recorded (equal to the last seq: they are gap-free).
    public var eventCount: Int {
        get throws {
            try storageErrors { try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0 } }
        }
    }

    /// The highest sequence number recorded, 0 when none.
    public var lastSeq: Int64 {
        get throws {
            try storageErrors {
                try pool.read { db in
                    try Int64.fetchOne(
                        db, sql: "SELECT coalesce(max(seq), 0) FROM events WHERE node_id = ?", arguments: [nodeId]) ?? 0
                }
            }
        }
    }

    /// A stored row as an event.
    static func event(from row: Row) throws -> RecordedEvent {
        let kindText: String = row["kind"]
        guard let kind = EventKind(rawValue: kindText) else { throw ProgressStoreError(.corrupt, "unknown event kind") }
        return RecordedEvent(
            nodeId: row["node_id"], seq: row["seq"], kind: kind, learner: row["learner"],
            occurredAt: row["occurred_at"],
            recordedAt: row["recorded_at"], courseId: row["course_id"], courseVersion: row["course_version"],
            lessonId: row["lesson_id"], itemId: row["item_id"], attempt: row["attempt"], payload: row["payload"])
    }

    /// Runs `body`, turning SQLite errors into `ProgressStoreError(.storage)` without bound values.
    func storageErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ProgressStoreError {
            throw error
        } catch {
            throw ProgressStoreError(.storage, Self.describe(error))
        }
    }

    /// Checks the fields an event's kind requires (the schema checks them again).
    static func validate(_ e: NewEvent) throws {
        func require(_ value: String?, _ field: String) throws {
            // Bytes first: within 200 bytes is within 200 characters, without walking graphemes.
            guard let value, !value.isEmpty, value.utf8.count <= 200 || value.count <= 200 else {
                throw ProgressStoreError(.invalidEvent, field: field, "is required for \(e.kind.rawValue)")
            }
        }
        guard Learner.isValidCode(e.learner) else {
            throw ProgressStoreError(.invalidEvent, field: "learner", "is not a learner code")
        }
        if e.kind != .learnerRegistered && e.kind != .learnerUpdated { try require(e.courseId, "course_id") }
        switch e.kind {
        case .learnerRegistered, .learnerUpdated, .courseCompleted: break
        case .lessonOpened, .lessonCompleted: try require(e.lessonId, "lesson_id")
        case .stepRead:
            try require(e.lessonId, "lesson_id")
            try require(e.itemId, "item_id")
        case .quizStarted, .quizFinished, .answerSubmitted:
            try require(e.lessonId, "lesson_id")
            if e.kind == .answerSubmitted { try require(e.itemId, "item_id") }
            guard let attempt = e.attempt, attempt >= 1 else {
                throw ProgressStoreError(.invalidEvent, field: "attempt", "must be 1 or more")
            }
        }
        let p = e.payload
        if e.kind == .answerSubmitted {
            guard p.response != nil, p.correct != nil, let score = p.score, let max = p.maxScore, score.isFinite,
                max.isFinite,
                score >= 0, score <= max + 1e-9
            else {
                throw ProgressStoreError(
                    .invalidEvent, field: "payload", "an answer needs response, correct and a score within 0…max")
            }
        }
        if e.kind == .quizFinished {
            guard let score = p.score, let max = p.maxScore, score.isFinite, max.isFinite, score >= 0,
                score <= max + 1e-9,
                p.passed != nil, p.mastery != nil
            else {
                throw ProgressStoreError(
                    .invalidEvent, field: "payload", "a finished quiz needs score, maxScore, passed and mastery")
            }
        }
        if let version = e.courseVersion, version < 0 {
            throw ProgressStoreError(.invalidEvent, field: "course_version", "must not be negative")
        }
    }
}
