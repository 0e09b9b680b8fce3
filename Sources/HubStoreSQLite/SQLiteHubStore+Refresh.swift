import GRDB
import HubStore
import LearnerEvents

extension SQLiteHubStore {
    /// Events read per transaction: bounds the temporary table and lets imports interleave.
    public static let refreshChunk: Int64 = 400_000

    /// What a refresh did.
    public struct RefreshCounts: Sendable, Equatable {
        /// Events read from `events`.
        public var events: Int64
        /// The rowid the derived tables now reflect.
        public var through: Int64
    }

    /// Brings the derived tables up to date with `events`, reading only rows past the high-water
    /// rowid. Idempotent; safe to run from several processes (each chunk is one write transaction
    /// that re-reads the mark inside it).
    public func refreshAggregates() throws { _ = try refresh(chunk: Self.refreshChunk) }

    /// Empties the derived tables and reads every event again.
    public func rebuildAggregates() throws {
        try write { db in
            for table in ReportSchema.derivedTables { try db.execute(sql: "DELETE FROM \(table)") }
        }
        try refreshAggregates()
    }

    /// `refreshAggregates` reading at most `chunk` rowids per transaction (tests use tiny chunks
    /// to prove the result does not depend on where the cuts fall).
    @discardableResult
    public func refresh(chunk: Int64) throws -> RefreshCounts {
        // Most reports find nothing new: look first with a read, so they never wait for (or
        // take) the write lock that imports need.
        let (mark, last) = try read { db in
            (
                try Int64.fetchOne(db, sql: "SELECT value FROM report_state WHERE key = 'events_rowid'") ?? 0,
                try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM events") ?? 0
            )
        }
        if last <= mark { return RefreshCounts(events: 0, through: mark) }
        var total: Int64 = 0
        while true {
            let (read, through, more) = try write { db -> (Int64, Int64, Bool) in
                let mark = try Int64.fetchOne(db, sql: "SELECT value FROM report_state WHERE key = 'events_rowid'") ?? 0
                let last = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM events") ?? 0
                guard last > mark else { return (0, mark, false) }
                let upper = min(last, mark + chunk)
                try Self.apply(from: mark, through: upper, db)
                try db.execute(
                    sql: """
                        INSERT INTO report_state (key, value) VALUES ('events_rowid', ?)
                        ON CONFLICT(key) DO UPDATE SET value = excluded.value
                        """, arguments: [upper])
                return (upper - mark, upper, upper < last)
            }
            total += read
            if !more { return RefreshCounts(events: total, through: through) }
        }
    }

    /// Folds the events with rowid in (`mark`, `upper`] into the derived tables.
    ///
    /// Set-based SQL, not a Swift loop: the payload fields are pulled out once into a temporary
    /// table, then each derived table is an upsert from it. Minimums and sums commute, so the
    /// result does not depend on how the rowids are cut into chunks; the wrong-answer streak is
    /// carried across chunks explicitly.
    ///
    /// The demo learner gets no `report_learners` row, so no aggregate holds its events.
    static func apply(from mark: Int64, through upper: Int64, _ db: Database) throws {
        let range: StatementArguments = [mark, upper]
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO report_nodes (node_id)
                SELECT DISTINCT node_id FROM events WHERE rowid > ?1 AND rowid <= ?2
                """, arguments: range)
        // Group events (`group.*`) are the centre's organisation, not studying: they make no
        // learner and no activity; an assignment's course is not a course started.
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO report_learners (node, code)
                SELECT DISTINCT n.id, e.learner FROM events e JOIN report_nodes n ON n.node_id = e.node_id
                WHERE e.rowid > ?1 AND e.rowid <= ?2 AND e.learner <> ?3 AND e.kind NOT LIKE 'group.%'
                """, arguments: [mark, upper, LearnerCode.demo])
        try applyGroups(from: mark, through: upper, db)
        try db.execute(sql: "DROP TABLE IF EXISTS temp.report_chunk")
        // Local days are Vietnam's (UTC+7, no daylight saving): 25 200 s after UTC midnight.
        try db.execute(
            sql: """
                CREATE TEMP TABLE report_chunk AS
                SELECT e.rowid AS ev, l.id AS learner, l.node AS node, e.kind AS kind, e.occurred_at AS at,
                    (e.occurred_at / 1000 + 25200) / 86400 AS day,
                    e.course_id AS course_id, e.lesson_id AS lesson_id, e.item_id AS item_id,
                    coalesce(e.attempt, 1) AS attempt,
                    CASE WHEN e.kind IN ('answer.submitted', 'quiz.finished')
                        THEN coalesce(json_extract(e.payload, '$.practice'), 0) ELSE 0 END AS practice,
                    CASE WHEN e.kind = 'answer.submitted'
                        THEN coalesce(json_extract(e.payload, '$.correct'), 0) ELSE 0 END AS correct,
                    CASE WHEN e.kind = 'answer.submitted'
                        THEN coalesce(json_extract(e.payload, '$.hintsUsed'), 0) ELSE 0 END AS hints,
                    CASE WHEN e.kind = 'answer.submitted' AND NOT coalesce(json_extract(e.payload, '$.correct'), 0)
                        THEN json_extract(e.payload, '$.response') END AS response,
                    CASE WHEN e.kind = 'quiz.finished'
                        THEN coalesce(json_extract(e.payload, '$.passed'), 0) AND coalesce(json_extract(e.payload, '$.final'), 0)
                            AND NOT coalesce(json_extract(e.payload, '$.practice'), 0)
                        ELSE 0 END AS final_passed
                FROM events e
                JOIN report_nodes n ON n.node_id = e.node_id
                JOIN report_learners l ON l.node = n.id AND l.code = e.learner
                WHERE e.rowid > ?1 AND e.rowid <= ?2 AND e.kind NOT LIKE 'group.%'
                """, arguments: range)
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO report_items (course_id, question_id)
                SELECT DISTINCT course_id, item_id FROM temp.report_chunk
                WHERE kind = 'answer.submitted' AND course_id IS NOT NULL AND item_id IS NOT NULL;

