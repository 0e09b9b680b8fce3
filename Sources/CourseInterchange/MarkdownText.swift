import CourseModel

/// Course content written back as the Markdown HocSo's compiler reads: text escaped so that it
/// compiles to exactly the text it was, whatever characters it holds.
enum MarkdownText {
    /// Where inline content is written: a paragraph may break lines, a line (heading, option, cell) may not.
    enum Context {
        case paragraph
        case line
        case tableCell
    }

    /// `inlines` as Markdown; `lineStart` when the text begins a line (block markers must be escaped).
    static func inlines(_ inlines: [Inline], context: Context, lineStart: Bool, indent: String = "") -> String {
        var out = ""
        var atLineStart = lineStart
        for (index, inline) in inlines.enumerated() {
            let next = index + 1 < inlines.count ? inlines[index + 1] : nil
            switch inline {
            case .text(let t):
                out += escape(
                    t, lineStart: atLineStart, context: context, nextIsWord: next.map(startsWithWord) ?? false)
            case .emphasis(let v):
                out += "*" + Self.inlines(v, context: context, lineStart: false, indent: indent) + "*"
            case .strong(let v):
                out += "**" + Self.inlines(v, context: context, lineStart: false, indent: indent) + "**"
            case .strikethrough(let v):
                out += "~~" + Self.inlines(v, context: context, lineStart: false, indent: indent) + "~~"
            case .code(let t):
                out += code(t)
            case .link(let destination, let v):
                out +=
                    "[" + Self.inlines(v, context: context, lineStart: false, indent: indent) + "](" + link(destination)
                    + ")"
            case .image(let source, let alt):
                out +=
                    "![" + escape(alt, lineStart: false, context: .line, nextIsWord: false) + "](" + link(source) + ")"
            case .lineBreak:
                if context == .paragraph {
                    out += "\\\n" + indent
                    atLineStart = true
                    continue
                }
                out += " "
            }
            atLineStart = false
        }
        return out
    }

    private static func startsWithWord(_ inline: Inline) -> Bool {
        if case .text(let t) = inline, let first = t.first { return first.isLetter || first.isNumber }
        return false
    }

    /// Text with every character that Markdown would read as syntax escaped by a backslash.
    static func escape(_ text: String, lineStart: Bool, context: Context, nextIsWord: Bool = false) -> String {
        let characters = Array(text)
        var out = ""
        for (index, c) in characters.enumerated() {
            let previous = index > 0 ? characters[index - 1] : nil
            let following = index + 1 < characters.count ? characters[index + 1] : nil
            switch c {
            case "\\", "`", "*", "[", "]", "<", "~":
                out += "\\" + String(c)
            case "_":
                // Inside a word `_` is never emphasis (snake_case stays readable); elsewhere escape it.
                let before = previous.map { $0.isLetter || $0.isNumber } ?? false
                let after = following.map { $0.isLetter || $0.isNumber } ?? nextIsWord
                out += before && after ? "_" : "\\_"
            case "&":
                out += following.map({ $0.isLetter || $0 == "#" }) == true ? "\\&" : "&"
            case "|":
                out += context == .tableCell ? "\\|" : "|"
            case "#" where context != .paragraph || index == 0 && lineStart:
                out += "\\#"
            case "#":
                out += "#"
            case "\n":
                out += " "
            default:
                if index == 0, lineStart, "-+=>".contains(c) {
                    out += "\\" + String(c)
                } else if lineStart, c == "." || c == ")", characters[..<index].allSatisfy(\.isNumber), index > 0 {
                    out += "\\" + String(c)
                } else {
                    out.append(c)
                }
            }
        }
        return out
    }

    /// A code span that holds `text` whatever backticks it contains.
    static func code(_ text: String) -> String {
        var longest = 0
        var run = 0
        for c in text {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") || (text.hasPrefix(" ") && text.hasSuffix(" "))
        return fence + (pad ? " " + text + " " : text) + fence
    }

    private static func link(_ destination: String) -> String {
        let safe = !destination.contains(where: { $0.isWhitespace || "()<>".contains($0) })
        return safe ? destination : "<" + destination.replacingOccurrences(of: ">", with: "%3E") + ">"
    }

    /// Blocks as lines, each starting with `indent`; lists use `bullet`.
    static func blocks(_ blocks: [Block], indent: String = "", bullet: String = "*") -> [String] {
        var lines: [String] = []
        for (index, block) in blocks.enumerated() {
            if index > 0 { lines.append(indent.trimmingTrailingSpaces) }
            lines += self.block(block, indent: indent, bullet: bullet)
        }
        return lines
    }

    static func block(_ block: Block, indent: String, bullet: String) -> [String] {
        switch block {
        case .paragraph(let v):
            return [indent + inlines(v, context: .paragraph, lineStart: true, indent: indent)]
        case .heading(let level, let v):
            let marks = String(repeating: "#", count: min(6, max(4, level)))
            return [indent + marks + " " + inlines(v, context: .line, lineStart: false)]
        case .list(let start, let items):
            var lines: [String] = []
            for (offset, item) in items.enumerated() {
                var marker = start.map { "\($0 + offset). " } ?? "\(bullet) "
                if let checked = item.checked { marker += checked ? "[x] " : "[ ] " }
                let inner = self.blocks(
                    item.blocks, indent: indent + String(repeating: " ", count: marker.count), bullet: bullet)
                guard let first = inner.first else { continue }
                lines.append(indent + marker + first.dropFirst(indent.count + marker.count))
                lines += inner.dropFirst()
            }
            return lines
        case .quote(let v):
            return self.blocks(v, indent: indent + "> ", bullet: bullet)
        case .callout(let kind, let v):
            let head = indent + "> [!\(kind.rawValue.uppercased())]"
            return [head] + self.blocks(v, indent: indent + "> ", bullet: bullet)
        case .code(let language, let text):
            var longest = 2
            var run = 0
            for c in text {
                run = c == "`" ? run + 1 : 0
                longest = max(longest, run)
            }
            let fence = String(repeating: "`", count: longest + 1)
            var body = text
            if body.hasSuffix("\n") { body.removeLast() }
            let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.isEmpty ? indent.trimmingTrailingSpaces : indent + $0
            }
            return [indent + fence + (language ?? "")] + lines + [indent + fence]
        case .table(let table):
            func row(_ cells: [[Inline]]) -> String {
                indent + "| "
                    + cells.map { inlines($0, context: .tableCell, lineStart: false) }.joined(separator: " | ")
                    + " |"
            }
            let rule = table.alignments.map { alignment -> String in
                switch alignment {
                case .none: "---"
                case .left: ":---"
                case .center: ":---:"
                case .right: "---:"
                }
            }
            return [row(table.header), indent + "| " + rule.joined(separator: " | ") + " |"] + table.rows.map(row)
        case .rule:
            return [indent + "---"]
        }
    }
}

extension String {
    /// The text without trailing spaces (a quote's empty line is `>`, not `> `).
    var trimmingTrailingSpaces: String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
