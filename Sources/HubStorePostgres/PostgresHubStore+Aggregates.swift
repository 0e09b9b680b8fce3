import Dispatch
import HubStore
import LearnerEvents
import NIOConcurrencyHelpers
import PostgresNIO

/// The report aggregates, folded from `events` in arrival order, in shards of the events'
/// partitions (`foldShards`): `report_state`'s `folded_position.N` is the last position shard N
/// folded, moved in the same transaction as its fold, so every event is counted once. Inserts
/// leave the fold to `refreshAggregates` (which reports, roll-ups, `migrate`, `hocso-dev seed`
/// and `hocso-hub serve`'s background loop call) because a fold of many centres' rows at once
/// costs far less than one per batch: a report never reads events, only the rows not yet folded.
///
/// The statements mirror SQLite's refresh (`SQLiteHubStore+Refresh.swift`) so both backends
/// count alike; minimums and sums commute, so the cut into chunks does not change the result,
/// and the wrong-answer streak is carried across chunks explicitly. Rows are upserted in key
/// order so two writers never wait on each other in a circle.
///
/// A fold holds the insert lock (exclusively; importers share it) only to read how far positions
/// are settled, then folds up to there under the shards' fold locks, so imports go on while it
/// runs.
extension PostgresSchema {
    /// `v6-bulk-import`: the fold moved out of the insert (until then every event was folded as
    /// it was inserted), and the insert checks a batch's nodes once instead of the foreign key
    /// looking the centre up for every row (centres are never removed).
    static let v6BulkImport: [String] = [
        """
        INSERT INTO report_state (key, value) SELECT 'folded_position', coalesce(max(position), 0) FROM events
        ON CONFLICT (key) DO NOTHING
        """,
        "ALTER TABLE events DROP CONSTRAINT events_node_id_fkey",
    ]

    /// `v7-keyless-aggregates`: the derived tables' foreign keys go. Only the fold writes them,
    /// from rows it has just joined to their parents, and a key check locks the parent row for
    /// every row written (one per graded answer in the item tables); learners follow `events`,
    /// whose batch is checked against `centers` once (`v6-bulk-import`).
    static let v7KeylessAggregates: [String] = [
        "ALTER TABLE report_item_counts DROP CONSTRAINT IF EXISTS report_item_counts_item_fkey",
        "ALTER TABLE report_item_days DROP CONSTRAINT IF EXISTS report_item_days_item_fkey",
        "ALTER TABLE report_learners DROP CONSTRAINT IF EXISTS report_learners_node_fkey",
        "ALTER TABLE learners DROP CONSTRAINT IF EXISTS learners_node_id_fkey",
    ]

    /// `v8-item-days-only`: the all-time item counts go; item analysis sums the per-day counts.
    /// Keyed by centre, both tables held about a row per graded answer (a centre answers each
    /// question a few times a year), so the fold wrote every answer twice to spare a report
    /// summing half as many rows again.
    static let v8ItemDaysOnly: [String] = ["DROP TABLE report_item_counts"]

    /// `v9-item-days-appended`: a fold appends its chunk's item counts instead of adding them to
    /// rows of the same key, and reports sum whatever rows a key has. A chunk rarely meets a key
    /// again (a centre answers a question a few times a day at most), so the upsert's unique
    /// check on a seven-column key cost a wide index for almost no merging; reports find a
    /// course's rows by item and day.
    static let v9ItemDaysAppended: [String] = [
        "ALTER TABLE report_item_days DROP CONSTRAINT report_item_days_pkey",
        "CREATE INDEX report_item_days_by_item ON report_item_days (item, day)",
    ]

    /// `v10-fold-shards`: each fold shard keeps its own mark, starting where the one mark was.
    /// (Two shards, `foldShards`; a later count needs a migration of its own.)
    static let v10FoldShards: [String] = [
        """
        INSERT INTO report_state (key, value)
        SELECT 'folded_position.' || s, r.value FROM report_state r, generate_series(0, 1) s
        WHERE r.key = 'folded_position'
        ON CONFLICT (key) DO NOTHING
        """,
        "DELETE FROM report_state WHERE key = 'folded_position'",
    ]
}

extension PostgresHubStore {
    /// Events folded per transaction and shard.
    static let foldChunk: Int64 = 400_000

    /// The shards the fold splits centres into: shard N folds the event partitions whose number
    /// is N modulo this, so it reads only its own rows, and a centre (all of whose events are in
    /// one partition) is in one shard with its learners and their rows in every per-learner
    /// table. Shards fold side by side, each under its own lock (`foldLock + shard`) with its own
    /// mark in `report_state` (`folded_position.N`), and write disjoint rows but for the few every
    /// shard may write (items, courses seen, the latest activity), which they write in key order
    /// and last. A change of this number or of the partitions needs a migration that folds
    /// every shard up to one mark first.
    static let foldShards = 2

