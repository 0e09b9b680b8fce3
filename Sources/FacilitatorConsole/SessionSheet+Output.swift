import Foundation
import HTMLText
import Localization

extension SessionSheet {
    /// The sheet as one printable A4 HTML page (no scripts, no outside files), in `language`.
    public func html(_ language: Language, printedAt: String) -> String {
        func say(_ phrase: Phrase) -> String { HTML.escape(phrase(language)) }
        let came = rows.filter(\.came).count
        var out = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <title>\(say(ConsoleText.sheetTitle(group: group.name, day: day)))</title>
            <style>
            @page { size: A4; margin: 12mm; }
            body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #000; }
            h1 { font-size: 14pt; margin: 0 0 4pt; }
            p { margin: 2pt 0; }
            table { width: 100%; border-collapse: collapse; margin-top: 8pt; page-break-inside: auto; }
            tr { page-break-inside: avoid; }
            th, td { border: 1px solid #444; padding: 3pt 4pt; vertical-align: top; text-align: left; }
            th { background: #eee; }
            td.sign { width: 22mm; }
            .absent { color: #555; }
            ul { margin: 0; padding-left: 12pt; }
            </style>
            </head>
            <body>
            <h1>\(say(ConsoleText.sheetTitle(group: group.name, day: day)))</h1>
            <p>\(say(ConsoleText.facilitator(group.facilitator)))\(group.schedule.map { " — " + HTML.escape($0) } ?? "")</p>
            <p>\(say(ConsoleText.attendance(came: came, of: rows.count)))</p>

            """
        if !assignments.isEmpty {
            out += "<p><strong>\(say(ConsoleText.assignmentsHeading)):</strong> "
            out += assignments.map { a in
                HTML.escape(a.title) + (a.due.map { " (" + say(ConsoleText.due($0)) + ")" } ?? "")
            }.joined(separator: "; ")
            out += "</p>\n"
        }
        out += "<table>\n<thead><tr>"
        out += ConsoleText.sheetColumns.map { "<th>\(say($0))</th>" }.joined()
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += row.came ? "<tr>" : "<tr class=\"absent\">"
            out += "<td>\(HTML.escape(row.code))</td><td>\(HTML.escape(row.name))</td>"
            out += "<td>\(say(row.came ? ConsoleText.yes : ConsoleText.no))</td><td>\(HTML.escape(row.time))</td>"
            out += "<td>\(Self.list(row.finished))</td><td>\(Self.list(row.toRepeat))</td>"
            out += "<td>\(row.assignmentsDone)/\(assignments.count)</td><td class=\"sign\"></td></tr>\n"
        }
        out += "</tbody>\n</table>\n<p>\(say(ConsoleText.printedAt(printedAt)))</p>\n</body>\n</html>\n"
        return out
    }

    /// The same as CSV for a spreadsheet: UTF-8 with a byte-order mark (Excel then reads the
    /// Vietnamese correctly), CRLF line ends, one row per learner.
    public func csv(_ language: Language) -> String {
        var lines = [ConsoleText.sheetColumns.dropLast().map { Self.field($0(language)) }.joined(separator: ",")]
        for row in rows {
            let fields = [
                row.code, row.name, (row.came ? ConsoleText.yes : ConsoleText.no)(language), row.time,
                row.finished.joined(separator: "; "), row.toRepeat.joined(separator: "; "),
                "\(row.assignmentsDone)/\(assignments.count)",
            ]
            lines.append(fields.map(Self.field).joined(separator: ","))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func list(_ items: [String]) -> String {
        items.isEmpty ? "" : "<ul>" + items.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>"
    }

    /// A CSV field, quoted when it must be; a leading `=`, `+`, `-` or `@` is defused so a
    /// spreadsheet never runs a name as a formula.
    static func field(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

}
