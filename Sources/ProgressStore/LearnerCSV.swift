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

/// A learner list read and checked row by row before anything is written: the learners an
/// import will add, and the rows it will not (PINs are not hashed yet, nothing is stored).
public struct LearnerList: Sendable, Equatable {
    /// A row that passed every check, with the file line it starts on.
    public struct Row: Sendable, Equatable {
        /// The line of the file the row starts on.
        public var line: Int
        /// The learner it describes, checked.
        public var learner: NewLearner
    }

    /// The valid rows, in file order.
    public var rows: [Row]
    /// The rows refused, in file order.
    public var problems: [LearnerImport.RowProblem]

    /// Reads `data` (CSV with Vietnamese or English headers), judging birth years against
    /// `currentYear`; throws only when the file as a whole cannot be read.
    public static func read(csv data: Data, currentYear: Int) throws -> LearnerList {
        let records = try LearnerCSV.records(data)
        guard let header = records.first else { throw ProgressStoreError(.invalidCSV, ProgressStoreText.emptyFile) }
        var columns: [LearnerCSV.Column: Int] = [:]
        for (index, title) in header.fields.enumerated() {
            if let column = LearnerCSV.Column.spellings[LearnerCSV.Column.key(title)], columns[column] == nil {
                columns[column] = index
            }
        }
        let missing = [LearnerCSV.Column.name, .birthYear, .commune].filter { columns[$0] == nil }
        guard missing.isEmpty else {
            throw ProgressStoreError(.invalidCSV, ProgressStoreText.missingColumns(missing.map(\.rawValue)))
        }

        var list = LearnerList(rows: [], problems: [])
        for record in records.dropFirst() {
            func value(_ column: LearnerCSV.Column) -> String? {
                guard let index = columns[column], index < record.fields.count else { return nil }
                let text = record.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
                return text.isEmpty ? nil : text
            }
            do {
                guard let yearText = value(.birthYear), let birthYear = Int(yearText) else {
                    throw ProgressStoreError(
                        .invalidLearner, field: "birth_year", ProgressStoreText.birthYearNotANumber)
                }
                var gender: Gender?
                if let text = value(.gender) {
                    guard let g = Gender(reading: text) else {
                        throw ProgressStoreError(.invalidLearner, field: "gender", ProgressStoreText.badGender)
                    }
                    gender = g
                }
                let learner = try NewLearner(
                    code: value(.code), displayName: value(.name) ?? "", birthYear: birthYear, gender: gender,
                    commune: value(.commune) ?? "", pin: value(.pin)
                ).validated(currentYear: currentYear)
                if let code = learner.code, list.rows.contains(where: { $0.learner.code == code }) {
                    throw ProgressStoreError(.duplicateCode, field: "code", ProgressStoreText.codeTakenEarlierInFile)
                }
                list.rows.append(Row(line: record.line, learner: learner))
            } catch let error as ProgressStoreError {
                list.problems.append(
                    .init(line: record.line, field: error.field, phrase: error.phrase, kind: error.kind))
            }
        }
        return list
    }
}
