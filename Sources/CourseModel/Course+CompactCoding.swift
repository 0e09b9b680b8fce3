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
    /// Decodes an option, with no feedback when it is omitted.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            content: try c.decode([Inline].self, forKey: .content),
            isCorrect: try c.decode(Bool.self, forKey: .isCorrect, default: false),
            feedback: try c.decode([Block].self, forKey: .feedback, default: []))
    }

    /// Encodes an option, leaving out a false `ok` and empty feedback.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(content, forKey: .content)
        try c.encode(isCorrect, forKey: .isCorrect, unless: false)
        try c.encode(feedback, forKey: .feedback, unless: [])
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
        try c.encode(acceptedFeedback.allSatisfy(\.isEmpty) ? [] : acceptedFeedback, forKey: .acceptedFeedback, unless: [])
        try c.encode(anticipated, forKey: .anticipated, unless: [])
        try c.encode(rule, forKey: .rule, unless: .standard)
    }
}

extension Lesson {
    enum CodingKeys: String, CodingKey { case id, title, durationMinutes, isFinal, tags, steps, quiz }

    /// Decodes a lesson, with defaults for omitted fields.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            title: try c.decode(String.self, forKey: .title),
            durationMinutes: try c.decodeIfPresent(Int.self, forKey: .durationMinutes),
            isFinal: try c.decode(Bool.self, forKey: .isFinal, default: false),
            tags: try c.decode([String].self, forKey: .tags, default: []),
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
        try c.encode(steps, forKey: .steps, unless: [])
        try c.encodeIfPresent(quiz, forKey: .quiz)
    }
}
