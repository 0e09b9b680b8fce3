/// What `ContentStore.install` accepts besides the store's trust list.
public struct InstallPolicy: Sendable {
    /// Default bound on the number of entries in a pack.
    public static let defaultMaxEntries = 10_000
    /// Default bound on the uncompressed bytes of a pack (1 GiB).
    public static let defaultMaxTotalBytes: Int64 = 1 << 30
    /// Default free space to leave on the disk (50 MB).
    public static let defaultReserveBytes: Int64 = 50_000_000

    /// Whether an unsigned pack, or one signed by a key outside the store's trust list, may be
    /// installed although the list is not empty (the operator's explicit override).
    public var allowUntrusted: Bool
    /// Free bytes that must remain on the store's disk after installing.
    public var reserveBytes: Int64
    /// Most entries a pack may have (guards against decompression bombs).
    public var maxEntries: Int
    /// Most uncompressed bytes a pack may expand to.
    public var maxTotalBytes: Int64
    /// Whether an older version may replace a newer installed one.
    public var allowDowngrade: Bool

    /// Makes a policy; the defaults follow the trust list, refuse downgrades and keep 50 MB free.
    public init(
        allowUntrusted: Bool = false, reserveBytes: Int64 = defaultReserveBytes, maxEntries: Int = defaultMaxEntries,
        maxTotalBytes: Int64 = defaultMaxTotalBytes, allowDowngrade: Bool = false
    ) {
        self.allowUntrusted = allowUntrusted
        self.reserveBytes = reserveBytes
        self.maxEntries = maxEntries
        self.maxTotalBytes = maxTotalBytes
        self.allowDowngrade = allowDowngrade
    }

    var limits: PackLimits { PackLimits(maxEntries: maxEntries, maxTotalBytes: maxTotalBytes) }
}
