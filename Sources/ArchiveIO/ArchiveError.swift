/// A failure reading or writing an archive, with libarchive's own explanation when it gave one.
public struct ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, broadly.
    public enum Kind: String, Sendable, Equatable {
        /// The file could not be opened (missing, unreadable, not an archive libarchive recognises).
        case open
        /// The archive's headers or compressed stream are damaged or cut short.
        case corrupt
        /// Writing the archive failed (disk full, bad option).
        case write
        /// The caller used the API out of order (data before an entry, writing after close).
        case misuse
    }

    /// What went wrong, broadly.
    public let kind: Kind
    /// The archive concerned.
    public let path: String
    /// libarchive's message, or ours when it gave none.
    public let message: String

    /// Makes an error.
    public init(kind: Kind, path: String, message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    /// One sentence naming the archive and the failure.
    public var description: String {
        switch kind {
        case .open: "cannot open archive '\(path)': \(message)"
        case .corrupt: "archive '\(path)' is corrupt or truncated: \(message)"
        case .write: "cannot write archive '\(path)': \(message)"
        case .misuse: "archive '\(path)' used out of order: \(message)"
        }
    }
}
