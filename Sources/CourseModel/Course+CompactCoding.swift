// Packs carry compiled courses over slow links, and a large course holds tens of thousands of
// questions and options: fields at their default value (one point, shuffled, no feedback, no
// hints) are left out when encoding and filled in when decoding, so `course.json` stays close to
// the size of its Markdown source.

extension KeyedEncodingContainer {
    /// Encodes `value` unless it equals `defaultValue`.
    mutating func encode<T: Encodable & Equatable>(_ value: T, forKey key: Key, unless defaultValue: T) throws {
        if value != defaultValue { try encode(value, forKey: key) }
    }
}

extension KeyedDecodingContainer {
    /// Decodes the value for `key`, or `defaultValue` when the key is absent.
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key, default defaultValue: T) throws -> T {
        try decodeIfPresent(type, forKey: key) ?? defaultValue
    }

    /// Competence codes for `key`, none when the key is absent (packs built before courses named
    /// them); a code this reader does not know, from a later framework revision, is passed over
    /// rather than making the whole course unreadable.
    func competences(forKey key: Key) throws -> [Competence] {
        try decode([String].self, forKey: key, default: []).compactMap(Competence.init(code:))
    }
}

extension Course {
    enum CodingKeys: String, CodingKey {
        case id, version, title, titleEnglish, language, description, summaryEnglish, audience, digcompAreas
        case competences, sources, tags, passMark, lessons, assets, facts
        case order, selfCheck
    }

    /// Decodes a course; a course.json written before the facts register (or before courses named
    /// their competences, a lesson order or a self-check) has none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            version: try c.decode(Int.self, forKey: .version),
            title: try c.decode(String.self, forKey: .title),
            titleEnglish: try c.decodeIfPresent(String.self, forKey: .titleEnglish),
            language: try c.decode(String.self, forKey: .language),
            description: try c.decode(String.self, forKey: .description),
            summaryEnglish: try c.decodeIfPresent(String.self, forKey: .summaryEnglish),
            audience: try c.decode([String].self, forKey: .audience),
            digcompAreas: try c.decode([DigCompArea].self, forKey: .digcompAreas),
            competences: try c.competences(forKey: .competences),
            sources: try c.decode([Source].self, forKey: .sources),
            tags: try c.decode([String].self, forKey: .tags),
            passMark: try c.decode(Double.self, forKey: .passMark),
            lessons: try c.decode([Lesson].self, forKey: .lessons),
            assets: try c.decode([String].self, forKey: .assets),
            facts: try c.decode([Fact].self, forKey: .facts, default: []),
            lessonOrder: try c.decode(LessonOrder.self, forKey: .order, default: .free),
            selfCheck: try c.decodeIfPresent(SelfCheck.self, forKey: .selfCheck))
    }

    /// Encodes a course; competences, facts, a sequential order and a self-check only when there
    /// are some, so a course without them keeps the bytes it had before they existed.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(version, forKey: .version)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(titleEnglish, forKey: .titleEnglish)
        try c.encode(language, forKey: .language)
        try c.encode(description, forKey: .description)
        try c.encodeIfPresent(summaryEnglish, forKey: .summaryEnglish)
        try c.encode(audience, forKey: .audience)
        try c.encode(digcompAreas, forKey: .digcompAreas)
        try c.encode(competences, forKey: .competences, unless: [])
        try c.encode(sources, forKey: .sources)
        try c.encode(tags, forKey: .tags)
        try c.encode(passMark, forKey: .passMark)
        try c.encode(lessons, forKey: .lessons)
        try c.encode(assets, forKey: .assets)
        try c.encode(facts, forKey: .facts, unless: [])
        try c.encode(lessonOrder, forKey: .order, unless: .free)
        try c.encodeIfPresent(selfCheck, forKey: .selfCheck)
    }
}

extension Question {
    enum CodingKeys: String, CodingKey { case id, prompt, body, points, shuffle, answer, hints, explanation }

