import GRDB
import LearnerEvents

/// Study groups, their members and assignments, derived from `group.*` events like progress is:
/// applied as each event is recorded, and rebuilt from the log by `DerivedProgress.rebuild`.
enum DerivedGroups {
    /// `v8-groups-and-assignments`: the event log accepts events about no learner (`group.*`,
    /// stored with a NULL learner) and about sessions (`session.*`, no course), and the derived
    /// group tables are made.
    ///
    /// SQLite cannot change a CHECK or a NOT NULL in place: the table is rebuilt as in
    /// `v5-event-kinds-table`, rows copied as they are. The checks put the column test first,
    /// so the hot answer insert settles each check without a GLOB.
    static func v8GroupsAndAssignments(_ db: Database) throws {
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
                           OR kind GLOB 'session.*' OR kind GLOB 'group.*'),
                    CHECK (item_id IS NOT NULL OR (kind <> 'step.read' AND kind <> 'answer.submitted')),
                    CHECK (attempt IS NOT NULL OR (kind <> 'quiz.started' AND kind <> 'answer.submitted' AND kind <> 'quiz.finished'))
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

                -- Derived: one row per group made at this centre.
                CREATE TABLE groups (
                    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 40 AND id NOT GLOB '*[^a-z0-9-]*'),
                    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
                    facilitator TEXT NOT NULL CHECK (length(trim(facilitator)) BETWEEN 1 AND 100),
                    schedule TEXT CHECK (schedule IS NULL OR length(schedule) <= 100),
                    created_at INTEGER NOT NULL
                ) WITHOUT ROWID;

                -- Derived: who is in each group now.
                CREATE TABLE group_members (
                    group_id TEXT NOT NULL REFERENCES groups(id),
                    learner TEXT NOT NULL REFERENCES learners(code),
                    added_at INTEGER NOT NULL,
                    PRIMARY KEY (group_id, learner)
                ) WITHOUT ROWID;
                CREATE INDEX group_members_by_learner ON group_members (learner);

                -- Derived: what each group is asked to study; lesson_id '' is the whole course.
                CREATE TABLE group_assignments (
                    group_id TEXT NOT NULL REFERENCES groups(id),
                    course_id TEXT NOT NULL CHECK (length(course_id) >= 1),
                    lesson_id TEXT NOT NULL DEFAULT '',
                    due TEXT CHECK (due IS NULL OR due GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
                    added_at INTEGER NOT NULL,
                    PRIMARY KEY (group_id, course_id, lesson_id)
                ) WITHOUT ROWID;
                PRAGMA user_version = 8;
                """)
    }

    /// Applies one `group.*` event inside the caller's write transaction. Re-adding what is
    /// there, or removing what is not, changes nothing: the log may say either.
    static func apply(_ e: Event, _ db: Database) throws {
        switch e.kind {
        case .groupCreated:
            guard let facts = e.groupFacts else { return }
            try db.execute(
                sql: """
                    INSERT INTO groups (id, name, facilitator, schedule, created_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, facilitator = excluded.facilitator,
                        schedule = excluded.schedule
                    """, arguments: [facts.group, facts.name, facts.facilitator, facts.schedule, e.occurredAt])
        case .groupMemberAdded:
            guard let group = e.groupReference?.group else { return }
            try db.execute(
                sql: "INSERT OR IGNORE INTO group_members (group_id, learner, added_at) VALUES (?, ?, ?)",
                arguments: [group, e.learner, e.occurredAt])
        case .groupMemberRemoved:
            guard let group = e.groupReference?.group else { return }
            try db.execute(
                sql: "DELETE FROM group_members WHERE group_id = ? AND learner = ?", arguments: [group, e.learner])
        case .groupAssignmentAdded:
            guard let reference = e.groupReference, let course = e.courseId else { return }
            try db.execute(
                sql: """
                    INSERT INTO group_assignments (group_id, course_id, lesson_id, due, added_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (group_id, course_id, lesson_id) DO UPDATE SET due = excluded.due
                    """, arguments: [reference.group, course, e.lessonId ?? "", reference.due, e.occurredAt])
        case .groupAssignmentRemoved:
            guard let group = e.groupReference?.group, let course = e.courseId else { return }
            try db.execute(
                sql: "DELETE FROM group_assignments WHERE group_id = ? AND course_id = ? AND lesson_id = ?",
                arguments: [group, course, e.lessonId ?? ""])
        default:
            break
        }
    }
}
