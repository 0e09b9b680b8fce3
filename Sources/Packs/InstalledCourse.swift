import Foundation

/// A course installed in a content store: its manifest and where its files are.
public struct InstalledCourse: Sendable, Equatable {
    /// The installed pack's manifest.
    public var manifest: PackManifest
    /// The folder holding `course.json` and `assets/` (through the course's stable link).
    public var directory: URL
    /// The public key (base64) that signed the installed pack, if it was signed.
    public var signer: String?

    /// Makes a record.
    public init(manifest: PackManifest, directory: URL, signer: String?) {
        self.manifest = manifest
        self.directory = directory
        self.signer = signer
    }

    /// The course id.
    public var id: String { manifest.course.id }
    /// The installed version.
    public var version: Int { manifest.course.version }
    /// The course title.
    public var title: String { manifest.course.title }
}

/// What an install put in place: the course's identity, where its files are, who signed it.
public struct InstalledPack: Sendable, Equatable {
    /// The course id.
    public var id: String
    /// The installed version.
    public var version: Int
    /// The course title.
    public var title: String
    /// The folder holding `course.json` and `assets/` (through the course's stable link).
    public var directory: URL
    /// The public key (base64) that signed the installed pack, if it was signed.
    public var signer: String?
    /// Whether that key is in the store's trust list.
    public var isTrusted: Bool
}
