import Foundation
import HubStore
import LearnerEvents
import PostgresNIO

extension PostgresHubStore {
    /// Inserts a batch exactly once, with the learners and held ranges of its new rows, in one
    /// transaction under the insert lock, which importers share (`holdInsertLock`). The report
    /// aggregates are folded later, in large chunks (`refreshAggregates`), not here.
    ///
    /// What needs no lock happens before the transaction, so another importer's transaction runs
    /// meanwhile: reading which nodes are registered and what the hub holds of them (centres are
    /// never removed and a held seq stays held, so both answers stay true), and writing the rows
    /// of the copy; under the lock go only the copy, the ranges and the learners. Events of a
    /// node the hub has not registered are refused (one query for the batch, where a foreign key
    /// would look the centre up again for every row). A batch none of whose seqs the hub holds —
    /// every first import — is then copied straight into `events`, as `psql \copy` would. Anything else, or a copy the database refuses, takes the plain path in
    /// a new transaction: `COPY` into a staging table, then `INSERT … SELECT … ON CONFLICT
    /// (node_id, seq) DO NOTHING`; and when a row breaks a check that is backed out too and the
    /// batch goes in one row at a time, so only the bad rows are refused, as on SQLite. The
    /// primary key guards every path.
    public func insert(_ batch: [Event], via: String, receivedAt: Int64) throws -> InsertCounts {
        guard !batch.isEmpty else { return InsertCounts() }
        let (registered, held) = try run { connection, logger in
            try await Self.registeredNodesAndRanges(of: batch, connection, logger)
        }
        // A batch sent again (a bundle re-imported, a push retried) is recognised here, unlocked.
        if Self.heldCount(batch, in: held) == batch.count {
            return InsertCounts(new: 0, duplicate: batch.count, rejected: 0)
        }
        let known = batch.filter { registered.contains($0.nodeId) }
        let rejected = batch.count - known.count
        // A (node, seq) named twice in one batch is offered once (the first); the rest are duplicates.
        var seen: Set<EventKey> = []
        let events = known.filter { seen.insert(EventKey(node: $0.nodeId, seq: $0.seq)).inserted }
        let repeated = known.count - events.count
        guard !events.isEmpty else { return InsertCounts(new: 0, duplicate: 0, rejected: rejected) }
        if Self.heldCount(events, in: held) == 0 {
            // In key order, as the plain path inserts: importers running side by side then meet
            // each other's keys in the same order and cannot wait on each other in a circle.
            let rows = Self.copyText(
                events.sorted { ($0.nodeId, $0.seq) < ($1.nodeId, $1.seq) }, suffix: [receivedAt.description, via])
            do {
                try transaction { connection, logger in
                    try await Self.holdInsertLock(connection, logger)
                    // A row another importer wrote since the ranges were read breaks the primary
                    // key, and the batch takes the plain path like a row that breaks a check.
                    do {
                        try await Self.copy(
                            rows, into: "events", columns: Self.copyColumns + ["received_at", "via"], connection, logger
                        )
                    } catch let error where PostgresFailure.isDataError(error) {
                        throw StraightCopyRefused()
                    }
                    try await Self.mergeRanges(of: events, connection, logger)
                    try await Self.applyLearners(events, connection, logger)
                }
                return InsertCounts(new: events.count, duplicate: repeated, rejected: rejected)
            } catch is StraightCopyRefused {}
        }
        return try transaction { connection, logger in
            try await Self.holdInsertLock(connection, logger)
            let plain = try await Self.insertPlain(events, via: via, receivedAt: receivedAt, connection, logger)
            try await Self.mergeRanges(of: plain.accepted, connection, logger)
            try await Self.applyLearners(plain.fresh, connection, logger)
            return InsertCounts(
                new: plain.fresh.count, duplicate: plain.accepted.count - plain.fresh.count + repeated,
                rejected: rejected + events.count - plain.accepted.count)
        }
    }

    /// A straight copy the database refused: the transaction is rolled back and the batch takes
    /// the plain path.
    struct StraightCopyRefused: Error {}

    /// Takes the insert lock in shared mode for this transaction: importers insert side by side,
    /// and whoever needs every given position settled (a fold, a push, a rebuild) takes it
    /// exclusively, which waits for the importers inside and holds new ones back meanwhile.
    static func holdInsertLock(_ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock_shared(\(insertLock))", logger: logger)
    }

    /// The last position given, read under the insert lock held exclusively: no import is inside
    /// then, so every position up to it is settled — committed or never to be. Positions commit
    /// out of order while importers run side by side; reading past this bound could pass over a
    /// row that commits later. Nil when `waiting` is false and an import holds the lock.
    func settledPosition(waiting: Bool) throws -> Int64? {
        try transaction { connection, logger -> Int64? in
            guard try await Self.lock(Self.insertLock, waiting: waiting, connection, logger) else { return nil }
            return try await Self.foldBounds(connection, logger).last
        }
    }

