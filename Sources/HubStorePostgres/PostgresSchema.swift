/// The hub schema on PostgreSQL as named, ordered migrations, like the SQLite ones: a shipped
/// migration is never edited, a change is a new one. `schema_migrations` records what ran.
///
/// Events are partitioned by hash of `node_id` (docs/scale.md says why not by time or commune):
/// the idempotency key `(node_id, seq)` contains the partition key, so each partition's primary
/// key enforces exactly-once on its own, and a centre's events stay together.
enum PostgresSchema {
    /// Partitions of `events`; a power of two so they can later be split evenly.
    static let eventPartitions = 16

    /// Every migration, in order: a name and its statements (one statement each: PostgresNIO
    /// runs one statement per query).
    static let migrations: [(name: String, statements: [String])] = [
        ("v1-hub", v1Hub), ("v1-reports", v1Reports), ("v2-rollups", v2Rollups),
        // Reports stopped counting every centre's demo learner; the store rebuilds the
        // aggregates after this runs (`rebuildsAggregates`).
        ("v3-reports-without-demo", []),
        ("v4-study-groups", v4StudyGroups),
        ("v5-certificates", v5Certificates),
        ("v6-bulk-import", v6BulkImport),
        ("v7-keyless-aggregates", v7KeylessAggregates),
        ("v8-item-days-only", v8ItemDaysOnly),
        ("v9-item-days-appended", v9ItemDaysAppended),
        ("v10-fold-shards", v10FoldShards),
    ]

    /// Migrations after which the aggregates are rebuilt from `events`.
    static let rebuildsAggregates: Set<String> = ["v3-reports-without-demo"]

    /// A national hub keeps the provinces' signed roll-ups, one row per (province, period, version).
    static let v2Rollups: [String] = [
        """
        CREATE TABLE hub_rollups (
            province text NOT NULL, period int NOT NULL, version bigint NOT NULL, document text NOT NULL,
            PRIMARY KEY (province, period, version))
        """
    ]

    static let v1Hub: [String] =
        [
            """
            CREATE TABLE hub_meta (key text PRIMARY KEY, value text NOT NULL)
            """,
            """
            CREATE TABLE areas (
                code text PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 32),
                name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
                level text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
                parent_code text REFERENCES areas(code) CHECK (parent_code IS NULL OR parent_code <> code))
            """,
            """
            CREATE TABLE centers (
                node_id text PRIMARY KEY CHECK (length(node_id) = 18 AND node_id LIKE 'n-%'),
                public_key text NOT NULL UNIQUE CHECK (length(public_key) = 44),
                name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
                commune_code text REFERENCES areas(code),
                role text NOT NULL DEFAULT 'centre' CHECK (role IN ('centre', 'hub')),
                vouched_by text REFERENCES centers(node_id) CHECK (vouched_by IS NULL OR vouched_by <> node_id),
                status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
                registered_at bigint NOT NULL,
                revoked_at bigint,
                last_seen_at bigint,
                CHECK ((status = 'revoked') = (revoked_at IS NOT NULL)))
            """,
            // Arrival order: a sequence, not an identity (partitioned tables take none on 15).
            "CREATE SEQUENCE events_position AS bigint",
            """
            CREATE TABLE events (
                node_id text NOT NULL REFERENCES centers(node_id),
                seq bigint NOT NULL CHECK (seq >= 1),
                position bigint NOT NULL DEFAULT nextval('events_position'),
                kind text NOT NULL CHECK (length(kind) BETWEEN 3 AND 64 AND kind ~ '^[a-z].*\\.[a-z]'),
                learner text NOT NULL CHECK (length(learner) BETWEEN 1 AND 16),
                occurred_at bigint NOT NULL,
                recorded_at bigint NOT NULL,
                course_id text,
                course_version bigint,
                lesson_id text,
                item_id text,
                attempt bigint CHECK (attempt IS NULL OR attempt >= 1),
                payload json NOT NULL,
                received_at bigint NOT NULL,
                via text NOT NULL,
                PRIMARY KEY (node_id, seq)
            ) PARTITION BY HASH (node_id)
            """,
        ]
        + (0..<eventPartitions).map {
            "CREATE TABLE events_p\($0) PARTITION OF events FOR VALUES WITH (MODULUS \(eventPartitions), REMAINDER \($0))"
        }
        + [
            "CREATE INDEX events_by_position ON events (position)",
            """
            CREATE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'events are append-only'; END $$
            """,
            """
            CREATE TRIGGER events_are_append_only BEFORE UPDATE OR DELETE ON events
            FOR EACH ROW EXECUTE FUNCTION events_are_append_only()
            """,
            """
            CREATE TABLE node_ranges (
                node_id text NOT NULL REFERENCES centers(node_id),
                first_seq bigint NOT NULL CHECK (first_seq >= 1),
                last_seq bigint NOT NULL,
                PRIMARY KEY (node_id, first_seq),
                CHECK (last_seq >= first_seq))
            """,
            """
            CREATE TABLE learners (
                node_id text NOT NULL REFERENCES centers(node_id),
                code text NOT NULL CHECK (length(code) BETWEEN 1 AND 16),
                display_name text,
                birth_year bigint,
                gender text CHECK (gender IS NULL OR gender IN ('nu', 'nam', 'khac')),
                commune text,
                updated_at bigint NOT NULL,
                source_seq bigint NOT NULL CHECK (source_seq >= 1),
                PRIMARY KEY (node_id, code))
            """,
            """
            CREATE TABLE users (
                username text PRIMARY KEY CHECK (length(username) BETWEEN 1 AND 64),
                password_hash text NOT NULL CHECK (length(password_hash) > 0),
                area_code text REFERENCES areas(code),
                display_name text,
                created_at bigint NOT NULL)
            """,
            """
            CREATE TABLE request_nonces (
                node_id text NOT NULL,
                nonce text NOT NULL CHECK (length(nonce) BETWEEN 16 AND 64),
                seen_at bigint NOT NULL,
                PRIMARY KEY (node_id, nonce))
            """,
            "CREATE INDEX request_nonces_seen_at ON request_nonces (seen_at)",
            """
            CREATE TABLE upstream_cursors (
                upstream_id text PRIMARY KEY CHECK (length(upstream_id) = 18),
                pushed_through bigint NOT NULL DEFAULT 0 CHECK (pushed_through >= 0),
                updated_at bigint)
            """,
            """
            CREATE TABLE dashboard_keys (name text PRIMARY KEY, value bytea NOT NULL CHECK (length(value) >= 32))
            """,
            """
            CREATE TABLE dashboard_login_links (
                token_hash text PRIMARY KEY,
                username text NOT NULL,
                next_path text NOT NULL CHECK (next_path LIKE '/%'),
                expires_at bigint NOT NULL,
                used_at bigint)
            """,
        ]