    /// Decodes a question, with defaults for omitted fields.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            prompt: try c.decode([Inline].self, forKey: .prompt),
            body: try c.decode([Block].self, forKey: .body, default: []),
            points: try c.decode(Int.self, forKey: .points, default: 1),
            shuffle: try c.decode(Bool.self, forKey: .shuffle, default: true),
            answer: try c.decode(AnswerKey.self, forKey: .answer),
            hints: try c.decode([[Block]].self, forKey: .hints, default: []),
            explanation: try c.decode([Block].self, forKey: .explanation, default: []))
    }

    /// Encodes a question, leaving out fields at their default.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(prompt, forKey: .prompt)
        try c.encode(body, forKey: .body, unless: [])
        try c.encode(points, forKey: .points, unless: 1)
        try c.encode(shuffle, forKey: .shuffle, unless: true)
        try c.encode(answer, forKey: .answer)
        try c.encode(hints, forKey: .hints, unless: [])
        try c.encode(explanation, forKey: .explanation, unless: [])
    }
}

extension ChoiceOption {
    /// Decodes an option, with no feedback when it is omitted; an id the compact form left out is
    /// empty until the enclosing answer key derives it.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id, default: ""),
            content: try c.decode([Inline].self, forKey: .content),
            isCorrect: try c.decode(Bool.self, forKey: .isCorrect, default: false),
            feedback: try c.decode([Block].self, forKey: .feedback, default: []))
    }

    /// Encodes an option with its id, leaving out a false `ok` and empty feedback (inside an
    /// answer key the compact form may leave the id out too).
    public func encode(to encoder: any Encoder) throws {
        try CompactChoiceOption(option: self, writesID: true).encode(to: encoder)
    }
}

extension ShortAnswerKey {
    enum CodingKeys: String, CodingKey { case accepted, acceptedFeedback, anticipated, rule }

    /// Decodes a short-answer key, with defaults for omitted fields.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            accepted: try c.decode([TextPattern].self, forKey: .accepted),
            acceptedFeedback: try c.decode([[Block]].self, forKey: .acceptedFeedback, default: []),
            anticipated: try c.decode([AnticipatedAnswer].self, forKey: .anticipated, default: []),
            rule: try c.decode(MatchRule.self, forKey: .rule, default: .standard))
    }

    /// Encodes a short-answer key, leaving out empty lists and the standard rule.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(accepted, forKey: .accepted)
        try c.encode(
            acceptedFeedback.allSatisfy(\.isEmpty) ? [] : acceptedFeedback, forKey: .acceptedFeedback, unless: [])
        try c.encode(anticipated, forKey: .anticipated, unless: [])
        try c.encode(rule, forKey: .rule, unless: .standard)
    }
}

extension Lesson {
    enum CodingKeys: String, CodingKey { case id, title, durationMinutes, isFinal, tags, competences, steps, quiz }

    /// Decodes a lesson, with defaults for omitted fields.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            title: try c.decode(String.self, forKey: .title),
            durationMinutes: try c.decodeIfPresent(Int.self, forKey: .durationMinutes),
            isFinal: try c.decode(Bool.self, forKey: .isFinal, default: false),
            tags: try c.decode([String].self, forKey: .tags, default: []),
            competences: try c.competences(forKey: .competences),
            steps: try c.decode([Step].self, forKey: .steps, default: []),
            quiz: try c.decodeIfPresent(Quiz.self, forKey: .quiz))
    }

    /// Encodes a lesson, leaving out fields at their default.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(durationMinutes, forKey: .durationMinutes)
        try c.encode(isFinal, forKey: .isFinal, unless: false)
        try c.encode(tags, forKey: .tags, unless: [])
        try c.encode(competences, forKey: .competences, unless: [])
        try c.encode(steps, forKey: .steps, unless: [])
        try c.encodeIfPresent(quiz, forKey: .quiz)
    }
}

// MARK: - Ids derived from content
//
// The compiler derives option and item ids from their text (`Identifier.uniqueSlugs`), and they
// were most of what the compressed pack spent on choice questions. The compact form leaves an id
// out when `DerivedID.ids(for:)` gives it back from the decoded content. That function is part of
// the compiled format: it is pinned here with its own letter table (no Unicode data from the
// platform), so a reader decodes the same ids on any machine and any later version. An id it
// cannot reproduce — a renamed option, text outside ASCII and Vietnamese letters — is written out.

