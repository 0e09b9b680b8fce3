import Foundation
import HubStore
import LearnerEvents
import PostgresNIO

extension PostgresHubStore {
    /// Inserts a batch exactly once, with the learners and held ranges of its new rows, in one
    /// transaction under the insert lock. The report aggregates are folded later, in large
    /// chunks (`refreshAggregates`), not here.
    ///
    /// A batch none of whose seqs the hub holds — every first import — is copied straight into
    /// `events`, as `psql \copy` would. Anything else, or a copy the database refuses, takes the
    /// plain path: `COPY` into a staging table, then `INSERT … SELECT … ON CONFLICT (node_id, seq)
    /// DO NOTHING`; and when a row breaks a check (a malformed event, an unregistered node) that
    /// is backed out too and the batch goes in one row at a time, so only the bad rows are
    /// rejected, as on SQLite. The primary key guards every path.
    public func insert(_ events: [Event], via: String, receivedAt: Int64) throws -> InsertCounts {
        guard !events.isEmpty else { return InsertCounts() }
        return try transaction { connection, logger in
            // A batch sent again (a bundle re-imported, a push retried) is recognised from the
            // held ranges alone. A held seq stays held (events are append-only and the ranges are
            // written with them), so no lock is needed to trust the answer.
            if try await Self.heldCount(events, connection, logger) == events.count {
                return InsertCounts(new: 0, duplicate: events.count, rejected: 0)
            }
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.insertLock))", logger: logger)
            let before = try await Self.lastPosition(connection, logger)
            var accepted = events
            var rejected = 0
            // Under the lock the held ranges are exact, so "none held" means every row is new.
            var copied = false
            if try await Self.heldCount(events, connection, logger) == 0 {
                copied = try await Self.copyStraightIntoEvents(
                    events, via: via, receivedAt: receivedAt, connection, logger)
            }
            if !copied {
                (accepted, rejected) = try await Self.insertPlain(
                    events, via: via, receivedAt: receivedAt, connection, logger)
            }
            let new =
                try await connection.query(
                    "SELECT count(*) FROM events WHERE position > \(before)", logger: logger
                ).collect().first?.decode(Int.self) ?? 0
            try await Self.mergeRanges(of: accepted, connection, logger)
            try await Self.applyLearners(after: before, connection, logger)
            return InsertCounts(new: new, duplicate: accepted.count - new, rejected: rejected)
        }
    }

    /// The highest position given so far (under the insert lock: the last committed one).
    static func lastPosition(_ connection: PostgresConnection, _ logger: Logger) async throws -> Int64 {
        try await connection.query(
            "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM events_position", logger: logger
        ).collect().first?.decode(Int64.self) ?? 0
    }

    /// `COPY` of the batch into `events` under a savepoint; false, with nothing changed, when the
    /// database refused a row (the caller then takes the plain path).
    static func copyStraightIntoEvents(
        _ events: [Event], via: String, receivedAt: Int64, _ connection: PostgresConnection, _ logger: Logger
    ) async throws -> Bool {
        try await connection.query("SAVEPOINT straight", logger: logger)
        do {
            let copyText = Self.copyText(events, suffix: [receivedAt.description, via])
            try await connection.copyFrom(
                table: "events", columns: copyColumns + ["received_at", "via"], logger: logger
            ) { writer in
                for chunk in copyText { try await writer.write(ByteBuffer(bytes: chunk)) }
            }
            try await connection.query("RELEASE SAVEPOINT straight", logger: logger)
            return true
        } catch let error where PostgresFailure.isDataError(error) {
            try await connection.query("ROLLBACK TO SAVEPOINT straight", logger: logger)
            return false
        }
    }

    /// The columns of an event in `copyText`'s rows.
    static let copyColumns = [
        "node_id", "seq", "kind", "learner", "occurred_at", "recorded_at", "course_id", "course_version",
        "lesson_id", "item_id", "attempt", "payload",
    ]

    /// The plain path: staged, inserted with `ON CONFLICT DO NOTHING`, and row by row when a row
    /// breaks a check. Returns the events not refused and how many were.
    static func insertPlain(
        _ events: [Event], via: String, receivedAt: Int64, _ connection: PostgresConnection, _ logger: Logger
    ) async throws -> (accepted: [Event], rejected: Int) {
        let copyText = Self.copyText(events)
        try await connection.copyFrom(table: "import_staging", columns: copyColumns, logger: logger) { writer in
            for chunk in copyText { try await writer.write(ByteBuffer(bytes: chunk)) }
        }
        try await connection.query("SAVEPOINT bulk", logger: logger)
        do {
            try await connection.query(
                """
                INSERT INTO events (node_id, seq, kind, learner, occurred_at, recorded_at, course_id,
                    course_version, lesson_id, item_id, attempt, payload, received_at, via)
                SELECT node_id, seq, kind, learner, occurred_at, recorded_at, course_id, course_version,
                    lesson_id, item_id, attempt, payload::json, \(receivedAt), \(via)
                FROM import_staging ORDER BY node_id, seq
                ON CONFLICT (node_id, seq) DO NOTHING
                """, logger: logger)
            try await connection.query("RELEASE SAVEPOINT bulk", logger: logger)
            return (events, 0)
        } catch let error where PostgresFailure.isDataError(error) {
            try await connection.query("ROLLBACK TO SAVEPOINT bulk", logger: logger)
            var accepted: [Event] = []
            var rejected = 0
            for event in events {
                if try await Self.insertOne(event, via: via, receivedAt: receivedAt, connection, logger) {
                    accepted.append(event)
                } else {
                    rejected += 1
                }
            }
            return (accepted, rejected)
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
                INSERT INTO events (node_id, seq, kind, learner, occurred_at, recorded_at, course_id,
                    course_version, lesson_id, item_id, attempt, payload, received_at, via)
                VALUES (\(event.nodeId), \(event.seq), \(event.kind.rawValue), \(event.learner),
                    \(event.occurredAt), \(event.recordedAt), \(event.courseId), \(event.courseVersion),
                    \(event.lessonId), \(event.itemId), \(event.attempt), \(event.payload.json)::json,
                    \(receivedAt), \(via))
                ON CONFLICT (node_id, seq) DO NOTHING
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

    /// How many of the events' (node, seq) lie in a range the hub already holds; one query for
    /// the whole batch, however many centres it spans.
    static func heldCount(_ events: [Event], _ connection: PostgresConnection, _ logger: Logger) async throws -> Int {
        let seqs = seqsByNode(events)
        var held: [String: [SeqRange]] = [:]
        for try await (node, first, last) in try await connection.query(
            "SELECT node_id, first_seq, last_seq FROM node_ranges WHERE node_id = ANY(\(Array(seqs.keys)))",
            logger: logger
        ).decode((String, Int64, Int64).self) {
            held[node, default: []].append(SeqRange(first, last))
        }
        var count = 0
        for (node, nodeSeqs) in seqs {
            guard let ranges = held[node] else { continue }
            count += nodeSeqs.count(where: { seq in ranges.contains { $0.first <= seq && seq <= $0.last } })
        }
        return count
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

    /// The `learner.*` events after position `before` (this insert's): the latest
    /// (occurred_at, seq) wins whatever the arrival order.
    static func applyLearners(after before: Int64, _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query(
            """
            INSERT INTO learners (node_id, code, display_name, birth_year, gender, commune, updated_at, source_seq)
            SELECT DISTINCT ON (node_id, learner) node_id, learner,
                CASE WHEN jsonb_typeof(j->'displayName') = 'string' THEN j->>'displayName' END,
                hocso_int(j->'birthYear'),
                CASE WHEN j->>'gender' IN ('nu', 'nam', 'khac') THEN j->>'gender' END,
                CASE WHEN jsonb_typeof(j->'commune') = 'string' THEN j->>'commune' END,
                occurred_at, seq
            FROM (
                SELECT node_id, learner, occurred_at, seq, payload::jsonb AS j FROM events
                WHERE position > \(before) AND kind LIKE 'learner.%'
            ) s
            ORDER BY node_id, learner, occurred_at DESC, seq DESC
            ON CONFLICT (node_id, code) DO UPDATE SET
                display_name = excluded.display_name, birth_year = excluded.birth_year, gender = excluded.gender,
                commune = excluded.commune, updated_at = excluded.updated_at, source_seq = excluded.source_seq
            WHERE (excluded.updated_at, excluded.source_seq) > (learners.updated_at, learners.source_seq)
            """, logger: logger)
    }

    /// The rows of `COPY … FROM STDIN` in text form (the `copyColumns`, then `suffix`, the same
    /// on every row), about a megabyte per piece.
    static func copyText(_ events: [Event], suffix: [String] = []) -> [[UInt8]] {
        func text(_ value: String?, into out: inout [UInt8]) {
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
        func number(_ value: (some BinaryInteger)?, into out: inout [UInt8]) {
            guard let value else { return out.append(contentsOf: Array("\\N".utf8)) }
            out.append(contentsOf: Array(String(value).utf8))
        }
        let tab = UInt8(ascii: "\t")
        var tail: [UInt8] = []
        for column in suffix {
            tail.append(tab)
            text(column, into: &tail)
        }
        tail.append(UInt8(ascii: "\n"))
        var pieces: [[UInt8]] = []
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        for event in events {
            text(event.nodeId, into: &out)
            out.append(tab)
            number(event.seq, into: &out)
            out.append(tab)
            text(event.kind.rawValue, into: &out)
            out.append(tab)
            text(event.learner, into: &out)
            out.append(tab)
            number(event.occurredAt, into: &out)
            out.append(tab)
            number(event.recordedAt, into: &out)
            out.append(tab)
            text(event.courseId, into: &out)
            out.append(tab)
            number(event.courseVersion, into: &out)
            out.append(tab)
            text(event.lessonId, into: &out)
            out.append(tab)
            text(event.itemId, into: &out)
            out.append(tab)
            number(event.attempt, into: &out)
            out.append(tab)
            text(event.payload.json, into: &out)
            out.append(contentsOf: tail)
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
