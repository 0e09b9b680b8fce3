import CourseModel

/// One question in the authoring format: `###` prompt, options comment, prose, answer list,
/// `> [!TIP]` hints and a `> [!NOTE]` explanation.
enum QuestionMarkdown {
    static func lines(_ question: Question) -> [String] {
        var lines = ["### " + MarkdownText.inlines(question.prompt, context: .line, lineStart: false)]
        var options = ["id: \(question.id)"]
        if question.points != 1 { options.append("points: \(question.points)") }
        if !question.shuffle { options.append("shuffle: no") }
        switch question.answer {
        case .shortAnswer(let key) where key.rule != .standard:
            options.append("match: \(key.rule.rawValue)")
        case .multipleAnswer(_, .partial):
            options.append("scoring: partial")
        case .matching(let key) where key.scoring == .partial:
            options.append("scoring: partial")
        default: break
        }
        lines.append("<!-- \(options.joined(separator: "; ")) -->")
        if !question.body.isEmpty { lines += [""] + MarkdownText.blocks(question.body) }
        lines += [""] + answers(question.answer)
        for hint in question.hints {
            lines += ["", "> [!TIP]"] + MarkdownText.blocks(hint, indent: "> ")
        }
        if !question.explanation.isEmpty {
            lines += ["", "> [!NOTE]"] + MarkdownText.blocks(question.explanation, indent: "> ")
        }
        return lines
    }

    private static func item(_ marker: String, _ text: String, feedback: [Block]) -> [String] {
        var lines = ["- " + marker + text]
        if !feedback.isEmpty { lines += MarkdownText.blocks(feedback, indent: "  > ") }
        return lines
    }

    private static func line(_ inlines: [Inline], lineStart: Bool = false) -> String {
        MarkdownText.inlines(inlines, context: .line, lineStart: lineStart)
    }

    private static func pattern(_ pattern: TextPattern) -> String {
        switch pattern {
        case .text(let t): MarkdownText.escape(t, lineStart: false, context: .line)
        case .regex(let r): MarkdownText.escape("/" + r + "/", lineStart: false, context: .line)
        }
    }

    static func answers(_ key: AnswerKey) -> [String] {
        switch key {
        case .singleChoice(let options), .trueFalse(let options):
            return options.flatMap { item($0.isCorrect ? "(x) " : "( ) ", line($0.content), feedback: $0.feedback) }
        case .multipleAnswer(let options, _):
            return options.flatMap { item($0.isCorrect ? "[x] " : "[ ] ", line($0.content), feedback: $0.feedback) }
        case .shortAnswer(let key):
            var lines: [String] = []
            for (index, accepted) in key.accepted.enumerated() {
                let feedback = index < key.acceptedFeedback.count ? key.acceptedFeedback[index] : []
                lines += item("= ", pattern(accepted), feedback: feedback)
            }
            for wrong in key.anticipated { lines += item("!= ", pattern(wrong.pattern), feedback: wrong.feedback) }
            return lines
        case .numeric(let key):
            let escape = { MarkdownText.escape($0, lineStart: false, context: .line) }
            return key.accepted.flatMap { item("= ", escape($0.display), feedback: []) }
                + key.anticipated.flatMap { item("!= ", escape($0.range.display), feedback: $0.feedback) }
        case .ordering(let items):
            return items.enumerated().map { "\($0.offset + 1). " + line($0.element.content, lineStart: true) }
        case .matching(let key):
            return key.pairs.map { "- " + line($0.left.content, lineStart: true) + " -> " + line($0.right.content) }
                + key.distractors.map { "- -> " + line($0.content) }
        }
    }
}
