import Foundation
import LearnerEvents
import Localization
import TerminalText
import Testing

@testable import FacilitatorConsole

/// The board's rules without a terminal: who needs a hand, where each one is, and a screen that
/// fits 80×24 in Vietnamese, with and without colour.
@Suite("Facilitator board: state and screen")
struct BoardStateTests {
    static let t0: Int64 = 1_772_323_200_000
    static let minute: Int64 = 60_000

    static func event(_ seq: Int64, _ occurrence: Occurrence) -> Event {
        Event(nodeId: "n-0123456789abcdef", seq: seq, recordedAt: occurrence.occurredAt, occurrence: occurrence)
    }

    static func answer(_ question: String, correct: Bool, attempt: Int = 1, at: Int64) -> Occurrence {
        .answerSubmitted(
            learner: "LAN1", course: "c", version: 1, lesson: "l", attempt: attempt,
            answer: RecordedAnswer(
                questionId: question, response: .choice("a"), correct: correct, score: correct ? 1 : 0, maxScore: 1,
                hintsUsed: 0, elapsedMs: 1000),
            at: at)
    }

    static let start: [Occurrence] = [
        .sessionStarted(learner: "LAN1", at: t0),
        .lessonOpened(learner: "LAN1", course: "c", version: 1, lesson: "l", at: t0 + 1000),
        .quizStarted(learner: "LAN1", course: "c", version: 1, lesson: "l", attempt: 1, at: t0 + 2000),
    ]

    @Test(
        arguments: [
            ("answering well", [answer("q1", correct: true, at: t0 + 3000)], t0 + 4000, nil),
            (
                "wrong twice in a row on the question",
                [answer("q1", correct: false, at: t0 + 3000)]
                    + [answer("q1", correct: false, attempt: 2, at: t0 + 9000)], t0 + 10_000,
                BoardState.HandReason.failedTwice(question: "q1", times: 2)
            ),
            (
                "wrong, then right, then wrong",
                [answer("q1", correct: false, at: t0 + 3000)]
                    + [answer("q1", correct: true, attempt: 2, at: t0 + 5000)]
                    + [answer("q1", correct: false, attempt: 3, at: t0 + 7000)], t0 + 8000, nil
            ),
            (
                "six minutes on one question", [answer("q1", correct: true, at: t0 + 3000)], t0 + 3000 + 6 * minute,
                .stuck(minutes: 6)
            ),
            (
                "an hour without a move is gone, not stuck", [answer("q1", correct: true, at: t0 + 3000)],
                t0 + 3000 + 61 * minute, nil
            ),
            ("four minutes is not yet", [answer("q1", correct: true, at: t0 + 3000)], t0 + 3000 + 4 * minute, nil),
            (
                "signed out is nobody's to help",
                [answer("q1", correct: false, at: t0 + 3000)]
                    + [answer("q1", correct: false, attempt: 2, at: t0 + 4000)] + [
                        .sessionEnded(learner: "LAN1", at: t0 + 5000)
                    ],
                t0 + 6000, nil
            ),
        ] as [(String, [Occurrence], Int64, BoardState.HandReason?)])
    func needsAHand(_ name: String, _ then: [Occurrence], _ now: Int64, _ expected: BoardState.HandReason?) {
        var state = BoardState()
        for (i, occurrence) in (Self.start + then).enumerated() { state.apply(Self.event(Int64(i + 1), occurrence)) }
        let lan = state.learners["LAN1"]
        #expect(lan?.needsHand(now: now, stuckMinutes: 5) == expected, "\(name)")
    }

    @Test func groupEventsAboutNoLearnerMakeNoRow() {
        var state = BoardState()
        state.apply(Self.event(1, .groupCreated(GroupFacts(group: "g", name: "G", facilitator: "F"), at: Self.t0)))
        state.apply(Self.event(2, .groupMemberAdded(group: "g", learner: "LAN1", at: Self.t0)))
        state.apply(Self.event(3, .groupAssignmentAdded(group: "g", course: "c", lesson: nil, due: nil, at: Self.t0)))
        #expect(state.learners.isEmpty)
    }

    @Test func finishedLessonsAndFailedQuizzesAreKeptForTheSheet() {
        var state = BoardState()
        let mastery = MasteryRecord(.passMark(0.8))
        let occurrences: [Occurrence] =
            Self.start + [
                .quizFinished(
                    learner: "LAN1", course: "c", version: 1, lesson: "l", attempt: 1,
                    outcome: QuizOutcome(score: 1, maxScore: 5, passed: false, mastery: mastery, wrong: []),
                    at: Self.t0 + 5000),
                .lessonOpened(learner: "LAN1", course: "c", version: 1, lesson: "m", at: Self.t0 + 6000),
                .lessonCompleted(learner: "LAN1", course: "c", version: 1, lesson: "m", at: Self.t0 + 7000),
            ]
        for (i, occurrence) in occurrences.enumerated() { state.apply(Self.event(Int64(i + 1), occurrence)) }
        #expect(state.learners["LAN1"]?.toRepeat == ["c/l"])
        #expect(state.learners["LAN1"]?.lessonsDone == ["c/m"])
        #expect(state.learners["LAN1"]?.place == .lessonDone)
    }

