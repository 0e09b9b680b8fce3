import CourseModel
import Foundation
import MarkdownSyntax

/// Building each question kind's `AnswerKey` from its answer list.
extension LessonCompiler {
    mutating func answerKey(_ list: MarkdownNode, marker: AnswerMarker, options: QuestionOptions) -> AnswerKey? {
        guard let items = answerItems(list, expected: marker) else { return nil }
        for item in items where item.content.isEmpty && item.marker != .match {
            reporter.error(
                "answer item is empty", at: item.node.start, hint: "write the option's text after the marker")
            return nil
        }
        if let position = options.scoringPosition, marker != .task && marker != .matching {
            reporter.warning("'scoring' only applies to multiple-answer and matching questions", at: position)
        }
        switch marker {
        case .choice: return choiceKey(items, list: list)
        case .task: return multipleKey(items, list: list, scoring: options.scoring)
        case .typed: return typedKey(items, list: list, rule: options.match)
        case .ordering:
            guard items.count >= 2 else {
                reporter.error(
                    "ordering question has only one item", at: list.start,
                    hint: "list at least 2 steps in the right order; they are shuffled when shown")
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
            reporter.error(
                "single-choice question has no correct option", at: list.start, hint: "mark the right option with '(x)'"
            )
            return nil
        }
        if right.count > 1 {
            reporter.error(
                "single-choice question has \(right.count) correct options", at: right[1].node.start,
                hint: "use '- [x]' and '- [ ]' for a multiple-answer question, or keep one '(x)'")
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
            reporter.error(
                "multiple-answer question has no correct option", at: list.start,
                hint: "tick every right option with '[x]'")
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
                    "matching item has nothing after '->'", at: item.node.start, hint: "write 'left -> right'")
                return nil
            }
            if left.isEmpty { distractors.append(right) } else { pairs.append((left, right)) }
        }
        guard pairs.count >= 2 else {
            reporter.error(
                "matching question has \(pairs.count) pair\(pairs.count == 1 ? "" : "s"); it needs at least 2",
                at: list.start,
                hint:
                    "write one 'left -> right' line per pair; '- -> extra' adds a right-side item that matches nothing")
            return nil
        }
        let lefts = Self.answerItems(pairs.map(\.left))
        let rights = Self.answerItems(pairs.map(\.right) + distractors)
        let matched = zip(lefts, rights).map { MatchPair(left: $0, right: $1) }
        return .matching(
            MatchingKey(pairs: matched, distractors: Array(rights.dropFirst(pairs.count)), scoring: scoring))
    }
}
