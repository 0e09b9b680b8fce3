import CourseModel
import MarkdownSyntax

/// The options comment after a heading: `<!-- id: otp-1; points: 2; shuffle: no -->`.
extension LessonCompiler {
    /// One `key: value` of an options comment, with the value's position.
    struct OptionValue {
        var value: String
        var keyPosition: SourcePosition
        var position: SourcePosition
    }

    static let questionOptions = ["id", "points", "shuffle", "match", "scoring"]

    /// Reads the comment's options; reports malformed entries and keys not in `allowed`.
    mutating func readOptions(_ comment: MarkdownNode, allowed: [String], heading: MarkdownNode) -> [String:
        OptionValue]?
    {
        guard case .htmlBlock(let literal) = comment.kind else { return nil }
        let characters = Array(literal)
        guard let open = literal.range(of: "<!--"),
            let close = literal.range(of: "-->", range: open.upperBound..<literal.endIndex)
        else {
            reporter.error(
                "options comment is not closed", at: comment.start, hint: "end it with '-->' on the same line")
            return nil
        }
        // Work on character offsets so positions are in characters, like every other column.
        let innerStart = literal.distance(from: literal.startIndex, to: open.upperBound)
        let innerEnd = literal.distance(from: literal.startIndex, to: close.lowerBound)
        var options: [String: OptionValue] = [:]
        var entryStart = innerStart
        var index = innerStart
        while index <= innerEnd {
            if index == innerEnd || characters[index] == ";" || characters[index].isNewline {
                readEntry(characters, entryStart..<index, comment: comment, allowed: allowed, into: &options)
                entryStart = index + 1
            }
            index += 1
        }
        return options
    }

    private mutating func readEntry(
        _ characters: [Character], _ range: Range<Int>, comment: MarkdownNode, allowed: [String],
        into options: inout [String: OptionValue]
    ) {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, characters[lower].isWhitespace { lower += 1 }
        while upper > lower, characters[upper - 1].isWhitespace { upper -= 1 }
        guard lower < upper else { return }
        let entry = String(characters[lower..<upper])
        let entryPosition = position(ofOffset: lower, in: characters, comment: comment)
        guard let colon = characters[lower..<upper].firstIndex(of: ":") else {
            reporter.error(
                "option '\(entry)' has no value", at: entryPosition,
                hint: "write options as 'key: value' separated by ';', e.g. '<!-- id: cau-1; points: 2 -->'")
            return
        }
        let key = String(characters[lower..<colon]).trimmingCharacters(in: .whitespaces).lowercased()
        var valueStart = colon + 1
        while valueStart < upper, characters[valueStart].isWhitespace { valueStart += 1 }
        let value = String(characters[valueStart..<upper])
        guard allowed.contains(key) else {
            let guess = Spelling.nearest(to: key, in: allowed)
            reporter.error(
                "unknown option '\(key)'", at: entryPosition,
                hint: guess.map { "did you mean '\($0)'?" } ?? "options here: \(allowed.joined(separator: ", "))")
            return
        }
        if options[key] != nil {
            reporter.error("option '\(key)' is given twice", at: entryPosition)
            return
        }
        options[key] = OptionValue(
            value: value, keyPosition: entryPosition,
            position: position(ofOffset: valueStart, in: characters, comment: comment))
    }

    /// The file position of character `offset` of the comment's literal.
    private func position(ofOffset offset: Int, in characters: [Character], comment: MarkdownNode) -> SourcePosition {
        var line = comment.start.line
        var column = comment.start.column
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
