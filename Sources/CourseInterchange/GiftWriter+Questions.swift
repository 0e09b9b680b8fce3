import CourseModel
import Foundation
import Localization

/// Each HocSo question kind as GIFT.
extension GiftWriter {
    /// The question's lines, or `nil` when GIFT has no form for it (the reason is in `lost`).
    static func question(_ original: Question, lost: inout [Phrase]) -> [String]? {
        var q = original
        if containsImage(q.body) || containsImage(q.explanation)
            || q.answer.options.contains(where: { containsImage($0.feedback) })
        {
            lost.append(InterchangeText.imagesNotExported)
        }
        q.body = Images.removed(q.body)
        q.explanation = Images.removed(q.explanation)
        q.hints = q.hints.map(Images.removed)

        var settings: [String] = []
        if q.points != 1 {
            settings.append("points: \(q.points)")
            lost.append(InterchangeText.pointsInComment(q.points))
        }
        if !q.shuffle { settings.append("shuffle: no") }
        var lines = ["// [id:\(q.id)]"]
        let markdown = needsMarkdown(q)
        let stem = "::\(escape(q.id))::" + (markdown ? "[markdown]" : "") + stemText(q, markdown: markdown)
        var answers: [String]
        var opener = "{"
        switch q.answer {
        case .singleChoice(let options):
            answers = options.map {
                "\t" + ($0.isCorrect ? "=" : "~") + text($0.content, markdown: markdown)
                    + feedbackSuffix($0.feedback, markdown)
            }
        case .trueFalse(let options):
            guard let right = options.first(where: \.isCorrect), let wrong = options.first(where: { !$0.isCorrect })
            else {
                return nil
            }
            let isTrue = ["đúng", "true"].contains(right.content.plainText.lowercased())
            var line = "\t" + (isTrue ? "TRUE" : "FALSE")
            let wrongText = feedback(wrong.feedback, markdown: markdown, inAnswers: true)
            let rightText = feedback(right.feedback, markdown: markdown, inAnswers: true)
            if !wrongText.isEmpty { line += "#" + wrongText } else if !rightText.isEmpty { line += "#" }
            if !rightText.isEmpty { line += "#" + rightText }
            answers = [line]
        case .multipleAnswer(let options, let scoring):
            let right = Double(max(1, options.filter(\.isCorrect).count))
            let share = weight(100 / right)
            let penalty = scoring == .partial ? weight(-100 / right) : "-100"
            if scoring == .allOrNothing {
                settings.append("scoring: all-or-nothing")
                lost.append(InterchangeText.allOrNothingInMoodle)
            }
            answers = options.map {
                "\t~%\($0.isCorrect ? share : penalty)%" + text($0.content, markdown: markdown)
                    + feedbackSuffix($0.feedback, markdown)
            }
        case .shortAnswer(let key):
            if key.rule != .standard {
                settings.append("match: \(key.rule.rawValue)")
                lost.append(InterchangeText.matchRuleInComment(key.rule.rawValue))
            }
            answers = []
            for (index, pattern) in key.accepted.enumerated() {
                guard let wildcard = Wildcard.text(pattern), !wildcard.contains("->") else {
                    lost.append(Self.unwritable(pattern))
                    continue
                }
                let fb = index < key.acceptedFeedback.count ? key.acceptedFeedback[index] : []
                answers.append("\t=%100%" + escape(wildcard) + feedbackSuffix(fb, markdown))
            }
            guard !answers.isEmpty else {
                lost.append(InterchangeText.noExportableAnswer)
                return nil
            }
            for wrong in key.anticipated {
                guard let wildcard = Wildcard.text(wrong.pattern), !wildcard.contains("->") else {
                    lost.append(Self.unwritable(wrong.pattern))
                    continue
                }
                answers.append("\t=%0%" + escape(wildcard) + feedbackSuffix(wrong.feedback, markdown))
            }
        case .numeric(let key):
            answers =
                key.accepted.map { "\t=%100%" + number($0) }
                + key.anticipated.map { "\t=%0%" + number($0.range) + feedbackSuffix($0.feedback, markdown) }
            opener = "{#"
        case .ordering:
            lost.append(InterchangeText.orderingNotExported)
            return nil
        case .matching(let key):
            if key.scoring == .allOrNothing {
                settings.append("scoring: all-or-nothing")
                lost.append(InterchangeText.matchingPerPair)
            }
            answers =
                key.pairs.map {
                    "\t=" + text($0.left.content, markdown: markdown) + " -> " + escape(oneLine($0.right.content))
                }
                + key.distractors.map { "\t= -> " + escape(oneLine($0.content)) }
        }
        if !settings.isEmpty { lines.append("// [hocso] " + settings.joined(separator: "; ")) }
        if !q.hints.isEmpty {
            lost.append(InterchangeText.hintsInComments(q.hints.count))
            lines += q.hints.map { "// [hint] " + escape(MarkdownText.blocks($0).joined(separator: "\n")) }
        }
        lines.append(stem + opener)
        lines += answers
        if !q.explanation.isEmpty { lines.append("\t####" + feedback(q.explanation, markdown: markdown)) }
        lines.append("}")
        return lines
    }

    /// Why a typed answer cannot be written: a regular expression, or `->` (Moodle would read a pair).
    private static func unwritable(_ pattern: TextPattern) -> Phrase {
        if case .text(let t) = pattern, t.contains("->") { return InterchangeText.arrowInAnswer(t) }
        return InterchangeText.regexNotExported(pattern)
    }

