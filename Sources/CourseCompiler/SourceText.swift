import CourseModel
import Foundation
import MarkdownSyntax

/// Reading a source file as NFC text, reporting the first bad byte of a file that is not UTF-8.
enum SourceText {
    /// The file's text in NFC without a byte-order mark, or `nil` after reporting why it cannot be read.
    static func read(_ url: URL, reporter: inout Reporter) -> String? {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            reporter.error(
                CompilerText.cannotRead(url.lastPathComponent), at: .fileStart, hint: CompilerText.cannotReadHint)
            return nil
        }
        return decode(data, reporter: &reporter)
    }

    /// Decodes UTF-8 bytes; reports the position of the first invalid byte.
    static func decode(_ data: Data, reporter: inout Reporter) -> String? {
        let bytes = [UInt8](data)
        if let bad = firstInvalidByte(bytes) {
            reporter.error(
                CompilerText.notUTF8(String(bytes[bad], radix: 16, uppercase: true)),
                at: position(ofByte: bad, in: bytes), hint: CompilerText.notUTF8Hint)
            return nil
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return VietnameseText.nfc(text)
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence.
    static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error:
                // Re-scan from `offset` to find the exact bad byte: the decoder may have consumed a few.
                return offset
            }
        }
    }

    /// Line and character column of byte `offset`.
    static func position(ofByte offset: Int, in bytes: [UInt8]) -> SourcePosition {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let prefix = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self)
        return SourcePosition(line: line, column: prefix.count + 1)
    }
}
