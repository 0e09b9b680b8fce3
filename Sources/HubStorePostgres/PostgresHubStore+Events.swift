import Foundation
import HubStore
import LearnerEvents
import PostgresNIO

extension PostgresHubStore {
    /// Inserts a batch exactly once: `COPY` into a staging table, then one `INSERT … SELECT … ON
    /// CONFLICT (node_id, seq) DO NOTHING` under the insert lock, and the learners, held ranges
    /// and report aggregates of the new rows in the same transaction.
    ///
    /// When a row breaks a check (a malformed event, an unregistered node), the set-based insert
    /// is backed out to a savepoint and the batch goes in one row at a time, so only the bad rows
    /// are rejected, as on SQLite.
    public func insert(_ events: [Event], via: String, receivedAt: Int64) throws -> InsertCounts {
        guard !events.isEmpty else { return InsertCounts() }
        return try transaction { connection, logger in
            // A batch sent again (a bundle re-imported, a push retried) is recognised from the
            // held ranges alone. A held seq stays held (events are append-only and the ranges are
            // written with them), so no lock is needed to trust the answer.
            if try await Self.allHeld(events, connection, logger) {
                return InsertCounts(new: 0, duplicate: events.count, rejected: 0)
            }
            let copyText = Self.copyText(events)
            try await connection.copyFrom(
                table: "import_staging",
                columns: [
                    "node_id", "seq", "kind", "learner", "occurred_at", "recorded_at", "course_id", "course_version",
                    "lesson_id", "item_id", "attempt", "payload",
                ], logger: logger
            ) { writer in
                for chunk in copyText { try await writer.write(ByteBuffer(bytes: chunk)) }
            }
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.insertLock))", logger: logger)
            try await connection.query("SAVEPOINT bulk", logger: logger)
            var accepted: [Event]
            var rejected = 0
            do {
                try await connection.query(
                    """
                    WITH ins AS (
                        INSERT INTO events (node_id, seq, kind, learner, occurred_at, recorded_at, course_id,
                            course_version, lesson_id, item_id, attempt, payload, received_at, via)
                        SELECT node_id, seq, kind, learner, occurred_at, recorded_at, course_id, course_version,
                            lesson_id, item_id, attempt, payload::json, \(receivedAt), \(via)
                        FROM import_staging ORDER BY node_id, seq
                        ON CONFLICT (node_id, seq) DO NOTHING
                        RETURNING position, node_id, seq, kind, learner, occurred_at, course_id, lesson_id, item_id,
                            attempt, payload)
                    INSERT INTO import_new SELECT * FROM ins
                    """, logger: logger)
                try await connection.query("RELEASE SAVEPOINT bulk", logger: logger)
                accepted = events
            } catch let error where PostgresFailure.isDataError(error) {
                try await connection.query("ROLLBACK TO SAVEPOINT bulk", logger: logger)
                accepted = []
                for event in events {
                    if try await Self.insertOne(event, via: via, receivedAt: receivedAt, connection, logger) {
                        accepted.append(event)
                    } else {
                        rejected += 1
                    }
                }
            }
            let new =
                try await connection.query("SELECT count(*) FROM import_new", logger: logger)
                .collect().first?.decode(Int.self) ?? 0
            try await Self.mergeRanges(of: accepted, connection, logger)
            try await Self.applyLearners(connection, logger)
            try await Self.applyAggregates(connection, logger)
            return InsertCounts(new: new, duplicate: accepted.count - new, rejected: rejected)
        }
    }

    /// One event under its own savepoint; false when a check refused it.
    static func insertOne(
        _ event: Event, via: String, receivedAt: Int64, _ connection: PostgresConnection, _ logger: Logger
    ) async throws -> Bool {
        try await connection.query("SAVEPOINT one", logger: logger)
        do {
            try await connection.query(
                """
                WITH ins AS (
                    INSERT INTO events (node_id, seq, kind, learner, occurred_at, recorded_at, course_id,
                        course_version, lesson_id, item_id, attempt, payload, received_at, via)
                    VALUES (\(event.nodeId), \(event.seq), \(event.kind.rawValue), \(event.learner),
                        \(event.occurredAt), \(event.recordedAt), \(event.courseId), \(event.courseVersion),
                        \(event.lessonId), \(event.itemId), \(event.attempt), \(event.payload.json)::json,
                        \(receivedAt), \(via))
                    ON CONFLICT (node_id, seq) DO NOTHING
                    RETURNING position, node_id, seq, kind, learner, occurred_at, course_id, lesson_id, item_id,
                        attempt, payload)
                INSERT INTO import_new SELECT * FROM ins
                """, logger: logger)
            try await connection.query("RELEASE SAVEPOINT one", logger: logger)
            return true
        } catch let error where PostgresFailure.isDataError(error) {
            try await connection.query("ROLLBACK TO SAVEPOINT one", logger: logger)
            return false
        }
    }

    /// The events' seqs, per node.
    static func seqsByNode(_ events: [Event]) -> [String: [Int64]] {
        var seqs: [String: [Int64]] = [:]
        for event in events { seqs[event.nodeId, default: []].append(event.seq) }
        return seqs
    }

    /// Whether every event's (node, seq) lies in a range the hub already holds; one query for
    /// the whole batch, however many centres it spans.
    static func allHeld(_ events: [Event], _ connection: PostgresConnection, _ logger: Logger) async throws -> Bool {
        let seqs = seqsByNode(events)
        var held: [String: [SeqRange]] = [:]
        for try await (node, first, last) in try await connection.query(
            "SELECT node_id, first_seq, last_seq FROM node_ranges WHERE node_id = ANY(\(Array(seqs.keys)))",
            logger: logger
        ).decode((String, Int64, Int64).self) {
            held[node, default: []].append(SeqRange(first, last))
        }
        for (node, nodeSeqs) in seqs {
            guard let ranges = held[node] else { return false }
            for seq in nodeSeqs where !ranges.contains(where: { $0.first <= seq && seq <= $0.last }) {
                return false
            }
        }
        return true
    }

    /// Merges the seqs now held into each node's ranges, joining overlapping and adjacent ones.
    static func mergeRanges(of events: [Event], _ connection: PostgresConnection, _ logger: Logger) async throws {
        let seqs = seqsByNode(events)
        for node in seqs.keys.sorted() {
            for range in SeqRange.ranges(of: seqs[node] ?? []) {
                let touching = try await connection.query(
                    """
                    DELETE FROM node_ranges
                    WHERE node_id = \(node) AND first_seq <= \(range.last + 1) AND last_seq >= \(range.first - 1)
                    RETURNING first_seq, last_seq
                    """, logger: logger
                ).collect()
                var merged = range
                for row in touching {
                    let (first, last) = try row.decode((Int64, Int64).self)
                    merged = SeqRange(min(merged.first, first), max(merged.last, last))
                }
                try await connection.query(
                    "INSERT INTO node_ranges (node_id, first_seq, last_seq) VALUES (\(node), \(merged.first), \(merged.last))",
                    logger: logger)
            }
        }
    }

    /// The new `learner.*` events: the latest (occurred_at, seq) wins whatever the arrival order.
    static func applyLearners(_ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query(
            """
            INSERT INTO learners (node_id, code, display_name, birth_year, gender, commune, updated_at, source_seq)
            SELECT DISTINCT ON (node_id, learner) node_id, learner,
                CASE WHEN jsonb_typeof(j->'displayName') = 'string' THEN j->>'displayName' END,
                hocso_int(j->'birthYear'),
                CASE WHEN j->>'gender' IN ('nu', 'nam', 'khac') THEN j->>'gender' END,
                CASE WHEN jsonb_typeof(j->'commune') = 'string' THEN j->>'commune' END,
                occurred_at, seq
            FROM (SELECT *, payload::jsonb AS j FROM import_new WHERE kind LIKE 'learner.%') s
            ORDER BY node_id, learner, occurred_at DESC, seq DESC
            ON CONFLICT (node_id, code) DO UPDATE SET
                display_name = excluded.display_name, birth_year = excluded.birth_year, gender = excluded.gender,
                commune = excluded.commune, updated_at = excluded.updated_at, source_seq = excluded.source_seq
            WHERE (excluded.updated_at, excluded.source_seq) > (learners.updated_at, learners.source_seq)
            """, logger: logger)
    }

    /// The rows of `COPY … FROM STDIN` in text form, about a megabyte per piece.
    static func copyText(_ events: [Event]) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        func text(_ value: String?) {
            guard let value else { return out.append(contentsOf: Array("\\N".utf8)) }
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): out.append(contentsOf: [92, 92])
                case UInt8(ascii: "\t"): out.append(contentsOf: [92, UInt8(ascii: "t")])
                case UInt8(ascii: "\n"): out.append(contentsOf: [92, UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): out.append(contentsOf: [92, UInt8(ascii: "r")])
                default: out.append(byte)
                }
            }
        }
        func number(_ value: (some BinaryInteger)?) {
            guard let value else { return out.append(contentsOf: Array("\\N".utf8)) }
            out.append(contentsOf: Array(String(value).utf8))
        }
        let tab = UInt8(ascii: "\t")
        for event in events {
            text(event.nodeId)
            out.append(tab)
            number(event.seq)
            out.append(tab)
            text(event.kind.rawValue)
            out.append(tab)
            text(event.learner)
            out.append(tab)
            number(event.occurredAt)
            out.append(tab)
            number(event.recordedAt)
            out.append(tab)
            text(event.courseId)
            out.append(tab)
            number(event.courseVersion)
            out.append(tab)
            text(event.lessonId)
            out.append(tab)
            text(event.itemId)
            out.append(tab)
            number(event.attempt)
            out.append(tab)
            text(event.payload.json)
            out.append(UInt8(ascii: "\n"))
            if out.count >= 1 << 20 {
                pieces.append(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        if !out.isEmpty { pieces.append(out) }
        return pieces
    }

    /// What the hub holds of one node.
    public func holdings(_ nodeId: String) throws -> Holdings {
        try run { connection, logger in
            var held: [SeqRange] = []
            for try await (first, last) in try await connection.query(
                "SELECT first_seq, last_seq FROM node_ranges WHERE node_id = \(nodeId) ORDER BY first_seq",
                logger: logger
            ).decode((Int64, Int64).self) {
                held.append(SeqRange(first, last))
            }
            return Holdings(nodeId: nodeId, held: held)
        }
    }

    /// Events after `position` in arrival order.
    public func events(afterPosition position: Int64, limit: Int) throws -> [StoredEvent] {
        try run { connection, logger in
            var out: [StoredEvent] = []
            let rows = try await connection.query(
                """
                SELECT position, node_id, seq, kind, learner, occurred_at, recorded_at, course_id, course_version,
                    lesson_id, item_id, attempt, payload::text
                FROM events WHERE position > \(position) ORDER BY position LIMIT \(max(0, limit))
                """, logger: logger)
            for try await row in rows {
                let (
                    at, node, seq, kind, learner, occurred, recorded, course, version, lesson, item, attempt, payload
                ) =
                    try row.decode(
                        (
                            Int64, String, Int64, String, String, Int64, Int64, String?, Int?, String?, String?, Int?,
                            String
                        ).self)
                out.append(
                    StoredEvent(
                        position: at,
                        event: Event(
                            nodeId: node, seq: seq, recordedAt: recorded,
                            occurrence: Occurrence(
                                kind: EventKind(rawValue: kind), learner: learner, occurredAt: occurred,
                                courseId: course, courseVersion: version, lessonId: lesson, itemId: item,
                                attempt: attempt, payload: EventPayload(json: payload)))))
            }
            return out
        }
    }

    /// How many events are held: the sum of the held ranges, kept in step with `events`, so
    /// counting never reads the events themselves.
    public func eventCount() throws -> Int {
        try run { connection, logger in
            try await connection.query(
                "SELECT coalesce(sum(last_seq - first_seq + 1), 0)::bigint FROM node_ranges", logger: logger
            ).collect().first?.decode(Int.self) ?? 0
        }
    }
}
