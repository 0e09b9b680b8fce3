/// The fixed facts of the pack format, shared by the builder, the verifier and the store.
public enum PackFormat {
    /// The format version this code writes: 2 since course.json leaves out option and item ids
    /// derived from their text (version 1 readers would find them missing).
    public static let formatVersion = 2
    /// The newest format (and `minReader`) this code can read; version 1 packs still read.
    public static let readerVersion = 2
    /// File name extension of a pack.
    public static let fileExtension = "hspack"
    /// The zstd level packs are written at: slow links and USB sticks favour size over build time.
    public static let defaultCompressionLevel = 19
    /// zstd worker threads packs are written with; part of what makes a build reproducible.
    public static let compressionThreads = 1
    /// Version string of the library, used in `builtBy` when the caller gives none.
    public static let libraryVersion = "0.1.0"

    /// The manifest entry, always first.
    public static let manifestPath = "manifest.json"
    /// The signature entry, second when present.
    public static let signaturePath = "manifest.sig"
    /// The compiled course entry.
    public static let coursePath = "course.json"
    /// Folder prefix of every asset entry.
    public static let assetsPrefix = "assets/"

    /// Largest `manifest.json`, `manifest.sig` we read into memory (they are small; this guards memory).
    static let maxMetadataBytes = 64 * 1024 * 1024
    /// Largest `course.json`: it is read whole to be decoded, here and by the learner client
    /// (the 1,000-lesson benchmark course is 6.6 MB).
    static let maxCourseBytes = 64 * 1024 * 1024

    /// The file name of a pack: `<id>-<version>.hspack`.
    public static func fileName(courseId: String, version: Int) -> String {
        "\(courseId)-\(version).\(fileExtension)"
    }
}