    /// Folds the events not yet folded, a chunk per transaction under its shard's fold lock.
    /// Imports go on meanwhile: they wait only while the fold reads how far positions are settled.
    public func refreshAggregates() throws { try fold(waitingForImports: true) }

    /// Folds as `refreshAggregates` does unless an import or another fold holds a lock it needs;
    /// then it returns and the caller reads the numbers as they are.
    public func refreshAggregatesUnlessBusy() throws { try fold(waitingForImports: false) }

    /// The two refreshes: locks waited for or only tried. The shards fold side by side, each on
    /// a connection of its own.
    func fold(waitingForImports: Bool) throws {
        // Most calls find nothing new: one read, no lock.
        let (mark, last) = try run { connection, logger in try await Self.foldBounds(connection, logger) }
        guard last > mark else { return }
        // The settled bound is all the fold needs the insert lock for.
        guard let settled = try settledPosition(waiting: waitingForImports) else { return }
        let failures = NIOLockedValueBox<[any Error]>([])
        DispatchQueue.concurrentPerform(iterations: Self.foldShards) { shard in
            do {
                while try transaction({ connection, logger in
                    guard
                        try await Self.lock(
                            Self.foldLock + Int64(shard), waiting: waitingForImports, connection, logger)
                    else { return false }
                    return try await Self.foldPending(
                        shard: shard, through: settled, chunk: Self.foldChunk, connection, logger)
                }) {}
            } catch {
                failures.withLockedValue { $0.append(error) }
            }
        }
        if let failure = failures.withLockedValue({ $0.first }) { throw failure }
    }

    /// Takes the transaction lock `key`, waiting for it or only trying; whether it is held.
    static func lock(_ key: Int64, waiting: Bool, _ connection: PostgresConnection, _ logger: Logger) async throws
        -> Bool
    {
        if waiting {
            try await connection.query("SELECT pg_advisory_xact_lock(\(key))", logger: logger)
            return true
        }
        return try await connection.query("SELECT pg_try_advisory_xact_lock(\(key))", logger: logger)
            .collect().first?.decode(Bool.self) ?? false
    }

    /// Empties the aggregates and folds every event in again, in one transaction under the insert
    /// lock and every shard's fold lock (imports wait; reports keep reading the old numbers until
    /// it commits).
    public func rebuildAggregates() throws {
        try transaction { connection, logger in
            _ = try await Self.lock(Self.insertLock, waiting: true, connection, logger)
            for shard in 0..<Self.foldShards {
                _ = try await Self.lock(Self.foldLock + Int64(shard), waiting: true, connection, logger)
            }
            try await connection.query(
                PostgresQuery(unsafeSQL: "TRUNCATE \(PostgresSchema.derivedTables.joined(separator: ", "))"),
                logger: logger)
            let last = try await Self.foldBounds(connection, logger).last
            for shard in 0..<Self.foldShards {
                while try await Self.foldPending(shard: shard, through: last, chunk: Self.foldChunk, connection, logger)
                {}
            }
        }
    }

    /// The `report_state` key of the last position shard `shard` folded.
    static func markKey(_ shard: Int) -> String { "folded_position.\(shard)" }

    /// The last position every shard has folded and the last position given.
    static func foldBounds(_ connection: PostgresConnection, _ logger: Logger) async throws
        -> (folded: Int64, last: Int64)
    {
        let row = try await connection.query(
            """
            SELECT (SELECT coalesce(min(coalesce(r.value, 0)), 0)
                    FROM unnest(\((0..<foldShards).map(markKey))) k LEFT JOIN report_state r ON r.key = k),
                (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM events_position)
            """, logger: logger
        ).collect().first
        return try row?.decode((Int64, Int64).self) ?? (0, 0)
    }

    /// Folds the shard's events in up to `chunk` positions per shard after its mark, none past
    /// `settled`, and moves the mark past them; true when more settled ones are waiting. The
    /// caller holds the shard's fold lock, so the mark is read here, after any other fold of the
    /// shard committed.
    static func foldPending(
        shard: Int, through settled: Int64, chunk: Int64, _ connection: PostgresConnection, _ logger: Logger
    ) async throws -> Bool {
        let key = markKey(shard)
        let mark =
            try await connection.query("SELECT value FROM report_state WHERE key = \(key)", logger: logger)
            .collect().first?.decode(Int64.self) ?? 0
        guard settled > mark else { return false }
        // A shard holds about 1/foldShards of the positions, so its window is that much wider.
        let upper = min(settled, mark + chunk * Int64(foldShards))
        // Every join of the fold is a chunk against a whole table, where a nested loop is never
        // right; but statistics taken while other folds' rows were uncommitted can call a full
        // table empty, and a refold after `TRUNCATE` once planned one that ran for minutes.
        try await connection.query("SET LOCAL enable_nestloop = off", logger: logger)
        try await createImportTables(connection, logger)
        let partitions = stride(from: shard, to: PostgresSchema.eventPartitions, by: foldShards).map { partition in
            """
            SELECT position, node_id, seq, kind, learner, occurred_at, course_id, lesson_id, item_id, attempt, payload
            FROM events_p\(partition) WHERE position > \(mark) AND position <= \(upper)
            """
        }
        try await connection.query(
            PostgresQuery(unsafeSQL: "INSERT INTO import_new " + partitions.joined(separator: " UNION ALL ")),
            logger: logger)
        try await Self.applyAggregates(connection, logger)
        try await connection.query("TRUNCATE import_new", logger: logger)
        try await connection.query(
            """
            INSERT INTO report_state (key, value) VALUES (\(key), \(upper))
            ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """, logger: logger)
        return upper < settled
    }

