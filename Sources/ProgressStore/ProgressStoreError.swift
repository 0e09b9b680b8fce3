/// Why the progress store refused or failed. Messages never contain learner data (names,
/// answers, PINs); callers that know the offending input add it for the operator themselves.
public struct ProgressStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Equatable {
        /// A learner field is invalid; `field` says which.
        case invalidLearner = "invalid-learner"
        /// The learner code is already registered in this centre.
        case duplicateCode = "duplicate-code"
        /// No learner has this code.
        case unknownLearner = "unknown-learner"
        /// An event lacks a field its kind requires, or has one out of range.
        case invalidEvent = "invalid-event"
        /// A CSV file could not be read at all (bad encoding, no header, missing columns).
        case invalidCSV = "invalid-csv"
        /// The database file could not be opened, created or migrated.
        case cannotOpen = "cannot-open"
        /// The database is damaged or disagrees with itself.
        case corrupt
        /// SQLite failed (disk full, I/O error, waited too long for another process).
        case storage
    }

    /// What went wrong.
    public var kind: Kind
    /// The field at fault, for `invalidLearner` and `invalidEvent`.
    public var field: String?
    /// A lower-case English explanation without learner data.
    public var message: String

    /// Makes an error.
    public init(_ kind: Kind, field: String? = nil, _ message: String) {
        self.kind = kind
        self.field = field
        self.message = message
    }

    /// `message`, prefixed with the field when there is one.
    public var description: String { field.map { "\($0): \(message)" } ?? message }
}
