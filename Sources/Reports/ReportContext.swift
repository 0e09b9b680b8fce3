import HubStore
import Localization

/// What every report needs besides its own numbers: the area tree, the courses' outlines, and
/// the places (centres) the query may count.
struct ReportContext {
    let query: ReportQuery
    let text: ReportText
    let tree: AreaTree
    /// Outlines by course id (bare ones for courses seen only in events).
    let outlines: [String: CourseOutline]
    /// Course ids in display order.
    let courseOrder: [String]
    /// The places the query may count; nil when every place counts.
    let allowed: Set<String>?
    /// Every place with aggregates.
    let places: [String]
    /// The area the rows are under (the filter, else the scope); nil for everything.
    let root: String?

    init(_ query: ReportQuery, store: any HubStore, source: any ReportSource) throws {
        self.query = query
        text = ReportText(query.language)
        // A province's report reads its own part of the tree, not the nation's.
        let tree = try AreaTree.load(store, around: Set([query.area, query.scope].compactMap { $0 }))
        self.tree = tree
        if let scope = query.scope, tree.nodes[scope] == nil {
            throw ReportError(.forbidden, ReportsText.scopeGone(scope))
        }
        if let area = query.area {
            // To a scoped viewer (the dashboard) the answer never repeats a code outside the scope.
            guard tree.nodes[area] != nil else {
                throw ReportError(.notFound, ReportsText.noArea(query.scope == nil ? area : nil))
            }
            if let scope = query.scope, !tree.isWithin(area, scope) {
                throw ReportError(.forbidden, ReportsText.outsideYourArea)
            }
        }
        let root = query.area ?? query.scope
        self.root = root
        let places = try source.places()
        self.places = places
        allowed = root.map { root in Set(places.filter { tree.isWithin($0, root) }) }

        var outlines = try source.outlines(only: query.course)
        for id in try source.coursesSeen(only: query.course) where outlines[id] == nil {
            outlines[id] = CourseOutline(bareId: id)
        }
        if let course = query.course, outlines[course] == nil {
            throw ReportError(.notFound, ReportsText.noCourse(course))
        }
        self.outlines = outlines
        courseOrder = outlines.keys.sorted().filter { query.course == nil || $0 == query.course }
    }

    /// Whether nothing can be counted (an area without centres).
    var countsNothing: Bool { allowed?.isEmpty ?? places.isEmpty }

    /// The filter of the query's cohort over the allowed places and the shown courses.
    var filter: AggregateFilter {
        AggregateFilter(places: allowed, courses: courseOrder, from: query.fromMillis, to: query.toMillis)
    }

    /// The row group of a centre, or nil when the centre is not counted.
    func group(_ place: String) -> AreaNode? {
        guard allowed?.contains(place) ?? true else { return nil }
        if let g = tree.group(ofCentre: place, by: query.by) {
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

    /// An empty report of `kind` whose rows are course × area at the query's level: its filters,
    /// the course and area columns, then `columns`.
    func courseByAreaReport(_ kind: ReportKind, _ columns: [ReportColumn]) -> Report {
        Report(
            kind: kind, language: query.language, title: text.title(kind),
            filters: filters(extra: [
                ReportFilter(label: text.pick("Nhóm theo", "Grouped by"), value: text.level(query.by))
            ]),
            columns: [
                ReportColumn("course", text.pick("Khoá học", "Course"), .text),
                ReportColumn("area_code", text.pick("Mã", "Code"), .text),
                ReportColumn("area", text.pick("Địa bàn", "Area"), .text),
                ReportColumn("level", text.pick("Cấp", "Level"), .text),
            ] + columns)
    }

    /// A course's title in the report's language.
    func courseTitle(_ id: String) -> String { outlines[id]?.title(in: query.language) ?? id }
}