    /// Folds the rows of `import_new` into every aggregate table: the shard's own rows first,
    /// then the rows all shards share, so a shard waits for another's commit, if ever, only at
    /// its end.
    static func applyAggregates(_ connection: PostgresConnection, _ logger: Logger) async throws {
        for statement in aggregateStatements {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
        try await applyGroups(connection, logger)
        for statement in sharedAggregateStatements {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
    }

    /// The statements of one fold, in order. Group events (`group.*`) make no learner and no
    /// activity: they are the centre's organisation, not studying.
    static let aggregateStatements: [String] = [
        // The chunk's centres: a chunk holds a few hundred of the hub's thousands, and only their
        // learners need be read to join it.
        "DROP TABLE IF EXISTS chunk_nodes",
        "CREATE TEMP TABLE chunk_nodes ON COMMIT DROP AS SELECT DISTINCT node_id FROM import_new",
        "INSERT INTO report_nodes (node_id) SELECT node_id FROM chunk_nodes ORDER BY 1 ON CONFLICT DO NOTHING",
        """
        INSERT INTO report_learners (node, code)
        SELECT DISTINCT n.id, e.learner FROM import_new e JOIN report_nodes n ON n.node_id = e.node_id
        WHERE e.learner <> '\(LearnerCode.demo)' AND e.kind NOT LIKE 'group.%' ORDER BY 1, 2
        ON CONFLICT DO NOTHING
        """,
        "DROP TABLE IF EXISTS report_chunk",
        // Local days are Vietnam's (UTC+7, no daylight saving): 25 200 s after UTC midnight.
        """
        CREATE TEMP TABLE report_chunk ON COMMIT DROP AS
        SELECT e.position AS ev, l.id AS learner, l.node AS node, e.kind, e.occurred_at AS at,
            ((e.occurred_at / 1000 + 25200) / 86400)::int AS day,
            e.course_id, e.lesson_id, e.item_id, coalesce(e.attempt, 1) AS attempt,
            coalesce(e.kind IN ('answer.submitted', 'quiz.finished') AND hocso_flag(e.j->'practice'), false)
                AS practice,
            coalesce(e.kind = 'answer.submitted' AND hocso_flag(e.j->'correct'), false) AS correct,
            CASE WHEN e.kind = 'answer.submitted' THEN greatest(coalesce(hocso_int(e.j->'hintsUsed'), 0), 0)
                ELSE 0 END AS hints,
            CASE WHEN e.kind = 'answer.submitted' AND NOT hocso_flag(e.j->'correct')
                THEN e.payload ->> 'response' END AS response,
            coalesce(e.kind = 'quiz.finished' AND hocso_flag(e.j->'passed') AND hocso_flag(e.j->'final')
                AND NOT hocso_flag(e.j->'practice'), false) AS final_passed
        FROM (
            -- OFFSET 0 keeps this a subquery, so each payload is parsed once, not once per field read.
            -- A learner's details outside any course count in no table read from the chunk.
            SELECT *, CASE WHEN kind IN ('answer.submitted', 'quiz.finished') THEN payload::jsonb END AS j
            FROM import_new
            WHERE kind NOT LIKE 'group.%'
                AND NOT (kind IN ('learner.registered', 'learner.updated') AND course_id IS NULL)
            OFFSET 0
        ) e
        JOIN report_nodes n ON n.node_id = e.node_id
        JOIN report_learners l ON l.node = n.id AND l.code = e.learner
            AND l.node = ANY(ARRAY(SELECT id FROM report_nodes WHERE node_id IN (SELECT node_id FROM chunk_nodes)))
        """,
        """
        INSERT INTO report_items (course_id, question_id)
        SELECT DISTINCT course_id, item_id FROM report_chunk c
        WHERE kind = 'answer.submitted' AND course_id IS NOT NULL AND item_id IS NOT NULL
            -- Known items leave first, so only the few new ones are sorted.
            AND NOT EXISTS (SELECT FROM report_items i WHERE i.course_id = c.course_id AND i.question_id = c.item_id)
        ORDER BY 1, 2
        ON CONFLICT DO NOTHING
        """,
        """
        INSERT INTO report_item_days (item, day, node, first_try, correct, hinted, response, answers)
        SELECT i.id, c.day, c.node, c.attempt = 1, c.correct, c.hints > 0, coalesce(c.response, ''), count(*)
        FROM report_chunk c JOIN report_items i ON i.course_id = c.course_id AND i.question_id = c.item_id
        WHERE c.kind = 'answer.submitted' AND NOT c.practice
        GROUP BY 1, 2, 3, 4, 5, 6, 7
        """,
        """
        INSERT INTO report_lessons (learner, course_id, lesson_id, node, completed_at)
        SELECT learner, course_id, lesson_id, min(node), min(at) FROM report_chunk
        WHERE kind = 'lesson.completed' AND course_id IS NOT NULL AND lesson_id IS NOT NULL
        GROUP BY learner, course_id, lesson_id ORDER BY 1, 2, 3
        ON CONFLICT (learner, course_id, lesson_id)
        DO UPDATE SET completed_at = least(report_lessons.completed_at, excluded.completed_at)
        """,
        """
        INSERT INTO report_activity (learner, day, node, events, answers)
        SELECT learner, day, min(node), count(*), count(*) FILTER (WHERE kind = 'answer.submitted')
        FROM report_chunk WHERE kind NOT IN ('learner.registered', 'learner.updated')
        GROUP BY learner, day ORDER BY 1, 2
        ON CONFLICT (learner, day) DO UPDATE SET
            events = report_activity.events + excluded.events, answers = report_activity.answers + excluded.answers
        """,
        // Per learner and course: milestones, answers, and the run of wrong answers at the end of
        // this batch (`trailing`), added to the stored run only when the batch held no right answer.
        """
        INSERT INTO report_progress
            (learner, course_id, node, first_at, last_at, started_at, completed_at, passed_at, answers, wrong_streak)
        SELECT c.learner, c.course_id, c.node, c.first_at, c.last_at, c.started_at, c.completed_at, c.passed_at,
            c.answers,
            CASE WHEN c.had_right THEN c.trailing
                ELSE c.trailing + coalesce((SELECT p.wrong_streak FROM report_progress p
                    WHERE p.learner = c.learner AND p.course_id = c.course_id), 0) END
        FROM (
            SELECT learner, course_id, min(node) AS node, min(at) AS first_at, max(at) AS last_at,
                min(at) FILTER (WHERE kind <> 'lesson.opened') AS started_at,
                min(at) FILTER (WHERE kind = 'course.completed') AS completed_at,
                min(at) FILTER (WHERE final_passed) AS passed_at,
                count(*) FILTER (WHERE graded) AS answers,
                count(*) FILTER (WHERE graded AND NOT correct AND right_after = 0) AS trailing,
                coalesce(bool_or(graded AND correct), false) AS had_right
            FROM (
                SELECT *, (kind = 'answer.submitted' AND NOT practice) AS graded,
                    count(*) FILTER (WHERE kind = 'answer.submitted' AND NOT practice AND correct) OVER (
                        PARTITION BY learner, course_id ORDER BY ev
                        ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS right_after
                FROM report_chunk WHERE course_id IS NOT NULL
            ) x
            GROUP BY learner, course_id
        ) c
        ORDER BY 1, 2
        ON CONFLICT (learner, course_id) DO UPDATE SET
            first_at = least(report_progress.first_at, excluded.first_at),
            last_at = greatest(report_progress.last_at, excluded.last_at),
            started_at = least(report_progress.started_at, excluded.started_at),
            completed_at = least(report_progress.completed_at, excluded.completed_at),
            passed_at = least(report_progress.passed_at, excluded.passed_at),
            answers = report_progress.answers + excluded.answers,
            wrong_streak = excluded.wrong_streak
        """,
    ]

    /// The statements that write rows every shard may write (courses seen, the latest activity),
    /// run last, in key order; `report_chunk` goes with them.
    static let sharedAggregateStatements: [String] = [
        """
        INSERT INTO report_courses_seen (course_id)
        SELECT DISTINCT course_id FROM report_chunk WHERE course_id IS NOT NULL ORDER BY 1 ON CONFLICT DO NOTHING
        """,
        """
        INSERT INTO report_state (key, value)
        SELECT 'latest_activity', max(at) FROM report_chunk WHERE course_id IS NOT NULL HAVING count(*) > 0
        ON CONFLICT (key) DO UPDATE SET value = greatest(report_state.value, excluded.value)
        """,
        "DROP TABLE report_chunk",
        "DROP TABLE chunk_nodes",
    ]
}
