import Localization

/// Why the hub store refused or failed. Phrases never contain learner data.
public struct HubStoreError: PhrasedError, Equatable {
    /// What went wrong.
    public enum Kind: String, Sendable, Equatable {
        /// The database could not be opened, created or migrated.
        case cannotOpen = "cannot-open"
        /// A node (centre or hub) is not registered here.
        case unknownNode = "unknown-node"
        /// A node was registered and then revoked.
        case revokedNode = "revoked-node"
        /// A registration disagrees with what is stored (another key for the same node id).
        case conflict
        /// A value is not acceptable (bad node id, key, name, area).
        case invalid
        /// The thing asked for does not exist.
        case notFound = "not-found"
        /// The hub has no identity yet (`hocso-hub init`).
        case notInitialised = "not-initialised"
        /// The database failed (disk full, I/O error, busy too long) or disagrees with itself.
        case storage
    }

    /// What went wrong.
    public var kind: Kind
    /// What happened and what to do.
    public var phrase: Phrase

    /// Makes an error.
    public init(_ kind: Kind, _ phrase: Phrase) {
        self.kind = kind
        self.phrase = phrase
    }
}
