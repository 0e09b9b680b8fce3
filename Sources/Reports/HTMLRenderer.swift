import HTMLText
import Localization

/// Writes a report as one self-contained HTML page: inline CSS and SVG charts, no scripts, no
/// external assets, readable on a phone and printable on A4.
public struct HTMLRenderer: Sendable {
    /// Makes a renderer.
    public init() {}

    /// The whole page.
    public func render(_ report: Report) -> String {
        Self.page(title: report.title, language: report.language, body: "<main>\n" + fragment(report) + "</main>\n")
    }

    /// The report's section (title, filters, charts, table, notes) for embedding in a page.
    /// `link` may turn a cell into a link, given the row key: the cell of `linkColumn`, else the
    /// row's first text cell.
    public func fragment(
        _ report: Report, link: ((String) -> String?)? = nil, linkColumn: String? = nil, headingLevel: Int = 1
    ) -> String {
        let t = ReportText(report.language)
        let h = "h\(headingLevel)"
        var out =
            "<section class=\"report\" data-report=\"\(report.kind.rawValue)\">\n<\(h)>\(HTML.escape(report.title))</\(h)>\n"
        if !report.filters.isEmpty {
            out += "<dl class=\"filters\">"
            for f in report.filters {
                out += "<div><dt>\(HTML.escape(f.label))</dt><dd>\(HTML.escape(f.value))</dd></div>"
            }
            out += "</dl>\n"
        }
        for chart in report.charts where !chart.labels.isEmpty {
            out += "<figure><figcaption>\(HTML.escape(chart.title))</figcaption>\(SVGChart.render(chart, t))</figure>\n"
        }
        out += "<div class=\"table-wrap\"><table>\n<thead><tr>"
        for column in report.columns {
            out +=
                "<th scope=\"col\" class=\"\(column.type == .text ? "text" : "num")\">\(HTML.escape(column.title))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        if report.rows.isEmpty {
            out +=
                "<tr><td colspan=\"\(report.columns.count)\">\(HTML.escape(t.pick("Không có dữ liệu.", "No data.")))</td></tr>\n"
        }
        for (r, row) in report.rows.enumerated() {
            let key = r < report.rowKeys.count ? report.rowKeys[r] : ""
            let isTotal = key.hasSuffix("*")
            out += "<tr data-key=\"\(HTML.escape(key))\"\(isTotal ? " class=\"total\"" : "")>"
            var linked = false
            for (i, column) in report.columns.enumerated() {
                let value = i < row.count ? row[i] : .none
                var cell = HTML.escape(t.format(value, as: column.type))
                if !linked, column.type == .text, linkColumn == nil || linkColumn == column.id,
                    case .text(let s) = value,
                    !s.isEmpty, let href = link?(key)
                {
                    cell = "<a href=\"\(HTML.escape(href))\">\(cell)</a>"
                    linked = true
                }
                out += "<td data-col=\"\(column.id)\" class=\"\(column.type == .text ? "text" : "num")\">\(cell)</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody></table></div>\n"
        if !report.notes.isEmpty {
            out += "<ul class=\"notes\">" + report.notes.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>\n"
        }
        return out + "</section>\n"
    }

    /// A complete page around `body`, with the shared styles.
    public static func page(title: String, language: Language, body: String, extraStyles: String = "") -> String {
        """
        <!doctype html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title))</title>
        <style>
        \(styles)\(extraStyles)
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    /// The shared styles: system fonts (Vietnamese-capable), fluid tables, A4 print rules.
    public static let styles = """
        :root { --ink: #1d2731; --muted: #5b6770; --line: #d5dbe0; --accent: #1f5f8b; --bg: #f6f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: var(--ink); background: #fff; line-height: 1.4; font-size: 15px; }
        main { max-width: 1100px; margin: 0 auto; padding: 12px; }
        h1 { font-size: 1.4rem; margin: 0.4rem 0; }
        h2 { font-size: 1.15rem; margin: 1rem 0 0.4rem; }
        a { color: var(--accent); }
        .filters { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0 0 10px; color: var(--muted); font-size: 0.9rem; }
        .filters div { display: flex; gap: 4px; }
        .filters dt::after { content: ":"; }
        .filters dd { margin: 0; color: var(--ink); }
        figure { margin: 8px 0 14px; max-width: 720px; }
        figcaption { font-weight: 600; font-size: 0.95rem; margin-bottom: 4px; }
        svg.chart { display: block; height: auto; font-family: inherit; }
        svg.chart text { fill: var(--ink); }
        .table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; }
        table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
        th, td { border-bottom: 1px solid var(--line); padding: 5px 7px; vertical-align: top; }
        th { background: var(--bg); text-align: left; position: sticky; top: 0; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.total td { font-weight: 600; border-top: 2px solid var(--ink); }
        .notes { color: var(--muted); font-size: 0.85rem; padding-left: 18px; }
        td.text { min-width: 6em; }
        td[data-col=prompt], td[data-col=common_wrong], td[data-col=stage] { min-width: 14em; }
        @media (max-width: 600px) {
          body { font-size: 14px; }
          main { padding: 8px; }
          th, td { padding: 4px 5px; }
          td.text { min-width: 9em; }
        }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { font-size: 10pt; }
          main { max-width: none; padding: 0; }
          .table-wrap { overflow: visible; }
          th { position: static; }
          thead { display: table-header-group; }
          tr, figure { break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
          .no-print { display: none !important; }
        }

        """
}
