import CourseModel
import QuizEngine
import TerminalText

extension LearnerApp {
    func quizContent(_ state: QuizScreenState, width: Int) -> ScreenContent {
        let lesson = state.lesson
        if state.intro, let quiz = lesson.quiz {
            var body = [""]
            let intro =
                course?.isSelfCheck == true
                ? ClientText.selfCheckIntro(quiz.questions.count)
                : ClientText.quizIntro(quiz.questions.count, ruleText(quiz.mastery))
            body += Layout.indented(say(intro), width: width)
            if state.started, let position = state.active.position {
                body += Layout.indented(say(ClientText.quizResume(position.number)), width: width)
            }
            if !quiz.introduction.isEmpty { body += [""] + renderer(width).render(quiz.introduction) }
            var keys = [
                KeyHint(key: KeyMap.confirm, action: ClientText.keyStart, priority: 0),
                KeyHint(key: KeyMap.back, action: ClientText.keyBack, priority: 1),
            ]
            if !lesson.steps.isEmpty {
                keys.append(KeyHint(key: KeyMap.previous, action: ClientText.rereadLesson, priority: 3))
            }
            return ScreenContent(
                title: safe(lesson.title), indicator: safe(quiz.title), body: body, keys: keys + commonKeys)
        }
        guard let question = state.question, let position = state.active.position else {
            return ScreenContent(title: safe(lesson.title), body: [], keys: commonKeys)
        }
        let r = renderer(width)
        var body: [String] = []
        if state.isPractice { body.append(styler.apply(TextStyle(dim: true), to: say(ClientText.practiceBanner))) }
        body += r.render(inlines: question.prompt).map { styler.apply(TextStyle(bold: true), to: $0) }
        if !question.body.isEmpty { body += [""] + r.render(question.body) }
        body.append("")
        var focus: ClosedRange<Int>?
        if let outcome = state.outcome {
            body += answeredLines(question, state: state, outcome: outcome, width: width)
            body.append("")
            let verdictAt = body.count
            body += feedbackLines(question, outcome: outcome, width: width)
            focus = verdictAt...verdictAt
            let last = state.active.remaining == 0 && state.active.pendingOutcome != nil
            let keys = [
                KeyHint(
                    key: KeyMap.confirm, action: last ? ClientText.seeResult : ClientText.nextQuestion, priority: 0),
                KeyHint(key: KeyMap.back, action: ClientText.keyStop, priority: 1),
            ]
            return ScreenContent(
                title: safe(lesson.title), indicator: say(ClientText.questionCounter(position.number, position.total)),
                body: body, focus: focus, keys: keys + commonKeys)
        }
        body += Layout.indented(say(ClientText.instruction(question.kind)), width: width).map {
            styler.apply(TextStyle(dim: true), to: $0)
        }
        body.append("")
        let area = answerArea(question, state: state, width: width)
        if state.interacted, let rows = area.focus {
            focus = (rows.lowerBound + body.count)...(rows.upperBound + body.count)
        }
        body += area.lines
        if let notice = state.notice {
            let start = body.count
            body += Layout.indented(say(notice), width: width).map { styler.apply(TextStyle(bold: true), to: $0) }
            focus = (focus?.lowerBound ?? start)...(body.count - 1)
        }
        for (index, hint) in state.hints.enumerated() {
            body += [
                "",
                styler.apply(
                    TextStyle(bold: true, foreground: .green),
                    to: say(ClientText.hint(index + 1, question.hints.count))),
            ]
            body += r.render(hint)
        }
        var keys = [
            KeyHint(key: KeyMap.confirm, action: ClientText.keyAnswer, priority: 0),
            KeyHint(key: KeyMap.back, action: ClientText.keyStop, priority: 1),
        ]
        if isTextKind(question) {
            // The input method is on screen, with the key that changes it, whenever typing is asked for.
            keys.append(
                KeyHint(key: KeyMap.inputMethod, action: ClientText.inputMethodName(state.text.method), priority: 2))
        } else {
            keys.append(KeyHint(key: KeyMap.move, action: ClientText.keyChoose, priority: 4))
        }
        if !question.hints.isEmpty { keys.append(KeyHint(key: KeyMap.hint, action: ClientText.keyHint, priority: 5)) }
        var content = ScreenContent(
            title: safe(lesson.title), indicator: say(ClientText.questionCounter(position.number, position.total)),
            body: body, focus: focus, keys: keys + commonKeys)
        if isTextKind(question) { content.prompt = say(ClientText.yourAnswer) + " " }
        return content
    }

