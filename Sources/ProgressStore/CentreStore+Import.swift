import Credentials
import Foundation
import GRDB

extension CentreStore {
    /// Imports learners from CSV: every valid row in one transaction; each bad row reported with
    /// its line number and skipped. Rows without a code get one suggested from the name.
    public func importLearners(csv data: Data) throws -> LearnerImport {
        let list = try LearnerList.read(csv: data, currentYear: currentYear)
        let candidates = list.rows.map { (line: $0.line, learner: $0.learner) }
        let problems = list.problems

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
