import Glibc
import Localization

/// The rules every path inside a pack obeys, checked when building and again when reading.
enum PackPath {
    /// Why `path` is unsafe to extract, or `nil` when it is a plain relative path. The phrase
    /// completes "entry 'PATH' …".
    static func problem(_ path: String) -> Phrase? {
        if path.isEmpty { return Phrase(vi: "có tên rỗng", en: "has an empty name") }
        if path.utf8.count > 1024 {
            return Phrase(vi: "có tên dài hơn 1024 byte", en: "has a name longer than 1024 bytes")
        }
        if path.hasPrefix("/") { return Phrase(vi: "là đường dẫn tuyệt đối", en: "is an absolute path") }
        if path.contains("\\") { return Phrase(vi: "chứa dấu gạch ngược", en: "contains a backslash") }
        if path.unicodeScalars.contains(where: ControlCharacters.isControl) {
            return Phrase(vi: "chứa ký tự điều khiển", en: "contains a control character")
        }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if components.contains("..") { return Phrase(vi: "thoát ra ngoài gói ('..')", en: "escapes the pack") }
        if components.contains(where: { $0.isEmpty || $0 == "." }) {
            return Phrase(vi: "có phần đường dẫn rỗng hoặc là '.'", en: "has an empty or '.' path component")
        }
        if components.contains(where: { $0.utf8.count > 255 }) {
            return Phrase(
                vi: "có phần đường dẫn dài hơn 255 byte", en: "has a path component longer than 255 bytes")
        }
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
        guard fd >= 0 else { throw PackError.io(path, .open, errno: errno) }
        defer { close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var total: Int64 = 0
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, chunkSize)
            if n < 0 {
                if errno == EINTR { continue }
                throw PackError.io(path, .read, errno: errno)
            }
            if n == 0 { return total }
            total += Int64(n)
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
    }
}
