import Foundation
import HTMLText
import HubStore
import Hummingbird
import Reports

extension DashboardApp {
    /// The query a page or endpoint asks for: filters from the URL, the viewer's scope always.
    func query(_ kind: ReportKind, _ viewer: Viewer, area: String? = nil, course: String? = nil) throws -> ReportQuery {
        let p = viewer.request.uri.queryParameters
        func date(_ name: String) throws -> LocalDate? {
            guard let raw = p[Substring(name)].map(String.init), !raw.isEmpty else { return nil }
            guard let d = LocalDate(raw) else { throw ReportError(.invalid, DashboardText.notADate(name)) }
            return d
        }
        var q = ReportQuery(kind, scope: viewer.scope, language: viewer.language)
        q.from = try date("from")
        q.to = try date("to")
        q.area = area ?? p["area"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        q.course = course ?? p["course"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        if let by = p["by"].map(String.init), !by.isEmpty {
            guard let level = AreaLevel(rawValue: by) else {
                throw ReportError(.invalid, DashboardText.badLevel)
            }
            q.by = level
        } else {
            q.by = try childLevel(q.area ?? viewer.scope)
        }
        if let period = p["period"].map(String.init), !period.isEmpty {
            guard let value = ReportPeriod(rawValue: period) else {
                throw ReportError(.invalid, DashboardText.badPeriod)
            }
            q.period = value
        }
        q.view = try view(p["view"].map(String.init))
        return q
    }

    /// The level just below an area: what its drill-down rows are.
    func childLevel(_ code: String) throws -> AreaLevel {
        let tree = try reports.areaTree()
        let children = tree.children(of: code)
        return children.map(\.level).min() ?? tree.nodes[code]?.level ?? .commune
    }

    /// Areas from the viewer's own area down to `code`, as links.
    func breadcrumb(_ viewer: Viewer, to code: String) throws -> [(name: String, href: String?)] {
        let tree = try reports.areaTree()
        var chain: [(String, String?)] = []
        for node in tree.lineage(code) {
            chain.insert((node.name, "/dashboard/area/\(Self.percentEncode(node.code))"), at: 0)
            if node.code == viewer.scope { break }
        }
        return chain
    }

    /// An area: headline figures, courses, the areas below, weekly activity.
    func areaPage(_ viewer: Viewer, code: String) throws -> Page {
        let text = viewer.text
        let completion = try reports.report(query(.completion, viewer, area: code))
        let tree = try reports.areaTree()
        let name = tree.nodes[code]?.name ?? code
        // Headline figures: the course totals added up.
        var sums = [0, 0, 0, 0]
        var courseRows: [(id: String, values: [ReportValue])] = []
        var areaSums: [String: (name: String, values: [Int])] = [:]
        let idx = ["enrolled", "started", "completed", "passed"].compactMap { id in
            completion.columns.firstIndex { $0.id == id }
        }
        for (r, row) in completion.rows.enumerated() {
            let parts = completion.rowKeys[r].split(separator: "|", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let numbers = idx.map { Int(row[$0].double ?? 0) }
            if parts[1] == "*" {
                for i in 0..<4 { sums[i] += numbers[i] }
                courseRows.append((parts[0], row))
            } else {
                var entry = areaSums[parts[1]] ?? (row[2].string ?? parts[1], [0, 0, 0, 0])
                for i in 0..<4 { entry.values[i] += numbers[i] }
                areaSums[parts[1]] = entry
            }
        }
        let t = ReportText(viewer.language)
        var body = "<h1>\(HTML.escape(text.overview)): \(HTML.escape(name))</h1>\n<div class=\"cards\">"
        let labels = [text.enrolled, text.started, text.completed, text.passed]
        for (i, id) in ["enrolled", "started", "completed", "passed"].enumerated() {
            body +=
                "<div class=\"card\"><div class=\"label\">\(HTML.escape(labels[i]))</div><div class=\"value\" data-testid=\"\(id)\">\(t.integer(sums[i]))</div></div>"
        }
        let rate = sums[0] > 0 ? t.percent((Double(sums[2]) * 1000 / Double(sums[0])).rounded() / 10) : "–"
        body +=
            "<div class=\"card\"><div class=\"label\">\(HTML.escape(text.rate))</div><div class=\"value\" data-testid=\"rate\">\(rate)</div></div></div>\n"

        // Courses: the completion report's total rows, linked to course pages.
        var courses = Report(
            kind: .completion, language: viewer.language, title: text.courses, filters: [],
            columns: completion.columns.filter { !["area_code", "area", "level"].contains($0.id) })
        let keep = completion.columns.enumerated().filter { !["area_code", "area", "level"].contains($0.element.id) }
            .map(\.offset)
        for row in courseRows {
            courses.rows.append(keep.map { row.values[$0] })
            courses.rowKeys.append(row.id)
        }
        body += HTMLRenderer().fragment(
            courses, link: { "/dashboard/course/\(Self.percentEncode($0))?area=\(Self.percentEncode(code))" },
            headingLevel: 2)

        // Areas below: all courses together, linked to their own pages.
        var below = Report(
            kind: .completion, language: viewer.language, title: text.areasBelow, filters: [],
            columns: [
                ReportColumn("area", t.pick("Địa bàn", "Area"), .text),
                ReportColumn("enrolled", text.enrolled, .integer),
                ReportColumn("started", text.started, .integer), ReportColumn("completed", text.completed, .integer),
                ReportColumn("passed", text.passed, .integer), ReportColumn("completion_rate", text.rate, .percent),
            ])
        for (area, entry) in areaSums.sorted(by: { tree.sortKey($0.key) < tree.sortKey($1.key) }) where area != code {
            let v = entry.values
            below.rows.append([
                .text(entry.name), .integer(v[0]), .integer(v[1]), .integer(v[2]), .integer(v[3]),
                Self.percent(v[2], v[0]),
            ])
            below.rowKeys.append(area)
        }
        if !below.rows.isEmpty {
            body += HTMLRenderer().fragment(
                below,
                link: { key in
                    key == AreaTree.unattached ? nil : "/dashboard/area/\(Self.percentEncode(key))"
                }, headingLevel: 2)
        }
        // Weekly activity: the chart of the activity report.
        var activityQuery = try query(.activity, viewer, area: code)
        activityQuery.period = .week
        let activity = try reports.report(activityQuery)
        if let chart = activity.charts.first, !chart.labels.isEmpty {
            var only = activity
            only.title = text.weeklyActivity
            only.rows = []
            only.rowKeys = []
            only.filters = []
            only.notes = []
            only.columns = []
            body += HTMLRenderer().fragment(only, headingLevel: 2).replacingOccurrences(
                of:
                    "<div class=\"table-wrap\"><table>\n<thead><tr></tr></thead>\n<tbody>\n<tr><td colspan=\"0\">\(HTML.escape(t.pick("Không có dữ liệu.", "No data.")))</td></tr>\n</tbody></table></div>\n",
                with: "")
        }
        body += try domainSection(viewer, area: code)
        body += try certificatesSection(viewer, area: code)
        body += reportLinks(viewer, area: code)
        var page = Page(title: name, body: body)
        page.breadcrumb = try breadcrumb(viewer, to: code)
        return page
    }

    static func percent(_ part: Int, _ whole: Int) -> ReportValue {
        whole > 0 ? .number((Double(part) * 1000 / Double(whole)).rounded(.toNearestOrAwayFromZero) / 10) : .none
    }

    /// A course: its funnel, completion by the areas below, and a link to question analysis.
    func coursePage(_ viewer: Viewer, course: String) throws -> Page {
        let area = try query(.funnel, viewer).area ?? viewer.scope
        let funnel = try reports.report(query(.funnel, viewer, area: area, course: course))
        let completion = try reports.report(query(.completion, viewer, area: area, course: course))
        let title = funnel.filters.first { $0.label == viewer.text.pick("Khoá học", "Course") }?.value ?? course
        var body = "<h1>\(HTML.escape(title))</h1>\n"
        body +=
            "<ul class=\"links\"><li><a href=\"/dashboard/items/\(Self.percentEncode(course))?area=\(Self.percentEncode(area))\">\(HTML.escape(viewer.text.itemAnalysis))</a></li></ul>\n"
        // The page is about one course: the course and code columns would only crowd a phone.
        body += HTMLRenderer().fragment(funnel.dropping(["course"]), headingLevel: 2)
        body += HTMLRenderer().fragment(
            completion.dropping(["course", "area_code"]),
            link: { key in
                let code = key.split(separator: "|").last.map(String.init) ?? ""
                return code == "*" || code == AreaTree.unattached
                    ? nil : "/dashboard/course/\(Self.percentEncode(course))?area=\(Self.percentEncode(code))"
            }, linkColumn: "area", headingLevel: 2)
        var page = Page(title: title, body: body)
        page.breadcrumb = try breadcrumb(viewer, to: area)
        return page
    }

    /// Question analysis of a course in the viewer's area.
    func itemsPage(_ viewer: Viewer, course: String) throws -> Page {
        let area = try query(.items, viewer).area ?? viewer.scope
        let items = try reports.report(query(.items, viewer, area: area, course: course))
        var page = Page(
            title: items.title,
            body: HTMLRenderer().fragment(items.dropping(["course"]))
                + downloadLinks(.items, viewer, area: area, course: course))
        page.breadcrumb = try breadcrumb(viewer, to: area)
        return page
    }

    /// The list of reports, for the viewer's area or an area below it.
    func reportsIndex(_ viewer: Viewer) throws -> Page {
        let area = try query(.completion, viewer).area ?? viewer.scope
        let tree = try reports.areaTree()
        guard tree.nodes[area] != nil else { throw ReportError(.notFound, DashboardText.noArea(nil)) }
        guard tree.isWithin(area, viewer.scope) else {
            throw ReportError(.forbidden, DashboardText.outsideYourArea)
        }
        var page = Page(
            title: viewer.text.reports,
            body: "<h1>\(HTML.escape(viewer.text.reports))</h1>\n" + reportLinks(viewer, area: area))
        page.breadcrumb = try breadcrumb(viewer, to: area)
        return page
    }

    func reportLinks(_ viewer: Viewer, area: String) -> String {
        "<h2>\(HTML.escape(viewer.text.reports))</h2><ul class=\"links\">"
            + ReportKind.allCases.map { kind in
                "<li><a href=\"/dashboard/report/\(kind.rawValue)?area=\(Self.percentEncode(area))\">\(HTML.escape(viewer.text.reportName(kind)))</a></li>"
            }.joined() + "</ul>\n"
    }

    /// Any report, with a filter form and download links.
    func reportPage(_ viewer: Viewer, kind: String) throws -> Page {
        guard let kind = ReportKind(rawValue: kind) else { throw ReportError(.notFound, DashboardText.noReport(kind)) }
        let q = try query(kind, viewer)
        let report = try reports.report(q)
        let text = viewer.text
        let courses = try reports.courses(language: viewer.language)
        var form = "<form class=\"filter\" method=\"get\">"
        form += "<input type=\"hidden\" name=\"area\" value=\"\(HTML.escape(q.area ?? viewer.scope))\">"
        if q.view == .domain { form += "<input type=\"hidden\" name=\"view\" value=\"domain\">" }
        form +=
            "<label>\(HTML.escape(text.courses))<select name=\"course\"><option value=\"\">\(HTML.escape(text.allCourses))</option>"
        for c in courses {
            form +=
                "<option value=\"\(HTML.escape(c.id))\"\(c.id == q.course ? " selected" : "")>\(HTML.escape(c.title))</option>"
        }
        form += "</select></label>"
        form +=
            "<label>\(HTML.escape(text.from))<input type=\"date\" name=\"from\" value=\"\(q.from?.description ?? "")\"></label>"
        form +=
            "<label>\(HTML.escape(text.to))<input type=\"date\" name=\"to\" value=\"\(q.to?.description ?? "")\"></label>"
        form += "<button type=\"submit\">\(HTML.escape(text.apply))</button></form>\n"
        var page = Page(
            title: report.title,
            body: viewTabs(viewer, q) + form + HTMLRenderer().fragment(report)
                + downloadLinks(kind, viewer, area: q.area ?? viewer.scope, course: q.course))
        page.breadcrumb = try breadcrumb(viewer, to: q.area ?? viewer.scope)
        return page
    }

    func downloadLinks(_ kind: ReportKind, _ viewer: Viewer, area: String, course: String?) -> String {
        var params = "area=\(Self.percentEncode(area))&lang=\(viewer.language.rawValue)"
        if let course { params += "&course=\(Self.percentEncode(course))" }
        for name in ["from", "to", "by", "period", "view"] {
            if let v = viewer.request.uri.queryParameters[Substring(name)], !v.isEmpty {
                params += "&\(name)=\(Self.percentEncode(String(v)))"
            }
        }
        return "<ul class=\"links downloads\"><li>\(HTML.escape(viewer.text.download)):</li>"
            + "<li><a href=\"/dashboard/csv/\(kind.rawValue)?\(params)\">CSV (Excel)</a></li>"
            + "<li><a href=\"/dashboard/api/\(kind.rawValue)?\(params)\">JSON</a></li></ul>\n"
    }

    /// A report as JSON or as a CSV attachment.
    func download(_ viewer: Viewer, kind: String, csv: Bool) throws -> Response {
        guard let kind = ReportKind(rawValue: kind) else { throw ReportError(.notFound, DashboardText.noReport(kind)) }
        let report = try reports.report(query(kind, viewer))
        if csv {
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
                    .contentDisposition: "attachment; filename=\"hocso-\(kind.rawValue).csv\"",
                ],
                body: ResponseBody(byteBuffer: ByteBuffer(string: CSVRenderer().render(report))))
        }
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: JSONRenderer().render(report))))
    }
}
