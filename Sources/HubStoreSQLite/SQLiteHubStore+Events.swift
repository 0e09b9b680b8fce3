import Foundation
import GRDB
import HubStore
import LearnerEvents
import SQLiteSupport

extension SQLiteHubStore {
    /// Inserts a batch idempotently (`ON CONFLICT (node_id, seq) DO NOTHING`) in one transaction,
    /// with prepared statements (the hot path of bulk import), and keeps learners and held ranges in step.
    public func insert(_ events: [Event], via: String, receivedAt: Int64) throws -> InsertCounts {
        guard !events.isEmpty else { return InsertCounts() }
        return try write { db in
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO events (node_id, seq, kind, learner, occurred_at, recorded_at, course_id, course_version,
                                        lesson_id, item_id, attempt, payload, received_at, via)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (node_id, seq) DO NOTHING
                    """)
            let raw = try RawStatement(insert, db)
            var counts = InsertCounts()
            var heldSeqs: [String: [Int64]] = [:]
            for event in events {
                raw.bind(1, event.nodeId)
                raw.bind(2, event.seq)
                raw.bind(3, event.kind.rawValue)
                raw.bind(4, event.learner)
                raw.bind(5, event.occurredAt)
                raw.bind(6, event.recordedAt)
                raw.bind(7, event.courseId)
                raw.bind(8, event.courseVersion)
                raw.bind(9, event.lessonId)
                raw.bind(10, event.itemId)
                raw.bind(11, event.attempt)
                raw.bind(12, event.payload.json)
                raw.bind(13, receivedAt)
                raw.bind(14, via)
                switch try raw.insert() {
                case .rejected:
                    // A CHECK or foreign key refused this row only; the statement was backed out
                    // and the transaction goes on with the rest of the batch.
                    counts.rejected += 1
                    continue
                case .inserted:
                    counts.new += 1
                    if event.kind.isAboutLearner { try Self.applyLearner(event, db) }
                case .duplicate:
                    counts.duplicate += 1
                }
                heldSeqs[event.nodeId, default: []].append(event.seq)
            }
            for (node, seqs) in heldSeqs {
                for range in SeqRange.ranges(of: seqs) { try Self.merge(range, node: node, db) }
            }
            return counts
        }
    }

    /// What the hub holds of one node.
    public func holdings(_ nodeId: String) throws -> Holdings {
        try read { db in try Self.holdings(nodeId, db) }
    }

    /// Events after `position` in arrival order.
    public func events(afterPosition position: Int64, limit: Int) throws -> [StoredEvent] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT rowid AS position, * FROM events WHERE rowid > ? ORDER BY rowid LIMIT ?",
                arguments: [position, max(0, limit)]
            ).map { row in
                StoredEvent(
                    position: row["position"],
                    event: Event(
                        nodeId: row["node_id"], seq: row["seq"], recordedAt: row["recorded_at"],
                        occurrence: Occurrence(
                            kind: EventKind(rawValue: row["kind"]), learner: row["learner"],
                            occurredAt: row["occurred_at"], courseId: row["course_id"],
                            courseVersion: row["course_version"], lessonId: row["lesson_id"], itemId: row["item_id"],
                            attempt: row["attempt"], payload: EventPayload(json: row["payload"]))))
            }
        }
    }

    /// How many events are held.
    public func eventCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0 }
    }

    static func holdings(_ nodeId: String, _ db: Database) throws -> Holdings {
        let ranges = try Row.fetchAll(
            db, sql: "SELECT first_seq, last_seq FROM node_ranges WHERE node_id = ? ORDER BY first_seq",
            arguments: [nodeId]
        ).map { SeqRange($0["first_seq"], $0["last_seq"]) }
        return Holdings(nodeId: nodeId, held: ranges)
    }

    /// Merges `range` into the node's held ranges, joining overlapping and adjacent ones.
    static func merge(_ range: SeqRange, node: String, _ db: Database) throws {
        let touching = try Row.fetchAll(
            db.cachedStatement(
                sql:
                    "SELECT first_seq, last_seq FROM node_ranges WHERE node_id = ? AND first_seq <= ? AND last_seq >= ?"
            ),
            arguments: [node, range.last + 1, range.first - 1])
        var merged = range
        for row in touching {
            let first: Int64 = row["first_seq"]
            let last: Int64 = row["last_seq"]
            merged = SeqRange(min(merged.first, first), max(merged.last, last))
            try db.cachedStatement(sql: "DELETE FROM node_ranges WHERE node_id = ? AND first_seq = ?").execute(
                arguments: [node, first])
        }
        try db.cachedStatement(sql: "INSERT INTO node_ranges (node_id, first_seq, last_seq) VALUES (?, ?, ?)")
            .execute(arguments: [node, merged.first, merged.last])
    }

    /// Applies a new `learner.*` event to `learners`: the latest (occurred_at, seq) wins, so the
    /// order events arrive in does not matter.
    static func applyLearner(_ event: Event, _ db: Database) throws {
        let facts = event.learnerFacts ?? LearnerFacts()
        let gender = facts.gender.flatMap { ["nu", "nam", "khac"].contains($0) ? $0 : nil }
        try db.cachedStatement(
            sql: """
                INSERT INTO learners (node_id, code, display_name, birth_year, gender, commune, updated_at, source_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (node_id, code) DO UPDATE SET
                    display_name = excluded.display_name, birth_year = excluded.birth_year, gender = excluded.gender,
                    commune = excluded.commune, updated_at = excluded.updated_at, source_seq = excluded.source_seq
                WHERE (excluded.updated_at, excluded.source_seq) > (learners.updated_at, learners.source_seq)
                """
        ).execute(arguments: [
            event.nodeId, event.learner, facts.displayName, facts.birthYear, gender, facts.commune, event.occurredAt,
            event.seq,
        ])
    }
}
