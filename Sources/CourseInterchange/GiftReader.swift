import Foundation

/// Reads GIFT, Moodle's question text format, the way Moodle's own importer reads it
/// (`question/format/gift/format.php`), with a position for every piece and a diagnostic
/// instead of a silent skip.
///
/// As in Moodle, a blank line ends a question, `//` starts a comment line, `::name::` names a
/// question, the answers sit in `{ }`, and `\` escapes `~ = # { } :` (`\n` is a new line).
public enum GiftReader {
    /// The document and every problem found, in line order.
    public static func read(_ data: Data, file: String) -> (
        document: GiftDocument, diagnostics: [InterchangeDiagnostic]
    ) {
        var log = DiagnosticLog(file: file)
        guard let lines = SourceDecoding.lines(data, log: &log) else { return (GiftDocument(items: []), log.sorted) }
        var items: [GiftItem] = []
        var looksLikeGift = false
        for block in blocks(lines) {
            var metadata = Metadata()
            var content: [SourceDecoding.Line] = []
            for line in block {
                let trimmed = line.trimmed
                if trimmed.hasPrefix("//") {
                    looksLikeGift = true
                    metadata.read(comment: trimmed, line: line)
                } else {
                    content.append(line)
                }
            }
            guard !content.isEmpty else { continue }
            let text = GiftString(lines: content).trimmed()
            guard !text.isEmpty else { continue }
            if text.hasPrefix("$CATEGORY:") {
                looksLikeGift = true
                let rest = text.dropFirst("$CATEGORY:".count)
                let firstLine = rest.split(on: "\n").first?.piece ?? rest
                items.append(
                    .category(
                        path: firstLine.text.trimmingCharacters(in: .whitespaces), id: metadata.id,
                        position: text.position ?? .fileStart))
                continue
            }
            var reader = QuestionReader(metadata: metadata, log: log)
            if let question = reader.read(text) {
                if case .description = question.answers {
                    if question.title != nil || question.text.format != .moodle { looksLikeGift = true }
                } else {
                    looksLikeGift = true
                }
                items.append(.question(question))
            } else {
                looksLikeGift = true  // it had braces: GIFT, but broken
            }
            log = reader.log
        }
        if !looksLikeGift, lines.contains(where: { !$0.isBlank }) {
            log.error(InterchangeText.notGift, at: .fileStart, hint: InterchangeText.notGiftHint)
            items = []
        }
        return (GiftDocument(items: items), log.sorted)
    }

    /// The file's lines grouped into blocks separated by blank lines.
    static func blocks(_ lines: [SourceDecoding.Line]) -> [[SourceDecoding.Line]] {
        var blocks: [[SourceDecoding.Line]] = []
        var current: [SourceDecoding.Line] = []
        for line in lines {
            if line.isBlank {
                if !current.isEmpty { blocks.append(current) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }

    /// What the comment lines of a block say: `[id:…]`, `[tag:…]`, and HocSo's `[hocso]` and `[hint]`.
    struct Metadata {
        var id: String?
        var tags: [String] = []
        var settings: [String: String] = [:]
        var hints: [GiftText] = []

        mutating func read(comment: String, line: SourceDecoding.Line) {
            let body = comment.dropFirst(2).trimmingCharacters(in: .whitespaces)
            if body.hasPrefix("[hocso]") {
                for entry in body.dropFirst("[hocso]".count).split(separator: ";") {
                    let parts = entry.split(separator: ":", maxSplits: 1).map {
                        $0.trimmingCharacters(in: .whitespaces)
                    }
                    if parts.count == 2, !parts[0].isEmpty { settings[parts[0].lowercased()] = parts[1] }
                }
                return
            }
            if body.hasPrefix("[hint]") {
                let characters = line.characters
                let whole = String(characters)
                guard let marker = whole.range(of: "[hint]") else { return }
                let offset = whole.distance(from: whole.startIndex, to: marker.upperBound)
                // Blanking what comes before the hint keeps every column where it is in the file.
                let blanked = Array(repeating: Character(" "), count: offset) + characters.dropFirst(offset)
                let text = GiftString(lines: [SourceDecoding.Line(characters: blanked, number: line.number)]).trimmed()
                hints.append(
                    GiftText(
                        format: .markdown, text: text.text,
                        position: text.position ?? TextPosition(line: line.number, column: 1)))
                return
            }
            var rest = Substring(body)
            while let open = rest.range(of: "[") {
                guard let close = rest[open.upperBound...].firstIndex(of: "]") else { break }
                let inner = rest[open.upperBound..<close]
                if inner.hasPrefix("id:") {
                    id = inner.dropFirst(3).trimmingCharacters(in: .whitespaces)
                } else if inner.hasPrefix("tag:") {
                    let tag = inner.dropFirst(4).trimmingCharacters(in: .whitespaces)
                    if !tag.isEmpty { tags.append(tag) }
                }
                rest = rest[rest.index(after: close)...]
            }
        }
    }
}
