import CSVText
import CourseModel
import Foundation
import Localization

/// Reading a learner list exported from a spreadsheet (split by `CSVText`), with Vietnamese or
/// English headers.
enum LearnerCSV {
    /// The columns a learner list has, keyed by every header spelling accepted.
    enum Column: String, CaseIterable {
        case code
        case name
        case birthYear = "birth_year"
        case gender
        case commune
        case pin

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

    /// Splits `data` into records, in this module's errors.
    static func records(_ data: Data) throws -> [CSVText.Record] {
        do {
            return try CSVText.records(data)
        } catch .notUTF8 {
            throw ProgressStoreError(.invalidCSV, ProgressStoreText.notUTF8)
        } catch .unclosedQuote(let line) {
            throw ProgressStoreError(.invalidCSV, ProgressStoreText.unclosedQuote(line: line))
        }
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
        public var phrase: Phrase
        /// The kind of problem.
        public var kind: ProgressStoreError.Kind
    }

    /// Learners added, in file order.
    public var imported: [Learner]
    /// Rows not imported.
    public var problems: [RowProblem]
}
