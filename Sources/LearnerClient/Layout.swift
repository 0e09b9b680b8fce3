import Localization
import TerminalText

/// Measuring, wrapping and cutting plain text by terminal columns (Vietnamese marks take no column).
///
/// Wrapping never cuts or drops a word: a word is moved whole to the next line, and only a word
/// wider than the whole line (a long web address, a pasted run of letters) is split, between
/// characters, over as many lines as it needs. Control characters from names and content are
/// shown as `�`, never sent to the terminal.
enum Layout {
    /// `text` cut to `width` columns, with `…` when cut (titles and the status line only).
    static func fit(_ text: String, width: Int) -> String {
        let text = ControlCharacters.replaced(in: text)
        guard TerminalWidth.of(text) > width else { return text }
        guard width > 1 else { return width == 1 ? "…" : "" }
        var out = ""
        var used = 0
        for character in text {
            let w = TerminalWidth.of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// `text` padded with spaces to `width` columns.
    static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - TerminalWidth.of(text)))
    }

    /// Plain text wrapped to `width` columns at spaces; `\n` starts a new line.
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let paragraph = ControlCharacters.replaced(in: String(raw))
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ") {
                let wordWidth = TerminalWidth.of(String(word))
                let needed = line.isEmpty ? wordWidth : lineWidth + 1 + wordWidth
                if needed <= width {
                    line += line.isEmpty ? String(word) : " " + word
                    lineWidth = needed
                    continue
                }
                if !line.isEmpty {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                if wordWidth <= width {
                    line = String(word)
                    lineWidth = wordWidth
                    continue
                }
                // Wider than a line: split between characters, nothing lost.
                for character in word {
                    let w = TerminalWidth.of(character)
                    if lineWidth + w > width, !line.isEmpty {
                        lines.append(line)
                        line = ""
                        lineWidth = 0
                    }
                    line.append(character)
                    lineWidth += w
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// `lines`, the first behind `marker`, the rest indented to line up under the text.
    static func hang(_ lines: [String], marker: String) -> [String] {
        let indent = String(repeating: " ", count: TerminalWidth.of(marker))
        return lines.enumerated().map { $0.offset == 0 ? marker + $0.element : indent + $0.element }
    }

    /// `text` wrapped to fit beside `marker` in `width` columns, with a hanging indent.
    static func hanging(_ text: String, marker: String, width: Int) -> [String] {
        hang(wrap(text, width: max(8, width - TerminalWidth.of(marker))), marker: marker)
    }

    /// `text` wrapped to `width` columns less a two-space margin, each line behind the margin.
    static func indented(_ text: String, width: Int, margin: String = "  ") -> [String] {
        wrap(text, width: max(8, width - TerminalWidth.of(margin))).map { margin + $0 }
    }
}
