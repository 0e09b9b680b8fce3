import GRDB
import HubStore

/// The hub database schema as named, ordered migrations: `v1-hub` here, then the reports
/// work's migrations (`Schema+Reports.swift`). A shipped migration is never edited.
enum Schema {
    /// Every migration, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-hub", migrate: v1Hub)
        registerReportMigrations(&migrator)
        migrator.registerMigration("v3-hub-any-event-kind", migrate: v3AnyEventKind)
        migrator.registerMigration("v4-hub-rollups", migrate: v4Rollups)
        migrator.registerMigration("v5-reports-without-demo", migrate: v5ReportsWithoutDemo)
        migrator.registerMigration("v6-hub-study-groups", migrate: v6StudyGroups)
        migrator.registerMigration("v7-hub-certificates", migrate: v7Certificates)
        return migrator
    }

    /// The first hub schema: identity, areas, registered nodes, events, learners, users, and the
    /// bookkeeping of sync (held ranges per node, request nonces, upstream cursors).
    /// The kinds `v1-hub` allowed, frozen as shipped (one line, sorted).
    static let v1Kinds = """
        'answer.submitted', 'course.completed', 'learner.registered', 'learner.updated', \
        'lesson.completed', 'lesson.opened', 'quiz.finished', 'quiz.started', 'step.read'
        """

    static func v1Hub(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE hub_meta (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE areas (
                    code TEXT PRIMARY KEY NOT NULL CHECK (length(code) BETWEEN 1 AND 32),
                    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
                    level TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),
                    parent_code TEXT REFERENCES areas(code) CHECK (parent_code IS NULL OR parent_code <> code)
                ) WITHOUT ROWID;

                -- Nodes whose events are accepted: centres, and lower hubs (role 'hub') that may also
                -- deliver the events of the centres they vouch for (vouched_by names that hub).
                CREATE TABLE centers (
                    node_id TEXT PRIMARY KEY NOT NULL CHECK (length(node_id) = 18 AND node_id GLOB 'n-*'),
                    public_key TEXT NOT NULL CHECK (length(public_key) = 44),
                    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
                    commune_code TEXT REFERENCES areas(code),
                    role TEXT NOT NULL DEFAULT 'centre' CHECK (role IN ('centre', 'hub')),
                    vouched_by TEXT REFERENCES centers(node_id) CHECK (vouched_by IS NULL OR vouched_by <> node_id),
                    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
                    registered_at INTEGER NOT NULL,
                    revoked_at INTEGER,
                    last_seen_at INTEGER,
                    CHECK ((status = 'revoked') = (revoked_at IS NOT NULL))
                ) WITHOUT ROWID;
                CREATE UNIQUE INDEX centers_public_key ON centers(public_key);

                -- Events as the centres recorded them. A rowid table: the rowid is the hub's arrival
                -- order (reports refresh from a high-water rowid; pushing upstream follows it).
                CREATE TABLE events (
                    node_id TEXT NOT NULL REFERENCES centers(node_id),
                    seq INTEGER NOT NULL CHECK (seq >= 1),
                    kind TEXT NOT NULL CHECK (kind IN (\(Self.v1Kinds))),
                    learner TEXT NOT NULL CHECK (length(learner) BETWEEN 1 AND 16),
                    occurred_at INTEGER NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    course_id TEXT,
                    course_version INTEGER,
                    lesson_id TEXT,
                    item_id TEXT,
                    attempt INTEGER CHECK (attempt IS NULL OR attempt >= 1),
                    payload TEXT NOT NULL CHECK (json_valid(payload)),
                    received_at INTEGER NOT NULL,
                    via TEXT NOT NULL,
                    UNIQUE (node_id, seq)
                );
                CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
                CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

                -- What the hub holds of each node: disjoint, non-adjacent ranges, kept in step with
                -- `events` inside the same transactions, so answering "what do you hold" is cheap.
                CREATE TABLE node_ranges (
                    node_id TEXT NOT NULL REFERENCES centers(node_id),
                    first_seq INTEGER NOT NULL CHECK (first_seq >= 1),
                    last_seq INTEGER NOT NULL,
                    PRIMARY KEY (node_id, first_seq),
                    CHECK (last_seq >= first_seq)
                ) WITHOUT ROWID;

                -- Public facts only; the latest learner.* event by (occurred_at, seq) wins.
                CREATE TABLE learners (
                    node_id TEXT NOT NULL REFERENCES centers(node_id),
                    code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 16),
                    display_name TEXT,
                    birth_year INTEGER,
                    gender TEXT CHECK (gender IS NULL OR gender IN ('nu', 'nam', 'khac')),
                    commune TEXT,
                    updated_at INTEGER NOT NULL,
                    source_seq INTEGER NOT NULL CHECK (source_seq >= 1),
                    PRIMARY KEY (node_id, code)
                ) WITHOUT ROWID;

                CREATE TABLE users (
                    username TEXT PRIMARY KEY NOT NULL CHECK (length(username) BETWEEN 1 AND 64),
                    password_hash TEXT NOT NULL CHECK (length(password_hash) > 0),
                    area_code TEXT REFERENCES areas(code),
                    display_name TEXT,
                    created_at INTEGER NOT NULL
                ) WITHOUT ROWID;

                -- Signed requests seen recently, so a captured request cannot be replayed.
                CREATE TABLE request_nonces (
                    node_id TEXT NOT NULL,
                    nonce TEXT NOT NULL CHECK (length(nonce) BETWEEN 16 AND 64),
                    seen_at INTEGER NOT NULL,
                    PRIMARY KEY (node_id, nonce)
                ) WITHOUT ROWID;
                CREATE INDEX request_nonces_seen_at ON request_nonces(seen_at);

                -- How far pushing to each upstream hub has got, as a rowid of `events`.
                CREATE TABLE upstream_cursors (
                    upstream_id TEXT PRIMARY KEY NOT NULL CHECK (length(upstream_id) = 18),
                    pushed_through INTEGER NOT NULL DEFAULT 0 CHECK (pushed_through >= 0),
                    updated_at INTEGER
                ) WITHOUT ROWID;
                """)
    }

    /// A national hub keeps the provinces' signed roll-ups, one row per (province, period, version).
    static func v4Rollups(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE hub_rollups (
                    province TEXT NOT NULL,
                    period INTEGER NOT NULL,
                    version INTEGER NOT NULL,
                    document TEXT NOT NULL,
                    PRIMARY KEY (province, period, version)
                ) WITHOUT ROWID;
                """)
    }

    /// A hub keeps events of kinds it does not know yet (from centres running a newer HocSo), to
    /// store and forward them byte for byte: the list of kinds becomes a check of their shape.
    ///
    /// SQLite cannot alter a CHECK, and copying a province's events to rebuild the table would
    /// double its size on disk for a while. Removing a CHECK is one of the schema changes SQLite
    /// documents as safe to make by rewriting the table's SQL in `sqlite_schema` (the rows'
    /// format does not change), inside this migration's transaction.
    static func v3AnyEventKind(_ db: Database) throws {
        let old = "CHECK (kind IN (\(v1Kinds)))"
        let new = "CHECK (length(kind) BETWEEN 3 AND 64 AND kind GLOB '[a-z]*.[a-z]*')"
        guard
            let sql = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'events'"),
            sql.contains(old)
        else { throw DatabaseError(resultCode: .SQLITE_ERROR, message: "unexpected events table definition") }
        let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: "PRAGMA writable_schema = ON")
        try db.execute(
            sql: "UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'events'",
            arguments: [sql.replacingOccurrences(of: old, with: new)])
        try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
        try db.execute(sql: "PRAGMA writable_schema = OFF")
    }

    /// Reports stopped counting every centre's demo learner: the derived tables are emptied so
    /// the next refresh rebuilds them from `events` without it.
    static func v5ReportsWithoutDemo(_ db: Database) throws {
        // Only the tables that exist at this point of the migrations (later ones add more).
        for table in ReportSchema.derivedTables where try db.tableExists(table) {
            try db.execute(sql: "DELETE FROM \(table)")
        }
    }
}
