import CourseModel
import Foundation

/// Checks a pack without installing it: format, signature and trust, every path, type, size and
/// hash, and the course itself. Install reads packs through the same code, so a pack this
/// accepts under a store's trust policy is one `ContentStore.install` accepts, and the other
/// way round (besides the store's own rules: downgrades, disk space).
public struct PackVerifier: Sendable {
    /// Most entries a pack may have.
    public var maxEntries: Int
    /// Most uncompressed bytes a pack may expand to.
    public var maxTotalBytes: Int64

    /// Makes a verifier with the install policy's default bounds.
    public init(
        maxEntries: Int = InstallPolicy.defaultMaxEntries, maxTotalBytes: Int64 = InstallPolicy.defaultMaxTotalBytes
    ) {
        self.maxEntries = maxEntries
        self.maxTotalBytes = maxTotalBytes
    }

    /// Verifies the pack file at `pack` under `trust`; throws a `PackError` naming what failed.
    public func verify(pack: URL, trust: TrustPolicy = TrustPolicy()) throws -> PackInspection {
        try verify(.file(pack), trust: trust)
    }

    /// Verifies a pack from `source`, a file or bytes in memory (what a fuzzer wraps).
    public func verify(_ source: PackSource, trust: TrustPolicy = TrustPolicy()) throws -> PackInspection {
        let contents = try PackReader(
            trust: trust, limits: PackLimits(maxEntries: maxEntries, maxTotalBytes: maxTotalBytes)
        ).read(source)
        return PackInspection(
            manifest: contents.manifest, signer: contents.signer, isTrusted: contents.isTrusted,
            course: contents.course)
    }
}

/// A verified pack's manifest, signature state and course.
public struct PackInspection: Sendable, Equatable {
    /// The manifest.
    public var manifest: PackManifest
    /// The key that signed the pack, if signed (the signature verified).
    public var signer: PublicKey?
    /// Whether the signer is among the trusted keys given.
    public var isTrusted: Bool
    /// The compiled course.
    public var course: Course
}
