import CArchive
import Localization

/// A failure reading or writing an archive: what went wrong, the archive, and libarchive's own
/// (English, technical) explanation kept apart from the sentence shown to people.
public struct ArchiveError: PhrasedError, Sendable, Equatable, CustomStringConvertible {
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
        /// libarchive itself could not be loaded (not installed).
        case unavailable
    }

    /// What went wrong, broadly.
    public let kind: Kind
    /// The archive concerned.
    public let path: String
    /// libarchive's message, or ours when it gave none: for logs and tests, never shown raw.
    public let detail: String
    /// The system error behind the failure, when there was one (ENOENT, ENOSPC…).
    public let systemError: Int32?

    /// Makes an error.
    public init(kind: Kind, path: String, detail: String, systemError: Int32? = nil) {
        self.kind = kind
        self.path = path
        self.detail = detail
        self.systemError = systemError.flatMap { $0 > 0 ? $0 : nil }
    }

    /// What happened, in both languages, naming the archive and the system's reason when known.
    public var phrase: Phrase {
        let reason = systemError.map { Phrase.systemReason($0) }
        switch kind {
        case .open: return ArchiveText.cannotOpen(path, reason)
        case .corrupt: return ArchiveText.corrupt(path)
        case .write: return ArchiveText.cannotWrite(path, reason)
        case .misuse: return ArchiveText.misuse(path)
        case .unavailable: return ArchiveText.libraryMissing
        }
    }

    /// Throws `unavailable` unless libarchive could be loaded: checked before every reader and
    /// writer, so a machine without it gets a sentence instead of a crash.
    static func requireLibrary(for path: String) throws {
        guard hocso_archive_load() == 0 else { return }
        let detail = hocso_archive_load_error().map { String(cString: $0) } ?? "libarchive could not be loaded"
        throw ArchiveError(kind: .unavailable, path: path, detail: detail)
    }

    /// The English sentence with libarchive's detail, for logs and test failures.
    public var description: String { "\(phrase.en) (\(detail))" }
}
