import Foundation

/// Spreadsheet exports as records: RFC 4180 CSV in UTF-8 (a byte-order mark is dropped), comma
/// or semicolon separated, quoted fields with doubled quotes and line breaks, CRLF or LF.
///
/// Written here rather than taken from a CSV package because imports must name the *file line*
/// of every bad row and refuse an unclosed quote; the listed CSV packages count records, not
/// lines, and read an unclosed quote to the end of the file without a word.
public enum CSVText {
    /// One record and the file line it starts on (1-based; a quoted line break makes a record span
    /// several lines).
    public struct Record: Sendable, Equatable {
        /// The line the record starts on.
        public var line: Int
        /// The fields, unquoted, untrimmed.
        public var fields: [String]

        /// Makes a record.
        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    /// Why a file could not be split into records.
    public enum Problem: Error, Sendable, Equatable {
        /// The bytes are not UTF-8 (a spreadsheet saved as "CSV" in a legacy code page).
        case notUTF8
        /// A quoted field that starts on this line is never closed.
        case unclosedQuote(line: Int)
    }

    /// The records of `data`, after checking it is UTF-8 text.
    public static func records(_ data: Data) throws(Problem) -> [Record] {
        guard let text = String(validating: Array(data), as: UTF8.self) else { throw .notUTF8 }
        return try records(text)
    }

    /// The records of `text`; blank lines are skipped. The separator is a semicolon when the first
    /// line has semicolons and no comma (Excel's choice where the decimal mark is a comma, as in
    /// Vietnamese settings), else a comma.
    public static func records(_ text: String) throws(Problem) -> [Record] {
        let body = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : Substring(text)
        let firstLine = body.prefix { !$0.isNewline }
        let separator: Character = firstLine.contains(";") && !firstLine.contains(",") ? ";" : ","

        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var chars = Array(body)  // Characters: "\r\n" is one grapheme
        chars.append("\n")
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c.isNewline { line += 1 }
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                inQuotes = true
            } else if c == separator {
                fields.append(field)
                field = ""
            } else if c.isNewline {
                endRecord()
                line += 1
                recordLine = line
            } else {
                field.append(c)
            }
            i += 1
        }
        if inQuotes { throw .unclosedQuote(line: recordLine) }
        return records
    }
}
