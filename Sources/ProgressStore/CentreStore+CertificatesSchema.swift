import GRDB

extension CentreStore {
    /// Migration `v9-certificates`: `certificate.issued` events (about a course, not a lesson),
    /// at most one per learner × course × version, and the revocations this centre knows of.
    ///
    /// The events table is rebuilt as in v4/v5 (SQLite cannot change a CHECK in place): the
    /// lesson CHECK lets `certificate.issued` through as it does `course.completed`. The unique
    /// partial index is what makes issuing exactly-once: a second certificate for the same
    /// learner and course version cannot be written by any process, whatever it crashed after.
    static func v9Certificates(_ db: Database) throws {
        try Schema.insertKnownKinds(db)
        try db.execute(
            sql: """
                CREATE TABLE events_v9 (
                    node_id TEXT NOT NULL CHECK (length(node_id) = 18 AND node_id GLOB 'n-*'),
                    seq INTEGER NOT NULL CHECK (seq >= 1),
                    kind TEXT NOT NULL REFERENCES event_kinds(kind),
                    learner TEXT REFERENCES learners(code),
                    occurred_at INTEGER NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    course_id TEXT,
                    course_version INTEGER CHECK (course_version IS NULL OR course_version >= 0),
                    lesson_id TEXT,
                    item_id TEXT,
                    attempt INTEGER CHECK (attempt IS NULL OR attempt >= 1),
                    payload TEXT NOT NULL CHECK (json_valid(payload)),
                    PRIMARY KEY (node_id, seq),
                    CHECK (learner IS NOT NULL OR kind GLOB 'group.*'),
                    CHECK (course_id IS NOT NULL OR kind GLOB 'learner.*' OR kind GLOB 'session.*' OR kind GLOB 'group.*'),
                    CHECK (lesson_id IS NOT NULL OR kind GLOB 'learner.*' OR kind = 'course.completed'
                           OR kind = 'certificate.issued' OR kind GLOB 'session.*' OR kind GLOB 'group.*'),
                    CHECK (item_id IS NOT NULL OR (kind <> 'step.read' AND kind <> 'answer.submitted')),
                    CHECK (attempt IS NOT NULL OR (kind <> 'quiz.started' AND kind <> 'answer.submitted' AND kind <> 'quiz.finished')),
                    CHECK (course_version IS NOT NULL OR kind <> 'certificate.issued')
                ) WITHOUT ROWID;

                INSERT INTO events_v9 (node_id, seq, kind, learner, occurred_at, recorded_at, course_id, course_version,
                                       lesson_id, item_id, attempt, payload)
                SELECT node_id, seq, kind, learner, occurred_at, recorded_at, course_id, course_version,
                       lesson_id, item_id, attempt, payload
                FROM events ORDER BY node_id, seq;

                DROP TABLE events;
                ALTER TABLE events_v9 RENAME TO events;

                CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
                CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

                CREATE UNIQUE INDEX events_one_certificate ON events (learner, course_id, course_version)
                    WHERE kind = 'certificate.issued';

                -- Certificates known to be revoked: by this centre's operator, or from a hub's status list.
                CREATE TABLE certificate_revocations (
                    certificate_id TEXT PRIMARY KEY NOT NULL CHECK (certificate_id GLOB 'urn:uuid:*'),
                    reason TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
                    revoked_at INTEGER NOT NULL,
                    source TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 64)
                ) WITHOUT ROWID;
                PRAGMA user_version = 9;
                """)
    }
}
