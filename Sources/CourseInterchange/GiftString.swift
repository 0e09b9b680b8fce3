/// A stretch of GIFT text after escapes are resolved, each character with its file position.
///
/// GIFT's control characters (`~ = # { } :`) only count when not escaped with `\`, so the
/// reader works on these characters rather than on a `String`: `\=` is an `=` that is text.
struct GiftString: Sendable {
    /// One character of the text.
    struct Unit: Sendable {
        var character: Character
        /// Written with a backslash, so never a control character.
        var escaped: Bool
        var position: TextPosition
    }

    var units: [Unit]

    init(_ units: [Unit] = []) { self.units = units }

    /// Resolves escapes in a block's lines joined by newlines: `\\` `\~` `\=` `\#` `\{` `\}` `\:` and `\n`.
    ///
    /// A backslash before any other character stays a backslash, as in Moodle.
    init(lines: [SourceDecoding.Line]) {
        var raw: [(Character, TextPosition)] = []
        for (index, line) in lines.enumerated() {
            if index > 0 {
                let previous = lines[index - 1]
                raw.append(("\n", TextPosition(line: previous.number, column: previous.characters.count + 1)))
            }
            for (column, character) in line.characters.enumerated() {
                raw.append((character, TextPosition(line: line.number, column: column + 1)))
            }
        }
        var units: [Unit] = []
        var index = 0
        while index < raw.count {
            let (character, position) = raw[index]
            if character == "\\", index + 1 < raw.count {
                let next = raw[index + 1].0
                if "\\~=#{}:".contains(next) {
                    units.append(Unit(character: next, escaped: true, position: position))
                    index += 2
                    continue
                }
                if next == "n" {
                    units.append(Unit(character: "\n", escaped: true, position: position))
                    index += 2
                    continue
                }
            }
            units.append(Unit(character: character, escaped: false, position: position))
            index += 1
        }
        self.units = units
    }

    var isEmpty: Bool { units.isEmpty }
    var count: Int { units.count }
    /// The text, escapes resolved.
    var text: String { String(units.map(\.character)) }
    /// Where the text starts, if it has any character.
    var position: TextPosition? { units.first?.position }

    subscript(range: Range<Int>) -> GiftString { GiftString(Array(units[range])) }

    /// Whether `index` holds the unescaped control character `character`.
    func isControl(_ character: Character, at index: Int) -> Bool {
        index >= 0 && index < units.count && !units[index].escaped && units[index].character == character
    }

    /// The first index at or after `start` where the unescaped `sequence` begins.
    func firstIndex(of sequence: String, from start: Int = 0) -> Int? {
        let needle = Array(sequence)
        guard !needle.isEmpty, units.count >= needle.count, start <= units.count - needle.count else { return nil }
        for index in start...(units.count - needle.count) where matches(needle, at: index) { return index }
        return nil
    }

    /// The last index where the unescaped `sequence` begins.
    func lastIndex(of sequence: String) -> Int? {
        let needle = Array(sequence)
        guard !needle.isEmpty, units.count >= needle.count else { return nil }
        for index in stride(from: units.count - needle.count, through: 0, by: -1) where matches(needle, at: index) {
            return index
        }
        return nil
    }

    private func matches(_ needle: [Character], at index: Int) -> Bool {
        for (offset, character) in needle.enumerated() where !isControl(character, at: index + offset) {
            return false
        }
        return true
    }

    /// The text without leading and trailing white space (escaped newlines count as white space too).
    func trimmed() -> GiftString {
        var lower = 0
        var upper = units.count
        while lower < upper, units[lower].character.isWhitespace { lower += 1 }
        while upper > lower, units[upper - 1].character.isWhitespace { upper -= 1 }
        return self[lower..<upper]
    }

    /// The pieces between unescaped `separator`s, each with the separator's index (`nil` for the first).
    func split(on separator: Character) -> [(piece: GiftString, separatorIndex: Int?)] {
        var pieces: [(GiftString, Int?)] = []
        var start = 0
        var separatorIndex: Int?
        for index in units.indices where isControl(separator, at: index) {
            pieces.append((self[start..<index], separatorIndex))
            start = index + 1
            separatorIndex = index
        }
        pieces.append((self[start..<units.count], separatorIndex))
        return pieces
    }

    /// Whether the text starts with the unescaped `prefix`.
    func hasPrefix(_ prefix: String) -> Bool { units.count >= prefix.count && matches(Array(prefix), at: 0) }

    /// The text without its first `count` characters.
    func dropFirst(_ count: Int) -> GiftString { self[min(count, units.count)..<units.count] }
}
