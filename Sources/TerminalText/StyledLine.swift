/// A run of text in one style.
struct Span: Sendable, Hashable {
    var text: String
    var style: TextStyle

    init(_ text: String, _ style: TextStyle = .plain) {
        self.text = text
        self.style = style
    }
}

/// One line of output before it is written: styled spans, no line breaks, no escapes.
///
/// Renderers compose lines (prefix a quote bar, pad a table cell) as values and only turn them
/// into strings at the end, so widths are always measured on the text the reader sees.
struct StyledLine: Sendable, Hashable {
    var spans: [Span]

    init(_ spans: [Span] = []) { self.spans = spans.filter { !$0.text.isEmpty } }

    init(_ text: String, _ style: TextStyle = .plain) { self.init([Span(text, style)]) }

    /// An empty line.
    static let blank = StyledLine()

    /// The visible text, without styles.
    var plainText: String { spans.map(\.text).joined() }

    /// Display columns, measured on the whole text so clusters across spans count once.
    var width: Int { TerminalWidth.of(plainText) }

    /// `prefix` followed by this line.
    func prefixed(by prefix: [Span]) -> StyledLine { StyledLine(prefix + spans) }

    /// This line followed by spaces up to `width` columns (unchanged if already as wide).
    func padded(to width: Int, style: TextStyle = .plain) -> StyledLine {
        let missing = width - self.width
        guard missing > 0 else { return self }
        return StyledLine(spans + [Span(String(repeating: " ", count: missing), style)])
    }

    /// This line cut to at most `width` columns, ending in `…` when something was cut.
    func truncated(to width: Int) -> StyledLine {
        guard self.width > width else { return self }
        guard width > 0 else { return .blank }
        var kept: [Span] = []
        var used = 0
        var lastStyle = TextStyle.plain
        // One column stays free for the ellipsis.
        outer: for span in spans {
            var text = ""
            for character in span.text {
                let w = TerminalWidth.of(character)
                if used + w > width - 1 {
                    kept.append(Span(text, span.style))
                    lastStyle = span.style
                    break outer
                }
                text.append(character)
                used += w
            }
            kept.append(Span(text, span.style))
            lastStyle = span.style
        }
        kept.append(Span("…", lastStyle))
        return StyledLine(kept)
    }
}