    private static func oneLine(_ inlines: [Inline]) -> String {
        inlines.plainText.replacingOccurrences(of: "\n", with: " ")
    }

    private static func feedbackSuffix(_ blocks: [Block], _ markdown: Bool) -> String {
        let text = feedback(Images.removed(blocks), markdown: markdown, inAnswers: true)
        return text.isEmpty ? "" : "#" + text
    }

    /// The prompt and the prose under it.
    private static func stemText(_ q: Question, markdown: Bool) -> String {
        guard markdown else { return escape(q.prompt.plainText) }
        return escape(MarkdownText.blocks([.paragraph(q.prompt)] + q.body).joined(separator: "\n"))
    }

    /// Whether any text of the question needs Markdown to be shown as HocSo shows it.
    private static func needsMarkdown(_ q: Question) -> Bool {
        func plain(_ blocks: [Block]) -> Bool {
            if blocks.isEmpty { return true }
            if blocks.count == 1, case .paragraph(let v) = blocks[0] { return isPlain(v) }
            return false
        }
        var inlines: [[Inline]] = [q.prompt]
        var blocks: [[Block]] = [q.explanation]
        switch q.answer {
        case .trueFalse(let o) where o.contains(where: { $0.feedback.plainText.contains("->") }):
            return true
        case .singleChoice(let o), .trueFalse(let o), .multipleAnswer(let o, _):
            inlines += o.map(\.content)
            blocks += o.map(\.feedback)
        case .shortAnswer(let key):
            blocks += key.acceptedFeedback + key.anticipated.map(\.feedback)
            // Feedback holding `->` must be Markdown, where it can be written `-\>` (see `feedback`).
            if (key.acceptedFeedback + key.anticipated.map(\.feedback)).contains(where: { $0.plainText.contains("->") })
            {
                return true
            }
        case .numeric(let key):
            blocks += key.anticipated.map(\.feedback)
        case .ordering(let items):
            inlines += items.map(\.content)
        case .matching(let key):
            inlines += key.pairs.map(\.left.content)
        }
        return !q.body.isEmpty || !inlines.allSatisfy(isPlain) || !blocks.allSatisfy(plain)
    }

    /// A weight in percent as Moodle writes it: at most five decimals.
    static func weight(_ value: Double) -> String {
        var text = String(format: "%.5f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// A numeric answer: `value`, `value:tolerance` when written with ±, else `low..high`.
    static func number(_ range: NumericRange) -> String {
        let f = { NumberText.format($0, decimalComma: false) }
        if range.lower == range.upper { return f(range.lower) }
        for marker in ["±", "+/-", "+-"] where range.display.contains(marker) {
            let parts = range.display.components(separatedBy: marker)
            guard parts.count == 2, !parts[1].contains("%"),
                let value = Numbers.readings(of: parts[0]).first, let tolerance = Numbers.readings(of: parts[1]).first,
                value - tolerance == range.lower, value + tolerance == range.upper
            else { break }
            return f(value) + ":" + f(tolerance)
        }
        return f(range.lower) + ".." + f(range.upper)
    }
}

/// Moodle short answers match `*` as any text; HocSo's patterns are literal or regular expressions.
enum Wildcard {
    /// The Moodle answer for a pattern, `nil` when the pattern is a regular expression `*` cannot say.
    static func text(_ pattern: TextPattern) -> String? {
        switch pattern {
        case .text(let t): return t.replacingOccurrences(of: "*", with: "\\*")
        case .regex(let r):
            var out = ""
            var characters = Array(r)[...]
            while let c = characters.first {
                if characters.starts(with: [".", "*"]) {
                    out += "*"
                    characters = characters.dropFirst(2)
                } else if c == "\\", characters.count >= 2 {
                    let escaped = characters[characters.index(after: characters.startIndex)]
                    guard !escaped.isLetter, !escaped.isNumber else { return nil }
                    out += escaped == "*" ? "\\*" : String(escaped)
                    characters = characters.dropFirst(2)
                } else if "^$.|?*+()[]{}".contains(c) {
                    return nil
                } else {
                    out.append(c)
                    characters = characters.dropFirst()
                }
            }
            return out
        }
    }
}

/// Pictures replaced by their descriptions: a Moodle site cannot reach a pack's files.
enum Images {
    static func removed(_ blocks: [Block]) -> [Block] {
        blocks.map { block in
            switch block {
            case .paragraph(let v): .paragraph(removed(v))
            case .heading(let level, let v): .heading(level: level, content: removed(v))
            case .list(let start, let items):
                .list(start: start, items: items.map { ListItem(blocks: removed($0.blocks), checked: $0.checked) })
            case .quote(let v): .quote(removed(v))
            case .callout(let kind, let v): .callout(kind, removed(v))
            case .table(let t):
                .table(
                    Table(alignments: t.alignments, header: t.header.map(removed), rows: t.rows.map { $0.map(removed) })
                )
            case .code, .rule: block
            }
        }
    }

    static func removed(_ inlines: [Inline]) -> [Inline] {
        inlines.map { inline in
            switch inline {
            case .image(_, let alt): .text(alt)
            case .emphasis(let v): .emphasis(removed(v))
            case .strong(let v): .strong(removed(v))
            case .strikethrough(let v): .strikethrough(removed(v))
            case .link(let d, let v): .link(destination: d, content: removed(v))
            default: inline
            }
        }
    }
}
