import CourseModel

extension LessonPreview {
    /// One question: its facts, prompt, body, answer key, hints and explanation.
    func question(_ question: Question, number: Int, of count: Int) -> [StyledLine] {
        var facts = [
            "\(language.question) \(number)/\(count)", language.kind(question.kind),
            "\(question.points) \(language.points)", "id: \(question.id)",
        ]
        if !question.shuffle { facts.append(language.notShuffled) }
        if case .multipleAnswer(_, .partial) = question.answer { facts.append(language.partialCredit) }
        if case .matching(let key) = question.answer, key.scoring == .partial { facts.append(language.partialCredit) }
        if case .shortAnswer(let key) = question.answer { facts.append(language.rule(key.rule)) }

        var sections: [[StyledLine]] = [
            TextWrapper.wrap([Span(facts.joined(separator: " · "), Theme.url)], width: width)
                + renderer.heading(question.prompt, level: 3, width: width),
            renderer.lines(question.body, width: width, depth: 0),
            answerKey(question.answer),
        ]
        for (index, hint) in question.hints.enumerated() {
            let label = question.hints.count > 1 ? "\(language.hint) \(index + 1):" : "\(language.hint):"
            sections.append(renderer.labelled(label, style: Theme.callout(.tip), blocks: hint, width: width, depth: 0))
        }
        if !question.explanation.isEmpty {
            sections.append(
                renderer.labelled(
                    "\(language.explanation):", style: Theme.callout(.note), blocks: question.explanation, width: width,
                    depth: 0))
        }
        var out: [StyledLine] = []
        for section in sections where !section.isEmpty {
            if !out.isEmpty { out.append(.blank) }
            out += section
        }
        return out
    }

    /// The options or items with the right answers marked, and each one's feedback under it.
    func answerKey(_ key: AnswerKey) -> [StyledLine] {
        let right = Theme.taskDone
        switch key {
        case .singleChoice(let options), .trueFalse(let options):
            return options.flatMap { option in
                item(
                    marker: option.isCorrect ? "(x)" : "( )", style: option.isCorrect ? right : Theme.listMarker,
                    content: option.content, feedback: option.feedback)
            }
        case .multipleAnswer(let options, _):
            return options.flatMap { option in
                item(
                    marker: option.isCorrect ? "[x]" : "[ ]", style: option.isCorrect ? right : Theme.listMarker,
                    content: option.content, feedback: option.feedback)
            }
        case .shortAnswer(let key):
            var out = [StyledLine(language.accepted + ":", Theme.minorHeading)]
            for (index, pattern) in key.accepted.enumerated() {
                let feedback = index < key.acceptedFeedback.count ? key.acceptedFeedback[index] : []
                out += item(marker: "=", style: right, content: patternInlines(pattern), feedback: feedback)
            }
            if !key.anticipated.isEmpty {
                out.append(StyledLine(language.anticipated + ":", Theme.minorHeading))
                for answer in key.anticipated {
                    out += item(
                        marker: "≠", style: Theme.callout(.caution), content: patternInlines(answer.pattern),
                        feedback: answer.feedback)
                }
            }
            return out
        case .numeric(let key):
            var out = [StyledLine(language.accepted + ":", Theme.minorHeading)]
            for range in key.accepted {
                out += item(marker: "=", style: right, content: [.text(range.display)], feedback: [])
            }
            if !key.anticipated.isEmpty {
                out.append(StyledLine(language.anticipated + ":", Theme.minorHeading))
                for answer in key.anticipated {
                    out += item(
                        marker: "≠", style: Theme.callout(.caution), content: [.text(answer.range.display)],
                        feedback: answer.feedback)
                }
            }
            return out
        case .ordering(let items):
            let list = Block.list(start: 1, items: items.map { ListItem(blocks: [.paragraph($0.content)]) })
            return [StyledLine(language.rightOrder + ":", Theme.minorHeading)]
                + renderer.lines(list, width: width, depth: 0)
        case .matching(let key):
            var out = [StyledLine(language.pairs + ":", Theme.minorHeading)]
            for pair in key.pairs {
                out += item(
                    marker: "•", style: Theme.listMarker,
                    content: pair.left.content + [.text(" → ")] + pair.right.content, feedback: [])
            }
            for distractor in key.distractors {
                out += item(
                    marker: "•", style: Theme.listMarker,
                    content: [.text("→ ")] + distractor.content + [.text(" (\(language.distractor))")], feedback: [])
            }
            return out
        }
    }

    /// A marked line with a hanging indent, its feedback quoted right beneath it.
    func item(marker: String, style: TextStyle, content: [Inline], feedback: [Block]) -> [StyledLine] {
        let indent = TerminalWidth.of(marker) + 1
        let body =
            renderer.paragraph(content, width: width - indent)
            + (feedback.isEmpty ? [] : renderer.quote(feedback, width: width - indent, depth: 1))
        return renderer.hanging(marker: [Span(marker, style)], indent: indent, body: body)
    }

    /// A typed-answer pattern as the author wrote it: text, or `/regex/` as code.
    func patternInlines(_ pattern: TextPattern) -> [Inline] {
        switch pattern {
        case .text(let text): [.text(text)]
        case .regex(let regex): [.code("/\(regex)/")]
        }
    }
}
