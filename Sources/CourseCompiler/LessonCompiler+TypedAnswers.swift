import CourseModel
import Foundation
import MarkdownSyntax

/// Short-answer and numeric keys: `- = text`, `- = /regex/`, `- != wrong`, `- = 2,5 ± 0,05`.
extension LessonCompiler {
    /// A typed answer read as a number: a range from `Numbers.parseKey`, or a plain number.
    private enum Reading {
        case range(NumericRange)
        case number(Double)
        case text
        case invalid(Numbers.KeyProblem)
    }

    private static func reading(_ text: String) -> Reading {
        switch Numbers.parseKey(text) {
        case .range(let range)?: return .range(range)
        case .invalid(let why)?: return .invalid(why)
        case nil:
            return Numbers.readings(of: text).first.map { .number($0) } ?? .text
        }
    }

    mutating func typedKey(_ items: [AnswerItemSource], list: MarkdownNode, rule: MatchRule) -> AnswerKey? {
        guard items.contains(where: { $0.marker == .accept }) else {
            reporter.error(CompilerText.noAcceptedAnswer, at: list.start, hint: CompilerText.noAcceptedAnswerHint)
            return nil
        }
        var failed = false
        let readings = items.map { Self.reading($0.content.plainText) }
        for (item, reading) in zip(items, readings) {
            if case .invalid(let why) = reading {
                reporter.error(
                    CompilerText.numericKeyInvalid(item.content.plainText, why), at: item.node.start,
                    hint: CompilerText.numericKeyHint)
                failed = true
            }
        }
        if failed { return nil }
        let isNumeric = zip(items, readings).contains { item, reading in
            if item.marker == .accept, case .range = reading { return true }
            return false
        }
        return isNumeric ? numericKey(items, readings) : shortKey(items, rule: rule)
    }

    private mutating func numericKey(_ items: [AnswerItemSource], _ readings: [Reading]) -> AnswerKey? {
        var accepted: [NumericRange] = []
        var anticipated: [AnticipatedNumber] = []
        for (item, reading) in zip(items, readings) {
            let text = item.content.plainText
            let range: NumericRange
            switch reading {
            case .range(let r): range = r
            case .number(let v): range = NumericRange(lower: v, upper: v, display: text)
            case .text, .invalid:
                reporter.error(CompilerText.notANumber(text), at: item.node.start, hint: CompilerText.notANumberHint)
                return nil
            }
            if item.marker == .accept {
                accepted.append(range)
            } else {
                anticipated.append(AnticipatedNumber(range: range, feedback: item.feedback))
            }
        }
        return .numeric(NumericKey(accepted: accepted, anticipated: anticipated))
    }

    private mutating func shortKey(_ items: [AnswerItemSource], rule: MatchRule) -> AnswerKey? {
        var accepted: [TextPattern] = []
        var acceptedFeedback: [[Block]] = []
        var anticipated: [AnticipatedAnswer] = []
        for item in items {
            guard let pattern = pattern(item) else { return nil }
            if item.marker == .accept {
                accepted.append(pattern)
                acceptedFeedback.append(item.feedback)
            } else {
                anticipated.append(AnticipatedAnswer(pattern: pattern, feedback: item.feedback))
            }
        }
        if acceptedFeedback.allSatisfy(\.isEmpty) { acceptedFeedback = [] }
        return .shortAnswer(
            ShortAnswerKey(accepted: accepted, acceptedFeedback: acceptedFeedback, anticipated: anticipated, rule: rule)
        )
    }

    private mutating func pattern(_ item: AnswerItemSource) -> TextPattern? {
        let text = VietnameseText.nfc(item.content.plainText)
        guard text.count >= 2, text.hasPrefix("/"), text.hasSuffix("/") else { return .text(text) }
        let body = String(text.dropFirst().dropLast())
        do {
            // Compiled the way grading compiles it, so a pattern that passes here works there.
            _ = try NSRegularExpression(pattern: "^(?:\(body))$", options: [.caseInsensitive])
            return .regex(body)
        } catch {
            reporter.error(CompilerText.badRegex(text), at: item.node.start, hint: CompilerText.badRegexHint)
            return nil
        }
    }
}
