import ProgressStore
import SyncWire

/// Runs `body`, turning progress store errors into sync errors.
func centreStoreErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ProgressStoreError {
        switch error.kind {
        case .invalidEvent, .invalidLearner, .invalidCSV, .duplicateCode, .unknownLearner, .invalidSync,
            .invalidGroup:
            throw SyncError(.invalid, error.phrase)
        case .cannotOpen, .corrupt, .storage: throw SyncError(.storage, error.phrase)
        }
    }
}
