import CourseModel
import QuizEngine
import TerminalText

extension LearnerApp {
    func quizContent(_ state: QuizScreenState, width: Int) -> ScreenContent {
        let lesson = state.lesson
        if state.intro, let quiz = lesson.quiz {
            var body = [""]
            body += Layout.wrap(strings.quizIntro(quiz.questions.count, quiz.mastery.summary), width: width - 2).map {
                "  " + $0
            }
            if !quiz.introduction.isEmpty { body += [""] + renderer(width).render(quiz.introduction) }
            body += ["", "  " + strings.continueKey]
            return ScreenContent(title: lesson.title, indicator: quiz.title, body: body, footer: strings.questionKeys)
        }
        guard let question = state.question, let position = state.active.position else {
            return ScreenContent(title: lesson.title, body: [], footer: strings.continueKey)
        }
        let r = renderer(width)
        var body: [String] = []
        if state.isPractice { body.append(styler.apply(TextStyle(dim: true), to: strings.practiceBanner)) }
        body += r.render(inlines: question.prompt).map { styler.apply(TextStyle(bold: true), to: $0) }
        if !question.body.isEmpty { body += [""] + r.render(question.body) }
        body.append("")
        var focus = body.count
        let answerLines = answerArea(question, state: state, width: width, focus: &focus)
        focus += body.count
        body += answerLines
        for (index, hint) in state.hints.enumerated() {
            body += [
                "",
                styler.apply(
                    TextStyle(bold: true, foreground: .green), to: strings.hint(index + 1, question.hints.count)),
            ]
            body += r.render(hint)
        }
        // The input method shows in the footer whenever typing is asked for, with its toggle key.
        var footer =
            kindIsText(question)
            ? strings.inputMethod(state.text.method) + " (Ctrl-T) · " + strings.textKeys : strings.questionKeys
        if let outcome = state.outcome {
            body.append("")
            focus = body.count
            body += feedbackLines(outcome, width: width)
            footer = strings.continueKey
        } else {
            body +=
                [""]
                + Layout.wrap(strings.instruction(kindName(question), usesKeys), width: width).map {
                    styler.apply(TextStyle(dim: true), to: $0)
                }
        }
        if !usesKeys, state.outcome == nil {
            footer =
                kindIsText(question)
                ? strings.inputMethod(state.text.method) + " · " + strings.lineHelp : strings.lineHelp
        }
        var content = ScreenContent(
            title: lesson.title, indicator: strings.questionCounter(position.number, position.total), body: body,
            focus: focus, footer: footer)
        if state.outcome == nil, kindIsText(question) { content.prompt = strings.yourAnswer + " " }
        return content
    }

    func kindIsText(_ question: Question) -> Bool {
        switch question.answer {
        case .shortAnswer, .numeric: true
        default: false
        }
    }

    /// The options, items or pairs, with the selection and (after answering) what was right.
    private func answerArea(_ question: Question, state: QuizScreenState, width: Int, focus: inout Int) -> [String] {
        let r = renderer(width - 8)
        var lines: [String] = []
        let answered = state.outcome?.recorded.response
        func item(_ marker: String, _ inlines: [Inline], selected: Bool) {
            let text = Layout.hang(r.render(inlines: inlines), marker: marker)
            if selected { focus = lines.count }
            lines += text.map {
                selected && usesKeys && state.outcome == nil ? styler.apply(TextStyle(reverse: true), to: $0) : $0
            }
        }
        let keys = usesKeys
        let pointer = { (i: Int) in keys && state.outcome == nil && i == state.cursor ? "› " : "  " }
        switch question.answer {
        case .singleChoice, .trueFalse:
            for (i, option) in state.active.displayedOptions(of: question).enumerated() {
                var mark = "  "
                if case .choice(let id) = answered {
                    mark = option.isCorrect ? "✓ " : (id == option.id ? "✗ " : "  ")
                }
                item(pointer(i) + mark + "\(i + 1). ", option.content, selected: i == state.cursor)
            }
        case .multipleAnswer:
            for (i, option) in state.active.displayedOptions(of: question).enumerated() {
                let box = state.ticked.contains(option.id) ? "[x] " : "[ ] "
                var mark = ""
                if case .choices(let ids) = answered {
                    let picked = ids.contains(option.id)
                    mark = option.isCorrect ? "✓ " : (picked ? "✗ " : "  ")
                    item("  " + mark + (picked ? "[x] " : "[ ] ") + "\(i + 1). ", option.content, selected: false)
                    continue
                }
                item(pointer(i) + box + "\(i + 1). ", option.content, selected: i == state.cursor)
            }
        case .shortAnswer, .numeric:
            if case .text(let typed) = answered {
                lines.append("  \(strings.yourAnswer) \(typed)")
            } else if usesKeys {
                lines.append("  \(strings.yourAnswer) \(state.text.text)▏")
            }
        case .ordering:
            for (i, entry) in state.order.enumerated() {
                item(pointer(i) + "\(i + 1). ", entry.content, selected: i == state.cursor)
            }
        case .matching:
            let left = state.active.displayedLeftItems(of: question)
            let right = state.active.displayedRightItems(of: question)
            let pairs: [String: String] = if case .pairs(let p) = answered { p } else { state.pairs }
            for (i, entry) in left.enumerated() {
                var inlines = entry.content
                if let rightID = pairs[entry.id], let index = right.firstIndex(where: { $0.id == rightID }) {
                    inlines += [.text("  → \(Self.letter(index)). ")] + right[index].content
                } else {
                    inlines += [.text("  → \(strings.notPaired)")]
                }
                item(pointer(i) + "\(i + 1). ", inlines, selected: i == state.cursor)
            }
            lines.append("")
            for (i, entry) in right.enumerated() {
                item("     \(Self.letter(i)). ", entry.content, selected: false)
            }
        }
        return lines
    }

    /// Right or wrong, the feedback, the right answer and the explanation.
    private func feedbackLines(_ outcome: AnswerOutcome, width: Int) -> [String] {
        let r = renderer(width)
        var lines: [String] = []
        let grade = outcome.grade
        if grade.isCorrect {
            lines.append(styler.apply(TextStyle(bold: true, foreground: .green), to: strings.correct))
        } else if grade.score > 0 {
            lines.append(
                styler.apply(
                    TextStyle(bold: true, foreground: .yellow),
                    to: strings.partlyCorrect(Self.number(grade.score), Self.number(grade.maxScore))))
        } else {
            lines.append(styler.apply(TextStyle(bold: true, foreground: .red), to: strings.wrong))
        }
        if !outcome.feedback.isEmpty { lines += r.render(outcome.feedback) }
        if let answer = outcome.correctAnswer, !answer.isEmpty {
            lines += Layout.wrap(strings.correctAnswer(answer), width: width)
        }
        if !outcome.explanation.isEmpty {
            lines += ["", styler.apply(TextStyle(bold: true), to: strings.explanation)]
            lines += r.render(outcome.explanation)
        }
        return lines
    }

    /// A score as people write it: `2`, `1,5` (decimal comma in Vietnamese).
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return Numbers.vietnamese(rounded)
    }
}
