import Foundation
import HubStore
import LearnerEvents
import PostgresNIO

/// The reports' aggregates, read from the `report_*` tables kept at insert. Centres are small
/// integers there (`report_nodes`); places go in and come out as node ids.
extension PostgresHubStore: ReportSource {
    /// Stores (or replaces with a newer version) course outlines.
    public func saveOutlines(_ outlines: [CourseOutline]) throws {
        let rows = try outlines.map { outline -> (String, Int, String) in
            (outline.id, outline.version, String(decoding: try JSONEncoder().encode(outline), as: UTF8.self))
        }
        try transaction { connection, logger in
            for (id, version, json) in rows {
                try await connection.query(
                    """
                    INSERT INTO report_courses (course_id, version, outline) VALUES (\(id), \(version), \(json))
                    ON CONFLICT (course_id) DO UPDATE SET version = excluded.version, outline = excluded.outline
                    WHERE excluded.version >= report_courses.version
                    """, logger: logger)
            }
        }
    }

    /// Stored outlines by course id.
    public func outlines(only course: String?) throws -> [String: CourseOutline] {
        let rows = try run { connection, logger in
            var rows: [(String, String)] = []
            let query: PostgresQuery =
                course.map { "SELECT course_id, outline FROM report_courses WHERE course_id = \($0)" }
                ?? "SELECT course_id, outline FROM report_courses"
            for try await row in try await connection.query(query, logger: logger).decode((String, String).self) {
                rows.append(row)
            }
            return rows
        }
        var out: [String: CourseOutline] = [:]
        for (id, json) in rows {
            if let outline = try? JSONDecoder().decode(CourseOutline.self, from: Data(json.utf8)) { out[id] = outline }
        }
        return out
    }

    /// Course ids with answers or progress (kept in `report_courses_seen` at insert).
    public func coursesSeen(only course: String?) throws -> [String] {
        try strings(
            course.map { "SELECT course_id FROM report_courses_seen WHERE course_id = \($0)" }
                ?? "SELECT course_id FROM report_courses_seen ORDER BY 1")
    }

    /// The latest activity in any course (kept in `report_state` at insert).
    public func latestActivity() throws -> Int64? {
        try run { connection, logger in
            try await connection.query(
                "SELECT value FROM report_state WHERE key = 'latest_activity'", logger: logger
            ).collect().first?.decode(Int64.self)
        }
    }

    /// Every centre with aggregates (from the table `readNodes` keeps, read once per change).
    public func places() throws -> [String] {
        try run { connection, logger in try await self.nodeTable(connection, logger).names.values.sorted() }
    }

    /// Per course and centre: the cohort, its milestones and its completers' hours, in one pass.
    public func completion(_ filter: AggregateFilter) throws -> [CompletionCount] {
        guard !filter.courses.isEmpty else { return [] }
        return try readNodes(filter.places) { nodes, connection, logger in
            // A row per course, centre and whole hour to completion (NULL: not completed in the window).
            let rows = try await connection.query(
                """
                SELECT course_id, node,
                    CASE WHEN completed_at < \(filter.to) THEN (completed_at - first_at) / 3600000 END,
                    count(*), count(*) FILTER (WHERE started_at < \(filter.to)),
                    count(*) FILTER (WHERE completed_at < \(filter.to)),
                    count(*) FILTER (WHERE passed_at < \(filter.to))
                FROM report_progress
                WHERE \(unescaped: nodes.condition("node")) AND course_id = ANY(\(filter.courses))
                    AND first_at >= \(filter.from) AND first_at < \(filter.to)
                GROUP BY 1, 2, 3
                """, logger: logger)
            var tally = CompletionTally()
            for try await (course, node, hours, enrolled, started, completed, passed) in rows.decode(
                (String, Int, Int?, Int, Int, Int, Int).self)
            {
                tally.add(
                    course: course, place: nodes.name(node), hours: hours, enrolled: enrolled, started: started,
                    completed: completed, passed: passed)
            }
            return tally.counts
        }
    }

