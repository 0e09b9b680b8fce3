import Foundation
import GRDB
import HubStore
import LearnerEvents
import SQLiteSupport

/// The reports' aggregates, read from the derived `report_*` tables (`Schema+Reports.swift`),
/// which `refreshAggregates` keeps up to date from a high-water rowid on `events`. Centres are
/// small integers there (`report_nodes`); places go in and come out as node ids.
extension SQLiteHubStore: ReportSource {
    /// Stores (or replaces with a newer version) course outlines.
    public func saveOutlines(_ outlines: [CourseOutline]) throws {
        let rows = try outlines.map { outline -> (String, Int, String) in
            let data = try JSONEncoder().encode(outline)
            return (outline.id, outline.version, String(decoding: data, as: UTF8.self))
        }
        try write { db in
            for (id, version, json) in rows {
                try db.execute(
                    sql: """
                        INSERT INTO report_courses (course_id, version, outline) VALUES (?, ?, ?)
                        ON CONFLICT(course_id) DO UPDATE SET version = excluded.version, outline = excluded.outline
                        WHERE excluded.version >= report_courses.version
                        """, arguments: [id, version, json])
            }
        }
    }

    /// Stored outlines by course id (decoding every outline is a noticeable share of a
    /// one-course report, so a course id reads only its own).
    public func outlines(only course: String?) throws -> [String: CourseOutline] {
        try read { db in
            var out: [String: CourseOutline] = [:]
            let rows =
                try course.map {
                    try Row.fetchAll(
                        db, sql: "SELECT course_id, outline FROM report_courses WHERE course_id = ?", arguments: [$0])
                } ?? Row.fetchAll(db, sql: "SELECT course_id, outline FROM report_courses")
            for row in rows {
                let json: String = row["outline"]
                if let outline = try? JSONDecoder().decode(CourseOutline.self, from: Data(json.utf8)) {
                    out[row["course_id"]] = outline
                }
            }
            return out
        }
    }

    /// Course ids with items or progress, found by stepping the course index one distinct id at
    /// a time: `SELECT DISTINCT` would read all of a province's progress rows.
    public func coursesSeen(only course: String?) throws -> [String] {
        try read { db in
            if let course {
                let seen = try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT EXISTS (SELECT 1 FROM report_items WHERE course_id = ?1)
                            OR EXISTS (SELECT 1 FROM report_progress WHERE course_id = ?1)
                        """, arguments: [course])
                return seen == true ? [course] : []
            }
            var ids = try String.fetchAll(db, sql: "SELECT DISTINCT course_id FROM report_items")
            ids += try String.fetchAll(
                db,
                sql: """
                    WITH RECURSIVE next(id) AS (
                        SELECT min(course_id) FROM report_progress
                        UNION ALL
                        SELECT (SELECT min(course_id) FROM report_progress WHERE course_id > next.id) FROM next
                        WHERE next.id IS NOT NULL)
                    SELECT id FROM next WHERE id IS NOT NULL
                    """)
            return Array(Set(ids)).sorted()
        }
    }

    /// The latest activity in any course.
    public func latestActivity() throws -> Int64? {
        try read { db in try Int64.fetchOne(db, sql: "SELECT max(last_at) FROM report_progress") }
    }

    /// Every centre with aggregates.
    public func places() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT node_id FROM report_nodes ORDER BY node_id") }
    }

    /// Per course and centre: the cohort, its milestones and its completers' hours (from
    /// `report_progress`, in one pass).
    public func completion(_ filter: AggregateFilter) throws -> [CompletionCount] {
        try read { db in
            let nodes = try NodeIds(db, places: filter.places)
            guard !filter.courses.isEmpty, !nodes.isEmpty else { return [] }
            // A row per course and centre, in the order of the index the scan reads, with the
            // whole hours each learner who completed in the window took, as a list: grouping by
            // the hour as well made SQLite sort every row. `sum(x < ?2)` counts rows whose
            // milestone exists and falls before the end.
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT course_id, node, count(*), ifnull(sum(started_at < ?2), 0),
                        ifnull(sum(completed_at < ?2), 0), ifnull(sum(passed_at < ?2), 0),
                        group_concat((completed_at - first_at) / 3600000) FILTER (WHERE completed_at < ?2)
                    FROM report_progress
                    WHERE course_id IN (\(Self.sqlList(filter.courses))) AND \(nodes.condition("node"))
                        AND first_at >= ?1 AND first_at < ?2
                    GROUP BY course_id, node
                    """, arguments: [filter.from, filter.to])
            var tally = CompletionTally()
            while let row = try rows.next() {
                let course: String = row[0]
                let place = nodes.name(row[1])
                tally.add(
                    course: course, place: place, hours: nil, enrolled: row[2], started: row[3], completed: row[4],
                    passed: row[5])
                let hours: String? = row[6]
                for value in hours?.split(separator: ",") ?? [] {
                    guard let hours = Int(value) else { continue }
                    tally.add(course: course, place: place, hours: hours, learners: 1)
                }
            }
            return tally.counts
        }
    }

