import Foundation
import HubStore
import LearnerEvents
import PostgresNIO

extension PostgresHubStore {
    /// Inserts a batch exactly once, with the learners and held ranges of its new rows, in one
    /// transaction under the insert lock. The report aggregates are folded later, in large
    /// chunks (`refreshAggregates`), not here.
    ///
    /// Events of a node the hub has not registered are refused (one query for the batch, where a
    /// foreign key would look the centre up again for every row). A batch none of whose seqs the
    /// hub holds — every first import — is then copied straight into `events`, as `psql \copy`
    /// would. Anything else, or a copy the database refuses, takes the plain path: `COPY` into a
    /// staging table, then `INSERT … SELECT … ON CONFLICT (node_id, seq) DO NOTHING`; and when a
    /// row breaks a check that is backed out too and the batch goes in one row at a time, so only
    /// the bad rows are refused, as on SQLite. The primary key guards every path.
    public func insert(_ batch: [Event], via: String, receivedAt: Int64) throws -> InsertCounts {
        guard !batch.isEmpty else { return InsertCounts() }
        return try transaction { connection, logger in
            // A batch sent again (a bundle re-imported, a push retried) is recognised from the
            // held ranges alone. A held seq stays held (events are append-only and the ranges are
            // written with them), so no lock is needed to trust the answer.
            if try await Self.heldCount(batch, connection, logger) == batch.count {
                return InsertCounts(new: 0, duplicate: batch.count, rejected: 0)
            }
            // Centres are registered once and never removed, so this answer stays true.
            let registered = try await Self.registeredNodes(of: batch, connection, logger)
            let known = batch.filter { registered.contains($0.nodeId) }
            var rejected = batch.count - known.count
            // A (node, seq) named twice in one batch is offered once (the first); the rest are duplicates.
            var seen: Set<EventKey> = []
            let events = known.filter { seen.insert(EventKey(node: $0.nodeId, seq: $0.seq)).inserted }
            let repeated = known.count - events.count
            guard !events.isEmpty else { return InsertCounts(new: 0, duplicate: 0, rejected: rejected) }
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.insertLock))", logger: logger)
            var accepted = events
            var fresh: [Event] = []
            // Under the lock the held ranges are exact, so "none held" means every row is new.
            if try await Self.heldCount(events, connection, logger) == 0,
                try await Self.copyStraightIntoEvents(events, via: via, receivedAt: receivedAt, connection, logger)
            {
                fresh = events
            } else {
                let plain = try await Self.insertPlain(events, via: via, receivedAt: receivedAt, connection, logger)
                (accepted, fresh) = (plain.accepted, plain.fresh)
                rejected += events.count - plain.accepted.count
            }
            try await Self.mergeRanges(of: accepted, connection, logger)
            try await Self.applyLearners(fresh, connection, logger)
            return InsertCounts(
                new: fresh.count, duplicate: accepted.count - fresh.count + repeated, rejected: rejected)
        }
    }

    /// The node ids among the events' that the hub has registered.
    static func registeredNodes(of events: [Event], _ connection: PostgresConnection, _ logger: Logger) async throws
        -> Set<String>
    {
        var registered: Set<String> = []
        let nodes = Array(Set(events.map(\.nodeId)))
        for try await node in try await connection.query(
            "SELECT node_id FROM centers WHERE node_id = ANY(\(nodes))", logger: logger
        ).decode(String.self) {
            registered.insert(node)
        }
        return registered
    }

    /// `COPY` of the batch into `events` under a savepoint; false, with nothing changed, when the
    /// database refused a row (the caller then takes the plain path).
    static func copyStraightIntoEvents(
        _ events: [Event], via: String, receivedAt: Int64, _ connection: PostgresConnection, _ logger: Logger
    ) async throws -> Bool {
        try await connection.query("SAVEPOINT straight", logger: logger)
        do {
            try await Self.copy(
                events, suffix: [receivedAt.description, via], into: "events",
                columns: copyColumns + ["received_at", "via"], connection, logger)
            try await connection.query("RELEASE SAVEPOINT straight", logger: logger)
            return true
        } catch let error where PostgresFailure.isDataError(error) {
            try await connection.query("ROLLBACK TO SAVEPOINT straight", logger: logger)
            return false
        }
    }

    /// `COPY table (columns) FROM STDIN` of the events' rows (`copyText`).
    static func copy(
        _ events: [Event], suffix: [String] = [], into table: String, columns: [String],
        _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        let pieces = copyText(events, suffix: suffix)
        try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
            for piece in pieces { try await writer.write(ByteBuffer(bytes: piece)) }
        }
    }

    /// The columns of an event in `copyText`'s rows.
    static let copyColumns = [
        "node_id", "seq", "kind", "learner", "occurred_at", "recorded_at", "course_id", "course_version",
        "lesson_id", "item_id", "attempt", "payload",
    ]

    /// The plain path: staged, inserted with `ON CONFLICT DO NOTHING`, and row by row when a row
    /// breaks a check. Returns the events not refused, and those of them that were new.
    static func insertPlain(
        _ events: [Event], via: String, receivedAt: Int64, _ connection: PostgresConnection, _ logger: Logger
    ) async throws -> (accepted: [Event], fresh: [Event]) {
        try await createImportTables(connection, logger)
        try await Self.copy(events, into: "import_staging", columns: copyColumns, connection, logger)
        try await connection.query("SAVEPOINT bulk", logger: logger)
        do {
            var inserted: Set<EventKey> = []
            for try await (node, seq) in try await connection.query(
                """
                INSERT INTO events (node_id, seq, kind, learner, occurred_at, recorded_at, course_id,
                    course_version, lesson_id, item_id, attempt, payload, received_at, via)
                SELECT node_id, seq, kind, learner, occurred_at, recorded_at, course_id, course_version,
                    lesson_id, item_id, attempt, payload::json, \(receivedAt), \(via)
                FROM import_staging ORDER BY node_id, seq
                ON CONFLICT (node_id, seq) DO NOTHING
                RETURNING node_id, seq
                """, logger: logger
            ).decode((String, Int64).self) {
                inserted.insert(EventKey(node: node, seq: seq))
            }
            try await connection.query("RELEASE SAVEPOINT bulk", logger: logger)
            return (events, events.filter { inserted.contains(EventKey(node: $0.nodeId, seq: $0.seq)) })
        } catch let error where PostgresFailure.isDataError(error) {
            try await connection.query("ROLLBACK TO SAVEPOINT bulk", logger: logger)
            var accepted: [Event] = []
            var fresh: [Event] = []
            for event in events {
                switch try await Self.insertOne(event, via: via, receivedAt: receivedAt, connection, logger) {
                case .new:
                    accepted.append(event)
                    fresh.append(event)
                case .duplicate: accepted.append(event)
                case .refused: break
                }
            }
            return (accepted, fresh)
        }
    }

    /// An event's identity, `(node, seq)`.
    struct EventKey: Hashable {
        let node: String
        let seq: Int64
    }

    /// What became of one event offered alone.
    enum OneInsert { case new, duplicate, refused }

    /// One event under its own savepoint.
    static func insertOne(
        _ event: Event, via: String, receivedAt: Int64, _ connection: PostgresConnection, _ logger: Logger
    ) async throws -> OneInsert {
        try await connection.query("SAVEPOINT one", logger: logger)
        do {
            let rows = try await connection.query(
                """
                INSERT INTO events (node_id, seq, kind, learner, occurred_at, recorded_at, course_id,
                    course_version, lesson_id, item_id, attempt, payload, received_at, via)
                VALUES (\(event.nodeId), \(event.seq), \(event.kind.rawValue), \(event.learner),
                    \(event.occurredAt), \(event.recordedAt), \(event.courseId), \(event.courseVersion),
                    \(event.lessonId), \(event.itemId), \(event.attempt), \(event.payload.json)::json,
                    \(receivedAt), \(via))
                ON CONFLICT (node_id, seq) DO NOTHING
                RETURNING 1
                """, logger: logger
            ).collect()
            try await connection.query("RELEASE SAVEPOINT one", logger: logger)
            return rows.isEmpty ? .duplicate : .new
        } catch let error where PostgresFailure.isDataError(error) {
            try await connection.query("ROLLBACK TO SAVEPOINT one", logger: logger)
            return .refused
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

    /// The batch's new `learner.*` events: the latest (occurred_at, seq) wins whatever the
    /// arrival order.
    static func applyLearners(_ fresh: [Event], _ connection: PostgresConnection, _ logger: Logger) async throws {
        let changes = fresh.filter { $0.kind.rawValue.hasPrefix("learner.") }
        guard !changes.isEmpty else { return }
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
                SELECT node_id, learner, occurred_at, seq, payload::jsonb AS j
                FROM unnest(\(changes.map(\.nodeId)), \(changes.map(\.learner)), \(changes.map(\.occurredAt)),
                    \(changes.map(\.seq)), \(changes.map(\.payload.json)))
                    AS s(node_id, learner, occurred_at, seq, payload)
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
