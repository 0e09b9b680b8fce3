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

    static let questionOptions = ["id", "points", "shuffle", "match", "scoring", "fact", "not-a-fact"]

    /// Reads the comment's options; reports malformed entries and keys not in `allowed`.
    mutating func readOptions(_ comment: MarkdownNode, allowed: [String], heading: MarkdownNode) -> [String:
        OptionValue]?
    {
        guard case .htmlBlock(let literal) = comment.kind else { return nil }
        guard let parsed = CommentEntries(literal, at: comment.start) else {
            reporter.error(CompilerText.optionsNotClosed, at: comment.start, hint: CompilerText.optionsNotClosedHint)
            return nil
        }
        var options: [String: OptionValue] = [:]
        for entry in parsed.entries {
            guard let key = entry.key else {
                reporter.error(
                    CompilerText.optionHasNoValue(entry.text), at: entry.keyPosition,
                    hint: CompilerText.optionFormatHint)
                continue
            }
            guard allowed.contains(key) else {
                let guess = Spelling.nearest(to: key, in: allowed)
                reporter.error(
                    CompilerText.unknownOption(key), at: entry.keyPosition,
                    hint: guess.map(CompilerText.didYouMean) ?? CompilerText.optionsHere(allowed))
                continue
            }
            if options[key] != nil {
                reporter.error(CompilerText.optionTwice(key), at: entry.keyPosition)
                continue
            }
            options[key] = OptionValue(
                value: entry.value, keyPosition: entry.keyPosition, position: entry.valuePosition)
        }
        return options
    }
}