    /// The report aggregates, kept at insert in the same transaction as the events. Learners
    /// and centres get small integer ids so the big tables stay narrow, as on SQLite.
    static let v1Reports: [String] = [
        // JSON values as SQLite's json_extract reads them: true/false/numbers, anything else 0.
        """
        CREATE FUNCTION hocso_flag(value jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE jsonb_typeof(value) WHEN 'boolean' THEN value::text = 'true'
            WHEN 'number' THEN value::text::numeric <> 0 ELSE false END $$
        """,
        """
        CREATE FUNCTION hocso_int(value jsonb) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE jsonb_typeof(value) WHEN 'number' THEN trunc(value::text::numeric)::bigint
            WHEN 'boolean' THEN (value::text = 'true')::int ELSE NULL END $$
        """,
        "CREATE TABLE report_state (key text PRIMARY KEY, value bigint NOT NULL)",
        "CREATE TABLE report_nodes (id serial PRIMARY KEY, node_id text NOT NULL UNIQUE)",
        """
        CREATE TABLE report_learners (
            id bigserial PRIMARY KEY, node int NOT NULL REFERENCES report_nodes(id), code text NOT NULL,
            UNIQUE (node, code))
        """,
        "CREATE TABLE report_courses_seen (course_id text PRIMARY KEY)",
        """
        CREATE TABLE report_progress (
            learner bigint NOT NULL, course_id text NOT NULL, node int NOT NULL,
            first_at bigint NOT NULL, last_at bigint NOT NULL CHECK (last_at >= first_at),
            started_at bigint, completed_at bigint, passed_at bigint,
            answers bigint NOT NULL DEFAULT 0 CHECK (answers >= 0),
            wrong_streak bigint NOT NULL DEFAULT 0 CHECK (wrong_streak >= 0),
            PRIMARY KEY (learner, course_id))
        """,
        """
        CREATE INDEX report_progress_by_course
            ON report_progress (course_id, node, first_at) INCLUDE (started_at, completed_at, passed_at)
        """,
        """
        CREATE TABLE report_lessons (
            learner bigint NOT NULL, course_id text NOT NULL, lesson_id text NOT NULL, node int NOT NULL,
            completed_at bigint NOT NULL, PRIMARY KEY (learner, course_id, lesson_id))
        """,
        "CREATE INDEX report_lessons_by_course ON report_lessons (course_id, lesson_id, node, completed_at)",
        """
        CREATE TABLE report_activity (
            learner bigint NOT NULL, day int NOT NULL, node int NOT NULL,
            events bigint NOT NULL CHECK (events >= 0), answers bigint NOT NULL CHECK (answers >= 0),
            PRIMARY KEY (learner, day))
        """,
        "CREATE INDEX report_activity_by_day ON report_activity (day, node) INCLUDE (learner, answers)",
        """
        CREATE TABLE report_items (
            id serial PRIMARY KEY, course_id text NOT NULL, question_id text NOT NULL,
            UNIQUE (course_id, question_id))
        """,
        // Graded answers per question, centre and kind of answer: all time, and per local day
        // (the dated item analysis), instead of one row per answer.
        """
        CREATE TABLE report_item_counts (
            item int NOT NULL REFERENCES report_items(id), node int NOT NULL,
            first_try boolean NOT NULL, correct boolean NOT NULL, hinted boolean NOT NULL, response text NOT NULL,
            answers bigint NOT NULL CHECK (answers >= 0),
            PRIMARY KEY (item, node, first_try, correct, hinted, response))
        """,
        """
        CREATE TABLE report_item_days (
            item int NOT NULL REFERENCES report_items(id), node int NOT NULL, day int NOT NULL,
            first_try boolean NOT NULL, correct boolean NOT NULL, hinted boolean NOT NULL, response text NOT NULL,
            answers bigint NOT NULL CHECK (answers >= 0),
            PRIMARY KEY (item, day, node, first_try, correct, hinted, response))
        """,
        """
        CREATE TABLE report_courses (
            course_id text PRIMARY KEY, version bigint NOT NULL CHECK (version >= 0), outline text NOT NULL)
        """,
    ]

    /// Derived tables, emptied by a rebuild (children first).
    static let derivedTables = [
        "report_group_members", "report_study_groups", "report_item_days", "report_items",
        "report_activity", "report_lessons",
        "report_progress", "report_courses_seen", "report_learners", "report_nodes", "report_state",
    ]
}