    /// The node ids among the events' that the hub has registered, and the ranges it holds of
    /// them: one query for the whole batch, however many centres it spans.
    static func registeredNodesAndRanges(of events: [Event], _ connection: PostgresConnection, _ logger: Logger)
        async throws -> (registered: Set<String>, held: [String: Holdings])
    {
        var registered: Set<String> = []
        var held: [String: Holdings] = [:]
        let nodes = Array(Set(events.map(\.nodeId)))
        for try await (node, first, last) in try await connection.query(
            """
            SELECT c.node_id, r.first_seq, r.last_seq
            FROM centers c LEFT JOIN node_ranges r ON r.node_id = c.node_id
            WHERE c.node_id = ANY(\(nodes))
            """, logger: logger
        ).decode((String, Int64?, Int64?).self) {
            registered.insert(node)
            if let first, let last {
                held[node, default: Holdings(nodeId: node, held: [])].held.append(SeqRange(first, last))
            }
        }
        return (registered, held)
    }

    /// `COPY table (columns) FROM STDIN` of rows made by `copyText`.
    static func copy(
        _ rows: [[UInt8]], into table: String, columns: [String], _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
            for piece in rows { try await writer.write(ByteBuffer(bytes: piece)) }
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
        try await Self.copy(copyText(events), into: "import_staging", columns: copyColumns, connection, logger)
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

    /// How many of the events' (node, seq) lie in one of `held`'s ranges.
    static func heldCount(_ events: [Event], in held: [String: Holdings]) -> Int {
        events.count { held[$0.nodeId]?.holds($0.seq) ?? false }
    }

    /// Merges the seqs now held into each node's ranges, joining overlapping and adjacent ones:
    /// one statement per new range, which deletes the ranges it touches and inserts their union.
    /// A node's ranges are merged by one importer at a time (`nodeLock`, taken in node order so
    /// two importers never wait on each other in a circle): a merge beside another's uncommitted
    /// one would miss the range it replaces and insert a second range over the same seqs.
    static func mergeRanges(of events: [Event], _ connection: PostgresConnection, _ logger: Logger) async throws {
        let seqs = seqsByNode(events)
        for node in seqs.keys.sorted() {
            // Its own statement, so the merge below reads the ranges as the last holder committed them.
            try await connection.query("SELECT pg_advisory_xact_lock(\(nodeLock), hashtext(\(node)))", logger: logger)
            for range in SeqRange.ranges(of: seqs[node] ?? []) {
                try await connection.query(
                    """
                    WITH touching AS (
                        DELETE FROM node_ranges
                        WHERE node_id = \(node) AND first_seq <= \(range.last + 1) AND last_seq >= \(range.first - 1)
                        RETURNING first_seq, last_seq)
                    INSERT INTO node_ranges (node_id, first_seq, last_seq)
                    SELECT \(node), least(\(range.first), min(first_seq)), greatest(\(range.last), max(last_seq))
                    FROM touching
                    """, logger: logger)
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
                -- OFFSET 0 keeps this a subquery, so each payload is parsed once, not once per field read.
                SELECT node_id, learner, occurred_at, seq, payload::jsonb AS j
                FROM unnest(\(changes.map(\.nodeId)), \(changes.map(\.learner)), \(changes.map(\.occurredAt)),
                    \(changes.map(\.seq)), \(changes.map(\.payload.json)))
                    AS s(node_id, learner, occurred_at, seq, payload)
                OFFSET 0
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
            guard var value else { return out.append(contentsOf: Array("\\N".utf8)) }
            // One pass: the runs between bytes to escape go in whole.
            value.withUTF8 { bytes in
                var start = 0
                for index in bytes.indices {
                    let escaped: UInt8
                    switch bytes[index] {
                    case UInt8(ascii: "\\"): escaped = UInt8(ascii: "\\")
                    case UInt8(ascii: "\t"): escaped = UInt8(ascii: "t")
                    case UInt8(ascii: "\n"): escaped = UInt8(ascii: "n")
                    case UInt8(ascii: "\r"): escaped = UInt8(ascii: "r")
                    default: continue
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    out.append(contentsOf: [UInt8(ascii: "\\"), escaped])
                    start = index + 1
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
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

    /// Events after `position` in arrival order, only settled ones: a pusher that moves its
    /// cursor past what it read must never see a later position before an earlier one commits.
    public func events(afterPosition position: Int64, limit: Int) throws -> [StoredEvent] {
        guard let settled = try settledPosition(waiting: true), settled > position else { return [] }
        return try run { connection, logger in
            var out: [StoredEvent] = []
            let rows = try await connection.query(
                """
                SELECT position, node_id, seq, kind, learner, occurred_at, recorded_at, course_id, course_version,
                    lesson_id, item_id, attempt, payload::text
                FROM events WHERE position > \(position) AND position <= \(settled)
                ORDER BY position LIMIT \(max(0, limit))
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
