import CArchive
import Foundation

/// Writes a tar archive, optionally zstd-compressed, one entry at a time, streaming.
///
/// Names are written as UTF-8 in restricted pax (plain ustar headers when a name fits, a pax
/// record only when it must), so `tar` and libarchive read them back on any machine. Every
/// entry gets owner 0:0 and no user or group names, so output depends on content alone.
public final class ArchiveWriter {
    /// The archive format.
    public enum Format: Sendable {
        /// pax, restricted to ustar headers where possible (the default: UTF-8 names work).
        case paxRestricted
        /// Plain ustar (tests use it to make archives the way other tools might).
        case ustar
        /// GNU tar.
        case gnutar
    }

    /// How the archive is compressed.
    public enum Compression: Sendable, Equatable {
        /// Not compressed.
        case none
        /// zstd at `level` (1–22), with `threads` compression workers (0: in the caller's thread).
        case zstd(level: Int, threads: Int = 0)
    }

    private let handle: OpaquePointer
    private let path: String
    private var isOpen = true
    private var entryOpen = false

    /// Opens `path` for writing (created or truncated).
    public convenience init(path: String, format: Format = .paxRestricted, compression: Compression) throws {
        try self.init(target: .path(path), name: path, format: format, compression: compression)
    }

    /// Writes to an open file descriptor, which stays open and owned by the caller.
    public convenience init(fileDescriptor: Int32, format: Format = .paxRestricted, compression: Compression) throws {
        try self.init(
            target: .descriptor(fileDescriptor), name: "fd \(fileDescriptor)", format: format, compression: compression)
    }

    private enum Target {
        case path(String)
        case descriptor(Int32)
    }

    private init(target: Target, name: String, format: Format, compression: Compression) throws {
        try ArchiveError.requireLibrary(for: name)
        ArchiveLocale.ensure()
        guard let handle = hocso_archive_write_new() else {
            throw ArchiveError(kind: .write, path: name, detail: "libarchive could not allocate a writer")
        }
        self.handle = handle
        self.path = name
        do {
            switch format {
            case .paxRestricted: try check(hocso_archive_write_set_format_pax_restricted(handle))
            case .ustar: try check(hocso_archive_write_set_format_ustar(handle))
            case .gnutar: try check(hocso_archive_write_set_format_gnutar(handle))
            }
            switch compression {
            case .none:
                try check(hocso_archive_write_add_filter_none(handle))
            case .zstd(let level, let threads):
                try check(hocso_archive_write_add_filter_zstd(handle))
                try check(hocso_archive_write_set_filter_option(handle, "zstd", "compression-level", String(level)))
                if threads > 0 {
                    try check(hocso_archive_write_set_filter_option(handle, "zstd", "threads", String(threads)))
                }
            }
            // Without this, zero padding to a 10240-byte block follows the zstd frame and breaks
            // libarchive's own zstd reader and `zstd -d`.
            try check(hocso_archive_write_set_bytes_in_last_block(handle, 1))
            switch target {
            case .path(let path): try check(hocso_archive_write_open_filename(handle, path))
            case .descriptor(let fd): try check(hocso_archive_write_open_fd(handle, fd))
            }
        } catch {
            // deinit runs for a class whose init throws after storing every property: it frees the handle.
            isOpen = false
            throw error
        }
    }

    deinit {
        // An archive abandoned after an error is freed without finishing it; the caller removes the file.
        hocso_archive_write_free(handle)
    }

    /// Starts an entry; for a regular file, write exactly `entry.size` bytes next, then `finishEntry()`.
    public func beginEntry(_ entry: ArchiveEntry) throws {
        guard isOpen else { throw misuse("entry added after close") }
        if entryOpen { try finishEntry() }
        guard let e = hocso_archive_entry_new2(handle) else {
            throw ArchiveError(kind: .write, path: path, detail: "libarchive could not allocate an entry")
        }
        defer { hocso_archive_entry_free(e) }
        hocso_archive_entry_set_pathname_utf8(e, entry.path ?? "")
        hocso_archive_entry_set_mtime(e, time_t(entry.modificationTime), 0)
        hocso_archive_entry_set_uid(e, 0)
        hocso_archive_entry_set_gid(e, 0)
        hocso_archive_entry_set_perm(e, entry.mode & 0o7777)
        switch entry.type {
        case .regular:
            hocso_archive_entry_set_filetype(e, FileTypeBits.regular)
            hocso_archive_entry_set_size(e, entry.size)
        case .directory:
            hocso_archive_entry_set_filetype(e, FileTypeBits.directory)
        case .symlink(let target):
            hocso_archive_entry_set_filetype(e, FileTypeBits.symlink)
            hocso_archive_entry_set_symlink_utf8(e, target)
        case .hardlink(let target):
            hocso_archive_entry_set_filetype(e, FileTypeBits.regular)
            hocso_archive_entry_set_hardlink_utf8(e, target)
            hocso_archive_entry_set_size(e, 0)
        case .characterDevice:
            hocso_archive_entry_set_filetype(e, FileTypeBits.characterDevice)
            hocso_archive_entry_set_rdev(e, makeDev(1, 3))
        case .blockDevice:
            hocso_archive_entry_set_filetype(e, FileTypeBits.blockDevice)
            hocso_archive_entry_set_rdev(e, makeDev(8, 0))
        case .fifo:
            hocso_archive_entry_set_filetype(e, FileTypeBits.fifo)
        case .socket:
            hocso_archive_entry_set_filetype(e, FileTypeBits.socket)
        case .other(let mode):
            hocso_archive_entry_set_filetype(e, mode & FileTypeBits.mask)
        }
        try check(hocso_archive_write_header(handle, e))
        entryOpen = true
    }

    /// Appends bytes to the current entry's data.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard entryOpen else { throw misuse("data written outside an entry") }
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        var offset = 0
        while offset < bytes.count {
            let written = hocso_archive_write_data(handle, base + offset, bytes.count - offset)
            if written < 0 { throw failure(.write) }
            if written == 0 { break }  // libarchive stops accepting data past the declared size
            offset += written
        }
    }

    /// Appends `data` to the current entry.
    public func write(_ data: Data) throws {
        try data.withUnsafeBytes { try write($0) }
    }

    /// Ends the current entry (libarchive pads short data with zeros to the declared size).
    public func finishEntry() throws {
        guard entryOpen else { return }
        entryOpen = false
        try check(hocso_archive_write_finish_entry(handle))
    }

    /// Adds a whole regular file held in memory.
    public func addFile(path: String, contents: Data, mode: UInt32 = 0o644) throws {
        try beginEntry(ArchiveEntry(path: path, type: .regular, size: Int64(contents.count), mode: mode))
        try write(contents)
        try finishEntry()
    }

    /// Finishes the archive: writes the end-of-archive blocks and flushes the compressor.
    public func close() throws {
        guard isOpen else { return }
        try finishEntry()
        isOpen = false
        try check(hocso_archive_write_close(handle))
    }

    private func check(_ status: Int32) throws {
        if status < ARCHIVE_WARN { throw failure(.write) }
    }

    private func failure(_ kind: ArchiveError.Kind) -> ArchiveError {
        let detail = hocso_archive_error_string(handle).map { String(cString: $0) } ?? "unknown libarchive error"
        return ArchiveError(kind: kind, path: path, detail: detail, systemError: hocso_archive_errno(handle))
    }

    private func misuse(_ message: String) -> ArchiveError {
        ArchiveError(kind: .misuse, path: path, detail: message)
    }

    private func makeDev(_ major: UInt64, _ minor: UInt64) -> UInt {
        UInt((major << 8) | minor)
    }
}
