import CourseModel
import Foundation

/// Short-answer, numerical and matching questions.
extension GiftImport {
    mutating func shortAnswer(_ choices: [GiftChoice], rule: MatchRule, at position: TextPosition) -> AnswerKey? {
        var accepted: [TextPattern] = []
        var acceptedFeedback: [[Block]] = []
        var anticipated: [AnticipatedAnswer] = []
        for choice in choices {
            let text = RichText.collapsingSpaces(convertedLine(choice.text).plainText)
                .trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else {
                log.warning(InterchangeText.emptyOption, at: choice.position)
                continue
            }
            let credit = choice.credit(shortAnswer: true)
            let feedback = choice.feedback.map { converted($0) } ?? []
            if credit >= 100 - 1e-6 {
                accepted.append(Self.pattern(text))
                acceptedFeedback.append(feedback)
            } else {
                if credit > 0 {
                    log.warning(
                        InterchangeText.partialAnswerLost(text, weight: credit), at: choice.position,
                        hint: InterchangeText.partialAnswerHint)
                }
                anticipated.append(AnticipatedAnswer(pattern: Self.pattern(text), feedback: feedback))
            }
        }
        guard !accepted.isEmpty else {
            log.error(InterchangeText.noFullCredit, at: position)
            return nil
        }
        if acceptedFeedback.allSatisfy(\.isEmpty) { acceptedFeedback = [] }
        return .shortAnswer(
            ShortAnswerKey(accepted: accepted, acceptedFeedback: acceptedFeedback, anticipated: anticipated, rule: rule)
        )
    }

    /// A typed answer as HocSo matches it: Moodle's `*` wildcard becomes a regular expression, and
    /// text that HocSo would read as a pattern or a number is matched literally.
    static func pattern(_ text: String) -> TextPattern {
        // `*` matches any text in Moodle; `\*` is a literal asterisk.
        var parts: [String] = [""]
        var characters = Array(text)[...]
        while let c = characters.first {
            if c == "\\", characters.dropFirst().first == "*" {
                parts[parts.count - 1].append("*")
                characters = characters.dropFirst(2)
            } else if c == "*" {
                parts.append("")
                characters = characters.dropFirst()
            } else {
                parts[parts.count - 1].append(c)
                characters = characters.dropFirst()
            }
        }
        if parts.count > 1 {
            return .regex(parts.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: ".*"))
        }
        let literal = parts[0]
        let looksLikeRegex = literal.count >= 2 && literal.hasPrefix("/") && literal.hasSuffix("/")
        if looksLikeRegex || Numbers.parseKey(literal) != nil {
            return .regex(NSRegularExpression.escapedPattern(for: literal))
        }
        return .text(literal)
    }

    mutating func numerical(_ numbers: [GiftNumber], otherwise: GiftText?, at position: TextPosition) -> AnswerKey? {
        var accepted: [NumericRange] = []
        var anticipated: [AnticipatedNumber] = []
        for number in numbers {
            let credit = number.weight ?? 100
            let range = numericRange(number)
            if credit >= 100 - 1e-6 {
                accepted.append(range)
                if let feedback = number.feedback, !feedback.text.isEmpty {
                    log.warning(InterchangeText.numericFeedbackLost, at: feedback.position)
                }
            } else {
                if credit > 0 {
                    log.warning(
                        InterchangeText.partialAnswerLost(range.display, weight: credit), at: number.position,
                        hint: InterchangeText.partialAnswerHint)
                }
                anticipated.append(
                    AnticipatedNumber(range: range, feedback: number.feedback.map { converted($0) } ?? []))
            }
        }
        if let otherwise { log.warning(InterchangeText.otherwiseFeedbackLost, at: otherwise.position) }
        guard !accepted.isEmpty else {
            log.error(InterchangeText.noFullCredit, at: position)
            return nil
        }
        return .numeric(NumericKey(accepted: accepted, anticipated: anticipated))
    }

    /// The range as the compiler reads it back from what the writer writes: `1822 ± 0`, `[3,141; 3,142]`.
    func numericRange(_ number: GiftNumber) -> NumericRange {
        let decimalComma = options.isVietnamese
        if let (value, tolerance) = number.valueAndTolerance {
            let display =
                "\(NumberText.format(value, decimalComma: decimalComma)) ± \(NumberText.format(tolerance, decimalComma: decimalComma))"
            return NumericRange(lower: value - tolerance, upper: value + tolerance, display: display)
        }
        let display =
            "[\(NumberText.format(number.low, decimalComma: decimalComma)); \(NumberText.format(number.high, decimalComma: decimalComma))]"
        return NumericRange(lower: number.low, upper: number.high, display: display)
    }

    mutating func matching(_ pairs: [GiftPair], scoring: Scoring, at position: TextPosition) -> AnswerKey? {
        var lefts: [[Inline]] = []
        var rights: [[Inline]] = []
        var distractors: [[Inline]] = []
        for pair in pairs {
            var left = Self.unmarked(convertedLine(pair.left))
            if left.plainText.contains("->") {
                left = Self.withoutArrows(left)
                log.warning(InterchangeText.arrowInLeft, at: pair.position)
            }
            let right = RichText.canonical([.text(pair.right)])
            guard !right.isEmpty else {
                log.error(InterchangeText.pairWithoutAnswer, at: pair.position, hint: InterchangeText.pairHint)
                return nil
            }
            if left.isEmpty {
                distractors.append(right)
            } else {
                lefts.append(left)
                rights.append(right)
            }
        }
        guard lefts.count >= 2 else {
            log.error(InterchangeText.tooFewPairs(lefts.count), at: position, hint: InterchangeText.pairHint)
            return nil
        }
        let leftItems = zip(Identifier.uniqueSlugs(lefts.map(\.plainText)), lefts).map {
            AnswerItem(id: $0, content: $1)
        }
        let rightContents = rights + distractors
        let rightItems = zip(Identifier.uniqueSlugs(rightContents.map(\.plainText)), rightContents).map {
            AnswerItem(id: $0, content: $1)
        }
        if Set(rightContents.map(\.plainText)).count < rightContents.count {
            log.warning(InterchangeText.repeatedRight, at: position)
        }
        return .matching(
            MatchingKey(
                pairs: zip(leftItems, rightItems).map { MatchPair(left: $0, right: $1) },
                distractors: Array(rightItems.dropFirst(lefts.count)), scoring: scoring))
    }
}

/// Numbers written without exponents, with a decimal comma for Vietnamese or a point for GIFT.
enum NumberText {
    static func format(_ value: Double, decimalComma: Bool) -> String {
        var text: String
        if value == value.rounded(), abs(value) < 1e15 {
            text = String(Int64(value))
        } else {
            text = String(value)
            if text.contains("e") || text.contains("E") {
                text = String(format: "%.15f", value)
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
        }
        return decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}
