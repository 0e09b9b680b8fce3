import Foundation
import Localization
import TerminalText

/// The board drawn as terminal lines: a title, a summary, one row per learner (those who need a
/// hand first), and the keys, fitted to the window by display width (Vietnamese marks take no
/// column), styled only when the styler allows (NO_COLOR, not a terminal).
public struct BoardView {
    /// The interface language.
    public var language: Language
    /// Colours and emphasis, or none.
    public var styler: Styler
    /// Titles of courses and lessons.
    public var names: CourseNames
    /// Minutes without a move before a learner is flagged.
    public var stuckMinutes: Int

    /// Makes a view.
    public init(language: Language, styler: Styler, names: CourseNames, stuckMinutes: Int) {
        self.language = language
        self.styler = styler
        self.names = names
        self.stuckMinutes = stuckMinutes
    }

    /// One row of the board.
    public struct Row: Sendable, Equatable {
        /// The learner's code.
        public var code: String
        /// Their name.
        public var name: String
        /// The course and lesson they are in (`Course › 2. Lesson`), empty when none.
        public var place: String
        /// The lesson only, for a narrow column.
        public var lesson: String
        /// Where in the lesson (`step 3/7`, `question 2/5`).
        public var at: String
        /// Their state: needs a hand, studying, left, not come.
        public var status: String
        /// Whether they need a hand.
        public var needsHand: Bool
        /// Whether they are here now.
        public var isHere: Bool
    }

    /// The rows, those needing a hand first, then those here, then the rest, by code.
    public func rows(_ learners: [BoardState.Learner], names people: [String: String], now: Int64) -> [Row] {
        let rows = learners.map { l -> Row in
            let hand = l.needsHand(now: now, stuckMinutes: stuckMinutes)
            let here = l.isHere(now: now)
            var status: Phrase
            if let hand {
                status = ConsoleText.needsHand(hand)
            } else if here {
                status = ConsoleText.studying
            } else if l.came {
                status = ConsoleText.left
            } else {
                status = ConsoleText.notCome
            }
            if !l.lessonsDone.isEmpty { status = status + .verbatim(" ✓\(l.lessonsDone.count)") }
            let (place, lesson, at) = self.place(l)
            return Row(
                code: l.code, name: ControlCharacters.replaced(in: people[l.code] ?? ""), place: place, lesson: lesson,
                at: at, status: status(language), needsHand: hand != nil, isHere: here)
        }
        return rows.sorted {
            ($0.needsHand ? 0 : $0.isHere ? 1 : 2, $0.code) < ($1.needsHand ? 0 : $1.isHere ? 1 : 2, $1.code)
        }
    }

    /// Where a learner is, in words: `Course › 2. Lesson`, the lesson alone, and `step 3/7`.
    public func place(_ l: BoardState.Learner) -> (place: String, lesson: String, at: String) {
        guard let course = l.course, let lesson = l.lesson else { return ("", "", "—") }
        let counts = names.counts(lesson: lesson, in: course)
        let at: Phrase
        switch l.place {
        case .nowhere: at = ConsoleText.opened
        case .reading(let step):
            let steps = counts?.steps ?? []
            let next = step.flatMap { steps.firstIndex(of: $0) }.map { $0 + 2 } ?? 1
            at = ConsoleText.step(min(next, max(steps.count, 1)), of: steps.count)
        case .quiz(_, let answered, _):
            at = ConsoleText.question(answered + 1, of: counts?.questions.count ?? 0)
        case .quizFinished(let passed): at = passed ? ConsoleText.quizPassed : ConsoleText.quizFailed
        case .lessonDone: at = ConsoleText.lessonDone
        }
        let safe = ControlCharacters.replaced
        let lessonTitle = safe(names.lesson(lesson, in: course))
        return (safe(names.course(course, english: language == .en)) + " › " + lessonTitle, lessonTitle, at(language))
    }

    /// The place column: where in the lesson always shown whole, the course and lesson before
    /// it as room allows (the course dropped first).
    static func placeColumn(_ row: Row, width: Int) -> String {
        guard !row.place.isEmpty else { return fit(row.at, width) }
        let room = width - TerminalWidth.of(row.at) - 3
        let prefix = TerminalWidth.of(row.place) <= room ? row.place : row.lesson
        guard room >= 6 else { return fit(row.at, width) }
        return fit(trimmed(prefix, room) + " › " + row.at, width)
    }

