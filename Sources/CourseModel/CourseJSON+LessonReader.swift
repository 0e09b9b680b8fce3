import CanonicalJSON
import Foundation

/// Reads the lessons of a `course.json` straight from its bytes into the model's values, mirroring
/// the `Codable` conformances (Course+CompactCoding.swift and the synthesized ones) for the form
/// the compiler writes: sorted keys, no `null`, each object with only the keys its type knows.
///
/// Every function throws `NotCanonical` rather than guess: an unknown or repeated key, a value of
/// another type, a number that is not a plain integer where one is expected, an escaped surrogate,
/// invalid UTF-8 or nesting deeper than `CanonicalJSONReader.maxDepth`. Giving up is always safe,
/// because the caller then decodes the whole document with `JSONDecoder`.
extension CanonicalJSONReader {
    // MARK: The course

    /// The lessons, and the document again with an empty `lessons` array for `JSONDecoder` to
    /// read the course's own fields from.
    mutating func courseSplittingLessons() throws(NotCanonical) -> ([Lesson], Data) {
        var lessons: [Lesson]?
        var rest = Data("{".utf8)
        rest.reserveCapacity(4096)
        try members { r, key throws(NotCanonical) in
            if r.matches(key, "lessons") {
                guard lessons == nil else { throw NotCanonical() }
                lessons = try r.array { r throws(NotCanonical) in try r.lesson() }
            } else {
                let start = r.position
                try r.skipValue()
                if rest.count > 1 { rest.append(UInt8(ascii: ",")) }
                rest.append(contentsOf: UnsafeBufferPointer(rebasing: r.bytes[key.start - 1..<key.end + 1]))
                rest.append(UInt8(ascii: ":"))
                rest.append(contentsOf: UnsafeBufferPointer(rebasing: r.bytes[start..<r.position]))
            }
        }
        skipWhitespace()
        guard let lessons, position == bytes.count else { throw NotCanonical() }
        rest.append(contentsOf: Data((rest.count > 1 ? ",\"lessons\":[]}" : "\"lessons\":[]}").utf8))
        return (lessons, rest)
    }

    mutating func lesson() throws(NotCanonical) -> Lesson {
        var id: String?
        var title: String?
        var duration: Int?
        var isFinal: Bool?
        var tags: [String]?
        var competences: [String]?
        var steps: [Step]?
        var quiz: Quiz?
        try members { r, key throws(NotCanonical) in
            if r.matches(key, "id") {
                try r.once(&id) { r throws(NotCanonical) in try r.string() }
            } else if r.matches(key, "title") {
                try r.once(&title) { r throws(NotCanonical) in try r.string() }
            } else if r.matches(key, "durationMinutes") {
                try r.once(&duration) { r throws(NotCanonical) in try r.int() }
            } else if r.matches(key, "isFinal") {
                try r.once(&isFinal) { r throws(NotCanonical) in try r.bool() }
            } else if r.matches(key, "tags") {
                try r.once(&tags) { r throws(NotCanonical) in try r.strings() }
            } else if r.matches(key, "competences") {
                try r.once(&competences) { r throws(NotCanonical) in try r.strings() }
            } else if r.matches(key, "steps") {
                try r.once(&steps) { r throws(NotCanonical) in try r.array { r throws(NotCanonical) in try r.step() } }
            } else if r.matches(key, "quiz") {
                try r.once(&quiz) { r throws(NotCanonical) in try r.quiz() }
            } else {
                throw NotCanonical()
            }
        }
        guard let id, let title else { throw NotCanonical() }
        return Lesson(
            id: id, title: title, durationMinutes: duration, isFinal: isFinal ?? false, tags: tags ?? [],
            competences: (competences ?? []).compactMap(Competence.init(code:)), steps: steps ?? [], quiz: quiz)
    }

    mutating func step() throws(NotCanonical) -> Step {
        var id: String?
        var title: String?
        var blocks: [Block]?
        try members { r, key throws(NotCanonical) in
            if r.matches(key, "blocks") {
                try r.once(&blocks) { r throws(NotCanonical) in try r.blocks() }
            } else if r.matches(key, "id") {
                try r.once(&id) { r throws(NotCanonical) in try r.string() }
            } else if r.matches(key, "title") {
                try r.once(&title) { r throws(NotCanonical) in try r.string() }
            } else {
                throw NotCanonical()
            }
        }
        guard let id, let title, let blocks else { throw NotCanonical() }
        return Step(id: id, title: title, blocks: blocks)
    }

