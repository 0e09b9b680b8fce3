import Localization

/// Why an account operation or a dashboard request failed. Phrases carry no learner data.
public struct DashboardError: PhrasedError, Equatable {
    /// What kind of failure it is; pages map kinds to HTTP statuses.
    public enum Kind: String, Sendable, Equatable {
        /// A value is not acceptable (username, password, area).
        case invalid
        /// The user, area or link does not exist.
        case notFound = "not-found"
        /// The user exists already.
        case exists
        /// The database failed.
        case storage
    }

    /// What kind of failure it is.
    public var kind: Kind
    /// What happened and what to do.
    public var phrase: Phrase

    /// Makes an error.
    public init(_ kind: Kind, _ phrase: Phrase) {
        self.kind = kind
        self.phrase = phrase
    }
}
