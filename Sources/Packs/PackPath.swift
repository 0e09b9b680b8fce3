import Glibc

/// The rules every path inside a pack obeys, checked when building and again when reading.
enum PackPath {
    /// Why `path` is unsafe to extract, or `nil` when it is a plain relative path.
    static func problem(_ path: String) -> String? {
        if path.isEmpty { return "has an empty name" }
        if path.utf8.count > 1024 { return "has a name longer than 1024 bytes" }
        if path.hasPrefix("/") { return "is an absolute path" }
        if path.contains("\\") { return "contains a backslash" }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "contains a control character"
        }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if components.contains("..") { return "escapes the pack" }
        if components.contains(where: { $0.isEmpty || $0 == "." }) { return "has an empty or '.' path component" }
        if components.contains(where: { $0.utf8.count > 255 }) { return "has a path component longer than 255 bytes" }
        return nil
    }
}

/// Helpers for reading files in chunks without holding them in memory.
enum FileChunks {
    static let chunkSize = 256 * 1024

    /// Calls `body` with successive chunks of the regular file at `path`; returns its size.
    @discardableResult
    static func read(_ path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Int64 {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw PackError.io(path, "open", errno: errno) }
        defer { close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var total: Int64 = 0
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, chunkSize)
            if n < 0 {
                if errno == EINTR { continue }
                throw PackError.io(path, "read", errno: errno)
            }
            if n == 0 { return total }
            total += Int64(n)
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
    }
}
