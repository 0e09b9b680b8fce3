import CourseModel
import Foundation
import MarkdownSyntax

/// Fact markers in a lesson: `<!-- fact: id; source: …; checked: … -->` after a claim,
/// `<!-- fact: id -->` at a later mention, `<!-- not-a-fact: example -->` on a made-up number,
/// and warnings for what looks like a fact but carries no marker.
extension LessonCompiler {
    /// A fact marker found in the lesson, before the course ties mentions to definitions.
    struct FactMention {
        /// What a first mention says about the fact.
        struct Definition {
            var sources: [String]
            var checked: FactDate
            var maxAgeMonths: Int?
        }

        var id: String
        var idPosition: SourcePosition
        /// Set at the mention that defines the fact; `nil` at a later mention.
        var definition: Definition?
        var place: FactPlace
        /// A definition so broken it was reported and left out: no "unknown fact" at its mentions.
        var failed = false
    }

    /// Where scanned text sits: in a step, a question or a quiz introduction.
    struct FactContext {
        var step: String?
        var question: String?
        /// The question's options comment names a fact or says `not-a-fact`: everything in the
        /// question is covered.
        var covered = false
        /// The question is numeric (`- = 2,5 ± 0,05`): its bare numbers are answers, not numbers to dial.
        var numeric = false
    }

    /// A paragraph, heading or table cell: the unit a marker backs and the heuristic reads.
    private struct FactUnit {
        var node: MarkdownNode
        var markers: [(literal: String, position: SourcePosition)]
        var isListItem: Bool
        /// A marker on its own line with nothing above it to back.
        var isOrphan = false
    }

    static let factKeys = ["fact", "not-a-fact", "source", "checked", "max-age"]

    /// Reads the markers of `nodes` and warns about unmarked candidates.
    mutating func scanFacts(_ nodes: [MarkdownNode], context: FactContext) {
        var units: [FactUnit] = []
        for node in nodes { collectUnits(node, into: &units, inItem: false) }
        for unit in units {
            if unit.isOrphan {
                reporter.error(
                    CompilerText.orphanMarker, at: unit.node.start, hint: CompilerText.orphanMarkerHint, facts: true)
                continue
            }
            var covered = context.covered
            for marker in unit.markers {
                guard let outcome = readFactMarker(marker.literal, at: marker.position) else { continue }
                covered = true
                if case .fact(let id, let position, let definition, let failed) = outcome {
                    factMentions.append(
                        FactMention(
                            id: id, idPosition: position, definition: definition,
                            place: factPlace(unit.node, context: context), failed: failed))
                }
            }
            let text = unit.node.plainText
            if Self.showsCommentText(unit.node) {
                reporter.error(
                    CompilerText.commentShown, at: unit.node.start, hint: CompilerText.commentShownHint, facts: true)
            }
            guard !covered else { continue }
            var candidates = FactHeuristic.candidates(in: text)
            if unit.isListItem, context.question != nil, !context.numeric {
                // A typed answer or a matching side that is a bare short number (`- = 156`, `-> 5656`).
                for side in Self.answerText(text).components(separatedBy: "->") where FactHeuristic.isShortCode(side) {
                    let code = side.trimmingCharacters(in: .whitespaces)
                    if !candidates.contains(where: { $0.text == code }) { candidates.append(.init(.phone, code)) }
                }
            }
            for candidate in candidates {
                reporter.warning(
                    CompilerText.unmarked(candidate.kind, candidate.text), at: unit.node.start,
                    hint: CompilerText.unmarkedHint, facts: true)
            }
        }
    }

    /// The ids a question's options comment names (`fact: a , b`), as later mentions.
    mutating func questionFacts(_ value: OptionValue, context: FactContext, heading: MarkdownNode) {
        for id in value.value.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard Identifier.isValid(id) else {
                reporter.error(
                    CompilerText.invalidFactID(id), at: value.position, hint: CompilerText.idHint(example: nil),
                    facts: true)
                continue
            }
            factMentions.append(
                FactMention(
                    id: id, idPosition: value.position, definition: nil, place: factPlace(heading, context: context)))
        }
    }

    private func collectUnits(_ node: MarkdownNode, into units: inout [FactUnit], inItem: Bool) {
        switch node.kind {
        case .paragraph, .heading, .tableCell:
            units.append(FactUnit(node: node, markers: Self.inlineComments(node), isListItem: inItem))
        case .htmlBlock(let literal) where literal.hasPrefix("<!--"):
            // A marker on its own line backs the block just above it.
            if units.isEmpty {
                if Self.isFactComment(literal) {
                    units.append(FactUnit(node: node, markers: [], isListItem: false, isOrphan: true))
                }
            } else {
                units[units.count - 1].markers.append((literal, node.start))
            }
        case .codeBlock, .htmlBlock, .thematicBreak:
            return
        case .item:
            for child in node.children { collectUnits(child, into: &units, inItem: true) }
        default:
            for child in node.children { collectUnits(child, into: &units, inItem: inItem) }
        }
    }

    /// The HTML comments inside a paragraph, heading or cell, with where each starts.
    private static func inlineComments(_ node: MarkdownNode) -> [(literal: String, position: SourcePosition)] {
        var found: [(String, SourcePosition)] = []
        for child in node.children {
            if case .htmlInline(let literal) = child.kind, literal.hasPrefix("<!--") {
                found.append((literal, child.start))
            } else {
                found += inlineComments(child)
            }
        }
        return found
    }

    /// Whether plain text (not code) holds `<!--`: a comment cmark did not take for one.
    private static func showsCommentText(_ node: MarkdownNode) -> Bool {
        if case .text(let literal) = node.kind { return literal.contains("<!--") }
        return node.children.contains { showsCommentText($0) }
    }

    static func isFactComment(_ literal: String) -> Bool {
        guard let entries = CommentEntries(literal, at: .fileStart) else { return false }
        return entries.entries.contains { factKeys.contains($0.key ?? $0.text.lowercased()) }
    }

    /// An answer item's text without its marker (`(x) `, `= `, `!= `).
    static func answerText(_ text: String) -> String {
        for marker in ["( )", "(x)", "(X)", "!=", "="] where text.hasPrefix(marker) {
            return String(text.dropFirst(marker.count)).trimmingCharacters(in: .whitespaces)
        }
        return text
    }

    private func factPlace(_ node: MarkdownNode, context: FactContext) -> FactPlace {
        var text = Self.answerText(node.plainText).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // A callout's first line starts with its kind (`[!NOTE]`), which learners never read.
        if text.hasPrefix("[!"), let close = text.firstIndex(of: "]") {
            text = String(text[text.index(after: close)...]).trimmingCharacters(in: .whitespaces)
        }
        return FactPlace(
            file: lessonFile, line: node.start.line, column: node.start.column, lesson: lessonID ?? "",
            step: context.step, question: context.question, text: text)
    }
}
