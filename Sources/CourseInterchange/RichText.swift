import CourseCompiler
import CourseModel
import Foundation

/// GIFT texts in their four formats turned into course content: HTML converted (never passed
/// through as tags), Markdown compiled as lessons are, plain text kept as written.
enum RichText {
    /// The blocks of `text`, and what could not be carried over (`<img>`, `<sup>`, …).
    static func blocks(_ text: GiftText) -> (blocks: [Block], dropped: [String]) {
        switch text.format {
        case .plain:
            let lines = text.text.split(separator: "\n", omittingEmptySubsequences: false).map {
                [Inline.text(String($0))]
            }
            let inlines = Array(lines.joined(separator: [Inline.lineBreak]))
            let content = canonical(inlines)
            return (content.isEmpty ? [] : [.paragraph(content)], [])
        case .markdown:
            let (blocks, dropped) = MarkdownFragment.blocks(text.text)
            return (blocks.compactMap(canonical), dropped > 0 ? ["Markdown"] : [])
        case .html, .moodle:
            var converter = HTMLConverter()
            let blocks = converter.blocks(HTMLNode.parse(text.text))
            return (blocks.compactMap(canonical), converter.dropped)
        }
    }

    /// The inlines of a text meant to be one line (an option, a pair's side): paragraphs joined.
    static func inlines(_ text: GiftText) -> (inlines: [Inline], dropped: [String]) {
        let (blocks, dropped) = blocks(text)
        return (canonical(oneLine(blocks)), dropped)
    }

    /// Blocks flattened into one line of inlines: paragraphs and items joined by spaces.
    static func oneLine(_ blocks: [Block]) -> [Inline] {
        var out: [Inline] = []
        for block in blocks {
            let inlines: [Inline]
            switch block {
            case .paragraph(let v), .heading(_, let v): inlines = v
            case .list(_, let items): inlines = oneLine(items.flatMap(\.blocks))
            case .quote(let v), .callout(_, let v): inlines = oneLine(v)
            case .code(_, let text): inlines = [.code(text.replacingOccurrences(of: "\n", with: " "))]
            case .table(let t): inlines = [.text(Block.table(t).plainText.replacingOccurrences(of: "\n", with: " "))]
            case .rule: inlines = []
            }
            if !out.isEmpty, !inlines.isEmpty { out.append(.text(" ")) }
            out += inlines
        }
        return out.map { $0 == .lineBreak ? .text(" ") : $0 }
    }

    /// A block in the form the compiler gives back for it, `nil` when nothing is left.
    static func canonical(_ block: Block) -> Block? {
        switch block {
        case .paragraph(let v):
            let c = canonical(v)
            return c.isEmpty ? nil : .paragraph(c)
        case .heading(let level, let v):
            let c = canonical(v.map { $0 == .lineBreak ? .text(" ") : $0 })
            // `###` is a question and `##` a step in a lesson, so headings inside content start at 4.
            return c.isEmpty ? nil : .heading(level: min(6, max(4, level)), content: c)
        case .list(let start, let items):
            let kept = items.map { ListItem(blocks: $0.blocks.compactMap(canonical), checked: $0.checked) }
                .filter { !$0.blocks.isEmpty }
            return kept.isEmpty ? nil : .list(start: start, items: kept)
        case .quote(let v):
            let c = v.compactMap(canonical)
            return c.isEmpty ? nil : .quote(c)
        case .callout(let kind, let v):
            return .callout(kind, v.compactMap(canonical))
        case .code(let language, var text):
            if !text.hasSuffix("\n") { text += "\n" }
            return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? nil : .code(language: language, text: text)
        case .table, .rule:
            return block
        }
    }

    /// Inlines merged, trimmed and tidied so that writing them as Markdown and compiling gives them back.
    static func canonical(_ inlines: [Inline]) -> [Inline] {
        var out: [Inline] = []
        func append(_ inline: Inline) {
            switch (out.last, inline) {
            case (.text(let a)?, .text(let b)):
                out[out.count - 1] = .text(a + b)
            case (.emphasis(let a)?, .emphasis(let b)):
                out[out.count - 1] = .emphasis(a + b)
            case (.strong(let a)?, .strong(let b)):
                out[out.count - 1] = .strong(a + b)
            case (.lineBreak?, .lineBreak):
                break
            default:
                out.append(inline)
            }
        }
        for inline in inlines {
            switch inline {
            case .text(let t):
                let flat = t.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
                if !flat.isEmpty { append(.text(flat)) }
            case .emphasis(let v), .strong(let v), .strikethrough(let v):
                // Spaces at the edges of emphasis go outside it: `** x **` is not Markdown emphasis.
                let inner = canonical(v.map { stripping(inline, from: $0) })
                let lead = leadingSpace(v)
                let trail = trailingSpace(v)
                if lead { append(.text(" ")) }
                if !inner.isEmpty {
                    switch inline {
                    case .emphasis: append(.emphasis(inner))
                    case .strong: append(.strong(inner))
                    default: append(.strikethrough(inner))
                    }
                }
                if trail { append(.text(" ")) }
            case .code(let t):
                let flat = t.replacingOccurrences(of: "\n", with: " ")
                if !flat.trimmingCharacters(in: .whitespaces).isEmpty { append(.code(flat)) }
            case .link(let destination, let v):
                let inner = canonical(v.map { $0 == .lineBreak ? .text(" ") : $0 })
                if destination.isEmpty || destination.contains(where: \.isWhitespace) {
                    inner.forEach(append)
                } else if !inner.isEmpty {
                    append(.link(destination: destination, content: inner))
                }
            case .image, .lineBreak:
                append(inline)
            }
        }
        // Collapse runs of spaces, and drop spaces next to a line break and at both ends.
        out = out.map {
            if case .text(let t) = $0 { return .text(collapsingSpaces(t)) }
            return $0
        }
        for index in out.indices {
            guard case .text(var t) = out[index] else { continue }
            if index == 0 || out[index - 1] == .lineBreak { t = String(t.drop { $0 == " " }) }
            if index == out.count - 1 || out[index + 1] == .lineBreak {
                while t.last == " " { t.removeLast() }
            }
            out[index] = .text(t)
        }
        out = out.filter { $0 != .text("") }
        while out.first == .lineBreak { out.removeFirst() }
        while out.last == .lineBreak { out.removeLast() }
        return out
    }

    /// Nested emphasis of the same kind adds nothing: `*a *b* c*` is `*a b c*`.
    private static func stripping(_ outer: Inline, from inline: Inline) -> Inline {
        switch (outer, inline) {
        case (.emphasis, .emphasis(let v)), (.strong, .strong(let v)), (.strikethrough, .strikethrough(let v)):
            return .text(v.plainText)
        default: return inline
        }
    }

    private static func leadingSpace(_ v: [Inline]) -> Bool {
        if case .text(let t)? = v.first { return t.first?.isWhitespace == true }
        return false
    }

    private static func trailingSpace(_ v: [Inline]) -> Bool {
        if case .text(let t)? = v.last { return t.last?.isWhitespace == true }
        return false
    }

    static func collapsingSpaces(_ text: String) -> String {
        var out = ""
        var lastWasSpace = false
        for c in text {
            let isSpace = c == " " || c == "\u{A0}"
            if isSpace {
                if !lastWasSpace { out.append(" ") }
            } else {
                out.append(c)
            }
            lastWasSpace = isSpace
        }
        return out
    }
}
