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
        var factValues: [String: OptionValue] = [:]
        if let first = nodes.first, Self.isComment(first) {
            nodes.removeFirst()
            if let values = readOptions(first, allowed: Self.questionOptions, heading: heading) {
                id = questionID(values, heading: heading, prompt: promptText)
                options = questionOptions(values)
                factValues = values.filter { ["fact", "not-a-fact"].contains($0.key) }
            }
        } else {
            reportMissingID(heading, prompt: promptText)
        }
        let numeric = nodes.contains { node in
            guard case .list = node.kind else { return false }
            return node.children.contains { item in
                guard Self.itemMarker(item) == .accept, let first = item.children.first else { return false }
                if case .range? = Numbers.parseKey(Self.answerText(first.plainText)) { return true }
                return false
            }
        }
        let context = FactContext(question: id, covered: !factValues.isEmpty, numeric: numeric)
        if let value = factValues["fact"] { questionFacts(value, context: context, heading: heading) }
        scanFacts([heading] + nodes, context: context)
        if promptText.trimmingCharacters(in: .whitespaces).isEmpty {
            reporter.error(CompilerText.noPrompt, at: heading.start, hint: CompilerText.noPromptHint)
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
                CompilerText.noAnswerBlock(Self.shortened(promptText)), at: heading.start,
                hint: CompilerText.noAnswerBlockHint)
            return nil
        }
        if answerLists.count > 1 {
            reporter.error(
                CompilerText.twoAnswerBlocks, at: answerLists[1].node.start,
                hint: CompilerText.twoAnswerBlocksHint(answerList.node.start.line))
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
            reportInvalidID(given.value, at: given.position, what: .question)
            return nil
        }
        questionIDs.append((given.value, given.position))
        return given.value
    }

    private mutating func reportMissingID(_ heading: MarkdownNode, prompt: String) {
        let slug = Identifier.slug(prompt, limit: 40)
        reporter.error(
            CompilerText.noQuestionID, at: heading.start,
            hint: CompilerText.noQuestionIDHint(slug.isEmpty ? "cau-hoi-1" : slug))
    }

    private mutating func questionOptions(_ values: [String: OptionValue]) -> QuestionOptions {
        var options = QuestionOptions()
        if let points = values["points"] {
            if let n = Int(points.value), n > 0, n <= 1000 {
                options.points = n
            } else {
                reporter.error(
                    CompilerText.badPoints(points.value), at: points.position, hint: CompilerText.pointsHint)
            }
        }
        if let shuffle = values["shuffle"] {
            switch VietnameseText.matchKey(shuffle.value, rule: .ignoreDiacritics) {
            case "yes", "true", "co": options.shuffle = true
            case "no", "false", "khong": options.shuffle = false
            default: reporter.error(CompilerText.badShuffle(shuffle.value), at: shuffle.position)
            }
        }
        if let match = values["match"] {
            if let rule = MatchRule.authorSpellings[match.value.lowercased()] {
                options.match = rule
            } else {
                let names = MatchRule.authorSpellings.keys.sorted()
                reporter.error(
                    CompilerText.unknownMatchRule(match.value), at: match.position,
                    hint: Spelling.nearest(to: match.value, in: names).map(CompilerText.didYouMean)
                        ?? CompilerText.useOneOf(names))
            }
        }
        if let scoring = values["scoring"] {
            if let value = Scoring(rawValue: scoring.value.lowercased()) {
                options.scoring = value
                options.scoringPosition = scoring.position
            } else {
                reporter.error(
                    CompilerText.unknownScoring(scoring.value), at: scoring.position, hint: CompilerText.scoringHint)
            }
        }
        return options
    }

    static func shortened(_ text: String) -> String {
        text.count > 50 ? String(text.prefix(50)) + "…" : text
    }
}