    mutating func quiz() throws(NotCanonical) -> Quiz {
        var title: String?
        var introduction: [Block]?
        var questions: [Question]?
        var mastery: MasteryRule?
        try members { r, key throws(NotCanonical) in
            if r.matches(key, "introduction") {
                try r.once(&introduction) { r throws(NotCanonical) in try r.blocks() }
            } else if r.matches(key, "mastery") {
                try r.once(&mastery) { r throws(NotCanonical) in try r.mastery() }
            } else if r.matches(key, "questions") {
                try r.once(&questions) { r throws(NotCanonical) in
                    try r.array { r throws(NotCanonical) in try r.question() }
                }
            } else if r.matches(key, "title") {
                try r.once(&title) { r throws(NotCanonical) in try r.string() }
            } else {
                throw NotCanonical()
            }
        }
        guard let title, let introduction, let questions, let mastery else { throw NotCanonical() }
        return Quiz(title: title, introduction: introduction, questions: questions, mastery: mastery)
    }

    /// The synthesized form of the enum: `{"passMark":{"_0":…}}` or `{"recent":{"m":…,"n":…}}`.
    mutating func mastery() throws(NotCanonical) -> MasteryRule {
        var rule: MasteryRule?
        try members { r, key throws(NotCanonical) in
            guard rule == nil else { throw NotCanonical() }
            if r.matches(key, "passMark") {
                var mark: Double?
                try r.members { r, key throws(NotCanonical) in
                    guard r.matches(key, "_0") else { throw NotCanonical() }
                    try r.once(&mark) { r throws(NotCanonical) in try r.double() }
                }
                guard let mark else { throw NotCanonical() }
                rule = .passMark(mark)
            } else if r.matches(key, "recent") {
                var m: Int?
                var n: Int?
                try r.members { r, key throws(NotCanonical) in
                    if r.matches(key, "m") {
                        try r.once(&m) { r throws(NotCanonical) in try r.int() }
                    } else if r.matches(key, "n") {
                        try r.once(&n) { r throws(NotCanonical) in try r.int() }
                    } else {
                        throw NotCanonical()
                    }
                }
                guard let m, let n else { throw NotCanonical() }
                rule = .recent(m: m, n: n)
            } else {
                throw NotCanonical()
            }
        }
        guard let rule else { throw NotCanonical() }
        return rule
    }

    // MARK: Questions

    mutating func question() throws(NotCanonical) -> Question {
        var id: String?
        var prompt: [Inline]?
        var body: [Block]?
        var points: Int?
        var shuffle: Bool?
        var answer: AnswerKey?
        var hints: [[Block]]?
        var explanation: [Block]?
        try members { r, key throws(NotCanonical) in
            if r.matches(key, "answer") {
                try r.once(&answer) { r throws(NotCanonical) in try r.answerKey() }
            } else if r.matches(key, "body") {
                try r.once(&body) { r throws(NotCanonical) in try r.blocks() }
            } else if r.matches(key, "explanation") {
                try r.once(&explanation) { r throws(NotCanonical) in try r.blocks() }
            } else if r.matches(key, "hints") {
                try r.once(&hints) { r throws(NotCanonical) in try r.array { r throws(NotCanonical) in try r.blocks() }
                }
            } else if r.matches(key, "id") {
                try r.once(&id) { r throws(NotCanonical) in try r.string() }
            } else if r.matches(key, "points") {
                try r.once(&points) { r throws(NotCanonical) in try r.int() }
            } else if r.matches(key, "prompt") {
                try r.once(&prompt) { r throws(NotCanonical) in try r.inlines() }
            } else if r.matches(key, "shuffle") {
                try r.once(&shuffle) { r throws(NotCanonical) in try r.bool() }
            } else {
                throw NotCanonical()
            }
        }
        guard let id, let prompt, let answer else { throw NotCanonical() }
        return Question(
            id: id, prompt: prompt, body: body ?? [], points: points ?? 1, shuffle: shuffle ?? true, answer: answer,
            hints: hints ?? [], explanation: explanation ?? [])
    }

