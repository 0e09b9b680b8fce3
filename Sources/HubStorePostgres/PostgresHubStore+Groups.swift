import HubStore
import PostgresNIO

extension PostgresSchema {
    /// `v4-study-groups`: the centres' study groups and their current members, derived from
    /// `group.*` events like the other report tables (and rebuilt with them).
    static let v4StudyGroups: [String] = [
        """
        CREATE TABLE report_study_groups (
            node int NOT NULL, group_id text NOT NULL, name text NOT NULL, PRIMARY KEY (node, group_id))
        """,
        """
        CREATE TABLE report_group_members (
            node int NOT NULL, group_id text NOT NULL, learner text NOT NULL, PRIMARY KEY (node, group_id, learner))
        """,
    ]
}

extension PostgresHubStore {
    /// Folds the `group.*` rows of `import_new` into the group tables, one by one in arrival
    /// order (a centre's log puts a removal after its addition); they are few.
    static func applyGroups(_ connection: PostgresConnection, _ logger: Logger) async throws {
        // The payload is read only in the outer query: a condition on it beside the kind's would
        // be free to run first and parse every event's payload (the planner ranks `->>` cheaper
        // than `IN` of three).
        let rows = try await connection.query(
            """
            SELECT kind, id, learner, payload ->> 'group', coalesce(payload ->> 'name', payload ->> 'group')
            FROM (
                SELECT e.position, e.kind, n.id, e.learner, e.payload
                FROM import_new e JOIN report_nodes n ON n.node_id = e.node_id
                WHERE e.kind IN ('group.created', 'group.member.added', 'group.member.removed') OFFSET 0
            ) g
            ORDER BY position
            """, logger: logger)
        var folded: [(String, Int, String, String, String)] = []
        for try await (kind, node, learner, group, name) in rows.decode((String, Int, String, String?, String?).self) {
            if let group, let name { folded.append((kind, node, learner, group, name)) }
        }
        for (kind, node, learner, group, name) in folded {
            switch kind {
            case "group.created":
                try await connection.query(
                    """
                    INSERT INTO report_study_groups (node, group_id, name) VALUES (\(node), \(group), \(name))
                    ON CONFLICT (node, group_id) DO UPDATE SET name = excluded.name
                    """, logger: logger)
            case "group.member.added":
                try await connection.query(
                    """
                    INSERT INTO report_group_members (node, group_id, learner) VALUES (\(node), \(group), \(learner))
                    ON CONFLICT DO NOTHING
                    """, logger: logger)
            default:
                try await connection.query(
                    """
                    DELETE FROM report_group_members WHERE node = \(node) AND group_id = \(group) AND learner = \(learner)
                    """, logger: logger)
            }
        }
    }

    /// Per course, centre and study group: the members' cohort and milestones.
    public func groupCompletion(_ filter: AggregateFilter) throws -> [GroupCompletionCount] {
        guard !filter.courses.isEmpty else { return [] }
        return try readNodes(filter.places) { nodes, connection, logger in
            var out: [GroupCompletionCount] = []
            let rows = try await connection.query(
                """
                SELECT p.course_id, p.node, g.group_id, g.name, count(*),
                    count(*) FILTER (WHERE p.started_at < \(filter.to)),
                    count(*) FILTER (WHERE p.completed_at < \(filter.to)),
                    count(*) FILTER (WHERE p.passed_at < \(filter.to))
                FROM report_group_members m
                JOIN report_study_groups g ON g.node = m.node AND g.group_id = m.group_id
                JOIN report_learners l ON l.node = m.node AND l.code = m.learner
                JOIN report_progress p ON p.learner = l.id
                WHERE p.course_id = ANY(\(filter.courses)) AND \(unescaped: nodes.condition("p.node"))
                    AND p.first_at >= \(filter.from) AND p.first_at < \(filter.to)
                GROUP BY p.course_id, p.node, g.group_id, g.name
                """, logger: logger)
            for try await (course, node, group, name, enrolled, started, completed, passed) in rows.decode(
                (String, Int, String, String, Int, Int, Int, Int).self)
            {
                out.append(
                    GroupCompletionCount(
                        course: course, place: nodes.name(node), group: group, groupName: name, enrolled: enrolled,
                        started: started, completed: completed, passed: passed))
            }
            return out
        }
    }
}