    /// Per period and centre: distinct active learners and answers.
    public func activity(places: Set<String>?, fromDay: Int, toDay: Int, period: ReportPeriod) throws
        -> [ActivityCount]
    {
        let bucket: String
        switch period {
        case .day: bucket = "day"
        case .week: bucket = "day - ((day % 7 + 10) % 7)"
        case .month: bucket = "(date_trunc('month', date '1970-01-01' + day)::date - date '1970-01-01')"
        }
        return try readNodes(places) { nodes, connection, logger in
            var out: [ActivityCount] = []
            let rows = try await connection.query(
                """
                SELECT \(unescaped: bucket) AS bucket, node, count(DISTINCT learner), sum(answers)::bigint
                FROM report_activity
                WHERE day >= \(fromDay) AND day <= \(toDay) AND \(unescaped: nodes.condition("node"))
                GROUP BY bucket, node
                """, logger: logger)
            for try await (day, node, learners, answers) in rows.decode((Int, Int, Int, Int).self) {
                out.append(ActivityCount(day: day, place: nodes.name(node), learners: learners, answers: answers))
            }
            return out
        }
    }

    /// Per lesson: how many of the cohort completed it.
    public func lessonCompletions(_ filter: AggregateFilter) throws -> [LessonCompletions] {
        guard !filter.courses.isEmpty else { return [] }
        return try readNodes(filter.places) { nodes, connection, logger in
            var out: [LessonCompletions] = []
            let rows = try await connection.query(
                """
                SELECT l.course_id, l.lesson_id, count(*) FROM report_lessons l
                JOIN report_progress p ON p.learner = l.learner AND p.course_id = l.course_id
                WHERE l.course_id = ANY(\(filter.courses)) AND \(unescaped: nodes.condition("l.node"))
                    AND p.first_at >= \(filter.from) AND p.first_at < \(filter.to) AND l.completed_at < \(filter.to)
                GROUP BY l.course_id, l.lesson_id
                """, logger: logger)
            for try await (course, lesson, learners) in rows.decode((String, String, Int).self) {
                out.append(LessonCompletions(course: course, lesson: lesson, learners: learners))
            }
            return out
        }
    }

    /// Graded answers per question and kind of answer, all time or between two days, from the
    /// per-day counts.
    public func answerTallies(_ filter: AggregateFilter, days: ClosedRange<Int>?) throws -> [AnswerTally] {
        guard !filter.courses.isEmpty else { return [] }
        return try readNodes(filter.places) { nodes, connection, logger in
            // The course's item ids first, as an array: the planner then reads the index by item
            // and day instead of scanning every course's rows. A right
            // answer's text is not shown, so right answers are summed together; the centres too
            // (a tally has no place, and a nation's centres would each send a row per answer kind).
            // Days are integers, written into the statement like the centres' ids.
            let dayCondition = days.map { "AND day >= \($0.lowerBound) AND day <= \($0.upperBound)" } ?? ""
            let query: PostgresQuery = """
                SELECT i.course_id, i.question_id, t.first_try, t.correct, t.hinted, t.response, t.answers
                FROM (
                    SELECT item, first_try, correct, hinted, CASE WHEN correct THEN '' ELSE response END AS response,
                        sum(answers)::bigint AS answers
                    FROM report_item_days
                    WHERE item = ANY(ARRAY(SELECT id FROM report_items WHERE course_id = ANY(\(filter.courses))))
                        AND \(unescaped: nodes.condition("node")) \(unescaped: dayCondition)
                    GROUP BY 1, 2, 3, 4, 5) t
                JOIN report_items i ON i.id = t.item
                """
            var out: [AnswerTally] = []
            for try await (course, question, firstTry, correct, hinted, response, answers)
                in try await connection
                .query(query, logger: logger).decode((String, String, Bool, Bool, Bool, String, Int).self)
            {
                out.append(
                    AnswerTally(
                        course: course, question: question, firstTry: firstTry, correct: correct, hinted: hinted,
                        response: response, answers: answers))
            }
            return out
        }
    }

