/// Writes a report as a plain terminal table: columns aligned by display width (Vietnamese and
/// wide characters safe), numbers right-aligned in the report's language's format.
public struct TableRenderer: Sendable {
    /// Text columns wider than this are cut with `…` (the CSV and JSON keep the whole text).
    public var maxTextWidth: Int

    /// Makes a renderer.
    public init(maxTextWidth: Int = 40) { self.maxTextWidth = maxTextWidth }

    /// The whole report: title, filters, table, notes; ends with a newline.
    public func render(_ report: Report) -> String {
        let t = ReportText(report.language)
        var lines: [String] = [report.title, String(repeating: "=", count: DisplayWidth.of(report.title))]
        for f in report.filters { lines.append("\(f.label): \(f.value)") }
        lines.append("")
        let header = report.columns.map { DisplayWidth.truncate($0.title, to: maxTextWidth) }
        let body = report.rows.map { row in
            report.columns.enumerated().map { i, column in
                let cell = t.format(i < row.count ? row[i] : .none, as: column.type)
                return column.type == .text ? DisplayWidth.truncate(cell, to: maxTextWidth) : cell
            }
        }
        var widths = header.map(DisplayWidth.of)
        for row in body { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { i, cell in
                DisplayWidth.pad(cell, to: widths[i], right: report.columns[i].type != .text)
            }
            var text = padded.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        lines.append(line(header))
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        if body.isEmpty { lines.append(t.pick("(không có dữ liệu)", "(no data)")) }
        for row in body { lines.append(line(row)) }
        if !report.notes.isEmpty {
            lines.append("")
            lines += report.notes.map { "* " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
