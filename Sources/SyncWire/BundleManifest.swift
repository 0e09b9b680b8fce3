import Foundation

/// The signed manifest of a bundle (`manifest.json`, the first entry of the archive).
public struct BundleManifest: Sendable, Equatable, Codable {
    /// The format marker.
    public static let format = "hocso-bundle-1"

    /// One data file of the bundle.
    public struct File: Sendable, Equatable, Codable {
        /// Path inside the archive, `events/000001.ndjson`.
        public var path: String
        /// First seq in the file.
        public var firstSeq: Int64
        /// Last seq in the file.
        public var lastSeq: Int64
        /// Number of events (lines).
        public var events: Int
        /// Size in bytes.
        public var bytes: Int64
        /// SHA-256 of the bytes, lower-case hex.
        public var sha256: String

        /// Describes a data file.
        public init(path: String, firstSeq: Int64, lastSeq: Int64, events: Int, bytes: Int64, sha256: String) {
            self.path = path
            self.firstSeq = firstSeq
            self.lastSeq = lastSeq
            self.events = events
            self.bytes = bytes
            self.sha256 = sha256
        }
    }

    /// `hocso-bundle-1`.
    public var format: String
    /// The centre whose events these are (only its own).
    public var node: String
    /// The centre's public key, base64 (the hub checks it against its registration).
    public var publicKey: String
    /// First seq in the bundle.
    public var firstSeq: Int64
    /// Last seq in the bundle.
    public var lastSeq: Int64
    /// Number of events.
    public var eventCount: Int
    /// Number of events of each kind.
    public var kinds: [String: Int]
    /// When the bundle was made, ms since 1970 on the centre's clock.
    public var createdAt: Int64
    /// The data files in archive order.
    public var files: [File]

    /// Makes a manifest of format `hocso-bundle-1`.
    public init(
        node: String, publicKey: String, firstSeq: Int64, lastSeq: Int64, eventCount: Int, kinds: [String: Int],
        createdAt: Int64, files: [File]
    ) {
        format = Self.format
        self.node = node
        self.publicKey = publicKey
        self.firstSeq = firstSeq
        self.lastSeq = lastSeq
        self.eventCount = eventCount
        self.kinds = kinds
        self.createdAt = createdAt
        self.files = files
    }
}

/// The signature entry of a bundle (`manifest.sig`): Ed25519 over a domain line and the exact
/// bytes of `manifest.json`.
public struct BundleSignature: Sendable, Equatable, Codable {
    /// `ed25519`.
    public var algorithm: String
    /// The signer's public key, base64.
    public var publicKey: String
    /// The signature, base64.
    public var signature: String

    /// Makes a signature entry.
    public init(algorithm: String = "ed25519", publicKey: String, signature: String) {
        self.algorithm = algorithm
        self.publicKey = publicKey
        self.signature = signature
    }

    /// The bytes signed for `manifest`.
    public static func signedBytes(_ manifest: Data) -> Data { Data("hocso-bundle-1\n".utf8) + manifest }
}

/// Names and limits of the bundle format.
public enum BundleFormat {
    /// File extension of bundles.
    public static let fileExtension = "hsbundle"
    /// The manifest entry, first in the archive.
    public static let manifestPath = "manifest.json"
    /// The signature entry, second.
    public static let signaturePath = "manifest.sig"
    /// Largest bundle file by default: below FAT32's 4 GiB file limit, with room to spare.
    public static let defaultMaxBundleBytes: Int64 = 4_000_000_000
    /// Largest data file a reader accepts (it holds one file in memory to check its hash first).
    public static let maxDataFileBytes: Int64 = 16 << 20
    /// Largest manifest a reader accepts.
    public static let maxManifestBytes: Int64 = 4 << 20

    /// `<node>-<first>-<last>.hsbundle`.
    public static func fileName(node: String, first: Int64, last: Int64) -> String {
        "\(node)-\(first)-\(last).\(fileExtension)"
    }

    /// `events/000001.ndjson`.
    public static func dataPath(_ index: Int) -> String {
        let digits = String(index)
        return "events/" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".ndjson"
    }
}