/// The frozen id derivation of compiled-format version 2.
enum DerivedID {
    /// Ids for sibling texts, as `Identifier.uniqueSlugs(_, limit: 40)` gives them; `nil` where the
    /// text holds a character outside ASCII and the Vietnamese letters (such ids are always written).
    static func ids(for texts: [String]) -> [String?] {
        // Siblings are a question's few options or items: a list searched in order costs less
        // than hashing each slug into a dictionary.
        var seen: [(base: String, count: Int)] = []
        return texts.enumerated().map { index, text in
            guard var base = slug(text) else { return nil }
            if base.isEmpty { base = "item-\(index + 1)" }
            if let at = seen.firstIndex(where: { $0.base == base }) {
                seen[at].count += 1
                return "\(base)-\(seen[at].count)"
            }
            seen.append((base, 1))
            return base
        }
    }

    private static let limit = 40

    private static func slug(_ text: String) -> String? {
        var out: [UInt8] = []
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let letter: UInt8?
            if scalar.isASCII {
                let v = UInt8(scalar.value)
                switch v {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): letter = v
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): letter = v + 32
                default: letter = nil
                }
            } else if let base = vietnameseBase(scalar) {
                letter = base
            } else {
                return nil
            }
            if let letter {
                if pendingDash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingDash = false
                out.append(letter)
            } else {
                pendingDash = true
            }
        }
        if out.count > limit {
            out.removeLast(out.count - limit)
            while out.last == UInt8(ascii: "-") { out.removeLast() }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The lower-case ASCII base of a precomposed (NFC) Vietnamese letter, nil for any other scalar.
    static func vietnameseBase(_ scalar: Unicode.Scalar) -> UInt8? {
        let offset = Int(scalar.value) - Int(baseTableStart)
        guard offset >= 0, offset < baseTable.count, baseTable[offset] != 0 else { return nil }
        return baseTable[offset]
    }

    /// The first scalar `baseTable` covers: the Vietnamese letters lie between U+00C0 and U+1EF9.
    private static let baseTableStart: UInt32 = 0xC0

    /// `vietnameseBase` as a table indexed from `baseTableStart`, 0 where a scalar has no base (a
    /// table lookup instead of hashing every letter of every option's text).
    private static let baseTable: [UInt8] = {
        var table = [UInt8](repeating: 0, count: Int(0x1EFA - baseTableStart))
        for (scalar, base) in vietnameseBases { table[Int(scalar.value - baseTableStart)] = base }
        return table
    }()

    /// Each precomposed (NFC) Vietnamese letter, lower and upper case, to its lower-case ASCII base.
    static let vietnameseBases: [Unicode.Scalar: UInt8] = {
        // Written out in both cases rather than computed, so no platform Unicode table is involved.
        let groups: [(String, Character)] = [
            ("àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", "a"),
            ("đĐ", "d"),
            ("èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ", "e"),
            ("ìíỉĩịÌÍỈĨỊ", "i"),
            ("òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", "o"),
            ("ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ", "u"),
            ("ỳýỷỹỵỲÝỶỸỴ", "y"),
        ]
        var table: [Unicode.Scalar: UInt8] = [:]
        for (letters, base) in groups {
            for scalar in letters.unicodeScalars { table[scalar] = base.asciiValue! }
        }
        return table
    }()
}

extension Array where Element == ChoiceOption {
    /// The options with ids the compact form left out filled in from their text.
    func fillingDerivedIDs(codingPath: [any CodingKey]) throws -> [ChoiceOption] {
        guard contains(where: { $0.id.isEmpty }) else { return self }
        let derived = DerivedID.ids(for: map(\.content.plainText))
        return try enumerated().map { index, option in
            guard option.id.isEmpty else { return option }
            guard let id = derived[index] else { throw missingID(codingPath) }
            var filled = option
            filled.id = id
            return filled
        }
    }

    /// The compact encoding: each option without its id when its text gives the id back.
    var compact: [CompactChoiceOption] {
        let derived = DerivedID.ids(for: map(\.content.plainText))
        return enumerated().map { CompactChoiceOption(option: $1, writesID: derived[$0] != $1.id) }
    }
}

extension Array where Element == AnswerItem {
    /// The items with ids the compact form left out filled in from their text.
    func fillingDerivedIDs(codingPath: [any CodingKey]) throws -> [AnswerItem] {
        guard contains(where: { $0.id.isEmpty }) else { return self }
        let derived = DerivedID.ids(for: map(\.content.plainText))
        return try enumerated().map { index, item in
            guard item.id.isEmpty else { return item }
            guard let id = derived[index] else { throw missingID(codingPath) }
            return AnswerItem(id: id, content: item.content)
        }
    }

