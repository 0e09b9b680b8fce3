import Localization

/// Why the progress store refused or failed. Phrases never contain learner data (names,
/// answers, PINs); callers that know the offending input add it for the operator themselves.
public struct ProgressStoreError: PhrasedError, Equatable {
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
        /// A group is unknown, its name taken, or an assignment or membership refused.
        case invalidGroup = "invalid-group"
        /// A CSV file could not be read at all (bad encoding, no header, missing columns).
        case invalidCSV = "invalid-csv"
        /// Sync bookkeeping refused a change (an unknown hub, a receipt claiming too much).
        case invalidSync = "invalid-sync"
        /// The database file could not be opened, created or migrated.
        case cannotOpen = "cannot-open"
        /// The database is damaged or disagrees with itself.
        case corrupt
        /// SQLite failed (disk full, I/O error, waited too long for another process).
        case storage
    }

    /// What went wrong.
    public var kind: Kind
    /// The field at fault (`code`, `birth_year`…), for `invalidLearner` and `invalidEvent`.
    public var field: String?
    /// What happened and what to do.
    public var phrase: Phrase

    /// Makes an error.
    public init(_ kind: Kind, field: String? = nil, _ phrase: Phrase) {
        self.kind = kind
        self.field = field
        self.phrase = phrase
    }
}
