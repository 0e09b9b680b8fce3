import Foundation

/// Small POSIX helpers: the store needs `fsync`, `O_NOFOLLOW`, `statvfs`, `rename` and symlinks,
/// which Foundation does not expose with the guarantees we rely on.
enum Posix {
    static func writeAll(_ fd: Int32, _ data: Data, path: String) throws {
        try data.withUnsafeBytes { try writeAll(fd, $0, path: path) }
    }

    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw PackError.io(path, .write, errno: errno)
            }
            offset += n
        }
    }

    /// Flushes a file or directory to disk (power cuts are common where packs are installed).
    static func fsyncPath(_ path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Free bytes available to unprivileged users on the file system holding `path`.
    static func freeBytes(at path: String) throws -> Int64 {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { throw PackError.io(path, .measureSpace, errno: errno) }
        return Int64(info.f_bavail) * Int64(info.f_frsize)
    }

    /// Creates a directory; an existing one is fine.
    static func makeDirectory(_ path: String, mode: mode_t = 0o755) throws {
        if mkdir(path, mode) != 0 && errno != EEXIST { throw PackError.io(path, .createFolder, errno: errno) }
    }

    /// Renames atomically (same file system).
    static func rename(_ from: String, _ to: String) throws {
        if Glibc.rename(from, to) != 0 { throw PackError.io(from, .rename, errno: errno) }
    }

    /// The target of the symlink at `path`, or `nil` if it is not one.
    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Removes a file or a whole directory tree, ignoring what is already gone.
    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}

extension Posix {
    /// Writes a whole small file, failing if it exists.
    static func writeFile(_ path: String, _ data: Data) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw PackError.io(path, .create, errno: errno) }
        defer { close(fd) }
        try writeAll(fd, data, path: path)
        if fsync(fd) != 0 { throw PackError.io(path, .write, errno: errno) }
    }
}
