/// The one error type of this module: failures of author tools that are not diagnostics of a course.
public struct CourseCompilerError: Error, Sendable, Equatable, CustomStringConvertible {
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
    /// The message for people, lowercase, quoting the input.
    public var message: String

    /// Makes an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