    /// Read-aloud and sign-out, shown on every screen of a signed-in learner.
    var commonKeys: [KeyHint] {
        [
            KeyHint(key: KeyMap.readAloud, action: ClientText.keyRead, priority: 6),
            KeyHint(key: KeyMap.signOut, action: ClientText.keySignOut, priority: 2),
        ]
    }

    func isTextKind(_ question: Question) -> Bool {
        question.kind == .shortAnswer || question.kind == .numeric
    }

    /// A mastery rule in words: `80% số điểm`, `đúng 4 trong 5 câu cuối`.
    func ruleText(_ rule: MasteryRule) -> String {
        switch rule {
        case .passMark(let mark): say(ClientText.passRule(Int((mark * 100).rounded())))
        case .recent(let m, let n): say(ClientText.recentRule(m, n))
        }
    }

    /// The options, items or pairs with the picks, and the Answer button; `focus` is the rows of
    /// the highlighted one.
    private func answerArea(_ question: Question, state: QuizScreenState, width: Int) -> (
        lines: [String], focus: ClosedRange<Int>?
    ) {
        var lines: [String] = []
        var focus: ClosedRange<Int>?
        let pointer = { (row: Int) in self.usesKeys && state.cursor == row ? "› " : "  " }
        func row(_ index: Int, _ marker: String, _ inlines: [Inline]) {
            let start = lines.count
            let text = Layout.hang(
                renderer(width - TerminalWidth.of(marker)).render(inlines: inlines), marker: marker)
            let highlighted = usesKeys && state.cursor == index
            lines += text.map { highlighted ? styler.apply(TextStyle(reverse: true), to: $0) : $0 }
            if highlighted { focus = start...(lines.count - 1) }
        }
        switch question.answer {
        case .singleChoice, .trueFalse:
            for (i, option) in state.active.displayedOptions(of: question).enumerated() {
                let mark = state.selected == option.id ? "(●) " : "( ) "
                row(i, pointer(i) + mark + "\(i + 1). ", option.content)
            }
        case .multipleAnswer:
            for (i, option) in state.active.displayedOptions(of: question).enumerated() {
                let box = state.ticked.contains(option.id) ? "[x] " : "[ ] "
                row(i, pointer(i) + box + "\(i + 1). ", option.content)
            }
        case .ordering:
            for (i, item) in state.items.enumerated() {
                let place = state.sequence.firstIndex(of: item.id).map { "[\($0 + 1)] " } ?? "[ ] "
                row(i, pointer(i) + place + "\(i + 1). ", item.content)
            }
            let placed = state.sequence.compactMap { id in state.items.first { $0.id == id }?.content.plainText }
            let order =
                placed.isEmpty
                ? "…" : placed.joined(separator: " → ") + (placed.count < state.items.count ? " → …" : "")
            lines += [""] + Layout.hanging(order, marker: "  " + say(ClientText.yourOrder) + " ", width: width)
        case .matching:
            let right = state.active.displayedRightItems(of: question)
            for (i, item) in state.active.displayedLeftItems(of: question).enumerated() {
                var inlines = item.content
                if let id = state.pairs[item.id], let index = right.firstIndex(where: { $0.id == id }) {
                    inlines += [.text("  → \(index + 1). ")] + right[index].content
                } else {
                    inlines += [.text("  → " + say(ClientText.notPaired))]
                }
                row(i, pointer(i), inlines)
            }
            lines += [""] + Layout.indented(say(ClientText.partnersHeading), width: width)
            for (i, item) in right.enumerated() {
                let marker = "     \(i + 1). "
                lines += Layout.hang(
                    renderer(width - TerminalWidth.of(marker)).render(inlines: item.content), marker: marker)
            }
        case .shortAnswer, .numeric:
            let caret = usesKeys ? "▏" : ""
            let start = lines.count
            lines += Layout.hanging(
                state.text.text + caret, marker: "  " + say(ClientText.yourAnswer) + " ", width: width)
            focus = start...(lines.count - 1)
            return (lines, focus)
        }
        // The Answer button: Enter on it submits, once something is chosen.
        lines.append("")
        let button = state.rows
        let label = "\(pointer(button))[ \(say(ClientText.answerButton)) ]"
        lines.append(
            usesKeys && state.cursor == button ? styler.apply(TextStyle(bold: true, reverse: true), to: label) : label)
        if state.cursor == button { focus = (lines.count - 1)...(lines.count - 1) }
        return (lines, focus)
    }
}