    /// The compact encoding: each item without its id when its text gives the id back.
    var compact: [CompactAnswerItem] {
        let derived = DerivedID.ids(for: map(\.content.plainText))
        return enumerated().map { CompactAnswerItem(item: $1, writesID: derived[$0] != $1.id) }
    }
}

private func missingID(_ codingPath: [any CodingKey]) -> DecodingError {
    .dataCorrupted(
        .init(codingPath: codingPath, debugDescription: "an option or item has no id and its text does not give one"))
}

/// A choice option as the compact form writes it: the id only when it cannot be derived.
struct CompactChoiceOption: Encodable {
    var option: ChoiceOption
    var writesID: Bool

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: ChoiceOption.CodingKeys.self)
        if writesID { try c.encode(option.id, forKey: .id) }
        try c.encode(option.content, forKey: .content)
        try c.encode(option.isCorrect, forKey: .isCorrect, unless: false)
        try c.encode(option.feedback, forKey: .feedback, unless: [])
    }
}

/// An ordering or matching item as the compact form writes it: the id only when it cannot be derived.
struct CompactAnswerItem: Encodable {
    var item: AnswerItem
    var writesID: Bool

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnswerItem.CodingKeys.self)
        if writesID { try c.encode(item.id, forKey: .id) }
        try c.encode(item.content, forKey: .content)
    }
}

extension AnswerItem {
    /// Decodes an item; an id the compact form left out is empty until the enclosing key derives it.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id, default: ""),
            content: try c.decode([Inline].self, forKey: .content))
    }

    /// Encodes an item with its id (inside an answer key the compact form may leave the id out).
    public func encode(to encoder: any Encoder) throws {
        try CompactAnswerItem(item: self, writesID: true).encode(to: encoder)
    }
}

extension MatchingKey {
    enum CodingKeys: String, CodingKey { case pairs, distractors, scoring }
    private struct CompactPair: Encodable {
        var left: CompactAnswerItem
        var right: CompactAnswerItem
    }

    /// Decodes a matching key, deriving left-out ids as the compiler made them: the left items
    /// together, the right items (pairs' then distractors') together.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let pairs = try c.decode([MatchPair].self, forKey: .pairs)
        let distractors = try c.decode([AnswerItem].self, forKey: .distractors, default: [])
        let lefts = try pairs.map(\.left).fillingDerivedIDs(codingPath: c.codingPath)
        let rights = try (pairs.map(\.right) + distractors).fillingDerivedIDs(codingPath: c.codingPath)
        self.init(
            pairs: zip(lefts, rights).map { MatchPair(left: $0, right: $1) },
            distractors: Array(rights.dropFirst(pairs.count)),
            scoring: try c.decode(Scoring.self, forKey: .scoring))
    }

    /// Encodes a matching key, leaving out ids its items' text gives back.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let lefts = pairs.map(\.left).compact
        let rights = (pairs.map(\.right) + distractors).compact
        try c.encode(zip(lefts, rights).map { CompactPair(left: $0, right: $1) }, forKey: .pairs)
        if !distractors.isEmpty { try c.encode(Array(rights.dropFirst(pairs.count)), forKey: .distractors) }
        try c.encode(scoring, forKey: .scoring)
    }
}

extension TextPattern {
    private enum Key: String, CodingKey { case text, regex }
    private enum Legacy: String, CodingKey { case _0 }

    /// Decodes a bare string as literal text and `{"regex": …}` as a regular expression; also the
    /// `{"text": {"_0": …}}` form of compiled-format version 1.
    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self = .text(text)
            return
        }
        let c = try decoder.container(keyedBy: Key.self)
        func value(_ key: Key) throws -> String? {
            guard c.contains(key) else { return nil }
            if let plain = try? c.decode(String.self, forKey: key) { return plain }
            return try c.nestedContainer(keyedBy: Legacy.self, forKey: key).decode(String.self, forKey: ._0)
        }
        if let text = try value(.text) {
            self = .text(text)
        } else if let pattern = try value(.regex) {
            self = .regex(pattern)
        } else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "unknown text pattern"))
        }
    }

    /// Encodes literal text as a bare string (by far the common case) and a regex as `{"regex": …}`.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .text(let text):
            var c = encoder.singleValueContainer()
            try c.encode(text)
        case .regex(let pattern):
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(pattern, forKey: .regex)
        }
    }
}
