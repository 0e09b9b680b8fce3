import CourseModel
import Foundation

/// Each GIFT question type mapped to the nearest HocSo kind (see docs/import-export.md).
extension GiftImport {
    /// The HocSo question, or `nil` after reporting why it cannot be one.
    mutating func question(_ source: GiftQuestion) -> Question? {
        let blocks = converted(source.text)
        var (prompt, body) = Self.promptAndBody(blocks)
        if prompt.isEmpty {
            prompt = [.text(source.title.flatMap { $0.isEmpty ? nil : $0 } ?? Self.shortTitle(blocks.plainText))]
        }
        if prompt.plainText.trimmingCharacters(in: .whitespaces).isEmpty {
            log.error(InterchangeText.noQuestionText, at: source.position)
            return nil
        }
        let id = questionID(source, prompt: prompt)
        let settings = readSettings(source)
        let explanation = source.generalFeedback.map { converted($0) } ?? []
        let hints = source.hints.map { converted($0) }.filter { !$0.isEmpty }
        guard let answer = answerKey(source, settings: settings) else { return nil }
        return Question(
            id: id, prompt: prompt, body: Self.safeBody(body), points: settings.points, shuffle: settings.shuffle,
            answer: answer, hints: hints, explanation: explanation)
    }

    /// The first paragraph as the prompt (one line), the rest as the body.
    static func promptAndBody(_ blocks: [Block]) -> ([Inline], [Block]) {
        guard case .paragraph? = blocks.first else { return ([], blocks) }
        let prompt = RichText.canonical(
            RichText.oneLine([blocks[0]]).filter {
                if case .image = $0 { return false }
                return true
            })
        return (prompt, Array(blocks.dropFirst()))
    }

    /// A question's prose without what the compiler would read as answers, hints or a break:
    /// numbered lists and lists that look like answers become lines of text.
    static func safeBody(_ blocks: [Block]) -> [Block] {
        blocks.flatMap { block -> [Block] in
            switch block {
            case .rule: return []
            case .callout(let kind, let content) where kind == .tip || kind == .note:
                return [.quote(content)]
            case .list(let start, let items) where start != nil || items.contains(where: looksLikeAnswer):
                return items.enumerated().map { offset, item in
                    let marker = start.map { "\($0 + offset). " } ?? "• "
                    return .paragraph(RichText.canonical([.text(marker)] + RichText.oneLine(item.blocks)))
                }
            default: return [block]
            }
        }
    }

    private static func looksLikeAnswer(_ item: ListItem) -> Bool {
        if item.checked != nil { return true }
        guard case .paragraph(let content)? = item.blocks.first else { return false }
        let text = content.plainText
        return ["( )", "(x)", "(X)", "!=", "="].contains { text.hasPrefix($0) } || text.contains("->")
    }

    /// HocSo settings a `// [hocso]` comment carries, with defaults.
    struct Settings {
        var points = 1
        var shuffle = true
        var match: MatchRule = .standard
        var scoring: Scoring?
    }

