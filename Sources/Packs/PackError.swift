import Foundation
import Localization

/// Why a pack could not be built, verified, installed or read: one kind, the context, one
/// sentence in Vietnamese and English.
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
        /// The pack is unsigned but the centre trusts keys, so a signature is required.
        case missingSignature
        /// The pack is signed by a key that is not in the trust list.
        case untrustedSignature
        /// `course.json` does not decode, or names another course than the manifest.
        case badCourse
        /// A key file is missing or malformed.
        case badKey
        /// The store's trust list cannot be read.
        case badTrustList
        /// The installed version is newer.
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
    /// What happened, in both languages.
    public let phrase: Phrase

    /// Makes an error.
    public init(_ kind: Kind, _ context: String, _ phrase: Phrase) {
        self.kind = kind
        self.context = context
        self.phrase = phrase
    }

    /// The sentence in English (tests and logs; people get `phrase` in their language).
    public var description: String { phrase.en }
}

extension PackError {
    /// A pack refused for `why`: "pack 'P' refused: WHY".
    static func refused(_ kind: Kind, pack: String, _ why: Phrase) -> PackError {
        PackError(kind, pack, PackText.refused(pack, why))
    }

    /// A system call on `path` failed with `code`.
    static func io(_ path: String, _ action: StoreText.FileAction, errno code: Int32) -> PackError {
        PackError(.io, path, StoreText.fileFailure(action, path, .systemReason(code)))
    }
}
