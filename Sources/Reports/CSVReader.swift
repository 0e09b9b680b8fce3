/// Reads RFC 4180 CSV: quoted fields with doubled quotes and line breaks, CRLF or LF, an
/// optional UTF-8 byte-order mark. Rows keep their line number for messages.
enum CSVReader {
    /// A row and the line it starts on (1-based).
    struct Row {
        var line: Int
        var fields: [String]
    }

    /// The rows of `text`; blank lines are skipped. Throws on an unterminated quote.
    static func rows(_ text: String) throws -> [Row] {
        var rows: [Row] = []
        var field = ""
        var fields: [String] = []
        var inQuotes = false
        var line = 1
        var rowLine = 1
        var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        chars.append("\n")
        var i = 0
        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) {
                rows.append(Row(line: rowLine, fields: fields))
            }
            fields = []
            field = ""
        }
        while i < chars.count {
            let ch = chars[i]
            if inQuotes {
                if ch == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if ch == "\n" || ch == "\r\n" { line += 1 }
                    field.append(ch)
                }
            } else if ch == "\"" && field.isEmpty {
                inQuotes = true
            } else if ch == "," {
                fields.append(field)
                field = ""
            } else if ch == "\n" || ch == "\r\n" || ch == "\r" {
                endRow()
                line += 1
                rowLine = line
            } else {
                field.append(ch)
            }
            i += 1
        }
        if inQuotes { throw ReportError(.badInput, "line \(rowLine): a quoted field is not closed") }
        return rows
    }
}
