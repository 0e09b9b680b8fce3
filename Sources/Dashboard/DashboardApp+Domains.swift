import Foundation
import HTMLText
import HubStore
import Reports

// The domain views of Circular 02/2025/TT-BGDĐT on the dashboard: a section on the area page
// and a tab on the completion and inclusion report pages.
extension DashboardApp {
    /// The `view` parameter: the report's own rows when absent or empty, else `domain`.
    func view(_ raw: String?) throws -> ReportView {
        switch raw ?? "" {
        case "": return .standard
        case "domain": return .domain
        default: throw ReportError(.invalid, DashboardText.badView)
        }
    }

    /// The area page's section: each domain's totals over the area, linked to the full domain
    /// view (domain × area below); empty when no course is known.
    func domainSection(_ viewer: Viewer, area code: String) throws -> String {
        let text = viewer.text
        var q = try query(.completion, viewer, area: code)
        q.view = .domain
        let summary = Self.totals(
            of: try reports.report(q), title: text.byDomain,
            columns: ["domain_code", "domain", "enrolled", "started", "completed", "passed", "completion_rate"])
        guard !summary.rows.isEmpty else { return "" }
        let href = "/dashboard/report/completion?area=\(Self.percentEncode(code))&view=domain"
        return HTMLRenderer().fragment(summary, link: { _ in href }, linkColumn: "domain", headingLevel: 2)
            + "<ul class=\"links\"><li><a href=\"\(HTML.escape(href))\">\(HTML.escape(text.domainDetails))</a></li></ul>\n"
    }

    /// The total rows of a report grouped by area (keys `group|*`), keeping `columns`, keyed by group.
    static func totals(of report: Report, title: String, columns ids: [String]) -> Report {
        let keep = ids.compactMap { id in report.columns.firstIndex { $0.id == id } }
        var summary = Report(
            kind: report.kind, language: report.language, title: title, filters: [],
            columns: keep.map { report.columns[$0] })
        for (r, row) in report.rows.enumerated() where report.rowKeys[r].hasSuffix("|*") {
            summary.rows.append(keep.map { row[$0] })
            summary.rowKeys.append(String(report.rowKeys[r].dropLast(2)))
        }
        return summary
    }

    /// Certificates per course in `code` (issued, revoked, valid), linked to the full report by
    /// area; empty when none were issued there.
    func certificatesSection(_ viewer: Viewer, area code: String) throws -> String {
        let report = try reports.report(try query(.certificates, viewer, area: code))
        let summary = Self.totals(
            of: report, title: viewer.text.certificates, columns: ["course", "issued", "revoked", "valid"])
        guard !summary.rows.isEmpty else { return "" }
        let href = "/dashboard/report/certificates?area=\(Self.percentEncode(code))"
        return HTMLRenderer().fragment(summary, link: { _ in href }, linkColumn: "course", headingLevel: 2)
    }

    /// The tabs of a report that has a domain view (completion, inclusion): its own rows or the
    /// domains', keeping the other filters; empty for other reports.
    func viewTabs(_ viewer: Viewer, _ q: ReportQuery) -> String {
        guard q.kind == .completion || q.kind == .inclusion else { return "" }
        let text = viewer.text
        var params = "area=\(Self.percentEncode(q.area ?? viewer.scope))"
        if let course = q.course { params += "&course=\(Self.percentEncode(course))" }
        for name in ["from", "to", "by"] {
            if let v = viewer.request.uri.queryParameters[Substring(name)], !v.isEmpty {
                params += "&\(name)=\(Self.percentEncode(String(v)))"
            }
        }
        let tabs: [(label: String, view: ReportView, suffix: String)] = [
            (q.kind == .completion ? text.byCourse : text.byAgeAndGender, .standard, ""),
            (text.byDomain, .domain, "&view=domain"),
        ]
        return "<ul class=\"links tabs\">"
            + tabs.map { tab in
                "<li><a href=\"\(HTML.escape("/dashboard/report/\(q.kind.rawValue)?\(params)\(tab.suffix)"))\""
                    + (tab.view == q.view ? " aria-current=\"page\"" : "") + ">\(HTML.escape(tab.label))</a></li>"
            }.joined() + "</ul>\n"
    }
}
