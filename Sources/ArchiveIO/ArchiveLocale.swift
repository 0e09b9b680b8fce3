import CArchive
import Foundation

/// libarchive converts names through the C library's character set: in the default "C" locale
/// non-ASCII names read back as nil and the pax writer can crash, so set a UTF-8 `LC_CTYPE`
/// once, before the first archive is opened. Only the character-type category is touched, so
/// number formatting elsewhere in the process is unchanged.
enum ArchiveLocale {
    /// Evaluated once, thread-safely, by Swift's lazy global initialisation.
    private static let ready: Bool = {
        if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "en_US.UTF-8") }
        return true
    }()

    /// Makes sure the locale is set.
    static func ensure() { _ = ready }
}

/// File-type bits as libarchive uses them. They are the POSIX `S_IF*` values; the shim re-exports
/// the ones libarchive's own macros define, and the rest carry the same octal numbers.
enum FileTypeBits {
    static let mask = UInt32(hocso_AE_IFMT)
    static let regular = UInt32(hocso_AE_IFREG)
    static let directory = UInt32(hocso_AE_IFDIR)
    static let symlink = UInt32(hocso_AE_IFLNK)
    static let characterDevice: UInt32 = 0o020000
    static let blockDevice: UInt32 = 0o060000
    static let fifo: UInt32 = 0o010000
    static let socket: UInt32 = 0o140000
}
