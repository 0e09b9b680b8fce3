import Foundation
import MarkdownSyntax

/// The `key: value` entries of an HTML comment (`<!-- id: otp-1; points: 2 -->`), with the
/// file position of each key and value, for options comments and fact markers alike.
struct CommentEntries {
    /// One entry; `key` is `nil` when the entry has no colon.
    struct Entry {
        var key: String?
        var value: String
        /// The entry's text as written (for "option 'x' has no value").
        var text: String
        var keyPosition: SourcePosition
        var valuePosition: SourcePosition
    }

    /// The entries in written order.
    var entries: [Entry]

    /// Reads `literal` (`<!-- … -->`) that starts at `start`; `nil` when the comment is not closed.
    /// Entries are separated by `;` or a line break; keys are lower-cased.
    init?(_ literal: String, at start: SourcePosition) {
        let characters = Array(literal)
        guard let open = literal.range(of: "<!--"),
            let close = literal.range(of: "-->", range: open.upperBound..<literal.endIndex)
        else { return nil }
        // Work on character offsets so positions are in characters, like every other column.
        let innerStart = literal.distance(from: literal.startIndex, to: open.upperBound)
        let innerEnd = literal.distance(from: literal.startIndex, to: close.lowerBound)
        var entries: [Entry] = []
        var entryStart = innerStart
        var index = innerStart
        while index <= innerEnd {
            if index == innerEnd || characters[index] == ";" || characters[index].isNewline {
                if let entry = Self.entry(characters, entryStart..<index, start: start) { entries.append(entry) }
                entryStart = index + 1
            }
            index += 1
        }
        self.entries = entries
    }

    private static func entry(_ characters: [Character], _ range: Range<Int>, start: SourcePosition) -> Entry? {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, characters[lower].isWhitespace { lower += 1 }
        while upper > lower, characters[upper - 1].isWhitespace { upper -= 1 }
        guard lower < upper else { return nil }
        let text = String(characters[lower..<upper])
        let keyPosition = position(ofOffset: lower, in: characters, start: start)
        guard let colon = characters[lower..<upper].firstIndex(of: ":") else {
            return Entry(key: nil, value: text, text: text, keyPosition: keyPosition, valuePosition: keyPosition)
        }
        let key = String(characters[lower..<colon]).trimmingCharacters(in: .whitespaces).lowercased()
        var valueStart = colon + 1
        while valueStart < upper, characters[valueStart].isWhitespace { valueStart += 1 }
        return Entry(
            key: key, value: String(characters[valueStart..<upper]), text: text, keyPosition: keyPosition,
            valuePosition: position(ofOffset: valueStart, in: characters, start: start))
    }

    /// The file position of character `offset` of the comment's literal.
    static func position(ofOffset offset: Int, in characters: [Character], start: SourcePosition) -> SourcePosition {
        var line = start.line
        var column = start.column
        for character in characters[0..<min(offset, characters.count)] {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourcePosition(line: line, column: column)
    }
}