    /// Learners with a run of wrong answers or inactive, started but not completed.
    public func strugglingLearners(
        _ filter: AggregateFilter, activeFrom: Int64, activeTo: Int64, wrongRun: Int, stalledBefore: Int64
    ) throws -> [StrugglingLearner] {
        guard !filter.courses.isEmpty else { return [] }
        return try readNodes(filter.places) { nodes, connection, logger in
            var out: [StrugglingLearner] = []
            let rows = try await connection.query(
                """
                SELECT n.node_id, rl.code, l.display_name, p.course_id, p.wrong_streak, p.last_at
                FROM report_progress p
                JOIN report_learners rl ON rl.id = p.learner
                JOIN report_nodes n ON n.id = p.node
                LEFT JOIN learners l ON l.node_id = n.node_id AND l.code = rl.code
                WHERE p.completed_at IS NULL AND p.started_at IS NOT NULL AND p.course_id = ANY(\(filter.courses))
                    AND \(unescaped: nodes.condition("p.node")) AND p.last_at >= \(activeFrom) AND p.last_at < \(activeTo)
                    AND (p.wrong_streak >= \(wrongRun) OR p.last_at < \(stalledBefore))
                """, logger: logger)
            for try await (place, code, name, course, streak, last) in rows.decode(
                (String, String, String?, String, Int, Int64).self)
            {
                out.append(
                    StrugglingLearner(
                        place: place, learner: code, displayName: name, course: course, wrongStreak: streak,
                        lastActiveAt: last))
            }
            return out
        }
    }

    /// The cohort by birth year and gender.
    public func demographics(_ filter: AggregateFilter) throws -> [DemographicCount] {
        guard !filter.courses.isEmpty else { return [] }
        return try readNodes(filter.places) { nodes, connection, logger in
            var out: [DemographicCount] = []
            let rows = try await connection.query(
                """
                SELECT l.birth_year, l.gender, count(*), count(*) FILTER (WHERE p.started_at < \(filter.to)),
                    count(*) FILTER (WHERE p.completed_at < \(filter.to)),
                    count(*) FILTER (WHERE p.passed_at < \(filter.to))
                FROM report_progress p
                JOIN report_learners rl ON rl.id = p.learner
                JOIN report_nodes n ON n.id = p.node
                LEFT JOIN learners l ON l.node_id = n.node_id AND l.code = rl.code
                WHERE p.course_id = ANY(\(filter.courses)) AND \(unescaped: nodes.condition("p.node"))
                    AND p.first_at >= \(filter.from) AND p.first_at < \(filter.to)
                GROUP BY 1, 2
                """, logger: logger)
            for try await (year, gender, enrolled, started, completed, passed) in rows.decode(
                (Int?, String?, Int, Int, Int, Int).self)
            {
                out.append(
                    DemographicCount(
                        birthYear: year, gender: gender, enrolled: enrolled, started: started, completed: completed,
                        passed: passed))
            }
            return out
        }
    }

    /// Registered learners by centre, birth year and gender.
    public func registrations(places: Set<String>?) throws -> [RegistrationCount] {
        let wanted = places.map { Array($0).sorted() }
        return try run { connection, logger in
            var out: [RegistrationCount] = []
            let query: PostgresQuery =
                wanted.map {
                    """
                    SELECT node_id, birth_year, gender, count(*) FROM learners
                    WHERE node_id = ANY(\($0)) AND code <> \(LearnerCode.demo)
                    GROUP BY 1, 2, 3
                    """
                }
                ?? "SELECT node_id, birth_year, gender, count(*) FROM learners WHERE code <> \(LearnerCode.demo) GROUP BY 1, 2, 3"
            for try await (place, year, gender, learners) in try await connection.query(query, logger: logger)
                .decode((String, Int?, String?, Int).self)
            {
                out.append(RegistrationCount(place: place, birthYear: year, gender: gender, learners: learners))
            }
            return out
        }
    }

