import CourseModel

/// HTML trees turned into course blocks: structure and emphasis kept, everything else reported.
struct HTMLConverter {
    /// Tags whose content was dropped or whose meaning was lost, as `<name>`, once each.
    private(set) var dropped: [String] = []

    private static let blockTags: Set<String> = [
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "center", "form", "fieldset",
        "figure", "figcaption", "address", "details", "summary", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5",
        "h6", "ul", "ol", "pre", "blockquote", "table", "hr", "li",
    ]
    /// Tags that only style text HocSo cannot style: their text is kept, silently.
    private static let transparent: Set<String> = [
        "span", "font", "u", "ins", "small", "big", "mark", "abbr", "acronym", "cite", "dfn", "label", "q", "time",
        "bdi", "bdo", "var", "body", "html", "tbody", "thead", "tfoot", "nobr", "wbr",
    ]
    /// Tags whose content cannot be shown at all.
    private static let removed: Set<String> = [
        "img", "script", "style", "iframe", "object", "embed", "video", "audio", "canvas", "svg", "math", "input",
        "select", "textarea", "button", "head", "title", "map", "noscript", "applet", "source", "track",
    ]

    mutating func note(_ name: String) {
        let shown = "<\(name)>"
        if !dropped.contains(shown) { dropped.append(shown) }
    }

    mutating func blocks(_ nodes: [HTMLNode]) -> [Block] {
        var out: [Block] = []
        var run: [HTMLNode] = []
        func flush() {
            let inlines = RichText.canonical(self.inlines(run))
            if !inlines.isEmpty { out.append(.paragraph(inlines)) }
            run = []
        }
        for node in nodes {
            guard case .element(let name, let attributes, let children) = node, Self.blockTags.contains(name) else {
                if case .element(let name, _, let children) = node, Self.transparent.contains(name),
                    children.contains(where: Self.isBlock)
                {
                    flush()
                    out += blocks(children)
                    continue
                }
                run.append(node)
                continue
            }
            flush()
            switch name {
            case "h1", "h2", "h3", "h4", "h5", "h6":
                let level = Int(String(name.dropFirst())) ?? 1
                let content = RichText.canonical(inlines(children))
                if !content.isEmpty { out.append(.heading(level: min(6, level + 3), content: content)) }
            case "ul", "ol":
                let items = children.compactMap { child -> ListItem? in
                    guard case .element(let childName, _, let grand) = child else {
                        if case .text(let t) = child, t.allSatisfy(\.isWhitespace) { return nil }
                        return ListItem(blocks: blocks([child]))
                    }
                    return ListItem(blocks: blocks(childName == "li" ? grand : [child]))
                }.filter { !$0.blocks.isEmpty }
                if !items.isEmpty {
                    let start = name == "ol" ? Int(attributes["start"] ?? "") ?? 1 : nil
                    out.append(.list(start: start, items: items))
                }
            case "pre":
                let text = Self.textContent(children)
                if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    let trimmed = text.hasPrefix("\n") ? String(text.dropFirst()) : text
                    out.append(.code(language: nil, text: trimmed.hasSuffix("\n") ? trimmed : trimmed + "\n"))
                }
            case "blockquote":
                let inner = blocks(children)
                if !inner.isEmpty { out.append(.quote(inner)) }
            case "hr":
                out.append(.rule)
            case "table":
                if let table = table(children) { out.append(table) }
            default:
                out += blocks(children)
            }
        }
        flush()
        return out
    }

    private static func isBlock(_ node: HTMLNode) -> Bool {
        if case .element(let name, _, let children) = node {
            return blockTags.contains(name) || (transparent.contains(name) && children.contains(where: isBlock))
        }
        return false
    }

    mutating func inlines(_ nodes: [HTMLNode]) -> [Inline] {
        var out: [Inline] = []
        for node in nodes {
            switch node {
            case .text(let t):
                out.append(.text(t.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")))
            case .element(let name, let attributes, let children):
                switch name {
                case "b", "strong": out.append(.strong(inlines(children)))
                case "i", "em": out.append(.emphasis(inlines(children)))
                case "s", "strike", "del": out.append(.strikethrough(inlines(children)))
                case "code", "tt", "kbd", "samp": out.append(.code(Self.textContent(children)))
                case "br": out.append(.lineBreak)
                case "a":
                    var href = attributes["href"] ?? ""
                    let content = inlines(children)
                    if Self.isUnreachable(href) {
                        // Sound, video and files of the Moodle site cannot play in an offline lesson.
                        let name = href.split(separator: "/").last.map(String.init) ?? href
                        let shown = "<a href='…\(name)'>"
                        if !dropped.contains(shown) { dropped.append(shown) }
                        href = ""
                    }
                    out.append(
                        href.isEmpty ? .strong(content).flattenedIfEmpty : .link(destination: href, content: content))
                case "sub", "sup":
                    note(name)
                    out += inlines(children)
                case _ where Self.removed.contains(name):
                    note(name)
                    if name == "img", let alt = attributes["alt"], !alt.isEmpty { out.append(.text(alt)) }
                case _ where Self.transparent.contains(name):
                    out += inlines(children)
                case _ where Self.blockTags.contains(name):
                    // A block inside a line (a <div> in a link) still separates words.
                    out.append(.text(" "))
                    out += inlines(children)
                    out.append(.text(" "))
                default:
                    note(name)
                    out += inlines(children)
                }
            }
        }
        return out
    }

    /// A link to a sound, a video or a file of the Moodle site (`@@PLUGINFILE@@`).
    static func isUnreachable(_ href: String) -> Bool {
        let lowered = href.lowercased()
        let media = ["mp3", "mp4", "wav", "ogg", "oga", "webm", "m4a", "aac", "avi", "mov", "flac", "wma", "wmv"]
        let path = lowered.split(separator: "?").first.map(String.init) ?? lowered
        return lowered.contains("@@pluginfile@@") || lowered.contains("pluginfile.php") || lowered.contains("file.php/")
            || media.contains { path.hasSuffix("." + $0) }
    }

    private mutating func table(_ nodes: [HTMLNode]) -> Block? {
        var rows: [[[Inline]]] = []
        func collect(_ nodes: [HTMLNode]) {
            for node in nodes {
                guard case .element(let name, _, let children) = node else { continue }
                if name == "tr" {
                    var cells: [[Inline]] = []
                    for cell in children {
                        guard case .element(let cellName, _, let content) = cell, cellName == "td" || cellName == "th"
                        else { continue }
                        cells.append(RichText.canonical(RichText.oneLine(blocks(content))))
                    }
                    if !cells.isEmpty { rows.append(cells) }
                } else {
                    collect(children)
                }
            }
        }
        collect(nodes)
        guard let first = rows.first else { return nil }
        let width = rows.map(\.count).max() ?? first.count
        let padded = rows.map { $0 + Array(repeating: [], count: width - $0.count) }
        // Markdown tables need a header row: a table without <th> uses its first row.
        return .table(
            Table(alignments: Array(repeating: .none, count: width), header: padded[0], rows: Array(padded.dropFirst()))
        )
    }

    /// The text of nodes with tags removed and `<br>` as a new line (for `<pre>` and `<code>`).
    static func textContent(_ nodes: [HTMLNode]) -> String {
        nodes.map { node -> String in
            switch node {
            case .text(let t): return t
            case .element(let name, _, let children): return name == "br" ? "\n" : textContent(children)
            }
        }.joined()
    }
}

extension Inline {
    /// A link without an address is just its text.
    fileprivate var flattenedIfEmpty: Inline {
        if case .strong(let v) = self { return .text(v.plainText) }
        return self
    }
}
