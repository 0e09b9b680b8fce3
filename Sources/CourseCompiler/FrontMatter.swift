import MarkdownSyntax

/// A lesson file split into its YAML front matter and its Markdown body.
struct FrontMatter {
    /// The YAML between the `---` lines, `nil` when the file has none.
    var yaml: String?
    /// The Markdown after the closing `---`.
    var body: String
    /// How many lines precede the body: add it to body positions to get file positions.
    var bodyLineOffset: Int

    /// Splits `text`; an unclosed block is reported and the whole file is treated as body.
    static func split(_ text: String, reporter: inout Reporter) -> FrontMatter {
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        func isFence(_ line: Substring, allowDots: Bool) -> Bool {
            var trimmed = line
            while let last = trimmed.last, last == " " || last == "\t" || last == "\r" { trimmed.removeLast() }
            return trimmed == "---" || (allowDots && trimmed == "...")
        }
        guard let first = lines.first, isFence(first, allowDots: false) else {
            return FrontMatter(yaml: nil, body: text, bodyLineOffset: 0)
        }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0], allowDots: true) }) else {
            reporter.error(
                CompilerText.frontMatterNotClosed, at: .fileStart, hint: CompilerText.frontMatterNotClosedHint)
            return FrontMatter(yaml: nil, body: text, bodyLineOffset: 0)
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        lines.removeFirst(close + 1)
        return FrontMatter(yaml: yaml, body: lines.joined(separator: "\n"), bodyLineOffset: close + 1)
    }
}

extension MarkdownNode {
    /// The same tree with every line moved down by `lines` (to undo stripping front matter).
    func shifted(byLines lines: Int) -> MarkdownNode {
        guard lines != 0 else { return self }
        var copy = self
        copy.start.line += lines
        copy.end.line += lines
        copy.children = children.map { $0.shifted(byLines: lines) }
        return copy
    }
}
