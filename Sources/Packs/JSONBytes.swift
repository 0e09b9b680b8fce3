/// Byte classes the pack's JSON scanners (`CourseIdentityScanner`, `ManifestOutline`) share.
enum JSONBytes {
    /// Whether `byte` is JSON whitespace (space, tab, line feed, carriage return).
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
