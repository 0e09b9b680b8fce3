import CourseModel

extension BlockRenderer {
    /// Inline content as styled spans, one array per hard line break.
    func spanLines(_ content: [Inline]) -> [[Span]] {
        var lines: [[Span]] = [[]]
        appendSpans(content, style: .plain, to: &lines)
        return lines
    }

    private func appendSpans(_ content: [Inline], style: TextStyle, to lines: inout [[Span]]) {
        func add(_ text: String, _ s: TextStyle) { lines[lines.count - 1].append(Span(text, s)) }
        for inline in content {
            switch inline {
            case .text(let text):
                add(text, style)
            case .emphasis(let inner):
                appendSpans(inner, style: style.merging(Theme.emphasis), to: &lines)
            case .strong(let inner):
                appendSpans(inner, style: style.merging(Theme.strong), to: &lines)
            case .strikethrough(let inner):
                // Struck text usually means "this is wrong": without colour the marks stay,
                // so the reader does not take it for advice.
                if !styler.isEnabled { add("~~", style) }
                appendSpans(inner, style: style.merging(Theme.strikethrough), to: &lines)
                if !styler.isEnabled { add("~~", style) }
            case .code(let code):
                // Without colour, backticks show where a literal to type starts and ends.
                add(styler.isEnabled ? code : "`\(code)`", style.merging(Theme.code))
            case .link(let destination, let inner):
                let shown = inner.plainText
                if shown.isEmpty || shown == destination || "mailto:" + shown == destination {
                    add(shown.isEmpty ? destination : shown, style.merging(Theme.linkText))
                } else {
                    appendSpans(inner, style: style.merging(Theme.linkText), to: &lines)
                    add(" ", style)
                    add("[\(destination)]", style.merging(Theme.url))
                }
            case .image(_, let alt):
                let label = alt.isEmpty ? "[\(language.picture)]" : "[\(language.picture): \(alt)]"
                add(label, style.merging(Theme.image))
            case .lineBreak:
                lines.append([])
            }
        }
    }
}