    private mutating func readSettings(_ source: GiftQuestion) -> Settings {
        var settings = Settings()
        for (key, value) in source.settings.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "points":
                if let n = Int(value), (1...1000).contains(n) {
                    settings.points = n
                } else {
                    badSetting(key, value, source)
                }
            case "shuffle":
                switch value.lowercased() {
                case "yes", "true": settings.shuffle = true
                case "no", "false": settings.shuffle = false
                default: badSetting(key, value, source)
                }
            case "match":
                if let rule = MatchRule.authorSpellings[value.lowercased()] {
                    settings.match = rule
                } else {
                    badSetting(key, value, source)
                }
            case "scoring":
                if let scoring = Scoring(rawValue: value.lowercased()) {
                    settings.scoring = scoring
                } else {
                    badSetting(key, value, source)
                }
            default:
                badSetting(key, value, source)
            }
        }
        return settings
    }

    private mutating func badSetting(_ key: String, _ value: String, _ source: GiftQuestion) {
        log.warning(InterchangeText.badSetting(key, value), at: source.position)
    }

    private mutating func answerKey(_ source: GiftQuestion, settings: Settings) -> AnswerKey? {
        switch source.answers {
        case .description, .essay:
            return nil
        case .multipleChoice(let choices, let single):
            return multipleChoice(choices, single: single, settings: settings, at: source.answerPosition)
        case .trueFalse(let isTrue, let wrong, let right):
            let rightFeedback = right.map { converted($0) } ?? []
            let wrongFeedback = wrong.map { converted($0) } ?? []
            return .trueFalse([
                ChoiceOption(
                    id: Identifier.slug(options.trueLabel), content: [.text(options.trueLabel)], isCorrect: isTrue,
                    feedback: isTrue ? rightFeedback : wrongFeedback),
                ChoiceOption(
                    id: Identifier.slug(options.falseLabel), content: [.text(options.falseLabel)], isCorrect: !isTrue,
                    feedback: isTrue ? wrongFeedback : rightFeedback),
            ])
        case .shortAnswer(let choices):
            return shortAnswer(choices, rule: settings.match, at: source.answerPosition)
        case .matching(let pairs):
            return matching(pairs, scoring: settings.scoring ?? .partial, at: source.answerPosition)
        case .numerical(let numbers, let otherwise):
            return numerical(numbers, otherwise: otherwise, at: source.answerPosition)
        case .ordering(let items, let pluginOptions):
            log.warning(InterchangeText.pluginOrdering(pluginOptions), at: source.answerPosition)
            let contents = items.map { Self.unmarked(Self.withoutArrows(convertedLine($0))) }.filter { !$0.isEmpty }
            guard contents.count >= 2 else {
                log.error(InterchangeText.orderingTooShort, at: source.answerPosition)
                return nil
            }
            return .ordering(
                zip(Identifier.uniqueSlugs(contents.map(\.plainText)), contents).map {
                    AnswerItem(id: $0, content: $1)
                })
        }
    }

    /// `->` written `→`: in an ordering item or a pair's left side HocSo reads `->` as the matching arrow.
    static func withoutArrows(_ inlines: [Inline]) -> [Inline] {
        inlines.map {
            if case .text(let t) = $0 { return .text(t.replacingOccurrences(of: "->", with: "→")) }
            return $0
        }
    }

    /// An item that starts like an answer marker (`=`, `!=`, `( )`, `(x)`) gets an invisible word
    /// joiner first, so the compiler reads it as text: Markdown cannot escape these markers.
    static func unmarked(_ inlines: [Inline]) -> [Inline] {
        let text = inlines.plainText
        guard ["=", "!=", "( )", "(x)", "(X)"].contains(where: { text.hasPrefix($0) }) else { return inlines }
        return RichText.canonical([.text("\u{2060}")] + inlines)
    }

    /// Options with ids derived from their text, as the compiler derives them.
    static func options(_ entries: [(content: [Inline], correct: Bool, feedback: [Block])]) -> [ChoiceOption] {
        zip(Identifier.uniqueSlugs(entries.map(\.content.plainText)), entries).map {
            ChoiceOption(id: $0, content: $1.content, isCorrect: $1.correct, feedback: $1.feedback)
        }
    }

    /// A single-choice key, or a true/false one when the options are exactly `Đúng`/`Sai` (`True`/`False`).
    static func choiceKey(_ options: [ChoiceOption]) -> AnswerKey {
        let texts = Set(options.map { VietnameseText.nfc($0.content.plainText).lowercased() })
        if options.count == 2, texts == ["đúng", "sai"] || texts == ["true", "false"] {
            return .trueFalse(options.sorted { a, _ in ["đúng", "true"].contains(a.content.plainText.lowercased()) })
        }
        return .singleChoice(options)
    }

    private mutating func multipleChoice(
        _ choices: [GiftChoice], single: Bool, settings: Settings, at position: TextPosition
    ) -> AnswerKey? {
        var entries: [(content: [Inline], credit: Double, feedback: [Block], source: GiftChoice)] = []
        for choice in choices {
            let content = convertedLine(choice.text)
            guard !content.isEmpty else {
                log.warning(InterchangeText.emptyOption, at: choice.position)
                continue
            }
            entries.append(
                (content, choice.credit(shortAnswer: false), choice.feedback.map { converted($0) } ?? [], choice))
        }
        let full = { (credit: Double) in credit >= 100 - 1e-6 }
        if single {
            let right = entries.filter { full($0.credit) }
            for entry in entries where !full(entry.credit) && entry.credit != 0 {
                log.warning(
                    InterchangeText.singleChoiceWeightLost(entry.content.plainText, weight: entry.credit),
                    at: entry.source.position, hint: InterchangeText.singleChoiceWeightHint)
            }
            let built = Self.options(entries.map { ($0.content, full($0.credit), $0.feedback) })
            if right.count == 1 { return Self.choiceKey(built) }
            if right.isEmpty {
                log.error(InterchangeText.noCredit, at: position)
                return nil
            }
            log.warning(InterchangeText.severalRight(right.count), at: right[1].source.position)
            return .multipleAnswer(built, scoring: settings.scoring ?? .partial)
        }
        let positive = entries.filter { $0.credit > 0 }
        guard !positive.isEmpty else {
            log.error(InterchangeText.noCredit, at: position, hint: InterchangeText.noCreditHint)
            return nil
        }
        let share = 100 / Double(positive.count)
        let exact = entries.allSatisfy { abs($0.credit - ($0.credit > 0 ? share : -share)) < 0.01 }
        if !exact, settings.scoring == nil {
            log.warning(
                InterchangeText.weightsApproximated(positive.count), at: position, hint: InterchangeText.weightsHint)
        }
        return .multipleAnswer(
            Self.options(entries.map { ($0.content, $0.credit > 0, $0.feedback) }),
            scoring: settings.scoring ?? .partial)
    }
}
