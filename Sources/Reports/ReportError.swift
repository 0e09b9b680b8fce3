import Localization

/// Why a report, an import or an account operation failed. Phrases never carry learner data.
public struct ReportError: PhrasedError, Equatable {
    /// What kind of failure it is; the dashboard maps kinds to HTTP statuses.
    public enum Kind: String, Sendable, Equatable {
        /// A filter or argument is not acceptable (bad date, unknown level).
        case invalid
        /// The area, course or user asked for does not exist.
        case notFound = "not-found"
        /// The area asked for lies outside the caller's own area.
        case forbidden
        /// An input file (areas CSV) has errors; `details` lists them with line numbers.
        case badInput = "bad-input"
        /// The hub's database failed or disagrees with itself.
        case storage
    }

    /// What kind of failure it is.
    public var kind: Kind
    /// What went wrong, in one sentence.
    public var phrase: Phrase
    /// Further lines, e.g. one per bad CSV line.
    public var details: [Phrase]

    /// Makes an error.
    public init(_ kind: Kind, _ phrase: Phrase, details: [Phrase] = []) {
        self.kind = kind
        self.phrase = phrase
        self.details = details
    }

    /// The sentence, then each detail on its own line, in `language`.
    public func lines(_ language: Language) -> [String] { ([phrase] + details).map { $0(language) } }
}
