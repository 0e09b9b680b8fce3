import CourseModel

/// Renders compiled lesson content to terminal lines of a given width.
///
/// Every line it returns is at most `width` display columns (measured by `TerminalWidth`),
/// contains no line break and, with a plain `Styler`, no escape sequence. Structure stays
/// visible without colour: headings are underlined with `─`, quotes and callouts carry a `│ `
/// bar, callouts a label, lists their markers and tables a grid.
public struct BlockRenderer: Sendable {
    /// The number of columns available.
    public var width: Int
    /// How styles are written out.
    public var styler: Styler
    /// The language of the renderer's own words (callout labels, "Picture").
    public var language: RenderLanguage

    /// Makes a renderer for lines of at most `width` columns (at least 1 is used).
    public init(width: Int, styler: Styler, language: RenderLanguage = .vi) {
        self.width = max(1, width)
        self.styler = styler
        self.language = language
    }

    /// `blocks` as lines, separated by blank lines where Markdown separates blocks.
    public func render(_ blocks: [Block]) -> [String] {
        write(lines(blocks, width: width, depth: 0))
    }

    /// `blocks` behind a marker such as `1)` or `( )`, later lines indented under the content
    /// (a hanging indent), as for a quiz option.
    public func render(_ blocks: [Block], marker: String, markerStyle: TextStyle = .plain) -> [String] {
        write(
            hanging(marker: [Span(TextSanitizer.inline(marker), markerStyle)], blocks: blocks, width: width, depth: 0))
    }

    /// Inline content as a wrapped paragraph.
    public func render(inlines: [Inline]) -> [String] {
        write(paragraph(inlines, width: width))
    }

    /// A heading line underlined with `─`, for titles the caller draws (a step's or a question's).
    public func renderHeading(_ inlines: [Inline], level: Int = 2) -> [String] {
        write(heading(inlines, level: level, width: width))
    }

    /// Styled lines written out, cut to the width as a last guard.
    func write(_ lines: [StyledLine]) -> [String] {
        lines.map { styler.render($0.truncated(to: width)) }
    }

    // MARK: - Blocks

    /// Blocks with one blank line between each two.
    func lines(_ blocks: [Block], width: Int, depth: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        for block in blocks {
            let rendered = lines(block, width: width, depth: depth)
            if rendered.isEmpty { continue }
            if !out.isEmpty { out.append(.blank) }
            out += rendered
        }
        return out
    }

    /// One block.
    func lines(_ block: Block, width: Int, depth: Int) -> [StyledLine] {
        // Deep nesting can leave less than nothing; render into one column and let the final
        // cut in `write` keep the promise of `width`.
        let width = max(1, width)
        return switch block {
        case .heading(let level, let content): heading(content, level: level, width: width)
        case .paragraph(let content): paragraph(content, width: width)
        case .list(let start, let items): list(start: start, items: items, width: width, depth: depth)
        case .quote(let blocks): quote(blocks, width: width, depth: depth)
        case .callout(let kind, let blocks): callout(kind, blocks, width: width, depth: depth)
        case .code(_, let text): code(text, width: width)
        case .table(let table): self.table(table, width: width)
        case .rule: [StyledLine(String(repeating: "─", count: width), Theme.rule)]
        }
    }

    func paragraph(_ content: [Inline], width: Int) -> [StyledLine] {
        spanLines(content).flatMap { spans in
            let wrapped = TextWrapper.wrap(spans, width: width)
            // A hard line break on its own still takes a line.
            return wrapped.isEmpty ? [StyledLine.blank] : wrapped
        }
    }

    func heading(_ content: [Inline], level: Int, width: Int) -> [StyledLine] {
        let style = level <= 3 ? Theme.heading : Theme.minorHeading
        let text = paragraph(content, width: width).map { line in
            StyledLine(line.spans.map { Span($0.text, $0.style.merging(style)) })
        }
        guard !text.isEmpty else { return [] }
        // The underline is what marks a heading when there is no bold or colour.
        let rule = String(repeating: "─", count: max(1, text.map(\.width).max() ?? 1))
        return text + [StyledLine(rule, Theme.underline)]
    }

    func quote(_ blocks: [Block], width: Int, depth: Int) -> [StyledLine] {
        let bar = [Span("│ ", Theme.quoteBar)]
        return lines(blocks, width: width - 2, depth: depth).map { $0.prefixed(by: bar) }
    }

    func callout(_ kind: CalloutKind, _ blocks: [Block], width: Int, depth: Int) -> [StyledLine] {
        labelled(
            language.label(for: kind) + ":", style: Theme.callout(kind), blocks: blocks, width: width, depth: depth)
    }

    /// A bar in `style` down the left, a label line, then the blocks: callouts, hints, explanations.
    func labelled(_ label: String, style: TextStyle, blocks: [Block], width: Int, depth: Int) -> [StyledLine] {
        let bar = [Span("│ ", style)]
        let title = TextWrapper.wrap([Span(label, style)], width: width - 2)
        let body = lines(blocks, width: width - 2, depth: depth)
        return (title + body).map { $0.prefixed(by: bar) }
    }

    /// Code keeps its line breaks and spacing: indented, never wrapped, cut with `…`.
    func code(_ text: String, width: Int) -> [StyledLine] {
        let indent = width >= 60 ? "    " : "  "
        var rows = text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        if rows.last?.isEmpty == true { rows.removeLast() }
        let available = width - indent.count
        return rows.map { row in
            let line = StyledLine(TextSanitizer.codeLine(row), Theme.code).truncated(to: available)
            return line.spans.isEmpty ? .blank : line.prefixed(by: [Span(indent)])
        }
    }
}
