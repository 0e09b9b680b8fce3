/// Inline content of compiled text: what a paragraph, heading or option is made of.
public enum Inline: Sendable, Equatable, Hashable {
    /// Plain text, NFC.
    case text(String)
    /// Emphasised text (`*x*`).
    case emphasis([Inline])
    /// Strong text (`**x**`).
    case strong([Inline])
    /// Struck-through text (`~~x~~`).
    case strikethrough([Inline])
    /// Inline code (`` `x` ``).
    case code(String)
    /// A link with its visible text.
    case link(destination: String, content: [Inline])
    /// A picture, by its path inside the course (or pack) and its alternative text.
    case image(source: String, alt: String)
    /// A hard line break.
    case lineBreak
}

/// The kind of a GitHub-style callout (`> [!NOTE]`).
public enum CalloutKind: String, Sendable, Codable, CaseIterable {
    /// Extra information.
    case note
    /// A helpful suggestion.
    case tip
    /// Something the reader needs to know.
    case important
    /// A danger to avoid.
    case warning
    /// A risk of harm or loss.
    case caution
}

/// Column alignment in a table.
public enum TableAlignment: String, Sendable, Codable {
    /// No alignment given.
    case none
    /// Left aligned.
    case left
    /// Centred.
    case center
    /// Right aligned.
    case right
}

/// One item of a list: its blocks and, for a task list, whether it is checked.
public struct ListItem: Sendable, Equatable, Hashable, Codable {
    /// The item's content.
    public var blocks: [Block]
    /// `true`/`false` for a task-list item, `nil` otherwise.
    public var checked: Bool?

    /// Makes a list item.
    public init(blocks: [Block], checked: Bool? = nil) {
        self.blocks = blocks
        self.checked = checked
    }

    enum CodingKeys: String, CodingKey {
        case blocks = "c"
        case checked = "x"
    }
}

/// A table: header cells, alignments and body rows.
public struct Table: Sendable, Equatable, Hashable, Codable {
    /// One alignment per column.
    public var alignments: [TableAlignment]
    /// The header row's cells.
    public var header: [[Inline]]
    /// The body rows, each a list of cells.
    public var rows: [[[Inline]]]

    /// Makes a table.
    public init(alignments: [TableAlignment], header: [[Inline]], rows: [[[Inline]]]) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }
}

/// Block content of compiled text: what a step, feedback, hint or explanation is made of.
public enum Block: Sendable, Equatable, Hashable {
    /// A heading inside a step (levels 3–6 in reading, after the step's own title).
    case heading(level: Int, content: [Inline])
    /// A paragraph.
    case paragraph([Inline])
    /// A bulleted (`start == nil`) or numbered list.
    case list(start: Int?, items: [ListItem])
    /// A block quote.
    case quote([Block])
    /// A callout such as `> [!WARNING]`.
    case callout(CalloutKind, [Block])
    /// A code block with its optional language.
    case code(language: String?, text: String)
    /// A table.
    case table(Table)
    /// A thematic break.
    case rule
}

// MARK: - Compact coding
//
// Packs carry every lesson as JSON, and packs travel over slow links: keys are short, plain
// text inlines are bare strings, and so is a paragraph of plain text alone (most feedback, hints
// and explanations), so the compiled course stays close to the size of its source.

extension Inline: Codable {
    private enum Key: String, CodingKey { case em, strong, del, code, link, c, img, alt, br }

    /// Decodes the compact form.
    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self = .text(text)
            return
        }
        let c = try decoder.container(keyedBy: Key.self)
        if let v = try c.decodeIfPresent([Inline].self, forKey: .em) {
            self = .emphasis(v)
        } else if let v = try c.decodeIfPresent([Inline].self, forKey: .strong) {
            self = .strong(v)
        } else if let v = try c.decodeIfPresent([Inline].self, forKey: .del) {
            self = .strikethrough(v)
        } else if let v = try c.decodeIfPresent(String.self, forKey: .code) {
            self = .code(v)
        } else if let v = try c.decodeIfPresent(String.self, forKey: .link) {
            self = .link(destination: v, content: try c.decodeIfPresent([Inline].self, forKey: .c) ?? [])
        } else if let v = try c.decodeIfPresent(String.self, forKey: .img) {
            self = .image(source: v, alt: try c.decodeIfPresent(String.self, forKey: .alt) ?? "")
        } else if c.contains(.br) {
            self = .lineBreak
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown inline"))
        }
    }

    /// Encodes the compact form.
    public func encode(to encoder: any Encoder) throws {
        if case .text(let text) = self {
            var c = encoder.singleValueContainer()
            try c.encode(text)
            return
        }
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .text: break
        case .emphasis(let v): try c.encode(v, forKey: .em)
        case .strong(let v): try c.encode(v, forKey: .strong)
        case .strikethrough(let v): try c.encode(v, forKey: .del)
        case .code(let v): try c.encode(v, forKey: .code)
        case .link(let destination, let content):
            try c.encode(destination, forKey: .link)
            try c.encode(content, forKey: .c)
        case .image(let source, let alt):
            try c.encode(source, forKey: .img)
            try c.encode(alt, forKey: .alt)
        case .lineBreak: try c.encode(true, forKey: .br)
        }
    }
}