                INSERT OR IGNORE INTO report_answers (item, ev, node, day, first_try, correct, hints, response)
                SELECT i.id, c.ev, c.node, c.day, c.attempt = 1, c.correct <> 0, max(c.hints, 0), c.response
                FROM temp.report_chunk c JOIN report_items i ON i.course_id = c.course_id AND i.question_id = c.item_id
                WHERE c.kind = 'answer.submitted' AND NOT c.practice;

                INSERT INTO report_item_counts (item, node, first_try, correct, hinted, response, answers)
                SELECT i.id, c.node, c.attempt = 1, c.correct <> 0, c.hints > 0, ifnull(c.response, ''), count(*)
                FROM temp.report_chunk c JOIN report_items i ON i.course_id = c.course_id AND i.question_id = c.item_id
                WHERE c.kind = 'answer.submitted' AND NOT c.practice
                GROUP BY 1, 2, 3, 4, 5, 6
                ON CONFLICT (item, node, first_try, correct, hinted, response) DO UPDATE SET answers = answers + excluded.answers;

                INSERT INTO report_lessons (learner, course_id, lesson_id, node, completed_at)
                SELECT learner, course_id, lesson_id, min(node), min(at) FROM temp.report_chunk
                WHERE kind = 'lesson.completed' AND course_id IS NOT NULL AND lesson_id IS NOT NULL
                GROUP BY learner, course_id, lesson_id
                ON CONFLICT (learner, course_id, lesson_id) DO UPDATE SET completed_at = min(completed_at, excluded.completed_at);

                INSERT INTO report_activity (learner, day, node, events, answers)
                SELECT learner, day, min(node), count(*), sum(kind = 'answer.submitted') FROM temp.report_chunk
                WHERE kind NOT IN ('learner.registered', 'learner.updated')
                GROUP BY learner, day
                ON CONFLICT (learner, day) DO UPDATE SET
                    events = events + excluded.events, answers = answers + excluded.answers;
                """)
        // Per learner and course: milestones, answer count, and the run of wrong answers at the
        // end of this chunk (`trailing`), added to the stored run only when the chunk held no
        // right answer (`had_right` = 0).
        try db.execute(
            sql: """
                DROP TABLE IF EXISTS temp.report_chunk_progress;
                CREATE TEMP TABLE report_chunk_progress AS
                SELECT learner, course_id, min(node) AS node, min(at) AS first_at, max(at) AS last_at,
                    min(CASE WHEN kind <> 'lesson.opened' THEN at END) AS started_at,
                    min(CASE WHEN kind = 'course.completed' THEN at END) AS completed_at,
                    min(CASE WHEN final_passed THEN at END) AS passed_at,
                    sum(graded) AS answers,
                    sum(graded AND NOT correct AND right_after = 0) AS trailing,
                    max(graded AND correct) AS had_right
                FROM (
                    SELECT *, (kind = 'answer.submitted' AND NOT practice) AS graded,
                        sum(kind = 'answer.submitted' AND NOT practice AND correct) OVER (
                            PARTITION BY learner, course_id ORDER BY ev
                            ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS right_after
                    FROM temp.report_chunk WHERE course_id IS NOT NULL
                )
                GROUP BY learner, course_id;

                INSERT INTO report_progress
                    (learner, course_id, node, first_at, last_at, started_at, completed_at, passed_at, answers, wrong_streak)
                SELECT c.learner, c.course_id, c.node, c.first_at, c.last_at, c.started_at, c.completed_at, c.passed_at,
                    c.answers,
                    CASE WHEN c.had_right THEN c.trailing
                        ELSE c.trailing + coalesce((SELECT p.wrong_streak FROM report_progress p
                            WHERE p.learner = c.learner AND p.course_id = c.course_id), 0) END
                FROM temp.report_chunk_progress c WHERE true
                ON CONFLICT (learner, course_id) DO UPDATE SET
                    first_at = min(first_at, excluded.first_at),
                    last_at = max(last_at, excluded.last_at),
                    started_at = min(coalesce(started_at, excluded.started_at), coalesce(excluded.started_at, started_at)),
                    completed_at = min(coalesce(completed_at, excluded.completed_at), coalesce(excluded.completed_at, completed_at)),
                    passed_at = min(coalesce(passed_at, excluded.passed_at), coalesce(excluded.passed_at, passed_at)),
                    answers = answers + excluded.answers,
                    wrong_streak = excluded.wrong_streak;

                DROP TABLE temp.report_chunk_progress;
                DROP TABLE temp.report_chunk;
                """)
    }
}
