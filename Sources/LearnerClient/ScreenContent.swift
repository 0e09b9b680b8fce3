import TerminalText

/// What one screen shows, before it is fitted to a terminal: a title bar, a body, a status line
/// and a footer of keys.
public struct ScreenContent: Sendable, Equatable {
    /// The title bar's text.
    public var title: String
    /// Shown at the right of the title bar ("Câu 3/8").
    public var indicator: String = ""
    /// The body, each line already fitting the width.
    public var body: [String]
    /// A body line that must stay visible when the body is taller than the screen (the selection).
    public var focus: Int?
    /// A line of news above the footer (input method, a hint is out, an error).
    public var status: String?
    /// Which keys do what.
    public var footer: String
    /// What line mode prints before reading a line.
    public var prompt: String = "> "

    /// Lines taken by the title bar, its rule, the status line and the footer.
    static let chromeHeight = 4

    /// The screen as exactly `height` lines of at most `width` columns.
    func frame(width: Int, height: Int, styler: Styler) -> [String] {
        let bodyHeight = max(1, height - Self.chromeHeight)
        var lines = [
            titleBar(width: width, styler: styler),
            styler.apply(TextStyle(dim: true), to: String(repeating: "─", count: width)),
        ]
        var visible = body
        if body.count > bodyHeight {
            // Keep the focused line in view; mark that more is above or below.
            let focusLine = min(focus ?? 0, body.count - 1)
            let start = max(0, min(focusLine - bodyHeight / 2, body.count - bodyHeight))
            visible = Array(body[start..<min(body.count, start + bodyHeight)])
            if start > 0 { visible[0] = Layout.fit("  ↑ …", width: width) }
            if start + bodyHeight < body.count { visible[visible.count - 1] = Layout.fit("  ↓ …", width: width) }
        }
        lines += visible
        lines += Array(repeating: "", count: max(0, bodyHeight - visible.count))
        lines.append(styler.apply(TextStyle(bold: true), to: Layout.fit(status ?? "", width: width)))
        lines.append(styler.apply(TextStyle(dim: true), to: Layout.fit(footer, width: width)))
        return Array(lines.prefix(max(height, 1)))
    }

    /// The screen as lines to print in line mode.
    func transcript(width: Int) -> [String] {
        var lines = [Layout.fit(indicator.isEmpty ? title : "\(title) · \(indicator)", width: width)]
        lines.append(String(repeating: "─", count: min(width, 40)))
        var body = self.body
        while body.last?.isEmpty == true { body.removeLast() }
        lines += body
        if let status, !status.isEmpty { lines.append(status) }
        lines.append(footer)
        return lines
    }

    private func titleBar(width: Int, styler: Styler) -> String {
        let right = indicator.isEmpty ? "" : " " + indicator + " "
        let room = max(0, width - TerminalWidth.of(right))
        let left = Layout.pad(Layout.fit(" " + title, width: room), to: room)
        return styler.apply(TextStyle(bold: true, reverse: true), to: Layout.fit(left + right, width: width))
    }
}

/// Measuring and cutting plain text by terminal columns (Vietnamese marks take no column).
enum Layout {
    /// `text` cut to `width` columns, with `…` when cut.
    static func fit(_ text: String, width: Int) -> String {
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

    /// Plain text wrapped to `width` columns at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if TerminalWidth.of(candidate) > width, !line.isEmpty {
                    lines.append(line)
                    line = fit(String(word), width: width)
                } else {
                    line = fit(candidate, width: width)
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// `first` lines prefixed by `marker`, the rest indented to line up under the text.
    static func hang(_ lines: [String], marker: String) -> [String] {
        let indent = String(repeating: " ", count: TerminalWidth.of(marker))
        return lines.enumerated().map { $0.offset == 0 ? marker + $0.element : indent + $0.element }
    }
}
