import Credentials
import Foundation
import GRDB

extension CentreStore {
    /// Imports learners from CSV: every valid row in one transaction; each bad row reported with
    /// its line number and skipped. Rows without a code get one suggested from the name.
    public func importLearners(csv data: Data) throws -> LearnerImport {
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
                ).validated(currentYear: year)
                if let code = learner.code, candidates.contains(where: { $0.learner.code == code }) {
                    throw ProgressStoreError(.duplicateCode, field: "code", ProgressStoreText.codeTakenEarlierInFile)
                }
                candidates.append((record.line, learner))
            } catch let error as ProgressStoreError {
                problems.append(.init(line: record.line, field: error.field, phrase: error.phrase, kind: error.kind))
            }
        }

        // PBKDF2 is deliberately slow: hash outside the write transaction, on every core.
        let hashes = Self.hashPINs(candidates.map(\.learner.pin))

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
                                line: candidate.line, field: "code", phrase: ProgressStoreText.codeTaken,
                                kind: .duplicateCode))
                    }
                }
                return (imported, late)
            }
        }
        return LearnerImport(imported: imported, problems: (problems + late).sorted { $0.line < $1.line })
    }

    private static func hashPINs(_ pins: [String?]) -> [String?] {
        var results = [String?](repeating: nil, count: pins.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each slot is written by exactly one iteration, and read only after all finish.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: pins.count) { index in
                slots[index] = pins[index].map { SecretHash.make($0) }
            }
        }
        return results
    }
}