    /// `{"kind": …, …}` with exactly the keys its kind reads.
    mutating func answerKey() throws(NotCanonical) -> AnswerKey {
        var kind: QuestionKind?
        var options: [ChoiceOption]?
        var scoring: Scoring?
        var short: ShortAnswerKey?
        var numeric: NumericKey?
        var items: [AnswerItem]?
        var matching: MatchingKey?
        try members { r, key throws(NotCanonical) in
            if r.matches(key, "items") {
                try r.once(&items) { r throws(NotCanonical) in
                    try r.array { r throws(NotCanonical) in try r.answerItem() }
                }
            } else if r.matches(key, "kind") {
                try r.once(&kind) { r throws(NotCanonical) in try r.rawValue() }
            } else if r.matches(key, "matching") {
                try r.once(&matching) { r throws(NotCanonical) in try r.matchingKey() }
            } else if r.matches(key, "numeric") {
                try r.once(&numeric) { r throws(NotCanonical) in try r.numericKey() }
            } else if r.matches(key, "options") {
                try r.once(&options) { r throws(NotCanonical) in
                    try r.array { r throws(NotCanonical) in try r.choiceOption() }
                }
            } else if r.matches(key, "scoring") {
                try r.once(&scoring) { r throws(NotCanonical) in try r.rawValue() }
            } else if r.matches(key, "short") {
                try r.once(&short) { r throws(NotCanonical) in try r.shortAnswerKey() }
            } else {
                throw NotCanonical()
            }
        }
        guard let kind else { throw NotCanonical() }
        let present = [options != nil, scoring != nil, short != nil, numeric != nil, items != nil, matching != nil]
        func only(_ expected: [Bool]) throws(NotCanonical) {
            guard present == expected else { throw NotCanonical() }
        }
        do {
            switch kind {
            case .singleChoice, .trueFalse, .multipleAnswer:
                try only([true, kind == .multipleAnswer, false, false, false, false])
                let filled = try options!.fillingDerivedIDs(codingPath: [])
                switch kind {
                case .singleChoice: return .singleChoice(filled)
                case .trueFalse: return .trueFalse(filled)
                default: return .multipleAnswer(filled, scoring: scoring!)
                }
            case .shortAnswer:
                try only([false, false, true, false, false, false])
                return .shortAnswer(short!)
            case .numeric:
                try only([false, false, false, true, false, false])
                return .numeric(numeric!)
            case .ordering:
                try only([false, false, false, false, true, false])
                return .ordering(try items!.fillingDerivedIDs(codingPath: []))
            case .matching:
                try only([false, false, false, false, false, true])
                return .matching(matching!)
            }
        } catch {
            throw NotCanonical()
        }
    }

    mutating func choiceOption() throws(NotCanonical) -> ChoiceOption {
        var id: String?
        var content: [Inline]?
        var isCorrect: Bool?
        var feedback: [Block]?
        try members { r, key throws(NotCanonical) in
            if r.matches(key, "c") {
                try r.once(&content) { r throws(NotCanonical) in try r.inlines() }
            } else if r.matches(key, "fb") {
                try r.once(&feedback) { r throws(NotCanonical) in try r.blocks() }
            } else if r.matches(key, "id") {
                try r.once(&id) { r throws(NotCanonical) in try r.string() }
            } else if r.matches(key, "ok") {
                try r.once(&isCorrect) { r throws(NotCanonical) in try r.bool() }
            } else {
                throw NotCanonical()
            }
        }
        guard let content else { throw NotCanonical() }
        return ChoiceOption(id: id ?? "", content: content, isCorrect: isCorrect ?? false, feedback: feedback ?? [])
    }

    mutating func answerItem() throws(NotCanonical) -> AnswerItem {
        var id: String?
        var content: [Inline]?
        try members { r, key throws(NotCanonical) in
            if r.matches(key, "c") {
                try r.once(&content) { r throws(NotCanonical) in try r.inlines() }
            } else if r.matches(key, "id") {
                try r.once(&id) { r throws(NotCanonical) in try r.string() }
            } else {
                throw NotCanonical()
            }
        }
        guard let content else { throw NotCanonical() }
        return AnswerItem(id: id ?? "", content: content)
    }

