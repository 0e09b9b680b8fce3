import GRDB

/// What every report needs besides its own numbers: the area tree, the centres' small ids, the
/// courses' outlines, and the set of centres the query may count.
struct ReportContext {
    let query: ReportQuery
    let text: ReportText
    let tree: AreaTree
    /// `report_nodes.id` → node id.
    let nodeIds: [Int: String]
    /// Outlines by course id (bare ones for courses seen only in events).
    let outlines: [String: CourseOutline]
    /// Course ids in display order.
    let courseOrder: [String]
    /// The `report_nodes.id`s the query may count.
    let allowed: Set<Int>
    /// The area the rows are under (the filter, else the scope); nil for everything.
    let root: String?

    init(_ query: ReportQuery, _ db: Database) throws {
        self.query = query
        text = ReportText(query.language)
        let tree = try AreaTree.load(db)
        self.tree = tree
        var ids: [Int: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, node_id FROM report_nodes") { ids[row[0]] = row[1] }
        nodeIds = ids

        if let scope = query.scope, tree.nodes[scope] == nil {
            throw ReportError(.forbidden, "the account's area '\(scope)' no longer exists")
        }
        if let area = query.area {
            // To a scoped viewer (the dashboard) the answer never repeats a code outside the scope.
            let shown = query.scope == nil ? " '\(area)'" : ""
            guard tree.nodes[area] != nil else { throw ReportError(.notFound, "no area or centre with code\(shown)") }
            if let scope = query.scope, !tree.isWithin(area, scope) {
                throw ReportError(.forbidden, "the area asked for is outside your area")
            }
        }
        let root = query.area ?? query.scope
        self.root = root
        allowed = Set(ids.compactMap { id, node in root.map { tree.isWithin(node, $0) } ?? true ? id : nil })

        var outlines = try ReportDatabase.outlines(db, only: query.course)
        let seen = try query.course.map { try Self.isSeen($0, db) ? [$0] : [] } ?? Self.coursesSeen(db)
        for id in seen where outlines[id] == nil { outlines[id] = CourseOutline(bareId: id) }
        if let course = query.course, outlines[course] == nil {
            throw ReportError(.notFound, "no course with id '\(course)'")
        }
        self.outlines = outlines
        courseOrder = outlines.keys.sorted().filter { query.course == nil || $0 == query.course }
    }

    /// Course ids that have items or progress, found by stepping through the course index one
    /// distinct id at a time: `SELECT DISTINCT` would read all of a province's progress rows.
    static func coursesSeen(_ db: Database) throws -> [String] {
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
        return ids
    }

    /// Whether a course has items or progress (a course may be counted before its outline arrives).
    static func isSeen(_ course: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM report_items WHERE course_id = ?1)
                    OR EXISTS (SELECT 1 FROM report_progress WHERE course_id = ?1)
                """, arguments: [course]) ?? false
    }

    /// The row group of a centre, or nil when the centre is not counted.
    func group(_ node: Int) -> AreaNode? {
        guard allowed.contains(node), let nodeId = nodeIds[node] else { return nil }
        if let g = tree.group(ofCentre: nodeId, by: query.by) {
            // Below the filter area, a group can't be above it: clamp to the filter area.
            if let root, !tree.isWithin(g.code, root), let r = tree.nodes[root] { return r }
            return g
        }
        return AreaNode(code: AreaTree.unattached, name: text.unattached, level: .commune, parent: nil)
    }

    /// The filter lines shown under a title.
    func filters(extra: [ReportFilter] = []) -> [ReportFilter] {
        var out: [ReportFilter] = []
        out.append(
            ReportFilter(label: text.pick("Địa bàn", "Area"), value: root.map { tree.path($0) } ?? text.everywhere))
        if let course = query.course {
            out.append(ReportFilter(label: text.pick("Khoá học", "Course"), value: courseTitle(course)))
        }
        if query.from != nil || query.to != nil {
            let range = "\(query.from?.description ?? "…") – \(query.to?.description ?? "…")"
            out.append(ReportFilter(label: text.pick("Thời gian", "Dates"), value: range))
        }
        return out + extra
    }

    /// A course's title in the report's language.
    func courseTitle(_ id: String) -> String { outlines[id]?.title(in: query.language) ?? id }

    /// SQL text for "node IN (…)" over the allowed centres (small integers, never user input).
    var allowedList: String { allowed.sorted().map(String.init).joined(separator: ",") }

    /// An SQL condition keeping rows of allowed centres; `1` when every centre is allowed, so
    /// the unfiltered reports pay nothing for it.
    func nodeFilter(_ column: String) -> String {
        root == nil ? "1" : "\(column) IN (\(allowedList))"
    }
}
