import Localization

/// Why an event was refused before it reached a log.
public struct EventError: PhrasedError, Equatable {
    /// What went wrong.
    public enum Kind: String, Sendable, Equatable {
        /// A field the kind requires is missing.
        case missingField = "missing-field"
        /// A field is malformed or out of range.
        case invalidField = "invalid-field"
        /// The payload does not hold what the kind needs.
        case invalidPayload = "invalid-payload"
    }

    /// What went wrong.
    public var kind: Kind
    /// The stored column at fault (`item_id`, `attempt`, `payload`…), when one is.
    public var field: String?
    /// What happened, for a person.
    public var phrase: Phrase

    /// Makes an error.
    public init(_ kind: Kind, field: String? = nil, _ phrase: Phrase) {
        self.kind = kind
        self.field = field
        self.phrase = phrase
    }
}
