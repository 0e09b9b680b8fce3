import GRDB
import HubStore

extension Schema {
    /// `v6-hub-study-groups`: the centres' study groups and their current members, derived from
    /// `group.*` events like the other report tables (and rebuilt with them).
    static func v6StudyGroups(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE report_study_groups (
                    node INTEGER NOT NULL,
                    group_id TEXT NOT NULL,
                    name TEXT NOT NULL,
                    PRIMARY KEY (node, group_id)
                ) WITHOUT ROWID;
                CREATE TABLE report_group_members (
                    node INTEGER NOT NULL,
                    group_id TEXT NOT NULL,
                    learner TEXT NOT NULL,
                    PRIMARY KEY (node, group_id, learner)
                ) WITHOUT ROWID;
                """)
    }
}

extension SQLiteHubStore {
    /// Folds the `group.*` events with rowid in (`mark`, `upper`] into the group tables, one by
    /// one in arrival order (a centre's log puts a removal after its addition); they are few.
    static func applyGroups(from mark: Int64, through upper: Int64, _ db: Database) throws {
        let kinds = GroupFold.kinds.map { "'\($0)'" }.joined(separator: ", ")
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT e.kind, n.id AS node, e.learner, json_extract(e.payload, '$.group') AS group_id,
                    json_extract(e.payload, '$.name') AS name
                FROM events e JOIN report_nodes n ON n.node_id = e.node_id
                WHERE e.rowid > ?1 AND e.rowid <= ?2 AND e.kind IN (\(kinds))
                ORDER BY e.rowid
                """, arguments: [mark, upper])
        for row in rows {
            guard let group: String = row["group_id"] else { continue }
            let node: Int64 = row["node"]
            switch row["kind"] as String {
            case "group.created":
                try db.execute(
                    sql: """
                        INSERT INTO report_study_groups (node, group_id, name) VALUES (?, ?, ?)
                        ON CONFLICT (node, group_id) DO UPDATE SET name = excluded.name
                        """, arguments: [node, group, (row["name"] as String?) ?? group])
            case "group.member.added":
                try db.execute(
                    sql: "INSERT OR IGNORE INTO report_group_members (node, group_id, learner) VALUES (?, ?, ?)",
                    arguments: [node, group, row["learner"]])
            default:
                try db.execute(
                    sql: "DELETE FROM report_group_members WHERE node = ? AND group_id = ? AND learner = ?",
                    arguments: [node, group, row["learner"]])
            }
        }
    }

    /// Per course, centre and study group: the members' cohort and milestones.
    public func groupCompletion(_ filter: AggregateFilter) throws -> [GroupCompletionCount] {
        try read { db in
            let nodes = try NodeIds(db, places: filter.places)
            guard !filter.courses.isEmpty, !nodes.isEmpty else { return [] }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT p.course_id, p.node, g.group_id, g.name, count(*), ifnull(sum(p.started_at < ?2), 0),
                        ifnull(sum(p.completed_at < ?2), 0), ifnull(sum(p.passed_at < ?2), 0)
                    FROM report_group_members m
                    JOIN report_study_groups g ON g.node = m.node AND g.group_id = m.group_id
                    JOIN report_learners l ON l.node = m.node AND l.code = m.learner
                    JOIN report_progress p ON p.learner = l.id
                    WHERE p.course_id IN (\(Self.sqlList(filter.courses))) AND \(nodes.condition("p.node"))
                        AND p.first_at >= ?1 AND p.first_at < ?2
                    GROUP BY p.course_id, p.node, g.group_id
                    """, arguments: [filter.from, filter.to])
            return rows.map { row in
                GroupCompletionCount(
                    course: row[0], place: nodes.name(row[1]), group: row[2], groupName: row[3], enrolled: row[4],
                    started: row[5], completed: row[6], passed: row[7])
            }
        }
    }
}
