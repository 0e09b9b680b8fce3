import HTMLText
import Reports

/// The dashboard's page frame: a top bar (name, navigation, language, sign-out), a breadcrumb
/// of areas from the viewer's own area down, and the content. Inline CSS only, no scripts.
struct Page {
    var title: String
    var body: String
    var breadcrumb: [(name: String, href: String?)] = []

    static let styles = """
        .topbar { background: #1f5f8b; color: #fff; }
        .topbar .inner { max-width: 1100px; margin: 0 auto; padding: 8px 12px; display: flex; flex-wrap: wrap; align-items: center; gap: 6px 16px; }
        .topbar a, .topbar button { color: #fff; }
        .topbar .brand { font-weight: 700; text-decoration: none; margin-right: auto; }
        .topbar form { margin: 0; }
        .topbar button { background: none; border: 1px solid #fff8; border-radius: 4px; padding: 3px 8px; font: inherit; cursor: pointer; }
        .crumbs { font-size: 0.9rem; color: var(--muted); margin: 4px 0 8px; }
        .crumbs a { text-decoration: none; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 10px; margin: 10px 0 16px; }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; background: var(--bg); }
        .card .label { font-size: 0.85rem; color: var(--muted); }
        .card .value { font-size: 1.5rem; font-weight: 700; font-variant-numeric: tabular-nums; }
        .links { display: flex; flex-wrap: wrap; gap: 6px 14px; padding: 0; list-style: none; }
        .links a { display: inline-block; padding: 6px 0; }
        .links.tabs a[aria-current] { font-weight: 700; text-decoration: none; color: inherit; }
        .filter { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; margin: 8px 0; }
        .filter label { display: flex; flex-direction: column; font-size: 0.85rem; color: var(--muted); }
        .filter input, .filter select, .filter button, .login input, .login button { font: inherit; padding: 6px 8px; }
        .login { max-width: 360px; margin: 40px auto; display: flex; flex-direction: column; gap: 10px; }
        .login label { display: flex; flex-direction: column; gap: 4px; }
        .error { color: #a12622; }
        .footnote { font-size: 0.85rem; color: var(--muted); margin-top: 24px; }
        @media print { .topbar, .filter, .links.downloads { display: none; } }

        """

    func render(_ text: DashboardText, user: String?, languageToggle: String, footnote: String? = nil) -> String {
        var top =
            "<header class=\"topbar no-print\"><div class=\"inner\"><a class=\"brand\" href=\"/dashboard\">\(HTML.escape(text.appName))</a>"
        if user != nil {
            top += "<a href=\"/dashboard\">\(HTML.escape(text.overview))</a>"
            top += "<a href=\"/dashboard/reports\">\(HTML.escape(text.reports))</a>"
        }
        top +=
            "<a href=\"\(HTML.escape(languageToggle))\" hreflang=\"\(text.language == .vi ? "en" : "vi")\">\(text.otherLanguage)</a>"
        if let user {
            top +=
                "<form method=\"post\" action=\"/dashboard/logout\"><button type=\"submit\" title=\"\(HTML.escape(user))\">\(HTML.escape(text.signOut))</button></form>"
        }
        top += "</div></header>\n"
        var crumbs = ""
        if !breadcrumb.isEmpty {
            crumbs =
                "<nav class=\"crumbs\">"
                + breadcrumb.map { item in
                    item.href.map { "<a href=\"\(HTML.escape($0))\">\(HTML.escape(item.name))</a>" }
                        ?? HTML.escape(item.name)
                }.joined(separator: " › ") + "</nav>\n"
        }
        return HTMLRenderer.page(
            title: title + " · HocSo", language: text.language,
            body: top + "<main>\n" + crumbs + body
                + (footnote.map { "<p class=\"footnote\">\(HTML.escape($0))</p>\n" } ?? "") + "</main>\n",
            extraStyles: Self.styles)
    }
}
