import CourseModel
import Foundation
import MarkdownSyntax

/// Building each question kind's `AnswerKey` from its answer list.
extension LessonCompiler {
    mutating func answerKey(_ list: MarkdownNode, marker: AnswerMarker, options: QuestionOptions) -> AnswerKey? {
        guard let items = answerItems(list, expected: marker) else { return nil }
        for item in items where item.content.isEmpty && item.marker != .match {
            reporter.error(CompilerText.emptyAnswerItem, at: item.node.start, hint: CompilerText.emptyAnswerItemHint)
            return nil
        }
        if let position = options.scoringPosition, marker != .task && marker != .matching {
            reporter.warning(CompilerText.scoringNotApplicable, at: position)
        }
        switch marker {
        case .choice: return choiceKey(items, list: list)
        case .task: return multipleKey(items, list: list, scoring: options.scoring)
        case .typed: return typedKey(items, list: list, rule: options.match)
        case .ordering:
            guard items.count >= 2 else {
                reporter.error(CompilerText.orderingOneItem, at: list.start, hint: CompilerText.orderingOneItemHint)
                return nil
            }
            return .ordering(Self.answerItems(items.map(\.content)))
        case .matching: return matchingKey(items, list: list, scoring: options.scoring)
        }
    }

    static func answerItems(_ contents: [[Inline]]) -> [AnswerItem] {
        let ids = Identifier.uniqueSlugs(contents.map(\.plainText))
        return zip(ids, contents).map { AnswerItem(id: $0, content: $1) }
    }

    static func choiceOptions(_ items: [AnswerItemSource], correct: (ItemMarker) -> Bool) -> [ChoiceOption] {
        let ids = Identifier.uniqueSlugs(items.map(\.content.plainText))
        return zip(ids, items).map {
            ChoiceOption(id: $0, content: $1.content, isCorrect: correct($1.marker), feedback: $1.feedback)
        }
    }

    private mutating func choiceKey(_ items: [AnswerItemSource], list: MarkdownNode) -> AnswerKey? {
        let options = Self.choiceOptions(items) { $0 == .choice(correct: true) }
        let right = items.filter { $0.marker == .choice(correct: true) }
        if right.isEmpty {
            reporter.error(CompilerText.singleNoCorrect, at: list.start, hint: CompilerText.singleNoCorrectHint)
            return nil
        }
        if right.count > 1 {
            reporter.error(
                CompilerText.singleTooMany(right.count), at: right[1].node.start, hint: CompilerText.singleTooManyHint)
            return nil
        }
        let texts = Set(options.map { VietnameseText.nfc($0.content.plainText).lowercased() })
        if options.count == 2, texts == ["đúng", "sai"] || texts == ["true", "false"] {
            // True comes first, whatever order the author wrote, so every true/false question looks the same.
            return .trueFalse(options.sorted { a, _ in ["đúng", "true"].contains(a.content.plainText.lowercased()) })
        }
        return .singleChoice(options)
    }

    private mutating func multipleKey(_ items: [AnswerItemSource], list: MarkdownNode, scoring: Scoring) -> AnswerKey? {
        let options = Self.choiceOptions(items) { $0 == .task(checked: true) }
        guard options.contains(where: \.isCorrect) else {
            reporter.error(CompilerText.multipleNoCorrect, at: list.start, hint: CompilerText.multipleNoCorrectHint)
            return nil
        }
        return .multipleAnswer(options, scoring: scoring)
    }

    private mutating func matchingKey(_ items: [AnswerItemSource], list: MarkdownNode, scoring: Scoring) -> AnswerKey? {
        var pairs: [(left: [Inline], right: [Inline])] = []
        var distractors: [[Inline]] = []
        for item in items {
            let (left, right) = Self.splitPair(item.content)
            if right.isEmpty {
                reporter.error(
                    CompilerText.matchingNoRight, at: item.node.start, hint: CompilerText.matchingNoRightHint)
                return nil
            }
            if left.isEmpty { distractors.append(right) } else { pairs.append((left, right)) }
        }
        guard pairs.count >= 2 else {
            reporter.error(
                CompilerText.tooFewPairs(pairs.count), at: list.start, hint: CompilerText.tooFewPairsHint)
            return nil
        }
        let lefts = Self.answerItems(pairs.map(\.left))
        let rights = Self.answerItems(pairs.map(\.right) + distractors)
        let matched = zip(lefts, rights).map { MatchPair(left: $0, right: $1) }
        return .matching(
            MatchingKey(pairs: matched, distractors: Array(rights.dropFirst(pairs.count)), scoring: scoring))
    }
}
