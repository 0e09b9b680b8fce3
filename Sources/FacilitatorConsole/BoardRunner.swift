import Foundation
import LearnerClient
import Localization

/// The live board in a terminal: refreshed about every second from the centre database, drawn
/// whole, keys read one by one (q or Esc leaves, arrows and Page keys scroll).
public enum BoardRunner {
    /// Runs until the facilitator leaves or the terminal closes; `terminal` is the learner
    /// client's terminal layer (raw mode and the alternate screen, restored on every way out).
    public static func run(
        source: BoardSource, view: BoardView, terminal: any Terminal, clock: () -> Date = Date.init
    ) {
        var scroll = 0
        var lastRefresh = clock()
        while true {
            let now = clock()
            if now.timeIntervalSince(lastRefresh) >= 0.9 {
                // A failed read (the disk busy a moment) leaves the last picture; the next tick tries again.
                try? source.refresh()
                lastRefresh = now
            }
            let size = terminal.size()
            let rows = view.rows(source.shown, names: source.names, now: Int64(now.timeIntervalSince1970 * 1000))
            let frame = view.lines(
                rows: rows, title: title(source, view.language), now: now, width: size.width, height: size.height,
                scroll: scroll)
            scroll = frame.scroll
            terminal.draw(frame.lines)
            let page = max(1, size.height - 6)
            switch terminal.next(prompt: "") {
            case .end: return
            case .idle, .resized: continue
            case .input(.line(let line)):
                if ["q", "quit", "thoat", "thoát"].contains(line.trimmingCharacters(in: .whitespaces).lowercased()) {
                    return
                }
            case .input(.key(let key)):
                switch key {
                case .character("q"), .character("Q"), .escape, .control("c"), .control("q"): return
                case .up: scroll -= 1
                case .down: scroll += 1
                case .pageUp: scroll -= page
                case .pageDown, .character(" "): scroll += page
                case .home: scroll = 0
                case .end: scroll = Int.max / 2
                default: break
                }
            }
        }
    }

    /// The board once, every row, for a pipe or a file (`--once`).
    public static func once(source: BoardSource, view: BoardView, width: Int, now: Date = Date()) -> [String] {
        let rows = view.rows(source.shown, names: source.names, now: Int64(now.timeIntervalSince1970 * 1000))
        var lines = view.lines(
            rows: rows, title: title(source, view.language), now: now, width: width, height: max(rows.count, 1) + 5,
            scroll: 0
        ).lines
        lines.removeLast()  // the keys mean nothing on paper
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
    }

    private static func title(_ source: BoardSource, _ language: Language) -> String {
        let phrase = source.group.map { ConsoleText.boardTitle(group: $0.name) } ?? ConsoleText.boardTitle
        return ControlCharacters.replaced(in: phrase(language))
    }
}
