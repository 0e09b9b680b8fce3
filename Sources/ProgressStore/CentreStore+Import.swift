import Foundation
import GRDB

extension CentreStore {
    /// Imports learners from CSV: every valid row in one transaction; each bad row reported with
    /// its line number and skipped. Rows without a code get one suggested from the name.
    public func importLearners(csv data: Data) throws -> LearnerImport {
        let records = try LearnerCSV.records(data)
        guard let header = records.first else { throw ProgressStoreError(.invalidCSV, "the file is empty") }
        var columns: [LearnerCSV.Column: Int] = [:]
        for (index, title) in header.fields.enumerated() {
            if let column = LearnerCSV.Column.spellings[LearnerCSV.Column.key(title)], columns[column] == nil {
                columns[column] = index
            }
        }
        let missing = [LearnerCSV.Column.name, .birthYear, .commune].filter { columns[$0] == nil }
        guard missing.isEmpty else {
            throw ProgressStoreError(
                .invalidCSV,
                "the header lacks \(missing.map(\.rawValue).joined(separator: ", ")); expected ma,ho_ten,nam_sinh,gioi_tinh,xa,pin or code,name,birth_year,gender,commune,pin"
            )
        }

        var problems: [LearnerImport.RowProblem] = []
        var candidates: [(line: Int, learner: NewLearner)] = []
        let year = currentYear
        for record in records.dropFirst() {
            func value(_ column: LearnerCSV.Column) -> String? {
                guard let index = columns[column], index < record.fields.count else { return nil }
                let text = record.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
                return text.isEmpty ? nil : text
            }
            do {
                guard let yearText = value(.birthYear), let birthYear = Int(yearText) else {
                    throw ProgressStoreError(.invalidLearner, field: "birth_year", "must be a year such as 1975")
                }
                var gender: Gender?
                if let text = value(.gender) {
                    guard let g = Gender(reading: text) else {
                        throw ProgressStoreError(.invalidLearner, field: "gender", "must be nu, nam or khac")
                    }
                    gender = g
                }
                let learner = try NewLearner(
                    code: value(.code), displayName: value(.name) ?? "", birthYear: birthYear, gender: gender,
                    commune: value(.commune) ?? "", pin: value(.pin)
                ).validated(currentYear: year)
                if let code = learner.code, candidates.contains(where: { $0.learner.code == code }) {
                    throw ProgressStoreError(.duplicateCode, field: "code", "appears earlier in the file")
                }
                candidates.append((record.line, learner))
            } catch let error as ProgressStoreError {
                problems.append(.init(line: record.line, field: error.field, message: error.message, kind: error.kind))
            }
        }

        // PBKDF2 is deliberately slow: hash outside the write transaction, on every core.
        let hashes = try Self.hashPINs(candidates.map(\.learner.pin))

        let (imported, late) = try storageErrors {
            try writeImmediate { db -> ([Learner], [LearnerImport.RowProblem]) in
                var imported: [Learner] = []
                var late: [LearnerImport.RowProblem] = []
                for (index, candidate) in candidates.enumerated() {
                    do {
                        imported.append(try self.insert(candidate.learner, pinHash: hashes[index], db))
                    } catch let error as ProgressStoreError where error.kind == .duplicateCode {
                        late.append(
                            .init(
                                line: candidate.line, field: "code", message: "is already registered in this centre",
                                kind: .duplicateCode))
                    }
                }
                return (imported, late)
            }
        }
        return LearnerImport(imported: imported, problems: (problems + late).sorted { $0.line < $1.line })
    }

    private static func hashPINs(_ pins: [String?]) throws -> [String?] {
        var results = [Result<String?, any Error>](repeating: .success(nil), count: pins.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each slot is written by exactly one iteration, and read only after all finish.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: pins.count) { index in
                slots[index] = Result { try pins[index].map(PINHash.make) }
            }
        }
        return try results.map { try $0.get() }
    }
}
