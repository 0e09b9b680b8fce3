import CourseModel
import Foundation
import MarkdownSyntax

/// A `###` question: prompt, options comment, prose, one answer block, hints and explanation.
extension LessonCompiler {
    /// Settings from the options comment, with defaults.
    struct QuestionOptions {
        var points = 1
        var shuffle = true
        var match: MatchRule = .standard
        var scoring: Scoring = .allOrNothing
        var scoringPosition: SourcePosition?
    }

    mutating func compileQuestion(_ heading: MarkdownNode, _ nodes: [MarkdownNode]) -> Question? {
        let prompt = Self.trimmed(inlines(heading.children))
        let promptText = prompt.plainText
        var nodes = nodes
        var id: String?
        var options = QuestionOptions()
        if let first = nodes.first, Self.isComment(first) {
            nodes.removeFirst()
            if let values = readOptions(first, allowed: Self.questionOptions, heading: heading) {
                id = questionID(values, heading: heading, prompt: promptText)
                options = questionOptions(values)
            }
        } else {
            reportMissingID(heading, prompt: promptText)
        }
        if promptText.trimmingCharacters(in: .whitespaces).isEmpty {
            reporter.error("question has no prompt", at: heading.start, hint: "write the question after '### '")
        }

        var body: [Block] = []
        var hints: [[Block]] = []
        var explanation: [Block] = []
        var answerLists: [(node: MarkdownNode, kind: AnswerMarker)] = []
        for node in nodes {
            if case .list = node.kind, let marker = answerMarker(of: node) {
                answerLists.append((node, marker))
                continue
            }
            if case .blockQuote = node.kind, let (kind, content) = callout(node) {
                switch kind {
                case .tip: hints.append(content)
                case .note: explanation += content
                default: body.append(.callout(kind, content))
                }
                continue
            }
            if node.kind == .thematicBreak { continue }
            if let block = block(node) { body.append(block) }
        }
        guard let answerList = answerLists.first else {
            reporter.error(
                "question '\(Self.shortened(promptText))' has no answer block", at: heading.start,
                hint: "add the answers as a list after the prompt; for a sub-heading inside a reading step, use '####'")
            return nil
        }
        if answerLists.count > 1 {
            reporter.error(
                "question has two answer blocks", at: answerLists[1].node.start,
                hint:
                    "a question takes exactly one answer list (the first is at line \(answerList.node.start.line)); split it into two questions"
            )
        }
        guard let answer = answerKey(answerList.node, marker: answerList.kind, options: options), let id else {
            return nil
        }
        return Question(
            id: id, prompt: prompt, body: body, points: options.points, shuffle: options.shuffle, answer: answer,
            hints: hints, explanation: explanation)
    }

    private mutating func questionID(_ values: [String: OptionValue], heading: MarkdownNode, prompt: String) -> String?
    {
        guard let given = values["id"] else {
            reportMissingID(heading, prompt: prompt)
            return nil
        }
        guard Identifier.isValid(given.value) else {
            reportInvalidID(given.value, at: given.position, what: "question")
            return nil
        }
        questionIDs.append((given.value, given.position))
        return given.value
    }

    private mutating func reportMissingID(_ heading: MarkdownNode, prompt: String) {
        let slug = Identifier.slug(prompt, limit: 40)
        reporter.error(
            "question has no id", at: heading.start,
            hint:
                "add '<!-- id: \(slug.isEmpty ? "cau-hoi-1" : slug) -->' on the line after the heading; the id must never change once published"
        )
    }

    private mutating func questionOptions(_ values: [String: OptionValue]) -> QuestionOptions {
        var options = QuestionOptions()
        if let points = values["points"] {
            if let n = Int(points.value), n > 0, n <= 1000 {
                options.points = n
            } else {
                reporter.error(
                    "points must be a positive whole number, not '\(points.value)'", at: points.position,
                    hint: "e.g. 'points: 2'")
            }
        }
        if let shuffle = values["shuffle"] {
            switch VietnameseText.matchKey(shuffle.value, rule: .ignoreDiacritics) {
            case "yes", "true", "co": options.shuffle = true
            case "no", "false", "khong": options.shuffle = false
            default: reporter.error("shuffle must be 'yes' or 'no', not '\(shuffle.value)'", at: shuffle.position)
            }
        }
        if let match = values["match"] {
            if let rule = MatchRule.authorSpellings[match.value.lowercased()] {
                options.match = rule
            } else {
                let names = MatchRule.authorSpellings.keys.sorted()
                reporter.error(
                    "unknown match rule '\(match.value)'", at: match.position,
                    hint: Spelling.nearest(to: match.value, in: names).map { "did you mean '\($0)'?" }
                        ?? "use one of: \(names.joined(separator: ", "))")
            }
        }
        if let scoring = values["scoring"] {
            if let value = Scoring(rawValue: scoring.value.lowercased()) {
                options.scoring = value
                options.scoringPosition = scoring.position
            } else {
                reporter.error(
                    "unknown scoring '\(scoring.value)'", at: scoring.position,
                    hint: "use 'partial' or 'all-or-nothing'")
            }
        }
        return options
    }

    static func shortened(_ text: String) -> String {
        text.count > 50 ? String(text.prefix(50)) + "…" : text
    }
}