    /// Per period and centre: distinct active learners and answers (from `report_activity`).
    public func activity(places: Set<String>?, fromDay: Int, toDay: Int, period: ReportPeriod) throws
        -> [ActivityCount]
    {
        try read { db in
            let nodes = try NodeIds(db, places: places)
            guard !nodes.isEmpty else { return [] }
            let bucket: String
            switch period {
            case .day: bucket = "day"
            case .week: bucket = "day - ((day % 7 + 10) % 7)"
            // The first day of the month, as a day number, via SQLite's calendar.
            case .month:
                bucket = "CAST(julianday(date(day * 86400, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER)"
            }
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT \(bucket) AS bucket, node, count(DISTINCT learner), sum(answers) FROM report_activity
                    WHERE day >= ? AND day <= ? AND \(nodes.condition("node"))
                    GROUP BY bucket, node
                    """, arguments: [fromDay, toDay])
            var out: [ActivityCount] = []
            while let row = try rows.next() {
                out.append(ActivityCount(day: row[0], place: nodes.name(row[1]), learners: row[2], answers: row[3]))
            }
            return out
        }
    }

    /// Per lesson: how many of the cohort completed it (from `report_lessons`).
    public func lessonCompletions(_ filter: AggregateFilter) throws -> [LessonCompletions] {
        try read { db in
            let nodes = try NodeIds(db, places: filter.places)
            guard !filter.courses.isEmpty, !nodes.isEmpty else { return [] }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT l.course_id, l.lesson_id, count(*) FROM report_lessons l
                    JOIN report_progress p ON p.learner = l.learner AND p.course_id = l.course_id
                    WHERE l.course_id IN (\(Self.sqlList(filter.courses))) AND \(nodes.condition("l.node"))
                        AND p.first_at >= ?1 AND p.first_at < ?2 AND l.completed_at < ?2
                    GROUP BY l.course_id, l.lesson_id
                    """, arguments: [filter.from, filter.to]
            ).map { LessonCompletions(course: $0[0], lesson: $0[1], learners: $0[2]) }
        }
    }

    /// Without days the per-centre counts answer it; with days, the answers themselves. The
    /// per-centre rows come back as they are, in primary-key order through SQLite's C API: a
    /// GROUP BY across centres would sort every centre's rows of the course in a temporary B-tree.
    public func answerTallies(_ filter: AggregateFilter, days: ClosedRange<Int>?) throws -> [AnswerTally] {
        try read { db in
            let nodes = try NodeIds(db, places: filter.places)
            guard !filter.courses.isEmpty, !nodes.isEmpty else { return [] }
            var items: [Int: (course: String, question: String)] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT id, course_id, question_id FROM report_items
                    WHERE course_id IN (\(Self.sqlList(filter.courses)))
                    """)
            {
                items[row[0]] = (row[1], row[2])
            }
            guard !items.isEmpty else { return [] }
            let itemList = items.keys.sorted().map(String.init).joined(separator: ",")
            let statement =
                days == nil
                ? try db.makeStatement(
                    sql: """
                        SELECT item, first_try, correct, hinted, response, answers FROM report_item_counts
                        WHERE item IN (\(itemList)) AND \(nodes.condition("node"))
                        """)
                : try db.makeStatement(
                    sql: """
                        SELECT item, first_try, correct, hints > 0, ifnull(response, ''), count(*) FROM report_answers
                        WHERE item IN (\(itemList)) AND \(nodes.condition("node")) AND day >= ? AND day <= ?
                        GROUP BY item, first_try, correct, hints > 0, response
                        """)
            if let days { statement.arguments = [days.lowerBound, days.upperBound] }
            var out: [AnswerTally] = []
            try RawStatement(statement, db).forEachRow { row in
                guard let item = items[row.int(0) ?? 0] else { return }
                let correct = row.int64(2) != 0
                out.append(
                    AnswerTally(
                        course: item.course, question: item.question, firstTry: row.int64(1) != 0, correct: correct,
                        hinted: row.int64(3) != 0, response: correct ? "" : row.text(4) ?? "",
                        answers: row.int(5) ?? 0))
            }
            return out
        }
    }

    /// Learners with a run of wrong answers or inactive, started but not completed.
    public func strugglingLearners(
        _ filter: AggregateFilter, activeFrom: Int64, activeTo: Int64, wrongRun: Int, stalledBefore: Int64
    ) throws -> [StrugglingLearner] {
        try read { db in
            let nodes = try NodeIds(db, places: filter.places)
            guard !filter.courses.isEmpty, !nodes.isEmpty else { return [] }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT n.node_id, rl.code, l.display_name, p.course_id, p.wrong_streak, p.last_at
                    FROM report_progress p
                    JOIN report_learners rl ON rl.id = p.learner
                    JOIN report_nodes n ON n.id = p.node
                    LEFT JOIN learners l ON l.node_id = n.node_id AND l.code = rl.code
                    WHERE p.completed_at IS NULL AND p.started_at IS NOT NULL
                        AND p.course_id IN (\(Self.sqlList(filter.courses)))
                        AND \(nodes.condition("p.node")) AND p.last_at >= ?1 AND p.last_at < ?2
                        AND (p.wrong_streak >= ?3 OR p.last_at < ?4)
                    """, arguments: [activeFrom, activeTo, wrongRun, stalledBefore]
            ).map {
                StrugglingLearner(
                    place: $0[0], learner: $0[1], displayName: $0[2], course: $0[3], wrongStreak: $0[4],
                    lastActiveAt: $0[5])
            }
        }
    }

    /// The cohort by birth year and gender (progress joined with the learners' public facts).
    public func demographics(_ filter: AggregateFilter) throws -> [DemographicCount] {
        try read { db in
            let nodes = try NodeIds(db, places: filter.places)
            guard !filter.courses.isEmpty, !nodes.isEmpty else { return [] }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT l.birth_year, l.gender, count(*), ifnull(sum(p.started_at < ?2), 0),
                        ifnull(sum(p.completed_at < ?2), 0), ifnull(sum(p.passed_at < ?2), 0)
                    FROM report_progress p
                    JOIN report_learners rl ON rl.id = p.learner
                    JOIN report_nodes n ON n.id = p.node
                    LEFT JOIN learners l ON l.node_id = n.node_id AND l.code = rl.code
                    WHERE p.course_id IN (\(Self.sqlList(filter.courses))) AND \(nodes.condition("p.node"))
                        AND p.first_at >= ?1 AND p.first_at < ?2
                    GROUP BY 1, 2
                    """, arguments: [filter.from, filter.to]
            ).map {
                DemographicCount(
                    birthYear: $0[0], gender: $0[1], enrolled: $0[2], started: $0[3], completed: $0[4], passed: $0[5])
            }
        }
    }

    /// Registered learners by centre, birth year and gender.
    public func registrations(places: Set<String>?) throws -> [RegistrationCount] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT node_id, birth_year, gender, count(*) FROM learners WHERE code <> ? GROUP BY 1, 2, 3",
                arguments: [LearnerCode.demo]
            )
            .compactMap { row in
                let place: String = row[0]
                guard places?.contains(place) ?? true else { return nil }
                return RegistrationCount(place: place, birthYear: row[1], gender: row[2], learners: row[3])
            }
        }
    }

    /// Cohorts by centre, course, birth year, gender and week of first opening.
    public func cohorts() throws -> [CohortCount] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT node_id, course_id, birth_year, gender, day - ((day % 7 + 10) % 7) AS week, count(*),
                        count(started_at), count(completed_at), count(passed_at)
                    FROM (
                        SELECT n.node_id, p.course_id, l.birth_year, l.gender, (p.first_at / 1000 + 25200) / 86400 AS day,
                            p.started_at, p.completed_at, p.passed_at
                        FROM report_progress p
                        JOIN report_learners rl ON rl.id = p.learner
                        JOIN report_nodes n ON n.id = p.node
                        LEFT JOIN learners l ON l.node_id = n.node_id AND l.code = rl.code)
                    GROUP BY 1, 2, 3, 4, 5
                    """
            ).map {
                CohortCount(
                    place: $0[0], course: $0[1], birthYear: $0[2], gender: $0[3], week: $0[4], enrolled: $0[5],
                    started: $0[6], completed: $0[7], passed: $0[8])
            }
        }
    }

    /// `'a','b'` for SQL, quotes doubled (course ids come from the hub's own tables and queries).
    static func sqlList(_ values: [String]) -> String {
        values.map { "'\($0.replacingOccurrences(of: "'", with: "''"))'" }.joined(separator: ",")
    }
}

/// The centres a query may count, as `report_nodes` ids, and their node ids back.
struct NodeIds {
    /// `report_nodes.id` → node id, for every centre with aggregates.
    let names: [Int: String]
    /// The ids counted; nil when every centre is.
    let allowed: [Int]?

    init(_ db: Database, places: Set<String>?) throws {
        var names: [Int: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, node_id FROM report_nodes") { names[row[0]] = row[1] }
        self.names = names
        allowed = places.map { places in names.compactMap { places.contains($0.value) ? $0.key : nil }.sorted() }
    }

    /// Whether nothing can be counted.
    var isEmpty: Bool { allowed?.isEmpty ?? names.isEmpty }

    /// An SQL condition keeping rows of counted centres; `1` when every centre counts, so the
    /// unfiltered reports pay nothing for it. Ids are integers from the table, never input.
    func condition(_ column: String) -> String {
        allowed.map { "\(column) IN (\($0.map(String.init).joined(separator: ",")))" } ?? "1"
    }

    /// The node id of a `report_nodes` id.
    func name(_ id: Int) -> String { names[id] ?? "" }
}
