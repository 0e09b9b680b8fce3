/// Writes a report as CSV that Excel opens correctly: UTF-8 with a byte-order mark, RFC 4180
/// quoting, CRLF line ends, one header row of column titles, numbers in plain machine form
/// (`62.5`, no grouping) so spreadsheets compute with them.
public struct CSVRenderer: Sendable {
    /// Makes a renderer.
    public init() {}

    /// The CSV bytes as a string, starting with U+FEFF.
    public func render(_ report: Report) -> String {
        var out = "\u{FEFF}"
        out += report.columns.map { Self.field($0.title) }.joined(separator: ",") + "\r\n"
        for row in report.rows {
            out +=
                report.columns.indices.map { i in Self.field(Self.plain(i < row.count ? row[i] : .none)) }
                .joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// A value in machine form: integers as digits, decimals with a point, nothing for none.
    static func plain(_ value: ReportValue) -> String {
        switch value {
        case .text(let s): s
        case .integer(let n): String(n)
        case .number(let v): v == v.rounded() ? String(Int(v)) : String(v)
        case .none: ""
        }
    }

    /// A field quoted when it holds a comma, a quote, a line break or leading/trailing space;
    /// quotes doubled. A leading `=`, `+`, `-` or `@` in text gets a `'` so Excel does not run
    /// it as a formula (numbers are written bare and never start with those but `-`).
    static func field(_ text: String) -> String {
        var s = text
        if let first = s.first, "=+@".contains(first) || (first == "-" && Double(s) == nil) { s = "'" + s }
        let needsQuotes =
            s.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || s.hasPrefix(" ") || s.hasSuffix(" ")
        return needsQuotes ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
