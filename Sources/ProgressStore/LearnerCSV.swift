import CourseModel
import Foundation

/// Reading a learner list exported from a spreadsheet: RFC 4180 CSV in UTF-8, with or without a
/// byte-order mark, comma or semicolon separated, Vietnamese or English headers.
enum LearnerCSV {
    /// One record with the file line it starts on (the header is line 1).
    struct Record {
        var line: Int
        var fields: [String]
    }

    /// The columns a learner list has, keyed by every header spelling accepted.
    enum Column: String, CaseIterable {
        case code, name, birthYear = "birth_year", gender, commune, pin

        static let spellings: [String: Column] = [
            "ma": .code, "code": .code, "ma_hoc_vien": .code, "ma_nguoi_hoc": .code,
            "ho_ten": .name, "ho_va_ten": .name, "ten": .name, "name": .name, "full_name": .name,
            "nam_sinh": .birthYear, "birth_year": .birthYear, "year_of_birth": .birthYear,
            "gioi_tinh": .gender, "gender": .gender, "sex": .gender,
            "xa": .commune, "xa_phuong": .commune, "phuong_xa": .commune, "commune": .commune,
            "pin": .pin, "ma_pin": .pin,
        ]

        /// The header key: no marks, lower case, spaces and dashes as underscores.
        static func key(_ header: String) -> String {
            VietnameseText.strippingDiacritics(header).lowercased().trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        }
    }

    /// Splits `data` into records. Throws only when the file cannot be read as text at all.
    static func records(_ data: Data) throws -> [Record] {
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ProgressStoreError(.invalidCSV, "the file is not UTF-8 text; save it as \"CSV UTF-8\"")
        }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let separator: Character = firstLine.contains(";") && !firstLine.contains(",") ? ";" : ","

        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var chars = Array(text)  // Characters: "\r\n" is one grapheme
        chars.append("\n")
        var i = 0
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
        }
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
        if inQuotes {
            throw ProgressStoreError(.invalidCSV, "a quoted field that starts on line \(recordLine) is never closed")
        }
        return records
    }
}

/// The outcome of a learner import: who was added, and each rejected row with its reason.
public struct LearnerImport: Sendable, Equatable {
    /// A row that was not imported.
    public struct RowProblem: Sendable, Equatable {
        /// The line of the file the row starts on (the header is line 1).
        public var line: Int
        /// The field at fault, if one.
        public var field: String?
        /// Why, without the row's data.
        public var message: String
        /// The kind of problem.
        public var kind: ProgressStoreError.Kind
    }

    /// Learners added, in file order.
    public var imported: [Learner]
    /// Rows not imported.
    public var problems: [RowProblem]
}
