import Localization

/// What kind of thing an archive entry is.
public enum ArchiveEntryType: Sendable, Equatable, Hashable {
    /// A regular file with data.
    case regular
    /// A directory.
    case directory
    /// A symbolic link to `target`.
    case symlink(target: String)
    /// A hard link to an earlier entry `target`.
    case hardlink(target: String)
    /// A character device.
    case characterDevice
    /// A block device.
    case blockDevice
    /// A named pipe.
    case fifo
    /// A socket.
    case socket
    /// A type libarchive reported that none of the above covers.
    case other(mode: UInt32)

    /// A short name for messages, in both languages: `symlink`, `hard link`, `device`…
    public var name: Phrase { ArchiveText.typeName(self) }
}

/// The header of one archive entry: as read, or as to be written.
public struct ArchiveEntry: Sendable, Equatable {
    /// The entry's path as stored, or `nil` when it is not valid UTF-8 text.
    public var path: String?
    /// What the entry is.
    public var type: ArchiveEntryType
    /// The data size the header claims (0 for anything but regular files).
    public var size: Int64
    /// Permission bits (e.g. `0o644`).
    public var mode: UInt32
    /// Modification time, seconds since 1970.
    public var modificationTime: Int64

    /// Makes an entry header; defaults are the fixed metadata reproducible archives want.
    public init(
        path: String?, type: ArchiveEntryType = .regular, size: Int64 = 0, mode: UInt32 = 0o644,
        modificationTime: Int64 = 0
    ) {
        self.path = path
        self.type = type
        self.size = size
        self.mode = mode
        self.modificationTime = modificationTime
    }
}
