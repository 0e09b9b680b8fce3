import CCmarkGFM

/// Parses Markdown (CommonMark + GFM tables, task lists, strikethrough) into a `MarkdownNode` tree.
///
/// This is the only code that touches cmark-gfm; no C pointer leaves this file.
public enum MarkdownParser {
    /// Nodes nested deeper than this are dropped, so hostile input cannot exhaust the stack.
    public static let maximumDepth = 200

    /// Parses `text` into a document node whose positions refer to `text` (lines from 1, columns in characters).
    public static func parse(_ text: String) -> MarkdownNode {
        _ = extensionsRegistered
        let empty = MarkdownNode(kind: .document, start: .init(line: 1, column: 1), end: .init(line: 1, column: 1))
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else { return empty }
        defer { cmark_parser_free(parser) }
        for name in ["table", "tasklist", "strikethrough"] {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var source = text
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else { return empty }
        defer { cmark_node_free(root) }
        let columns = ColumnMap(text)
        return convert(root, depth: 0, columns: columns) ?? empty
    }

    /// Registers the GFM core extensions once per process; a `let` global is initialised exactly once and is Sendable.
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    private static func convert(_ node: OpaquePointer, depth: Int, columns: ColumnMap) -> MarkdownNode? {
        guard depth <= maximumDepth, let kind = kind(of: node) else { return nil }
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            if let converted = convert(current, depth: depth + 1, columns: columns) { children.append(converted) }
            child = cmark_node_next(current)
        }
        let start = columns.position(
            line: Int(cmark_node_get_start_line(node)), byteColumn: Int(cmark_node_get_start_column(node)))
        let end = columns.position(
            line: Int(cmark_node_get_end_line(node)), byteColumn: Int(cmark_node_get_end_column(node)))
        return MarkdownNode(kind: kind, children: children, start: start, end: end)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind? {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_LIST:
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)), tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM:
            let isTask = string(cmark_node_get_type_string(node)) == "tasklist"
            return .item(taskChecked: isTask ? cmark_gfm_extensions_get_tasklist_item_checked(node) : nil)
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(
                info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text(literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: return .htmlInline(literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            return .image(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case hocso_node_table(): return .table(alignments: tableAlignments(node))
        case hocso_node_table_row(): return .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
        case hocso_node_table_cell(): return .tableCell
        case hocso_node_strikethrough(): return .strikethrough
        default: return nil  // custom blocks/inlines and footnotes are not part of the course format
        }
    }

    private static func tableAlignments(_ node: OpaquePointer) -> [MarkdownNode.Alignment] {
        let count = Int(cmark_gfm_extensions_get_table_columns(node))
        guard count > 0, let raw = cmark_gfm_extensions_get_table_alignments(node) else { return [] }
        return (0..<count).map { index in
            switch raw[index] {
            case UInt8(ascii: "l"): .left
            case UInt8(ascii: "c"): .center
            case UInt8(ascii: "r"): .right
            default: .none
            }
        }
    }
}
