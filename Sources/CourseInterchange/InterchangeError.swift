import Localization

/// The one error type of this module: failures that are not diagnostics of a file.
public struct InterchangeError: PhrasedError, Sendable, Equatable {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The input file cannot be read.
        case cannotRead
        /// The course folder to write exists and is not empty.
        case folderNotEmpty
        /// Writing the course folder or the GIFT file failed.
        case cannotWrite
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
