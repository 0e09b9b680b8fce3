import CArchive
import Foundation

/// Reads an archive entry by entry, streaming each entry's data in chunks.
///
/// Any compression and format libarchive recognises is accepted (zstd, xz, gzip…; tar, zip,
/// cpio…), so a file that is not a pack is read far enough to be refused by name rather than
/// failing obscurely. Damage anywhere surfaces as an `ArchiveError`, never a crash.
public final class ArchiveReader {
    private let handle: OpaquePointer
    private let path: String
    private var finished = false
    /// What the reader owns besides the handle: the file it opened, or its copy of the bytes.
    private var fileDescriptor: Int32 = -1
    private var memory: UnsafeMutableRawBufferPointer?

    /// Opens the archive at `path`; a file that cannot be opened is named with the system's reason.
    public init(path: String, blockSize: Int = 256 * 1024) throws {
        handle = try Self.makeHandle(path)
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            // deinit runs for a class whose init throws after storing every property: it frees the handle.
            finished = true
            throw ArchiveError(kind: .open, path: path, detail: "open(2) failed", systemError: code)
        }
        fileDescriptor = fd
        try opened(hocso_archive_read_open_fd(handle, fd, blockSize))
    }

    /// Reads an archive held in memory (a copy is kept for the reader's lifetime); `name` is
    /// what messages call it.
    public init(bytes: Data, name: String) throws {
        handle = try Self.makeHandle(name)
        path = name
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.copyBytes(to: copy)
        memory = copy
        try opened(hocso_archive_read_open_memory(handle, copy.baseAddress, bytes.count))
    }

    private static func makeHandle(_ name: String) throws -> OpaquePointer {
        try ArchiveError.requireLibrary(for: name)
        ArchiveLocale.ensure()
        guard let handle = hocso_archive_read_new() else {
            throw ArchiveError(kind: .open, path: name, detail: "libarchive could not allocate a reader")
        }
        hocso_archive_read_support_filter_all(handle)
        hocso_archive_read_support_format_all(handle)
        return handle
    }

    private func opened(_ status: Int32) throws {
        guard status != ARCHIVE_OK else { return }
        finished = true
        let detail = hocso_archive_error_string(handle).map { String(cString: $0) } ?? "unknown libarchive error"
        throw ArchiveError(kind: .open, path: path, detail: detail)
    }

    deinit {
        hocso_archive_read_free(handle)
        if fileDescriptor >= 0 { close(fileDescriptor) }
        memory?.deallocate()
    }

    /// The next entry's header, or `nil` at the end of the archive.
    public func nextEntry() throws -> ArchiveEntry? {
        guard !finished else { return nil }
        var entry: OpaquePointer?
        let status = hocso_archive_read_next_header(handle, &entry)
        if status == ARCHIVE_EOF {
            finished = true
            return nil
        }
        // ARCHIVE_WARN is a readable entry with a complaint (e.g. a name in a foreign charset);
        // what matters about the entry is checked by the caller.
        guard status >= ARCHIVE_WARN, let entry else {
            finished = true
            throw failure()
        }
        return describe(entry)
    }

    /// Reads up to `buffer.count` bytes of the current entry's data; 0 at its end.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        let count = hocso_archive_read_data(handle, base, buffer.count)
        if count < 0 {
            finished = true
            throw failure()
        }
        return count
    }

    /// Streams the current entry's data to `body` in chunks of at most `chunkSize` bytes.
    public func readData(chunkSize: Int = 256 * 1024, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = try read(into: buffer)
            if count == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// The current entry's data, whole, refusing more than `limit` bytes.
    public func readAll(limit: Int) throws -> Data {
        var data = Data()
        try readData { chunk in
            guard data.count + chunk.count <= limit else {
                throw ArchiveError(kind: .corrupt, path: path, detail: "entry data exceeds \(limit) bytes")
            }
            data.append(contentsOf: chunk)
        }
        return data
    }

    /// The archive format libarchive detected (after the first header), e.g. `POSIX pax interchange format`.
    public var formatName: String {
        hocso_archive_format_name(handle).map { String(cString: $0) } ?? "unknown"
    }

    private func describe(_ entry: OpaquePointer) -> ArchiveEntry {
        let path = hocso_archive_entry_pathname_utf8(entry).map { String(cString: $0) }
        let bits = UInt32(hocso_archive_entry_filetype(entry)) & FileTypeBits.mask
        let type: ArchiveEntryType
        if let link = hocso_archive_entry_hardlink_utf8(entry) ?? hocso_archive_entry_hardlink(entry) {
            type = .hardlink(target: String(cString: link))
        } else {
            switch bits {
            case FileTypeBits.regular: type = .regular
            case FileTypeBits.directory: type = .directory
            case FileTypeBits.symlink:
                let target = (hocso_archive_entry_symlink_utf8(entry) ?? hocso_archive_entry_symlink(entry)).map {
                    String(cString: $0)
                }
                type = .symlink(target: target ?? "")
            case FileTypeBits.characterDevice: type = .characterDevice
            case FileTypeBits.blockDevice: type = .blockDevice
            case FileTypeBits.fifo: type = .fifo
            case FileTypeBits.socket: type = .socket
            default: type = .other(mode: bits)
            }
        }
        return ArchiveEntry(
            path: path, type: type,
            size: hocso_archive_entry_size_is_set(entry) != 0 ? hocso_archive_entry_size(entry) : 0,
            mode: UInt32(hocso_archive_entry_perm(entry)),
            modificationTime: Int64(hocso_archive_entry_mtime(entry)))
    }

    private func failure() -> ArchiveError {
        let detail = hocso_archive_error_string(handle).map { String(cString: $0) } ?? "unknown libarchive error"
        return ArchiveError(kind: .corrupt, path: path, detail: detail)
    }
}
