import CourseModel
import Localization
import QuizEngine
import TerminalText

/// After an answer: the learner's own answer beside the right one, item by item, then the
/// verdict in words, the feedback and the explanation.
extension LearnerApp {
    /// The answer as given, each part marked ✓ or ✗ and said in words.
    func answeredLines(_ question: Question, state: QuizScreenState, outcome: AnswerOutcome, width: Int) -> [String] {
        var lines: [String] = []
        let response = outcome.recorded.response
        func row(_ marker: String, _ inlines: [Inline], tag: ClientTextTag?) {
            let content = inlines + (tag.map { [.text(" — " + say($0.phrase))] } ?? [])
            lines += Layout.hang(renderer(width - TerminalWidth.of(marker)).render(inlines: content), marker: marker)
        }
        switch (question.answer, response) {
        case (.singleChoice, .choice(let picked)), (.trueFalse, .choice(let picked)):
            for (i, option) in state.active.displayedOptions(of: question).enumerated() {
                let chosen = option.id == picked
                let mark = option.isCorrect ? "✓ " : (chosen ? "✗ " : "  ")
                let tag: ClientTextTag? =
                    chosen ? (option.isCorrect ? .choseRight : .choseWrong) : (option.isCorrect ? .rightAnswer : nil)
                row("  " + mark + "\(i + 1). ", option.content, tag: tag)
            }
        case (.multipleAnswer, .choices(let picked)):
            for (i, option) in state.active.displayedOptions(of: question).enumerated() {
                let chosen = picked.contains(option.id)
                let tag: ClientTextTag? =
                    switch (chosen, option.isCorrect) {
                    case (true, true): .choseRight
                    case (true, false): .choseWrong
                    case (false, true): .missed
                    case (false, false): nil
                    }
                let mark = tag == nil ? "  " : (tag == .choseRight ? "✓ " : "✗ ")
                row("  " + mark + "\(i + 1). ", option.content, tag: tag)
            }
        case (.shortAnswer(let key), .text(let typed)):
            lines += Layout.indented(say(ClientText.youAnswered(typed)), width: width)
            if !outcome.grade.isCorrect, let first = key.accepted.first {
                let shown =
                    switch first {
                    case .text(let text): text
                    case .regex: question.correctAnswerSummary
                    }
                lines += Layout.indented(say(ClientText.rightAnswer(shown)), width: width)
            }
        case (.numeric(let key), .text(let typed)):
            lines += Layout.indented(say(ClientText.youAnswered(typed)), width: width)
            if !outcome.grade.isCorrect, let range = key.accepted.first {
                lines += Layout.indented(say(ClientText.rightAnswer(NumberText.key(range, language))), width: width)
            }
        case (.ordering(let right), .order(let given)):
            lines += Layout.indented(say(ClientText.yourOrder), width: width)
            for (i, id) in given.enumerated() {
                guard let item = right.first(where: { $0.id == id }) else { continue }
                let ok = right.indices.contains(i) && right[i].id == id
                let tag =
                    ok ? nil : right.indices.contains(i) ? ClientTextTag.shouldBe(right[i].content.plainText) : nil
                row("  " + (ok ? "✓ " : "✗ ") + "\(i + 1). ", item.content, tag: tag)
            }
        case (.matching(let key), .pairs(let given)):
            let everyRight = key.rightItems
            for pair in key.pairs {
                let chosen = given[pair.left.id].flatMap { id in everyRight.first { $0.id == id } }
                let ok = chosen?.id == pair.right.id
                let partner: [Inline] =
                    chosen.map { [.text(" → ")] + $0.content } ?? [.text(" → " + say(ClientText.notPaired))]
                row(
                    "  " + (ok ? "✓ " : "✗ "), pair.left.content + partner,
                    tag: ok ? nil : .shouldBe(pair.right.content.plainText))
            }
        default:
            break
        }
        return lines
    }

    /// The verdict in words, the feedback the answer triggered, and the explanation.
    func feedbackLines(_ question: Question, outcome: AnswerOutcome, width: Int) -> [String] {
        let r = renderer(width)
        var lines: [String] = []
        let grade = outcome.grade
        if grade.isCorrect {
            lines.append(styler.apply(TextStyle(bold: true, foreground: .green), to: say(ClientText.correct)))
        } else if grade.score > 0, let (right, total, unit) = partCount(question, outcome.recorded.response) {
            lines += Layout.wrap(say(ClientText.partly(right, total, unit)), width: width).map {
                styler.apply(TextStyle(bold: true, foreground: .yellow), to: $0)
            }
        } else {
            lines.append(styler.apply(TextStyle(bold: true, foreground: .red), to: say(ClientText.wrong)))
        }
        if !outcome.feedback.isEmpty { lines += r.render(outcome.feedback) }
        if !outcome.explanation.isEmpty {
            lines += ["", styler.apply(TextStyle(bold: true), to: say(ClientText.explanation))]
            lines += r.render(outcome.explanation)
        }
        return lines
    }

    /// How many parts of a partly right answer are right: pairs, or right picks.
    private func partCount(_ question: Question, _ response: Response) -> (Int, Int, Phrase)? {
        switch (question.answer, response) {
        case (.matching(let key), .pairs(let given)):
            return (key.pairs.filter { given[$0.left.id] == $0.right.id }.count, key.pairs.count, ClientText.pairsUnit)
        case (.multipleAnswer(let options, _), .choices(let picked)):
            let right = options.filter(\.isCorrect)
            return (right.filter { picked.contains($0.id) }.count, right.count, ClientText.answersUnit)
        default:
            return nil
        }
    }
}

/// The words put after an option or item in the feedback.
enum ClientTextTag: Equatable {
    case choseRight, choseWrong, rightAnswer, missed
    case shouldBe(String)

    var phrase: Phrase {
        switch self {
        case .choseRight: ClientText.youChoseRight
        case .choseWrong: ClientText.youChoseWrong
        case .rightAnswer: ClientText.rightAnswerTag
        case .missed: ClientText.missedTag
        case .shouldBe(let text): ClientText.shouldBe(text)
        }
    }
}
