/// Turns cmark's byte columns into character columns, so positions read right for Vietnamese text.
struct ColumnMap {
    private let lines: [[UInt8]]

    init(_ text: String) {
        var lines: [[UInt8]] = [[]]
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") { lines.append([]) } else { lines[lines.count - 1].append(byte) }
        }
        self.lines = lines
    }

    /// The position of the byte at `byteColumn` (1-based) on `line` (1-based), in characters.
    func position(line: Int, byteColumn: Int) -> SourcePosition {
        guard line >= 1, line <= lines.count, byteColumn > 1 else {
            return SourcePosition(line: max(line, 1), column: max(byteColumn, 1))
        }
        let bytes = lines[line - 1]
        let prefix = bytes.prefix(byteColumn - 1)
        let characters = String(decoding: prefix, as: UTF8.self).count
        // Past the end of the line (cmark points one past a line's last byte at times) keep counting bytes.
        let beyond = max(0, byteColumn - 1 - bytes.count)
        return SourcePosition(line: line, column: characters + beyond + 1)
    }
}
