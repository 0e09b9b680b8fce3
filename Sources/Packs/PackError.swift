import Foundation
import Localization

/// Why a pack could not be built, verified, installed or read: one kind, the context, one sentence.
public struct PackError: PhrasedError, Equatable, CustomStringConvertible {
    /// What failed.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The file is not a readable archive at all.
        case notAnArchive
        /// The compressed stream or the tar headers are damaged or cut short.
        case corruptStream
        /// The first entry is not `manifest.json`.
        case manifestNotFirst
        /// `manifest.json` is not valid.
        case badManifest
        /// The pack needs a newer reader (format or minReader above ours).
        case unsupportedFormat
        /// An entry's path is absolute, contains `..`, or is otherwise unsafe.
        case unsafePath
        /// An entry is a symlink, hard link, device, fifo, directory or other non-regular file.
        case forbiddenEntryType
        /// An entry is not listed in the manifest (or appears twice).
        case unexpectedEntry
        /// A listed file is absent from the pack.
        case missingEntry
        /// An entry's size differs from the manifest.
        case sizeMismatch
        /// An entry's SHA-256 differs from the manifest.
        case hashMismatch
        /// More entries or more bytes than the install policy allows.
        case limitExceeded
        /// `manifest.sig` is malformed or does not verify.
        case badSignature
        /// The pack is unsigned but a signature is required.
        case missingSignature
        /// The pack is signed by a key that is not trusted.
        case untrustedSignature
        /// `course.json` does not decode, or names another course than the manifest.
        case badCourse
        /// A key file is missing or malformed.
        case badKey
        /// The installed version is newer (or equal, when reinstalling is not allowed).
        case downgrade
        /// Installing would leave less free space than the reserve.
        case insufficientSpace
        /// The course is not installed in the store.
        case notInstalled
        /// A course cannot be packed (bad id, missing asset, unsafe asset path).
        case badSource
        /// A file-system operation failed.
        case io
    }

    /// What failed.
    public let kind: Kind
    /// The file concerned (pack, key, store or entry path).
    public let context: String
    /// The sentence shown to people.
    public let message: String

    /// Makes an error; `message` is the full sentence.
    public init(_ kind: Kind, _ context: String, _ message: String) {
        self.kind = kind
        self.context = context
        self.message = message
    }

    /// The one-sentence description.
    public var description: String { message }

    /// The sentence for people (English in both languages until Packs has its catalogue).
    public var phrase: Phrase { .verbatim(message) }
}

// MARK: - Messages, declared beside their kinds so each sentence names what failed.

extension PackError {
    static func refused(_ kind: Kind, pack: String, _ why: String) -> PackError {
        PackError(kind, pack, "pack '\(pack)' refused: \(why)")
    }

    static func io(_ path: String, _ what: String, errno code: Int32) -> PackError {
        PackError(.io, path, "cannot \(what) '\(path)': \(String(cString: strerror(code)))")
    }
}