    mutating func matchingKey() throws(NotCanonical) -> MatchingKey {
        var pairs: [MatchPair]?
        var distractors: [AnswerItem]?
        var scoring: Scoring?
        try members { r, key throws(NotCanonical) in
            if r.matches(key, "distractors") {
                try r.once(&distractors) { r throws(NotCanonical) in
                    try r.array { r throws(NotCanonical) in try r.answerItem() }
                }
            } else if r.matches(key, "pairs") {
                try r.once(&pairs) { r throws(NotCanonical) in
                    try r.array { r throws(NotCanonical) in try r.matchPair() }
                }
            } else if r.matches(key, "scoring") {
                try r.once(&scoring) { r throws(NotCanonical) in try r.rawValue() }
            } else {
                throw NotCanonical()
            }
        }
        guard let pairs, let scoring else { throw NotCanonical() }
        let distractorItems = distractors ?? []
        do {
            let lefts = try pairs.map(\.left).fillingDerivedIDs(codingPath: [])
            let rights = try (pairs.map(\.right) + distractorItems).fillingDerivedIDs(codingPath: [])
            return MatchingKey(
                pairs: zip(lefts, rights).map { MatchPair(left: $0, right: $1) },
                distractors: Array(rights.dropFirst(pairs.count)), scoring: scoring)
        } catch {
            throw NotCanonical()
        }
    }

    mutating func matchPair() throws(NotCanonical) -> MatchPair {
        var left: AnswerItem?
        var right: AnswerItem?
        try members { r, key throws(NotCanonical) in
            if r.matches(key, "left") {
                try r.once(&left) { r throws(NotCanonical) in try r.answerItem() }
            } else if r.matches(key, "right") {
                try r.once(&right) { r throws(NotCanonical) in try r.answerItem() }
            } else {
                throw NotCanonical()
            }
        }
        guard let left, let right else { throw NotCanonical() }
        return MatchPair(left: left, right: right)
    }

    mutating func shortAnswerKey() throws(NotCanonical) -> ShortAnswerKey {
        var accepted: [TextPattern]?
        var acceptedFeedback: [[Block]]?
        var anticipated: [AnticipatedAnswer]?
        var rule: MatchRule?
        try members { r, key throws(NotCanonical) in
            if r.matches(key, "accepted") {
                try r.once(&accepted) { r throws(NotCanonical) in
                    try r.array { r throws(NotCanonical) in try r.textPattern() }
                }
            } else if r.matches(key, "acceptedFeedback") {
                try r.once(&acceptedFeedback) { r throws(NotCanonical) in
                    try r.array { r throws(NotCanonical) in try r.blocks() }
                }
            } else if r.matches(key, "anticipated") {
                try r.once(&anticipated) { r throws(NotCanonical) in
                    try r.array { r throws(NotCanonical) in try r.anticipatedAnswer() }
                }
            } else if r.matches(key, "rule") {
                try r.once(&rule) { r throws(NotCanonical) in try r.rawValue() }
            } else {
                throw NotCanonical()
            }
        }
        guard let accepted else { throw NotCanonical() }
        return ShortAnswerKey(
            accepted: accepted, acceptedFeedback: acceptedFeedback ?? [], anticipated: anticipated ?? [],
            rule: rule ?? .standard)
    }

    /// A bare string, or `{"regex": …}`; the legacy `{"text": {"_0": …}}` forms go to `JSONDecoder`.
    mutating func textPattern() throws(NotCanonical) -> TextPattern {
        skipWhitespace()
        if peek == UInt8(ascii: "\"") { return .text(try string()) }
        var pattern: String?
        try members { r, key throws(NotCanonical) in
            guard r.matches(key, "regex") else { throw NotCanonical() }
            try r.once(&pattern) { r throws(NotCanonical) in try r.string() }
        }
        guard let pattern else { throw NotCanonical() }
        return .regex(pattern)
    }

    mutating func anticipatedAnswer() throws(NotCanonical) -> AnticipatedAnswer {
        var pattern: TextPattern?
        var feedback: [Block]?
        try members { r, key throws(NotCanonical) in
            if r.matches(key, "feedback") {
                try r.once(&feedback) { r throws(NotCanonical) in try r.blocks() }
            } else if r.matches(key, "pattern") {
                try r.once(&pattern) { r throws(NotCanonical) in try r.textPattern() }
            } else {
                throw NotCanonical()
            }
        }
        guard let pattern, let feedback else { throw NotCanonical() }
        return AnticipatedAnswer(pattern: pattern, feedback: feedback)
    }

    mutating func numericKey() throws(NotCanonical) -> NumericKey {
        var accepted: [NumericRange]?
        var anticipated: [AnticipatedNumber]?
        try members { r, key throws(NotCanonical) in
            if r.matches(key, "accepted") {
                try r.once(&accepted) { r throws(NotCanonical) in
                    try r.array { r throws(NotCanonical) in try r.numericRange() }
                }
            } else if r.matches(key, "anticipated") {
                try r.once(&anticipated) { r throws(NotCanonical) in
                    try r.array { r throws(NotCanonical) in try r.anticipatedNumber() }
                }
            } else {
                throw NotCanonical()
            }
        }
        guard let accepted, let anticipated else { throw NotCanonical() }
        return NumericKey(accepted: accepted, anticipated: anticipated)
    }

