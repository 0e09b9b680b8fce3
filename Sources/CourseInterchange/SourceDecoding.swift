import CourseModel
import Foundation

/// Turning an imported file's bytes into NFC lines with their positions.
enum SourceDecoding {
    /// One line of the file: its characters (no line ending) and its number.
    struct Line {
        var characters: [Character]
        var number: Int

        var isBlank: Bool { characters.allSatisfy(\.isWhitespace) }
        /// The line without leading and trailing white space.
        var trimmed: String {
            String(characters).trimmingCharacters(in: .whitespaces)
        }
    }

    /// The file's lines, or `nil` after reporting why the bytes are not text.
    ///
    /// A UTF-8 byte-order mark is dropped; `\r\n`, `\n` and `\r` all end a line; the text is
    /// put in NFC (Vietnamese typed in NFD or with the other tone placement reads the same), and
    /// columns count characters of the NFC text, as the course compiler counts them.
    static func lines(_ data: Data, log: inout DiagnosticLog) -> [Line]? {
        let bytes = [UInt8](data)
        if let bad = firstInvalidByte(bytes) {
            log.error(
                InterchangeText.notUTF8(byte: bytes[bad]), at: position(ofByte: bad, in: bytes),
                hint: InterchangeText.notUTF8Hint)
            return nil
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var lines: [Line] = []
        var current: [Character] = []
        for character in text {
            // Swift reads "\r\n" as one character, so every line ending is one newline character.
            if character.isNewline && (character == "\n" || character == "\r\n" || character == "\r") {
                lines.append(Line(characters: nfc(current), number: lines.count + 1))
                current = []
            } else if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control })
                && character != "\t"
            {
                // Control characters (a NUL, a form feed) carry nothing a learner can read.
                current.append(" ")
            } else {
                current.append(character)
            }
        }
        lines.append(Line(characters: nfc(current), number: lines.count + 1))
        return lines
    }

    private static func nfc(_ characters: [Character]) -> [Character] {
        Array(VietnameseText.nfc(String(characters)))
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence.
    static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
        var offset = 0
        while offset < bytes.count {
            let lead = bytes[offset]
            let width: Int
            switch lead {
            case 0x00...0x7F: width = 1
            case 0xC2...0xDF: width = 2
            case 0xE0...0xEF: width = 3
            case 0xF0...0xF4: width = 4
            default: return offset
            }
            guard offset + width <= bytes.count else { return offset }
            let sequence = Array(bytes[offset..<offset + width])
            var decoder = UTF8()
            var iterator = sequence.makeIterator()
            guard case .scalarValue = decoder.decode(&iterator) else { return offset }
            offset += width
        }
        return nil
    }

    /// Line and character column of byte `offset`.
    static func position(ofByte offset: Int, in bytes: [UInt8]) -> TextPosition {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let prefix = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self)
        return TextPosition(line: line, column: prefix.count + 1)
    }
}
