import Localization

/// The one error type of this module: failures of author tools that are not diagnostics of a course.
public struct CourseCompilerError: PhrasedError, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The target folder exists and is not empty.
        case folderNotEmpty
        /// The course id is not a valid slug or does not match the folder name.
        case invalidID
        /// The language is not `vi` or `en`.
        case invalidLanguage
        /// Writing a file failed.
        case cannotWrite
    }

    /// What went wrong.
    public var kind: Kind
    /// The message for people, lowercase, quoting the input, in every interface language.
    public var phrase: Phrase

    /// Makes an error.
    public init(_ kind: Kind, _ phrase: Phrase) {
        self.kind = kind
        self.phrase = phrase
    }

    /// The message in English.
    public var description: String { phrase.en }
}
