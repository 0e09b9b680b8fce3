import CourseModel
import Foundation
import MarkdownSyntax

/// Turning Markdown nodes into compiled `Block`s and `Inline`s.
extension LessonCompiler {
    /// Compiled blocks of `nodes`; comments vanish, other raw HTML is dropped with a warning.
    mutating func blocks(_ nodes: [MarkdownNode]) -> [Block] {
        nodes.compactMap { block($0) }
    }

    mutating func block(_ node: MarkdownNode) -> Block? {
        switch node.kind {
        case .paragraph:
            let content = Self.trimmed(inlines(node.children))
            return content.isEmpty ? nil : .paragraph(content)
        case .heading(let level):
            return .heading(level: level, content: Self.trimmed(inlines(node.children)))
        case .list(let ordered, let start, _):
            let items = node.children.map { item -> ListItem in
                var checked: Bool?
                if case .item(let task) = item.kind { checked = task }
                return ListItem(blocks: blocks(item.children), checked: checked)
            }
            return .list(start: ordered ? start : nil, items: items)
        case .blockQuote:
            if let (kind, content) = callout(node) { return .callout(kind, content) }
            return .quote(blocks(node.children))
        case .codeBlock(let info, let literal):
            let language = info.split(separator: " ").first.map(String.init)
            return .code(language: language, text: literal)
        case .htmlBlock(let literal):
            if !literal.hasPrefix("<!--") { warnHTML(literal, at: node.start) }
            return nil
        case .thematicBreak:
            return .rule
        case .table(let alignments):
            return table(node, alignments: alignments)
        default:
            // Inline nodes never sit at block level in cmark's tree; keep their text rather than lose it.
            let content = inlines([node])
            return content.isEmpty ? nil : .paragraph(content)
        }
    }

    private mutating func table(_ node: MarkdownNode, alignments: [MarkdownNode.Alignment]) -> Block {
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        for row in node.children {
            let cells = row.children.map { Self.trimmed(inlines($0.children)) }
            if case .tableRow(isHeader: true) = row.kind, header.isEmpty { header = cells } else { rows.append(cells) }
        }
        let mapped: [TableAlignment] = alignments.map {
            switch $0 {
            case .none: .none
            case .left: .left
            case .center: .center
            case .right: .right
            }
        }
        return .table(Table(alignments: mapped, header: header, rows: rows))
    }

    /// The callout kind and content of a `> [!NOTE]` quote, or `nil` for a plain quote.
    mutating func callout(_ node: MarkdownNode) -> (CalloutKind, [Block])? {
        guard let first = node.children.first, first.kind == .paragraph else { return nil }
        var content = inlines(first.children)
        guard case .text(let text)? = content.first, text.hasPrefix("[!"), let close = text.firstIndex(of: "]") else {
            return nil
        }
        let name = text[text.index(text.startIndex, offsetBy: 2)..<close]
        guard let kind = CalloutKind(rawValue: name.lowercased()) else {
            let names = CalloutKind.allCases.map { $0.rawValue.uppercased() }
            reporter.warning(
                CompilerText.unknownCallout(String(name)), at: node.start,
                hint: Spelling.nearest(to: String(name).uppercased(), in: names).map {
                    CompilerText.didYouMean("[!\($0)]")
                }
                    ?? CompilerText.useOneOf(names.map { "[!\($0)]" }))
            return nil
        }
        let rest = text[text.index(after: close)...].drop { $0.isWhitespace }
        if rest.isEmpty { content.removeFirst() } else { content[0] = .text(String(rest)) }
        content = Self.trimmed(content)
        var body: [Block] = content.isEmpty ? [] : [.paragraph(content)]
        body += blocks(Array(node.children.dropFirst()))
        return (kind, body)
    }

    /// Compiled inlines: adjacent text merged, soft breaks as spaces.
    mutating func inlines(_ nodes: [MarkdownNode]) -> [Inline] {
        var out: [Inline] = []
        func append(_ inline: Inline) {
            if case .text(let new) = inline, case .text(let old)? = out.last {
                out[out.count - 1] = .text(old + new)
            } else {
                out.append(inline)
            }
        }
        for node in nodes {
            switch node.kind {
            case .text(let literal): append(.text(literal))
            case .softBreak: append(.text(" "))
            case .lineBreak: append(.lineBreak)
            case .code(let literal): append(.code(literal))
            case .emphasis: append(.emphasis(inlines(node.children)))
            case .strong: append(.strong(inlines(node.children)))
            case .strikethrough: append(.strikethrough(inlines(node.children)))
            case .link(let url, _): append(.link(destination: url, content: inlines(node.children)))
            case .image(let url, _):
                let alt = inlines(node.children).plainText
                if let source = resolveImage(url, at: node.start) { append(.image(source: source, alt: alt)) }
            case .htmlInline(let literal):
                if !literal.hasPrefix("<!--") { warnHTML(literal, at: node.start) }
            default:
                for inline in inlines(node.children) { append(inline) }
            }
        }
        return out.filter { $0 != .text("") }
    }

    /// `content` without leading and trailing white space.
    static func trimmed(_ content: [Inline]) -> [Inline] {
        var content = content
        if case .text(let first)? = content.first {
            let t = String(first.drop { $0.isWhitespace })
            if t.isEmpty { content.removeFirst() } else { content[0] = .text(t) }
        }
        if case .text(let last)? = content.last {
            var t = last
            while let c = t.last, c.isWhitespace { t.removeLast() }
            if t.isEmpty { content.removeLast() } else { content[content.count - 1] = .text(t) }
        }
        return content
    }

    mutating func warnHTML(_ literal: String, at position: SourcePosition) {
        var shown = literal.trimmingCharacters(in: .whitespacesAndNewlines)
        if let firstLine = shown.split(whereSeparator: \.isNewline).first { shown = String(firstLine) }
        if shown.count > 40 { shown = String(shown.prefix(40)) + "…" }
        reporter.warning(CompilerText.rawHTML(shown), at: position, hint: CompilerText.rawHTMLHint)
    }
}
