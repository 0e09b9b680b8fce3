import CourseModel
import Foundation
import Localization
import MarkdownSyntax

/// Answer blocks: which list is one, and what each item's marker says.
extension LessonCompiler {
    /// The kind of answer list, from its items' markers.
    enum AnswerMarker: Equatable {
        case choice, task, typed, matching, ordering

        var example: Phrase {
            switch self {
            case .choice: .verbatim("'( )' / '(x)'")
            case .task: .verbatim("'[ ]' / '[x]'")
            case .typed: .verbatim("'= …' / '!= …'")
            case .matching: Phrase(vi: "'trái -> phải'", en: "'left -> right'")
            case .ordering: CompilerText.numberedList
            }
        }
    }

    /// The marker of one list item, read from its raw text (without side effects).
    enum ItemMarker: Equatable {
        case choice(correct: Bool)
        case task(checked: Bool)
        case accept, reject, match, none

        var family: AnswerMarker? {
            switch self {
            case .choice: .choice
            case .task: .task
            case .accept, .reject: .typed
            case .match: .matching
            case .none: nil
            }
        }

        /// How many leading characters the marker takes (for stripping).
        var length: Int {
            switch self {
            case .choice: 3
            case .accept: 1
            case .reject: 2
            default: 0
            }
        }
    }

    static func itemMarker(_ item: MarkdownNode) -> ItemMarker {
        if case .item(taskChecked: let checked?) = item.kind { return .task(checked: checked) }
        guard let paragraph = item.children.first, paragraph.kind == .paragraph else { return .none }
        let text = paragraph.plainText
        if text.hasPrefix("( )") { return .choice(correct: false) }
        if text.hasPrefix("(x)") || text.hasPrefix("(X)") { return .choice(correct: true) }
        if text.hasPrefix("!=") { return .reject }
        if text.hasPrefix("=") { return .accept }
        if text.contains("->") { return .match }
        return .none
    }

    /// The answer kind of a list, or `nil` for an ordinary bulleted list (part of the question's prose).
    func answerMarker(of list: MarkdownNode) -> AnswerMarker? {
        guard case .list(let ordered, _, _) = list.kind else { return nil }
        if ordered { return .ordering }
        return list.children.lazy.compactMap { Self.itemMarker($0).family }.first
    }

    /// One compiled list item: content after the marker, feedback from nested quotes.
    struct AnswerItemSource {
        var marker: ItemMarker
        var content: [Inline]
        var feedback: [Block]
        var node: MarkdownNode
    }

    mutating func answerItems(_ list: MarkdownNode, expected: AnswerMarker) -> [AnswerItemSource]? {
        var items: [AnswerItemSource] = []
        var mixed = false
        for item in list.children {
            let marker = Self.itemMarker(item)
            if marker.family != (expected == .ordering ? nil : expected), !mixed {
                mixed = true
                reporter.error(
                    CompilerText.mixedMarkers, at: item.start, hint: CompilerText.mixedMarkersHint(expected.example))
            }
            var content: [Inline] = []
            var feedback: [Block] = []
            for (index, child) in item.children.enumerated() {
                if index == 0, child.kind == .paragraph {
                    content = inlines(child.children)
                } else if child.kind == .blockQuote {
                    feedback += blocks(child.children)
                } else {
                    reporter.warning(
                        CompilerText.extraContent, at: child.start, hint: CompilerText.extraContentHint)
                }
            }
            items.append(
                AnswerItemSource(
                    marker: marker, content: Self.dropping(marker.length, from: content), feedback: feedback, node: item
                ))
        }
        return mixed ? nil : items
    }

    /// `content` without its first `count` characters and the white space after them.
    static func dropping(_ count: Int, from content: [Inline]) -> [Inline] {
        guard count > 0, case .text(let first)? = content.first else { return trimmed(content) }
        var rest = content
        let remaining = String(first.dropFirst(count))
        if remaining.isEmpty { rest.removeFirst() } else { rest[0] = .text(remaining) }
        return trimmed(rest)
    }

    /// Splits `content` at the first `->`: the left and right sides, trimmed.
    static func splitPair(_ content: [Inline]) -> (left: [Inline], right: [Inline]) {
        for (index, inline) in content.enumerated() {
            guard case .text(let text) = inline, let range = text.range(of: "->") else { continue }
            var left = Array(content[..<index])
            var right = Array(content[(index + 1)...])
            let before = String(text[..<range.lowerBound])
            let after = String(text[range.upperBound...])
            if !before.isEmpty { left.append(.text(before)) }
            if !after.isEmpty { right.insert(.text(after), at: 0) }
            return (trimmed(left), trimmed(right))
        }
        return (trimmed(content), [])
    }
}