    /// Cohorts by centre, course, birth year, gender and week of first opening.
    public func cohorts() throws -> [CohortCount] {
        try run { connection, logger in
            var out: [CohortCount] = []
            let rows = try await connection.query(
                """
                SELECT node_id, course_id, birth_year, gender, (day - ((day % 7 + 10) % 7))::bigint, count(*),
                    count(started_at), count(completed_at), count(passed_at)
                FROM (
                    SELECT n.node_id, p.course_id, l.birth_year, l.gender, (p.first_at / 1000 + 25200) / 86400 AS day,
                        p.started_at, p.completed_at, p.passed_at
                    FROM report_progress p
                    JOIN report_learners rl ON rl.id = p.learner
                    JOIN report_nodes n ON n.id = p.node
                    LEFT JOIN learners l ON l.node_id = n.node_id AND l.code = rl.code) c
                GROUP BY 1, 2, 3, 4, 5
                """, logger: logger)
            for try await (place, course, year, gender, week, enrolled, started, completed, passed) in rows.decode(
                (String, String, Int?, String?, Int, Int, Int, Int, Int).self)
            {
                out.append(
                    CohortCount(
                        place: place, course: course, birthYear: year, gender: gender, week: week, enrolled: enrolled,
                        started: started, completed: completed, passed: passed))
            }
            return out
        }
    }

    // MARK: Helpers

    /// The first column of every row, as text.
    func strings(_ query: PostgresQuery) throws -> [String] {
        try run { connection, logger in
            var out: [String] = []
            for try await value in try await connection.query(query, logger: logger).decode(String.self) {
                out.append(value)
            }
            return out
        }
    }

    /// Runs `body` with the centres the query may count, on one connection; empty when none.
    ///
    /// The `report_nodes` map is read again only when the table changed (`nodeTable`): a report
    /// asks for it once per query, and at national scale it holds thousands of centres. Rows are
    /// only ever added (a rebuild empties the table but its ids keep rising), so the row count and
    /// the highest id together tell whether it changed.
    func readNodes<T: Sendable>(
        _ places: Set<String>?,
        _ body: @escaping @Sendable (NodeIds, PostgresConnection, Logger) async throws -> [T]
    ) throws -> [T] {
        try run { connection, logger in
            let nodes = NodeIds(try await self.nodeTable(connection, logger), places: places)
            if nodes.isEmpty { return [] }
            return try await body(nodes, connection, logger)
        }
    }

    /// `report_nodes` as it is now: the kept copy while its count and highest id are unchanged
    /// (rows are only ever added), else read again.
    func nodeTable(_ connection: PostgresConnection, _ logger: Logger) async throws -> ReportNodes {
        let (count, highest) =
            try await connection.query("SELECT count(*), coalesce(max(id), 0) FROM report_nodes", logger: logger)
            .collect().first?.decode((Int, Int).self) ?? (0, 0)
        if let kept = reportNodes.withLockedValue({ $0.count == count && $0.highest == highest ? $0 : nil }) {
            return kept
        }
        var read = ReportNodes(count: count, highest: highest)
        for try await (id, node) in try await connection.query(
            "SELECT id, node_id FROM report_nodes", logger: logger
        ).decode((Int, String).self) {
            read.names[id] = node
            read.ids[node] = id
        }
        // Read after the count, so a row added in between shows in the next check, not lost.
        reportNodes.withLockedValue { $0 = read }
        return read
    }
}

/// `report_nodes` as read at one moment: its row count, highest id, and id ↔ node id.
struct ReportNodes: Sendable {
    var count = -1
    var highest = -1
    var names: [Int: String] = [:]
    var ids: [String: Int] = [:]
}

/// The centres a query may count, as `report_nodes` ids, and their node ids back.
struct NodeIds: Sendable {
    /// `report_nodes.id` → node id.
    let names: [Int: String]
    /// The ids counted; nil when every centre is.
    let allowed: [Int]?

    init(_ table: ReportNodes, places: Set<String>?) {
        names = table.names
        allowed = places.map { places in places.compactMap { table.ids[$0] }.sorted() }
    }

    /// Whether nothing can be counted.
    var isEmpty: Bool { allowed?.isEmpty ?? names.isEmpty }

    /// An SQL condition keeping rows of counted centres; `true` when every centre counts. Ids
    /// are integers from the table, never input.
    func condition(_ column: String) -> String {
        allowed.map { "\(column) IN (\($0.map(String.init).joined(separator: ",")))" } ?? "true"
    }

    /// The node id of a `report_nodes` id.
    func name(_ id: Int) -> String { names[id] ?? "" }
}
