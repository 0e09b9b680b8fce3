import Localization

/// Why sync refused or failed: one clear sentence in each language, never learner data.
public struct SyncError: PhrasedError, Equatable {
    /// What went wrong.
    public enum Kind: String, Sendable, Equatable {
        /// The centre or hub has no identity yet (`hocso center init`, `hocso-hub init`).
        case notInitialised = "not-initialised"
        /// A node is not registered where it sends.
        case unknownNode = "unknown-node"
        /// A node was revoked.
        case revokedNode = "revoked-node"
        /// A signature does not verify, or data was signed by another key.
        case badSignature = "bad-signature"
        /// A node tried to deliver events it may not (another node's, not vouched for).
        case forbidden
        /// A file (bundle, receipt, registration) is damaged, altered or not what it claims.
        case corrupt
        /// Input is malformed (bad JSON, missing fields, bad arguments).
        case invalid
        /// A request came with a timestamp too far from the hub's clock.
        case staleRequest = "stale-request"
        /// A signed request was sent again.
        case replayedRequest = "replayed-request"
        /// A request body exceeds the limit.
        case tooLarge = "too-large"
        /// A node sent too many requests.
        case rateLimited = "rate-limited"
        /// The hub could not be reached, or answered with a server error, after all retries.
        case network
        /// Reading or writing a file failed.
        case io
        /// The database failed.
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
