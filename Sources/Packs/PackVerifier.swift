import CourseModel
import Foundation

/// Checks a pack without installing it: format, signature and trust, every path, type, size and hash.
public struct PackVerifier: Sendable {
    /// Bounds that the pack must stay within.
    public var maxEntries: Int
    /// Bound on the total uncompressed bytes.
    public var maxTotalBytes: Int64

    /// Makes a verifier with the install policy's default bounds.
    public init(
        maxEntries: Int = InstallPolicy.defaultMaxEntries, maxTotalBytes: Int64 = InstallPolicy.defaultMaxTotalBytes
    ) {
        self.maxEntries = maxEntries
        self.maxTotalBytes = maxTotalBytes
    }

    /// Verifies `pack` and returns its manifest, or throws a `PackError` naming what failed.
    ///
    /// A pack signed by a key outside a non-empty `trustedKeys` is refused; with
    /// `requireSignature`, so is an unsigned pack or one no trusted key signed. A signature
    /// that does not verify is always refused.
    public func verify(pack: URL, trustedKeys: [PublicKey], requireSignature: Bool) throws -> PackManifest {
        try inspect(pack: pack, trustedKeys: trustedKeys, requireSignature: requireSignature).manifest
    }

    /// Verifies `pack` like `verify`, and also says who signed it and whether that key is trusted.
    public func inspect(pack: URL, trustedKeys: [PublicKey] = [], requireSignature: Bool = false) throws
        -> PackInspection
    {
        let contents = try PackReader(
            trustedKeys: trustedKeys, requireSignature: requireSignature,
            limits: PackLimits(maxEntries: maxEntries, maxTotalBytes: maxTotalBytes)
        ).read(pack: pack)
        guard let manifest = contents.manifest, let course = contents.course else {
            throw PackError.refused(.badCourse, pack: pack.path, "the manifest and course.json were not decoded whole")
        }
        return PackInspection(
            manifest: manifest, signer: contents.signer, isTrusted: contents.isTrusted, course: course)
    }
}

/// A verified pack's manifest, signature state and course.
public struct PackInspection: Sendable {
    /// The manifest.
    public var manifest: PackManifest
    /// The key that signed the pack, if signed (the signature verified).
    public var signer: PublicKey?
    /// Whether the signer is among the trusted keys given.
    public var isTrusted: Bool
    /// The compiled course.
    public var course: Course
}