    /// The synthesized decoding sets the bounds as written, where the initializer would order them.
    mutating func numericRange() throws(NotCanonical) -> NumericRange {
        var lower: Double?
        var upper: Double?
        var display: String?
        try members { r, key throws(NotCanonical) in
            if r.matches(key, "display") {
                try r.once(&display) { r throws(NotCanonical) in try r.string() }
            } else if r.matches(key, "lower") {
                try r.once(&lower) { r throws(NotCanonical) in try r.double() }
            } else if r.matches(key, "upper") {
                try r.once(&upper) { r throws(NotCanonical) in try r.double() }
            } else {
                throw NotCanonical()
            }
        }
        guard let lower, let upper, let display else { throw NotCanonical() }
        var range = NumericRange(lower: lower, upper: upper, display: display)
        range.lower = lower
        range.upper = upper
        return range
    }

    mutating func anticipatedNumber() throws(NotCanonical) -> AnticipatedNumber {
        var range: NumericRange?
        var feedback: [Block]?
        try members { r, key throws(NotCanonical) in
            if r.matches(key, "feedback") {
                try r.once(&feedback) { r throws(NotCanonical) in try r.blocks() }
            } else if r.matches(key, "range") {
                try r.once(&range) { r throws(NotCanonical) in try r.numericRange() }
            } else {
                throw NotCanonical()
            }
        }
        guard let range, let feedback else { throw NotCanonical() }
        return AnticipatedNumber(range: range, feedback: feedback)
    }

    // MARK: Text

    mutating func blocks() throws(NotCanonical) -> [Block] {
        try array { r throws(NotCanonical) in try r.block() }
    }

    mutating func inlines() throws(NotCanonical) -> [Inline] {
        try array { r throws(NotCanonical) in try r.inline() }
    }

    /// A bare string is a paragraph of plain text; an object has one variant key and only the
    /// keys that variant reads. `c` is an inline list under `h` and a block list under `callout`,
    /// and sorts before both, so it is read once the variant is known.
    mutating func block() throws(NotCanonical) -> Block {
        skipWhitespace()
        if peek == UInt8(ascii: "\"") { return .paragraph([.text(try string())]) }
        var variant: Block?
        var content: Range<Int>?
        var start: Int?
        var language: String?
        var level: Int?
        var callout: CalloutKind?
        try nested { r throws(NotCanonical) in
            try r.members { r, key throws(NotCanonical) in
                if r.matches(key, "c") {
                    try r.once(&content) { r throws(NotCanonical) in
                        let at = r.position
                        try r.skipValue()
                        return at..<r.position
                    }
                } else if r.matches(key, "callout") {
                    try r.once(&callout) { r throws(NotCanonical) in try r.rawValue() }
                } else if r.matches(key, "h") {
                    try r.once(&level) { r throws(NotCanonical) in try r.int() }
                } else if r.matches(key, "hr") {
                    try r.once(&variant) { r throws(NotCanonical) in try r.trueLiteral(.rule) }
                } else if r.matches(key, "lang") {
                    try r.once(&language) { r throws(NotCanonical) in try r.string() }
                } else if r.matches(key, "list") {
                    try r.once(&variant) { r throws(NotCanonical) in
                        .list(start: nil, items: try r.array { r throws(NotCanonical) in try r.listItem() })
                    }
                } else if r.matches(key, "p") {
                    try r.once(&variant) { r throws(NotCanonical) in .paragraph(try r.inlines()) }
                } else if r.matches(key, "pre") {
                    try r.once(&variant) { r throws(NotCanonical) in .code(language: nil, text: try r.string()) }
                } else if r.matches(key, "quote") {
                    try r.once(&variant) { r throws(NotCanonical) in .quote(try r.blocks()) }
                } else if r.matches(key, "start") {
                    try r.once(&start) { r throws(NotCanonical) in try r.int() }
                } else if r.matches(key, "table") {
                    try r.once(&variant) { r throws(NotCanonical) in .table(try r.table()) }
                } else {
                    throw NotCanonical()
                }
            }
        }
        switch (variant, level, callout) {
        case (nil, let level?, nil):
            guard let content, start == nil, language == nil else { throw NotCanonical() }
            return .heading(
                level: level, content: try reread(at: content) { r throws(NotCanonical) in try r.inlines() })
        case (nil, nil, let kind?):
            guard let content, start == nil, language == nil else { throw NotCanonical() }
            return .callout(kind, try reread(at: content) { r throws(NotCanonical) in try r.blocks() })
        case (.list(_, let items)?, nil, nil):
            guard content == nil, language == nil else { throw NotCanonical() }
            return .list(start: start, items: items)
        case (.code(_, let text)?, nil, nil):
            guard content == nil, start == nil else { throw NotCanonical() }
            return .code(language: language, text: text)
        case (let block?, nil, nil):
            guard content == nil, start == nil, language == nil else { throw NotCanonical() }
            return block
        default:
            throw NotCanonical()
        }
    }

