import CourseModel

/// The author's preview of a lesson: every step, then every question with its options or
/// items, the right answers marked, hints, feedback and explanation, as one stream of lines.
///
/// It is what `hocso course preview` prints; learners never see the answers this way.
public struct LessonPreview: Sendable {
    /// The renderer for content, at the output width.
    let renderer: BlockRenderer

    /// Makes a preview at `width` columns.
    public init(width: Int, styler: Styler, language: RenderLanguage = .vi) {
        renderer = BlockRenderer(width: width, styler: styler, language: language)
    }

    var language: RenderLanguage { renderer.language }
    var width: Int { renderer.width }

    /// The whole lesson as lines of at most `width` columns.
    public func render(_ lesson: Lesson) -> [String] {
        var out: [[StyledLine]] = [header(lesson)]
        for (index, step) in lesson.steps.enumerated() {
            let title = "\(language.step) \(index + 1)/\(lesson.steps.count) · \(step.title)"
            out.append(
                renderer.heading([.text(title)], level: 2, width: width)
                    + [StyledLine("id: \(step.id)", Theme.url)])
            out.append(renderer.lines(step.blocks, width: width, depth: 0))
        }
        if let quiz = lesson.quiz { out += self.quiz(quiz) }
        var lines: [StyledLine] = []
        for part in out where !part.isEmpty {
            if !lines.isEmpty { lines.append(.blank) }
            lines += part
        }
        return renderer.write(lines)
    }

    /// The lesson's title as a full-width bar, its facts, and what the marks mean.
    func header(_ lesson: Lesson) -> [StyledLine] {
        var facts = ["id: \(lesson.id)"]
        if let minutes = lesson.durationMinutes { facts.append("\(minutes) \(language.minutes)") }
        if lesson.isFinal { facts.append(language.finalQuiz) }
        let title = TextWrapper.wrap([Span(lesson.title, Theme.titleBar)], width: width)
            .map { renderer.styler.isEnabled ? $0.padded(to: width, style: Theme.titleBar) : $0 }
        let rule = renderer.styler.isEnabled ? [] : [StyledLine(String(repeating: "═", count: width), Theme.rule)]
        return title + rule
            + TextWrapper.wrap([Span(facts.joined(separator: " · "), Theme.url)], width: width)
            + TextWrapper.wrap([Span(language.legend, Theme.url)], width: width)
    }

    func quiz(_ quiz: Quiz) -> [[StyledLine]] {
        let title = "\(language.quiz): \(quiz.title) (\(language.passRule) \(quiz.mastery.summary))"
        var parts = [renderer.heading([.text(title)], level: 2, width: width)]
        parts.append(renderer.lines(quiz.introduction, width: width, depth: 0))
        for (index, question) in quiz.questions.enumerated() {
            parts.append(self.question(question, number: index + 1, of: quiz.questions.count))
        }
        return parts
    }
}