    @Test(arguments: [Language.vi, .en])
    func theScreenFits80By24WithThirtyLearnersAndScrolls(_ language: Language) {
        var state = BoardState()
        var names: [String: String] = [:]
        for i in 0..<30 {
            let code = "HV\(i + 10)"
            names[code] = "Nguyễn Thị Phương Thảo Hoàng \(i)"
            state.apply(Self.event(Int64(i * 2 + 1), .sessionStarted(learner: code, at: Self.t0)))
            state.apply(
                Self.event(
                    Int64(i * 2 + 2),
                    .stepRead(
                        learner: code, course: "dinh-danh-dien-tu-vneid", version: 1, lesson: "kich-hoat-muc-2",
                        step: "buoc-\(i)", at: Self.t0 + Int64(i) * 1000)))
        }
        let view = BoardView(language: language, styler: .plain, names: CourseNames(), stuckMinutes: 5)
        let rows = view.rows(Array(state.learners.values), names: names, now: Self.t0 + 40_000)
        let now = Date(timeIntervalSince1970: Double(Self.t0) / 1000)
        let first = view.lines(rows: rows, title: "HọcSố", now: now, width: 80, height: 24, scroll: 0)
        #expect(first.lines.count == 24)
        for line in first.lines { #expect(TerminalWidth.of(line) <= 80, "\(line)") }
        #expect(first.lines[3].hasPrefix("HV10 "))
        let scrolled = view.lines(rows: rows, title: "HọcSố", now: now, width: 80, height: 24, scroll: 1000)
        #expect(scrolled.scroll == 30 - 20, "scrolling stops at the last row")
        #expect(scrolled.lines[22].hasPrefix("HV39 "))
        #expect(scrolled.lines[23].contains(language == .vi ? "dòng 11–30 / 30" : "rows 11–30 of 30"))
    }

    @Test(arguments: [
        ("NO_COLOR set", ["TERM": "xterm-256color", "NO_COLOR": "1"], false),
        ("a colour terminal", ["TERM": "xterm-256color"], true),
    ])
    func colourOnlyWhereAllowed(_ name: String, _ environment: [String: String], _ coloured: Bool) {
        var state = BoardState()
        state.apply(Self.event(1, .sessionStarted(learner: "LAN1", at: Self.t0)))
        let styler = Styler(mode: .automatic(isTerminal: true, environment: environment))
        let view = BoardView(language: .vi, styler: styler, names: CourseNames(), stuckMinutes: 5)
        let rows = view.rows(Array(state.learners.values), names: ["LAN1": "Lan"], now: Self.t0)
        let lines = view.lines(rows: rows, title: "HọcSố", now: Date(), width: 80, height: 24, scroll: 0).lines
        #expect(lines.joined().contains("\u{1B}[") == coloured, "\(name)")
    }

    @Test(arguments: [
        ("short Vietnamese is padded", "Lê Thị Ánh", 12, "Lê Thị Ánh  "),
        ("long Vietnamese is cut with an ellipsis", "Nguyễn Thị Phương Thảo", 10, "Nguyễn Th…"),
        ("wide characters count twice", "越南越南", 5, "越南…"),
    ])
    func fitsByDisplayWidth(_ name: String, _ text: String, _ width: Int, _ expected: String) {
        let fitted = BoardView.fit(text, width)
        #expect(fitted == expected, "\(name)")
        #expect(TerminalWidth.of(fitted) == width)
    }

    @Test func theSheetCSVHasABOMCRLFAndNoFormulas() {
        let sheet = SessionSheet(
            group: .init(id: "g", name: "Nhóm", facilitator: "Chị Hoa", schedule: nil, createdAt: 0), day: "2026-12-03",
            assignments: [("c", "Khoá C", "2026-12-15")],
            rows: [
                .init(
                    code: "LAN1", name: "=HYPERLINK(\"x\")", came: true, time: "14:00–15:10",
                    finished: ["Khoá C › 1. Bài, một"], toRepeat: [], assignmentsDone: 1)
            ])
        let csv = sheet.csv(.vi)
        #expect(csv.hasPrefix("\u{FEFF}Mã,Họ tên,Có mặt,"))
        #expect(csv.contains("\r\nLAN1,\"'=HYPERLINK(\"\"x\"\")\",có,14:00–15:10,\"Khoá C › 1. Bài, một\",,1/1\r\n"))
        let html = sheet.html(.en, printedAt: "15:30")
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("=HYPERLINK(&quot;x&quot;)"))
        #expect(html.contains("Came: 1 of 1"))
    }
}