    /// A bare string is plain text; an object has one variant key (`link` with its `c`, `img`
    /// with its `alt`).
    mutating func inline() throws(NotCanonical) -> Inline {
        skipWhitespace()
        if peek == UInt8(ascii: "\"") { return .text(try string()) }
        var variant: Inline?
        var content: [Inline]?
        var alt: String?
        try nested { r throws(NotCanonical) in
            try r.members { r, key throws(NotCanonical) in
                if r.matches(key, "alt") {
                    try r.once(&alt) { r throws(NotCanonical) in try r.string() }
                } else if r.matches(key, "br") {
                    try r.once(&variant) { r throws(NotCanonical) in try r.trueLiteral(.lineBreak) }
                } else if r.matches(key, "c") {
                    try r.once(&content) { r throws(NotCanonical) in try r.inlines() }
                } else if r.matches(key, "code") {
                    try r.once(&variant) { r throws(NotCanonical) in .code(try r.string()) }
                } else if r.matches(key, "del") {
                    try r.once(&variant) { r throws(NotCanonical) in .strikethrough(try r.inlines()) }
                } else if r.matches(key, "em") {
                    try r.once(&variant) { r throws(NotCanonical) in .emphasis(try r.inlines()) }
                } else if r.matches(key, "img") {
                    try r.once(&variant) { r throws(NotCanonical) in .image(source: try r.string(), alt: "") }
                } else if r.matches(key, "link") {
                    try r.once(&variant) { r throws(NotCanonical) in .link(destination: try r.string(), content: [])
                    }
                } else if r.matches(key, "strong") {
                    try r.once(&variant) { r throws(NotCanonical) in .strong(try r.inlines()) }
                } else {
                    throw NotCanonical()
                }
            }
        }
        switch variant {
        case .link(let destination, _)?:
            guard alt == nil else { throw NotCanonical() }
            return .link(destination: destination, content: content ?? [])
        case .image(let source, _)?:
            guard content == nil else { throw NotCanonical() }
            return .image(source: source, alt: alt ?? "")
        case let inline?:
            guard content == nil, alt == nil else { throw NotCanonical() }
            return inline
        case nil:
            throw NotCanonical()
        }
    }

    mutating func listItem() throws(NotCanonical) -> ListItem {
        var blocks: [Block]?
        var checked: Bool?
        try members { r, key throws(NotCanonical) in
            if r.matches(key, "c") {
                try r.once(&blocks) { r throws(NotCanonical) in try r.blocks() }
            } else if r.matches(key, "x") {
                try r.once(&checked) { r throws(NotCanonical) in try r.bool() }
            } else {
                throw NotCanonical()
            }
        }
        guard let blocks else { throw NotCanonical() }
        return ListItem(blocks: blocks, checked: checked)
    }

    mutating func table() throws(NotCanonical) -> Table {
        var alignments: [TableAlignment]?
        var header: [[Inline]]?
        var rows: [[[Inline]]]?
        try members { r, key throws(NotCanonical) in
            if r.matches(key, "alignments") {
                try r.once(&alignments) { r throws(NotCanonical) in
                    try r.array { r throws(NotCanonical) in try r.rawValue() }
                }
            } else if r.matches(key, "header") {
                try r.once(&header) { r throws(NotCanonical) in
                    try r.array { r throws(NotCanonical) in try r.inlines() }
                }
            } else if r.matches(key, "rows") {
                try r.once(&rows) { r throws(NotCanonical) in
                    try r.array { r throws(NotCanonical) in
                        try r.array { r throws(NotCanonical) in try r.inlines() }
                    }
                }
            } else {
                throw NotCanonical()
            }
        }
        guard let alignments, let header, let rows else { throw NotCanonical() }
        return Table(alignments: alignments, header: header, rows: rows)
    }
}