    /// `text` cut to at most `width` columns (an ellipsis marking the cut), without padding.
    static func trimmed(_ text: String, _ width: Int) -> String {
        TerminalWidth.of(text) <= width ? text : fit(text, width)
    }

    /// The whole screen, `height` lines of at most `width` columns; `scroll` rows of learners
    /// are skipped (clamped). Returns the lines and the scroll actually used.
    public func lines(
        rows: [Row], title: String, now: Date, width: Int, height: Int, scroll: Int
    ) -> (lines: [String], scroll: Int) {
        let width = max(width, 40)
        let height = max(height, 8)
        let clock = Self.clock(now)
        var out: [String] = []
        out.append(styler.apply(TextStyle(bold: true), to: Self.spread(title, clock, width: width)))
        let hands = rows.filter(\.needsHand).count
        let here = rows.filter(\.isHere).count
        out.append(Self.fit(ConsoleText.summary(here: here, hands: hands, total: rows.count)(language), width))
        let codeWidth = 6
        let nameWidth = min(20, max(10, width / 5))
        let statusWidth = min(24, max(14, width / 4))
        let placeWidth = max(10, width - codeWidth - nameWidth - statusWidth - 3)
        let header = [
            Self.fit(ConsoleText.codeHeader(language), codeWidth),
            Self.fit(ConsoleText.nameHeader(language), nameWidth),
            Self.fit(ConsoleText.placeHeader(language), placeWidth),
            Self.fit(ConsoleText.statusHeader(language), statusWidth),
        ].joined(separator: " ")
        out.append(styler.apply(TextStyle(underline: true), to: header))
        let room = height - out.count - 1
        let maxScroll = max(0, rows.count - room)
        let scroll = min(max(0, scroll), maxScroll)
        if rows.isEmpty { out.append(Self.fit(ConsoleText.nobodyYet(language), width)) }
        for row in rows.dropFirst(scroll).prefix(room) {
            let line = [
                Self.fit(row.code, codeWidth), Self.fit(row.name, nameWidth), Self.placeColumn(row, width: placeWidth),
                Self.fit(row.status, statusWidth),
            ].joined(separator: " ")
            let style =
                row.needsHand
                ? TextStyle(bold: true, foreground: .red) : row.isHere ? TextStyle.plain : TextStyle(dim: true)
            out.append(styler.apply(style, to: line))
        }
        while out.count < height - 1 { out.append("") }
        var keys = ConsoleText.boardKeys(language)
        if maxScroll > 0 {
            keys +=
                "  "
                + ConsoleText.moreRows(shown: scroll + 1, through: min(rows.count, scroll + room), of: rows.count)(
                    language)
        }
        out.append(styler.apply(TextStyle(dim: true), to: Self.fit(keys, width)))
        return (out, scroll)
    }

    /// `text` cut or padded with spaces to exactly `width` display columns.
    public static func fit(_ text: String, _ width: Int) -> String {
        var out = ""
        var used = 0
        for character in text {
            let w = TerminalWidth.of(character)
            if used + w > width {
                // Mark the cut with an ellipsis when there is a column for it.
                if width > 0 {
                    while used > width - 1, let last = out.popLast() { used -= TerminalWidth.of(last) }
                    out.append("…")
                    used += 1
                }
                break
            }
            out.append(character)
            used += w
        }
        return out + String(repeating: " ", count: max(0, width - used))
    }

    /// `left` and `right` on one line of `width` columns.
    static func spread(_ left: String, _ right: String, width: Int) -> String {
        let rightWidth = TerminalWidth.of(right)
        return fit(left, max(0, width - rightWidth - 1)) + " " + right
    }

    /// `HH:mm:ss` on this machine's clock.
    static func clock(_ date: Date) -> String {
        let c = Calendar.current.dateComponents([.hour, .minute, .second], from: date)
        return [c.hour ?? 0, c.minute ?? 0, c.second ?? 0].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
    }
}
