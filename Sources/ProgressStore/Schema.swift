import Foundation
import GRDB
import LearnerEvents

/// The database schema as named, ordered migrations. A shipped migration is never edited:
/// changes come as new migrations appended to the list.
enum Schema {
    /// `PRAGMA user_version` of a database this build has brought up to date; a higher one was
    /// made by a newer HocSo. Each new migration raises it.
    static let userVersion = 9

    /// Every migration, in order. `keyFile` is where `v6-key-out-of-database` writes the centre's
    /// signing key (nil where no database file exists, as when building one in memory).
    static func migrator(keyFile: URL?) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-centre", migrate: v1Centre)
        // Sync's tables (identity, hubs, exports), defined beside the sync code that owns them.
        migrator.registerMigration("v2-sync", migrate: CentreStore.v2Sync)
        migrator.registerMigration("v3-answers-from-log", migrate: v3AnswersFromLog)
        migrator.registerMigration("v4-event-checks-without-lists", migrate: v4EventChecksWithoutLists)
        migrator.registerMigration("v5-event-kinds-table", migrate: v5EventKindsTable)
        migrator.registerMigration("v6-key-out-of-database") { db in try v6KeyOutOfDatabase(db, keyFile: keyFile) }
        // The learner client's kiosk settings and wrong-PIN counts, beside the code that uses them.
        migrator.registerMigration("v7-kiosk-and-pin-attempts", migrate: CentreStore.v7KioskAndPINAttempts)
        // Study groups and their assignments, as events about no learner, and their derived tables.
        migrator.registerMigration("v8-groups-and-assignments", migrate: DerivedGroups.v8GroupsAndAssignments)
        // Certificates: `certificate.issued` events, one per learner × course version, and revocations.
        migrator.registerMigration("v9-certificates", migrate: CentreStore.v9Certificates)
        return migrator
    }

    /// Derived tables, parents first; rebuilt from `events` alone.
    static let derivedTables = ["course_progress", "lesson_progress", "groups", "group_members", "group_assignments"]

    /// The first schema: meta, learners, the event log, derived progress, hub acknowledgements.
    static func v1Centre(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE meta (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE learners (
                    code TEXT PRIMARY KEY NOT NULL
                        CHECK (length(code) BETWEEN 3 AND 8 AND code NOT GLOB '*[^A-Z0-9]*'),
                    display_name TEXT NOT NULL CHECK (length(trim(display_name)) BETWEEN 1 AND 100),
                    birth_year INTEGER NOT NULL CHECK (birth_year BETWEEN 1900 AND 2200),
                    gender TEXT CHECK (gender IN ('nu', 'nam', 'khac')),
                    commune TEXT NOT NULL CHECK (length(trim(commune)) BETWEEN 1 AND 100),
                    pin_hash TEXT CHECK (pin_hash IS NULL OR pin_hash GLOB 'pbkdf2-sha256$*'),
                    registered_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL CHECK (updated_at >= registered_at)
                ) WITHOUT ROWID;

                -- The append-only log that sync ships. (node_id, seq) is the global id.
                CREATE TABLE events (
                    node_id TEXT NOT NULL CHECK (length(node_id) = 18 AND node_id GLOB 'n-*'),
                    seq INTEGER NOT NULL CHECK (seq >= 1),
                    kind TEXT NOT NULL CHECK (kind IN (
                        'learner.registered', 'learner.updated', 'lesson.opened', 'step.read', 'answer.submitted',
                        'quiz.started', 'quiz.finished', 'lesson.completed', 'course.completed')),
                    learner TEXT NOT NULL REFERENCES learners(code),
                    occurred_at INTEGER NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    course_id TEXT,
                    course_version INTEGER CHECK (course_version IS NULL OR course_version >= 0),
                    lesson_id TEXT,
                    item_id TEXT,
                    attempt INTEGER CHECK (attempt IS NULL OR attempt >= 1),
                    payload TEXT NOT NULL CHECK (json_valid(payload)),
                    PRIMARY KEY (node_id, seq),
                    CHECK (kind GLOB 'learner.*' OR course_id IS NOT NULL),
                    CHECK (kind GLOB 'learner.*' OR kind = 'course.completed' OR lesson_id IS NOT NULL),
                    CHECK (kind NOT IN ('step.read', 'answer.submitted') OR item_id IS NOT NULL),
                    CHECK (kind NOT IN ('quiz.started', 'answer.submitted', 'quiz.finished') OR attempt IS NOT NULL)
                ) WITHOUT ROWID;

                CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
                CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

                -- Derived: one row per learner and course.
                CREATE TABLE course_progress (
                    learner TEXT NOT NULL REFERENCES learners(code),
                    course_id TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('started', 'completed')),
                    lessons_completed INTEGER NOT NULL DEFAULT 0 CHECK (lessons_completed >= 0),
                    quizzes_passed INTEGER NOT NULL DEFAULT 0 CHECK (quizzes_passed >= 0),
                    final_best_share REAL CHECK (final_best_share IS NULL OR final_best_share BETWEEN 0 AND 1),
                    final_passed INTEGER NOT NULL DEFAULT 0 CHECK (final_passed IN (0, 1)),
                    started_at INTEGER NOT NULL,
                    completed_at INTEGER,
                    PRIMARY KEY (learner, course_id),
                    CHECK ((status = 'completed') = (completed_at IS NOT NULL))
                ) WITHOUT ROWID;

                -- Derived: one row per learner and lesson; `phase` and `last_seq` give the resume point.
                CREATE TABLE lesson_progress (
                    learner TEXT NOT NULL,
                    course_id TEXT NOT NULL,
                    lesson_id TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('started', 'completed')),
                    phase TEXT NOT NULL CHECK (phase IN ('reading', 'quiz', 'finished')),
                    last_step_id TEXT,
                    quiz_attempt INTEGER CHECK (quiz_attempt IS NULL OR quiz_attempt >= 1),
                    quiz_attempt_finished INTEGER NOT NULL DEFAULT 0 CHECK (quiz_attempt_finished IN (0, 1)),
                    last_finished_attempt INTEGER CHECK (last_finished_attempt IS NULL OR last_finished_attempt >= 1),
                    attempts_finished INTEGER NOT NULL DEFAULT 0 CHECK (attempts_finished >= 0),
                    best_score REAL CHECK (best_score IS NULL OR best_score >= 0),
                    best_max_score REAL CHECK (best_max_score IS NULL OR best_max_score >= 0),
                    best_share REAL CHECK (best_share IS NULL OR best_share BETWEEN 0 AND 1),
                    passed INTEGER NOT NULL DEFAULT 0 CHECK (passed IN (0, 1)),
                    started_at INTEGER NOT NULL,
                    completed_at INTEGER,
                    last_activity_at INTEGER NOT NULL,
                    last_seq INTEGER NOT NULL CHECK (last_seq >= 1),
                    PRIMARY KEY (learner, course_id, lesson_id),
                    FOREIGN KEY (learner, course_id) REFERENCES course_progress(learner, course_id),
                    CHECK ((status = 'completed') = (completed_at IS NOT NULL))
                ) WITHOUT ROWID;

                -- Derived: the graded answers of each attempt, first answer per question, for exact
                -- resume and for review. Practice answers stay in the log only.
                CREATE TABLE attempt_answers (
                    learner TEXT NOT NULL,
                    course_id TEXT NOT NULL,
                    lesson_id TEXT NOT NULL,
                    attempt INTEGER NOT NULL CHECK (attempt >= 1),
                    question_id TEXT NOT NULL,
                    event_seq INTEGER NOT NULL CHECK (event_seq >= 1),
                    response TEXT NOT NULL CHECK (json_valid(response)),
                    correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
                    score REAL NOT NULL CHECK (score >= 0),
                    max_score REAL NOT NULL CHECK (max_score >= 0 AND score <= max_score + 1e-9),
                    hints_used INTEGER NOT NULL CHECK (hints_used >= 0),
                    elapsed_ms INTEGER NOT NULL CHECK (elapsed_ms >= 0),
                    PRIMARY KEY (learner, course_id, lesson_id, attempt, question_id),
                    FOREIGN KEY (learner, course_id, lesson_id) REFERENCES lesson_progress(learner, course_id, lesson_id)
                ) WITHOUT ROWID;

                -- Sync: how far each hub has acknowledged this centre's events (issue 4 fills it).
                CREATE TABLE hub_acknowledgements (
                    hub_id TEXT PRIMARY KEY NOT NULL CHECK (length(hub_id) > 0),
                    acknowledged_through INTEGER NOT NULL DEFAULT 0 CHECK (acknowledged_through >= 0),
                    updated_at INTEGER NOT NULL
                ) WITHOUT ROWID;
                """)
        // The node id is made inside the migration's transaction, so two processes opening a
        // new file at once still agree on one id.
        try db.execute(
            sql: "INSERT INTO meta (key, value) VALUES ('node_id', ?), ('schema', 'hocso-centre')",
            arguments: [NodeId.random()])
    }

    /// Answered questions are read back from the log instead of a per-answer table: an answer's
    /// commit then writes the event alone (as the benchmark's plain-SQLite baseline does), and
    /// the lesson's row remembers where the open attempt's events start, so resuming reads a
    /// bounded range of the log.
    static func v3AnswersFromLog(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP TABLE attempt_answers;
                ALTER TABLE lesson_progress ADD COLUMN attempt_first_seq INTEGER
                    CHECK (attempt_first_seq IS NULL OR attempt_first_seq >= 1);
                ALTER TABLE lesson_progress ADD COLUMN finished_attempt_first_seq INTEGER
                    CHECK (finished_attempt_first_seq IS NULL OR finished_attempt_first_seq >= 1);
                """)
        // The new columns are derived: fill them from the log.
        try DerivedProgress.rebuild(db)
    }

    /// The same invariants on `events`, written as plain comparisons: SQLite checks a
    /// `kind IN (…)` list by building a temporary b-tree at every insert, and the two lists cost
    /// more than the rest of an answer's insert together (measured: ~7 µs → ~2 µs per row).
    ///
    /// SQLite cannot change a CHECK in place: the table is rebuilt (its documented 12 steps;
    /// GRDB runs the migration with foreign keys off and checks them at the end), rows copied
    /// as they are, and the append-only triggers made again.
    static func v4EventChecksWithoutLists(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE events_v4 (
                    node_id TEXT NOT NULL CHECK (length(node_id) = 18 AND node_id GLOB 'n-*'),
                    seq INTEGER NOT NULL CHECK (seq >= 1),
                    kind TEXT NOT NULL CHECK (
                        kind = 'answer.submitted' OR kind = 'step.read' OR kind = 'lesson.opened'
                        OR kind = 'quiz.started' OR kind = 'quiz.finished' OR kind = 'lesson.completed'
                        OR kind = 'course.completed' OR kind = 'learner.registered' OR kind = 'learner.updated'),
                    learner TEXT NOT NULL REFERENCES learners(code),
                    occurred_at INTEGER NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    course_id TEXT,
                    course_version INTEGER CHECK (course_version IS NULL OR course_version >= 0),
                    lesson_id TEXT,
                    item_id TEXT,
                    attempt INTEGER CHECK (attempt IS NULL OR attempt >= 1),
                    payload TEXT NOT NULL CHECK (json_valid(payload)),
                    PRIMARY KEY (node_id, seq),
                    CHECK (kind GLOB 'learner.*' OR course_id IS NOT NULL),
                    CHECK (kind GLOB 'learner.*' OR kind = 'course.completed' OR lesson_id IS NOT NULL),
                    CHECK (item_id IS NOT NULL OR (kind <> 'step.read' AND kind <> 'answer.submitted')),
                    CHECK (attempt IS NOT NULL OR (kind <> 'quiz.started' AND kind <> 'answer.submitted' AND kind <> 'quiz.finished'))
                ) WITHOUT ROWID;

                INSERT INTO events_v4 (node_id, seq, kind, learner, occurred_at, recorded_at, course_id, course_version,
                                       lesson_id, item_id, attempt, payload)
                SELECT node_id, seq, kind, learner, occurred_at, recorded_at, course_id, course_version,
                       lesson_id, item_id, attempt, payload
                FROM events ORDER BY node_id, seq;

                -- Dropping a table drops its triggers first, so the append-only triggers do not fire.
                DROP TABLE events;
                ALTER TABLE events_v4 RENAME TO events;

                CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
                CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
                """)
    }

    /// The kinds an event may have come from one place, `EventKind.known`: they are rows of
    /// `event_kinds`, which `events.kind` references, kept in step at every open
    /// (`CentreStore.ensureEventKinds`). A new kind in the code is then a new row, not a
    /// rebuilt table, and a kind no build ever knew cannot be written.
    static func v5EventKindsTable(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE event_kinds (
                    kind TEXT PRIMARY KEY NOT NULL CHECK (kind GLOB '[a-z]*.[a-z]*')
                ) WITHOUT ROWID;
                """)
        try insertKnownKinds(db)
        try db.execute(
            sql: """
                CREATE TABLE events_v5 (
                    node_id TEXT NOT NULL CHECK (length(node_id) = 18 AND node_id GLOB 'n-*'),
                    seq INTEGER NOT NULL CHECK (seq >= 1),
                    kind TEXT NOT NULL REFERENCES event_kinds(kind),
                    learner TEXT NOT NULL REFERENCES learners(code),
                    occurred_at INTEGER NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    course_id TEXT,
                    course_version INTEGER CHECK (course_version IS NULL OR course_version >= 0),
                    lesson_id TEXT,
                    item_id TEXT,
                    attempt INTEGER CHECK (attempt IS NULL OR attempt >= 1),
                    payload TEXT NOT NULL CHECK (json_valid(payload)),
                    PRIMARY KEY (node_id, seq),
                    CHECK (kind GLOB 'learner.*' OR course_id IS NOT NULL),
                    CHECK (kind GLOB 'learner.*' OR kind = 'course.completed' OR lesson_id IS NOT NULL),
                    CHECK (item_id IS NOT NULL OR (kind <> 'step.read' AND kind <> 'answer.submitted')),
                    CHECK (attempt IS NOT NULL OR (kind <> 'quiz.started' AND kind <> 'answer.submitted' AND kind <> 'quiz.finished'))
                ) WITHOUT ROWID;

                INSERT INTO events_v5 (node_id, seq, kind, learner, occurred_at, recorded_at, course_id, course_version,
                                       lesson_id, item_id, attempt, payload)
                SELECT node_id, seq, kind, learner, occurred_at, recorded_at, course_id, course_version,
                       lesson_id, item_id, attempt, payload
                FROM events ORDER BY node_id, seq;

                DROP TABLE events;
                ALTER TABLE events_v5 RENAME TO events;

                CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
                CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
                """)
    }

    /// Adds every kind this build knows to `event_kinds` (kinds are never removed: old events keep theirs).
    static func insertKnownKinds(_ db: Database) throws {
        let insert = try db.makeStatement(sql: "INSERT OR IGNORE INTO event_kinds (kind) VALUES (?)")
        for kind in EventKind.known { try insert.execute(arguments: [kind.rawValue]) }
    }

    /// The centre's private key leaves the database for a file of its own (mode 0600, see
    /// `CentreKeyFile`), so a copied database cannot sign as the centre. The key is written
    /// before the column goes; if the migration then fails, the database still holds it.
    static func v6KeyOutOfDatabase(_ db: Database, keyFile: URL?) throws {
        if let row = try Row.fetchOne(db, sql: "SELECT node_id, public_key, private_key FROM sync_identity") {
            guard let keyFile else { throw ProgressStoreError(.cannotOpen, ProgressStoreText.migrationsIncomplete) }
            try CentreKeyFile.write(
                CentreKey(nodeId: row["node_id"], publicKey: row["public_key"], privateKey: row["private_key"]),
                to: keyFile, replacing: true)
        }
        try db.execute(
            sql: """
                CREATE TABLE sync_identity_v6 (
                    node_id TEXT PRIMARY KEY NOT NULL CHECK (length(node_id) = 18 AND node_id GLOB 'n-*'),
                    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
                    public_key TEXT NOT NULL CHECK (length(public_key) = 44),
                    created_at INTEGER NOT NULL
                ) WITHOUT ROWID;
                INSERT INTO sync_identity_v6 (node_id, name, public_key, created_at)
                SELECT node_id, name, public_key, created_at FROM sync_identity;
                DROP TABLE sync_identity;
                ALTER TABLE sync_identity_v6 RENAME TO sync_identity;
                CREATE TRIGGER sync_identity_is_made_once BEFORE INSERT ON sync_identity
                WHEN (SELECT count(*) FROM sync_identity) > 0
                BEGIN SELECT RAISE(ABORT, 'the centre identity is made once'); END;
                PRAGMA user_version = 6;
                """)
    }

    /// The first table, index or trigger that differs from what this database's own migrations
    /// make (built fresh in memory up to the same migration), nil when none does.
    static func shapeDifference(_ db: Database) throws -> String? {
        let migrator = migrator(keyFile: nil)
        let applied = try migrator.appliedIdentifiers(db)
        guard let last = migrator.migrations.last(where: applied.contains) else { return nil }
        let reference = try DatabaseQueue()
        try migrator.migrate(reference, upTo: last)
        let expected = try reference.read(shape)
        let actual = try shape(db)
        for (name, sql) in expected.sorted(by: { $0.key < $1.key }) where actual[name] != sql { return name }
        return actual.keys.sorted().first { expected[$0] == nil }
    }

    /// Every table, index and trigger of ours by name, with the SQL that made it.
    private static func shape(_ db: Database) throws -> [String: String] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT name, coalesce(sql, '') AS sql FROM sqlite_schema
                WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
                """)
        return Dictionary(rows.map { ($0["name"], $0["sql"]) }, uniquingKeysWith: { first, _ in first })
    }
}
