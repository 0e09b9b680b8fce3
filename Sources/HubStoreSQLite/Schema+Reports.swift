import GRDB
import HubStore

/// Facts about the reports' tables that the `Reports` module needs.
public enum ReportSchema {
    /// Derived tables, children first, so a rebuild can empty them in this order.
    public static let derivedTables = [
        "report_group_members", "report_study_groups", "report_item_counts", "report_answers", "report_items",
        "report_activity", "report_lessons", "report_progress",
        "report_learners", "report_nodes", "report_state",
    ]
}

/// The reports' own migrations: derived tables rebuilt from `events` alone, plus dashboard
/// sign-in state. Registered after `v1-hub` by `Schema.migrator`.
extension Schema {
    /// Registers the report migrations, in order, after `v1-hub`.
    static func registerReportMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1-reports", migrate: v1Reports)
        migrator.registerMigration("v2-report-item-counts", migrate: v2ReportItemCounts)
    }

    /// Answer counts per question, centre and kind of answer: what item analysis reads when no
    /// date filter is given (a few rows per question and centre instead of one per answer).
    /// Filled from `report_answers` here, then kept in step by each refresh.
    static func v2ReportItemCounts(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE report_item_counts (
                    item INTEGER NOT NULL REFERENCES report_items(id),
                    node INTEGER NOT NULL,
                    first_try INTEGER NOT NULL CHECK (first_try IN (0, 1)),
                    correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
                    hinted INTEGER NOT NULL CHECK (hinted IN (0, 1)),
                    response TEXT NOT NULL,  -- '' for right answers
                    answers INTEGER NOT NULL CHECK (answers >= 0),
                    PRIMARY KEY (item, node, first_try, correct, hinted, response)
                ) WITHOUT ROWID;

                INSERT INTO report_item_counts (item, node, first_try, correct, hinted, response, answers)
                SELECT item, node, first_try, correct, hints > 0, ifnull(response, ''), count(*)
                FROM report_answers GROUP BY 1, 2, 3, 4, 5, 6;
                """)
    }

    /// Derived report tables, refreshed incrementally from a high-water rowid on `events`.
    ///
    /// Learners and centres get small integer ids so the big tables stay narrow; every table is
    /// keyed so a refresh is an upsert and a rebuild from scratch gives the same rows.
    static func v1Reports(_ db: Database) throws {
        try db.execute(
            sql: """
                -- How far the derived tables have read `events` (key 'events_rowid').
                CREATE TABLE report_state (
                    key TEXT PRIMARY KEY NOT NULL,
                    value INTEGER NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE report_nodes (
                    id INTEGER PRIMARY KEY,
                    node_id TEXT NOT NULL UNIQUE
                );

                CREATE TABLE report_learners (
                    id INTEGER PRIMARY KEY,
                    node INTEGER NOT NULL REFERENCES report_nodes(id),
                    code TEXT NOT NULL,
                    UNIQUE (node, code)
                );

                -- One row per learner and course: the milestones reports count.
                CREATE TABLE report_progress (
                    learner INTEGER NOT NULL,
                    course_id TEXT NOT NULL,
                    node INTEGER NOT NULL,
                    first_at INTEGER NOT NULL,
                    last_at INTEGER NOT NULL CHECK (last_at >= first_at),
                    started_at INTEGER,
                    completed_at INTEGER,
                    passed_at INTEGER,
                    answers INTEGER NOT NULL DEFAULT 0 CHECK (answers >= 0),
                    wrong_streak INTEGER NOT NULL DEFAULT 0 CHECK (wrong_streak >= 0),
                    PRIMARY KEY (learner, course_id)
                ) WITHOUT ROWID;
                CREATE INDEX report_progress_by_course
                    ON report_progress (course_id, node, first_at, started_at, completed_at, passed_at);

                -- One row per learner and completed lesson (the funnel).
                CREATE TABLE report_lessons (
                    learner INTEGER NOT NULL,
                    course_id TEXT NOT NULL,
                    lesson_id TEXT NOT NULL,
                    node INTEGER NOT NULL,
                    completed_at INTEGER NOT NULL,
                    PRIMARY KEY (learner, course_id, lesson_id)
                ) WITHOUT ROWID;
                CREATE INDEX report_lessons_by_course ON report_lessons (course_id, lesson_id, node, completed_at);

                -- One row per learner and local day with any activity (Vietnam time, UTC+7).
                CREATE TABLE report_activity (
                    learner INTEGER NOT NULL,
                    day INTEGER NOT NULL,
                    node INTEGER NOT NULL,
                    events INTEGER NOT NULL CHECK (events >= 0),
                    answers INTEGER NOT NULL CHECK (answers >= 0),
                    PRIMARY KEY (learner, day)
                ) WITHOUT ROWID;
                CREATE INDEX report_activity_by_day ON report_activity (day, node, learner, answers);

                CREATE TABLE report_items (
                    id INTEGER PRIMARY KEY,
                    course_id TEXT NOT NULL,
                    question_id TEXT NOT NULL,
                    UNIQUE (course_id, question_id)
                );

                -- One row per graded (non-practice) answer; `response` only for wrong answers.
                CREATE TABLE report_answers (
                    item INTEGER NOT NULL REFERENCES report_items(id),
                    ev INTEGER NOT NULL,
                    node INTEGER NOT NULL,
                    day INTEGER NOT NULL,
                    first_try INTEGER NOT NULL CHECK (first_try IN (0, 1)),
                    correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
                    hints INTEGER NOT NULL CHECK (hints >= 0),
                    response TEXT,
                    PRIMARY KEY (item, ev)
                ) WITHOUT ROWID;

                -- Course outlines (titles, lesson order, questions, options) for labels and funnels.
                CREATE TABLE report_courses (
                    course_id TEXT PRIMARY KEY NOT NULL,
                    version INTEGER NOT NULL CHECK (version >= 0),
                    outline TEXT NOT NULL CHECK (json_valid(outline))
                ) WITHOUT ROWID;

                -- Dashboard: the session-signing key, made once per hub.
                CREATE TABLE dashboard_keys (
                    name TEXT PRIMARY KEY NOT NULL,
                    value BLOB NOT NULL CHECK (length(value) >= 32)
                ) WITHOUT ROWID;

                -- Dashboard: one-time sign-in links; only a hash of the token is kept.
                CREATE TABLE dashboard_login_links (
                    token_hash TEXT PRIMARY KEY NOT NULL,
                    username TEXT NOT NULL,
                    next_path TEXT NOT NULL CHECK (next_path GLOB '/*'),
                    expires_at INTEGER NOT NULL,
                    used_at INTEGER
                ) WITHOUT ROWID;
                """)
    }
}
