import Certificates
import Foundation
import GRDB
import LearnerEvents
import SQLiteSupport

extension CentreStore {
    /// Records one occurrence; see `record(_:)` for a batch.
    @discardableResult
    public func record(_ occurrence: Occurrence) throws -> Event {
        try record([occurrence])[0]
    }

    /// Records occurrences in ONE `BEGIN IMMEDIATE` transaction, all or none: each takes the next
    /// sequence number and updates derived progress. Returns only after the commit is on disk,
    /// so the client may show feedback as soon as this returns — and a quiz's last answer, its
    /// result and the lesson's completion are either all kept or all lost, never half.
    @discardableResult
    public func record(_ occurrences: [Occurrence]) throws -> [Event] {
        try record(occurrences, certifying: [])
    }

    /// Records occurrences as `record(_:)` does and, in the SAME transaction, issues the
    /// certificate of each `course.completed` among them whose course and version are in
    /// `achievements` (unless the learner already holds it): the completion and its certificate
    /// are both kept or both lost. Without a centre key (before `center init`), or with a key
    /// file that cannot be read, the completion is recorded alone and `cert issue` catches up.
    @discardableResult
    public func record(_ occurrences: [Occurrence], certifying achievements: [CourseAchievement]) throws -> [Event] {
        let signer = achievements.isEmpty ? nil : try? certificateSigner()
        let normalized = try occurrences.map { occurrence in
            var occurrence = occurrence
            occurrence.learner = occurrence.learner.uppercased()
            do throws(EventError) {
                try occurrence.validate()
            } catch {
                throw ProgressStoreError(.invalidEvent, field: error.field, error.phrase)
            }
            return occurrence
        }
        return try storageErrors {
            try writeImmediate { db in
                // Taken inside the write lock, so recording times never run backwards against seq.
                let recordedAt = now()
                let events = try normalized.map { try self.append($0, recordedAt: recordedAt, db) }
                guard let signer else { return events }
                var issued: [Event] = []
                for event in events where event.kind == .courseCompleted {
                    guard
                        let achievement = achievements.first(where: {
                            $0.courseId == event.courseId && $0.version == event.courseVersion
                        })
                    else { continue }
                    if let certificate = try self.issueIfMissing(
                        learner: event.learner, achievement, signer: signer, recordedAt: recordedAt, db)
                    {
                        issued.append(certificate)
                    }
                }
                return events + issued
            }
        }
    }

    /// Inserts an occurrence inside the caller's write transaction and applies it to derived progress.
    func append(_ occurrence: Occurrence, recordedAt: Int64, _ db: Database) throws -> Event {
        // Inside the immediate transaction no other process can take the same number: gap-free.
        let seq = try Int64.fetchOne(db.cachedStatement(sql: Self.nextSeqSQL), arguments: [nodeId]) ?? 1
        let event = Event(nodeId: nodeId, seq: seq, recordedAt: recordedAt, occurrence: occurrence)
        do {
            try db.cachedStatement(sql: Self.insertEventSQL).execute(arguments: [
                event.nodeId, event.seq, event.kind.rawValue, event.learner, event.occurredAt, event.recordedAt,
                event.courseId, event.courseVersion, event.lessonId, event.itemId, event.attempt, event.payload.json,
            ])
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
            // The foreign key to `learners` does the check: no extra query on every answer.
            throw ProgressStoreError(.unknownLearner, ProgressStoreText.unknownLearner)
        }
        try DerivedProgress.apply(event, db)
        return event
    }

    /// This centre's events after `afterSeq`, in order, at most `limit` (for sync export and push).
    public func events(afterSeq: Int64, limit: Int) throws -> [Event] {
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
    static func event(from row: Row) -> Event {
        Event(
            nodeId: row["node_id"], seq: row["seq"], recordedAt: row["recorded_at"],
            occurrence: Occurrence(
                kind: EventKind(rawValue: row["kind"]), learner: (row["learner"] as String?) ?? Occurrence.noLearner,
                occurredAt: row["occurred_at"],
                courseId: row["course_id"], courseVersion: row["course_version"], lessonId: row["lesson_id"],
                itemId: row["item_id"], attempt: row["attempt"], payload: EventPayload(json: row["payload"])))
    }

    /// Runs `body`, turning SQLite errors into `ProgressStoreError(.storage)` that say what to do.
    func storageErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ProgressStoreError {
            throw error
        } catch {
            throw ProgressStoreError(.storage, SQLiteFailure.phrase(for: error, database: ProgressStoreText.database))
        }
    }

    /// The next sequence number: one step down the primary key's index.
    static let nextSeqSQL = "SELECT coalesce(max(seq), 0) + 1 FROM events WHERE node_id = ?"

    /// The event row, every column; an event about no learner stores NULL (the column
    /// references `learners`).
    static let insertEventSQL = """
        INSERT INTO events (node_id, seq, kind, learner, occurred_at, recorded_at, course_id, course_version,
                            lesson_id, item_id, attempt, payload)
        VALUES (?, ?, ?, nullif(?, '\(Occurrence.noLearner)'), ?, ?, ?, ?, ?, ?, ?, ?)
        """
}
