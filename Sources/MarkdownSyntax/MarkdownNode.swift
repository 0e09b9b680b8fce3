/// A place in the parsed text: 1-based line and 1-based column counted in characters.
public struct SourcePosition: Sendable, Equatable, Hashable, Comparable {
    /// Line, from 1.
    public var line: Int
    /// Column in characters (grapheme clusters), from 1.
    public var column: Int

    /// Makes a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Orders positions as they appear in the text.
    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// One node of a parsed Markdown document: a pure Swift value, no C memory behind it.
public struct MarkdownNode: Sendable, Equatable, Hashable {
    /// What the node is.
    public var kind: Kind
    /// Child nodes in document order.
    public var children: [MarkdownNode]
    /// Where the node starts.
    public var start: SourcePosition
    /// Where the node ends (inclusive).
    public var end: SourcePosition

    /// Makes a node.
    public init(kind: Kind, children: [MarkdownNode] = [], start: SourcePosition, end: SourcePosition) {
        self.kind = kind
        self.children = children
        self.start = start
        self.end = end
    }

    /// Column alignment of a table column.
    public enum Alignment: Sendable, Equatable, Hashable {
        /// No alignment given.
        case none
        /// `:---`
        case left
        /// `:---:`
        case center
        /// `---:`
        case right
    }

    /// The node kinds of CommonMark plus the GFM table, task-list and strikethrough extensions.
    public enum Kind: Sendable, Equatable, Hashable {
        /// The whole document.
        case document
        /// An ATX or setext heading.
        case heading(level: Int)
        /// A paragraph.
        case paragraph
        /// A bullet (`ordered == false`) or ordered list.
        case list(ordered: Bool, start: Int, tight: Bool)
        /// A list item; `taskChecked` is set for a GFM task-list item.
        case item(taskChecked: Bool?)
        /// A block quote.
        case blockQuote
        /// A fenced or indented code block.
        case codeBlock(info: String, literal: String)
        /// A raw HTML block.
        case htmlBlock(literal: String)
        /// A thematic break (`---`).
        case thematicBreak
        /// A GFM table.
        case table(alignments: [Alignment])
        /// A table row.
        case tableRow(isHeader: Bool)
        /// A table cell.
        case tableCell
        /// Plain text.
        case text(literal: String)
        /// A soft line break.
        case softBreak
        /// A hard line break.
        case lineBreak
        /// Inline code.
        case code(literal: String)
        /// Raw inline HTML.
        case htmlInline(literal: String)
        /// Emphasis.
        case emphasis
        /// Strong emphasis.
        case strong
        /// GFM strikethrough.
        case strikethrough
        /// A link.
        case link(url: String, title: String)
        /// An image.
        case image(url: String, title: String)
    }
}

extension MarkdownNode {
    /// The concatenated literal text of this node's inline descendants (soft breaks as spaces).
    public var plainText: String {
        switch kind {
        case .text(let s), .code(let s): return s
        case .softBreak: return " "
        case .lineBreak: return "\n"
        default: return children.map(\.plainText).joined()
        }
    }
}