extension Block: Codable {
    private enum Key: String, CodingKey { case h, c, p, list, start, quote, callout, pre, lang, table, hr }

    /// Decodes the compact form.
    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self = .paragraph([.text(text)])
            return
        }
        let c = try decoder.container(keyedBy: Key.self)
        if let v = try c.decodeIfPresent([Inline].self, forKey: .p) {
            self = .paragraph(v)
        } else if let level = try c.decodeIfPresent(Int.self, forKey: .h) {
            self = .heading(level: level, content: try c.decode([Inline].self, forKey: .c))
        } else if let items = try c.decodeIfPresent([ListItem].self, forKey: .list) {
            self = .list(start: try c.decodeIfPresent(Int.self, forKey: .start), items: items)
        } else if let v = try c.decodeIfPresent([Block].self, forKey: .quote) {
            self = .quote(v)
        } else if let kind = try c.decodeIfPresent(CalloutKind.self, forKey: .callout) {
            self = .callout(kind, try c.decode([Block].self, forKey: .c))
        } else if let text = try c.decodeIfPresent(String.self, forKey: .pre) {
            self = .code(language: try c.decodeIfPresent(String.self, forKey: .lang), text: text)
        } else if let v = try c.decodeIfPresent(Table.self, forKey: .table) {
            self = .table(v)
        } else if c.contains(.hr) {
            self = .rule
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown block"))
        }
    }

    /// Encodes the compact form.
    public func encode(to encoder: any Encoder) throws {
        if case .paragraph(let v) = self, v.count == 1, case .text(let text) = v[0] {
            var c = encoder.singleValueContainer()
            try c.encode(text)
            return
        }
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .paragraph(let v): try c.encode(v, forKey: .p)
        case .heading(let level, let content):
            try c.encode(level, forKey: .h)
            try c.encode(content, forKey: .c)
        case .list(let start, let items):
            try c.encode(items, forKey: .list)
            try c.encodeIfPresent(start, forKey: .start)
        case .quote(let v): try c.encode(v, forKey: .quote)
        case .callout(let kind, let v):
            try c.encode(kind, forKey: .callout)
            try c.encode(v, forKey: .c)
        case .code(let language, let text):
            try c.encode(text, forKey: .pre)
            try c.encodeIfPresent(language, forKey: .lang)
        case .table(let v): try c.encode(v, forKey: .table)
        case .rule: try c.encode(true, forKey: .hr)
        }
    }
}

extension Inline {
    /// The text a reader sees, without styling (used for ids, matching labels and read-aloud).
    public var plainText: String {
        switch self {
        case .text(let s), .code(let s): s
        case .emphasis(let v), .strong(let v), .strikethrough(let v), .link(_, let v): v.plainText
        case .image(_, let alt): alt
        case .lineBreak: "\n"
        }
    }
}

extension Array where Element == Inline {
    /// The concatenated plain text of these inlines.
    public var plainText: String { count == 1 ? self[0].plainText : map(\.plainText).joined() }
}

extension Block {
    /// The text a reader sees, without styling, paragraphs separated by blank lines.
    public var plainText: String {
        switch self {
        case .heading(_, let v), .paragraph(let v): v.plainText
        case .list(_, let items): items.map { $0.blocks.plainText }.joined(separator: "\n")
        case .quote(let v), .callout(_, let v): v.plainText
        case .code(_, let text): text
        case .table(let t):
            ([t.header] + t.rows).map { $0.map(\.plainText).joined(separator: " | ") }.joined(separator: "\n")
        case .rule: ""
        }
    }
}

extension Array where Element == Block {
    /// The plain text of these blocks, separated by blank lines.
    public var plainText: String { map(\.plainText).joined(separator: "\n\n") }
}
