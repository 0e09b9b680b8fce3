import Localization
import TerminalText

/// What one screen shows, before it is fitted to a terminal: a title bar, a body, a status line
/// and a bar of keys.
public struct ScreenContent: Sendable, Equatable {
    /// The title bar's text.
    public var title: String
    /// Shown at the right of the title bar ("Câu 3/8").
    public var indicator: String = ""
    /// The body, each line already fitting the width.
    public var body: [String]
    /// Body lines that must stay in view when the body is taller than the screen (the selection).
    public var focus: ClosedRange<Int>?
    /// A line of news above the key bar (a greeting, the input method changed, an error).
    public var status: String?
    /// Which keys do what, most important first in `priority`.
    var keys: [KeyHint] = []
    /// What line mode prints before reading a line.
    public var prompt: String = "> "

    /// Lines taken by the title bar, its rule and the key bar.
    static let chromeHeight = 3
    /// The most lines the status may take before it is cut.
    static let statusLines = 3

    /// Makes content.
    init(
        title: String, indicator: String = "", body: [String], focus: ClosedRange<Int>? = nil, keys: [KeyHint],
        prompt: String = "> "
    ) {
        self.title = title
        self.indicator = indicator
        self.body = body
        self.focus = focus
        self.keys = keys
        self.prompt = prompt
    }

    /// The rows the body may use on a `width` × `height` screen (after the status line).
    func bodyRows(width: Int, height: Int) -> Int {
        max(1, height - Self.chromeHeight - statusLines(width: width).count)
    }

    func statusLines(width: Int) -> [String] {
        guard let status, !status.isEmpty else { return [""] }
        let lines = Layout.wrap(status, width: width)
        return Array(lines.prefix(Self.statusLines))
    }

    /// Where the body starts when it scrolls: `requested` (a line the learner scrolled to) or,
    /// when nil, the first line that keeps `focus` in view; clamped so the last page is full.
    func scrollTop(requested: Int?, rows: Int) -> Int {
        guard body.count > rows else { return 0 }
        let shown = rows - 1  // one row says there is more
        let last = body.count - shown
        if let requested { return min(max(0, requested), last) }
        guard let focus else { return 0 }
        var top = 0
        if focus.upperBound >= top + shown { top = focus.upperBound - shown + 1 }
        if focus.lowerBound < top { top = focus.lowerBound }
        return min(max(0, top), last)
    }

    /// The screen as exactly `height` lines of at most `width` columns, and the first body line shown.
    func frame(width: Int, height: Int, styler: Styler, language: Language, scroll: Int?) -> (lines: [String], top: Int)
    {
        let status = statusLines(width: width)
        let rows = bodyRows(width: width, height: height)
        var lines = [
            titleBar(width: width, styler: styler),
            styler.apply(TextStyle(dim: true), to: String(repeating: "─", count: width)),
        ]
        let top = scrollTop(requested: scroll, rows: rows)
        if body.count > rows {
            // The last row says where the rest is, instead of covering a line of text.
            let shown = rows - 1
            lines += body[top..<min(body.count, top + shown)]
            lines += Array(repeating: "", count: max(0, shown - (min(body.count, top + shown) - top)))
            let more = top + shown < body.count
            let marker = (more ? ScrollText.more : ScrollText.end)(language)
            lines.append(styler.apply(TextStyle(dim: true), to: Layout.fit(marker, width: width)))
        } else {
            lines += body
            lines += Array(repeating: "", count: rows - body.count)
        }
        lines += status.map { styler.apply(TextStyle(bold: true), to: Layout.fit($0, width: width)) }
        lines.append(styler.apply(TextStyle(dim: true), to: KeyBar.line(keys, language: language, width: width)))
        return (Array(lines.prefix(max(height, 1))), top)
    }

    /// The screen as lines to print in line mode.
    func transcript(width: Int, language: Language) -> [String] {
        var lines = [Layout.fit(indicator.isEmpty ? title : "\(title) · \(indicator)", width: width)]
        lines.append(String(repeating: "─", count: min(width, 40)))
        var body = self.body
        while body.last?.isEmpty == true { body.removeLast() }
        lines += body
        if let status, !status.isEmpty { lines += Layout.wrap(status, width: width) }
        lines.append(KeyBar.line(keys, language: language, width: width))
        return lines
    }

    private func titleBar(width: Int, styler: Styler) -> String {
        let right = indicator.isEmpty ? "" : " " + Layout.fit(indicator, width: max(0, width / 2)) + " "
        let room = max(0, width - TerminalWidth.of(right))
        let left = Layout.pad(Layout.fit(" " + title, width: room), to: room)
        return styler.apply(TextStyle(bold: true, reverse: true), to: Layout.fit(left + right, width: width))
    }
}

/// The words of the scroll line.
enum ScrollText {
    static let more = ClientText.p("▼ còn nữa — nhấn PgDn hoặc ↓ để xem tiếp", "▼ more below — press PgDn or ↓")
    static let end = ClientText.p("▲ hết — nhấn PgUp hoặc ↑ để xem lại", "▲ the end — press PgUp or ↑ to look back")
}
