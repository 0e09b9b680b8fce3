/// Reads one question block: its name, text, answer section and general feedback.
struct QuestionReader {
    let metadata: GiftReader.Metadata
    var log: DiagnosticLog

    /// The question, or `nil` after reporting why the block cannot be read.
    mutating func read(_ block: GiftString) -> GiftQuestion? {
        let start = block.position ?? .fileStart
        var text = block
        var title: String?
        if text.hasPrefix("::") {
            if let end = text.firstIndex(of: "::", from: 2) {
                title = text[2..<end].text.trimmingCharacters(in: .whitespacesAndNewlines)
                text = text.dropFirst(end + 2).trimmed()
            } else {
                log.warning(InterchangeText.unclosedName, at: start, hint: InterchangeText.unclosedNameHint)
                text = text.dropFirst(2).trimmed()
            }
        }
        let open = text.firstIndex(of: "{")
        let close = text.firstIndex(of: "}")
        var questionText = text
        var answer = GiftString()
        var answerPosition = text.position ?? start
        var hasBlank = false
        switch (open, close) {
        case (nil, nil):
            break
        case (let open?, nil):
            log.error(
                InterchangeText.unclosedBrace, at: text.units[open].position, hint: InterchangeText.unclosedBraceHint)
            return nil
        case (nil, let close?):
            log.error(InterchangeText.strayClosingBrace, at: text.units[close].position)
            return nil
        case (let open?, let close?):
            guard open < close else {
                log.error(InterchangeText.strayClosingBrace, at: text.units[close].position)
                return nil
            }
            if let second = text.firstIndex(of: "{", from: close + 1) {
                log.error(
                    InterchangeText.secondAnswerSet, at: text.units[second].position,
                    hint: InterchangeText.secondAnswerSetHint)
                return nil
            }
            answerPosition = text.units[open].position
            answer = text[(open + 1)..<close].trimmed()
            let after = text.dropFirst(close + 1).trimmed()
            if after.isEmpty {
                questionText = text[0..<open]
            } else {
                // Missing-word format: the answers sit inside the sentence, shown as a blank.
                hasBlank = true
                let blank = "_____".map {
                    GiftString.Unit(character: $0, escaped: true, position: text.units[open].position)
                }
                questionText = GiftString(text[0..<open].units + blank + text.units[(close + 1)...])
            }
        }
        var generalFeedback: GiftText?
        let stem = Self.formatted(questionText.trimmed(), default: .moodle, fallback: start)
        if let separator = answer.lastIndex(of: "####") {
            generalFeedback = Self.formatted(
                answer.dropFirst(separator + 4).trimmed(), default: stem.format,
                fallback: answer.units[separator].position)
            answer = answer[0..<separator].trimmed()
        }
        let answers: GiftAnswers?
        if open == nil {
            answers = .description
        } else if answer.isEmpty {
            answers = .essay
        } else if answer.isControl("#", at: 0) {
            answers = numerical(answer, format: stem.format)
        } else if answer.units[0].character == ">" {
            answers = ordering(answer, format: stem.format)
        } else if answer.firstIndex(of: "~") != nil {
            answers = multipleChoice(answer, format: stem.format)
        } else if answer.firstIndex(of: "=") != nil, answer.text.contains("->") {
            answers = matching(answer, format: stem.format)
        } else if let truth = Self.truth(answer) {
            let parts = answer.split(on: "#")
            let wrong = parts.count > 1 ? parts[1].piece : nil
            // Moodle splits at most twice: everything after the second `#` is the right answer's feedback.
            let right = parts.count > 2 ? parts[2].separatorIndex.map { answer.dropFirst($0 + 1) } : nil
            answers = .trueFalse(
                isTrue: truth, wrongFeedback: wrong.flatMap { feedback($0, format: stem.format) },
                rightFeedback: right.flatMap { feedback($0, format: stem.format) })
        } else {
            answers = shortAnswer(answer, format: stem.format)
        }
        guard let answers else { return nil }
        return GiftQuestion(
            title: title, id: metadata.id, tags: metadata.tags, settings: metadata.settings, hints: metadata.hints,
            text: stem, hasEmbeddedBlank: hasBlank, answers: answers, generalFeedback: generalFeedback,
            position: start, answerPosition: answerPosition)
    }

    /// `T`, `TRUE`, `F`, `FALSE` before any `#`, exactly as Moodle spells them.
    static func truth(_ answer: GiftString) -> Bool? {
        let head = (answer.split(on: "#").first?.piece ?? answer).text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch head {
        case "T", "TRUE": return true
        case "F", "FALSE": return false
        default: return nil
        }
    }

    /// A text with its leading `[html]`, `[moodle]`, `[plain]` or `[markdown]` read off.
    static func formatted(_ text: GiftString, default format: GiftFormat, fallback: TextPosition) -> GiftText {
        let trimmed = text.trimmed()
        var chosen = format
        var body = trimmed
        if trimmed.units.first?.character == "[", !trimmed.units[0].escaped,
            let close = trimmed.units.firstIndex(where: { $0.character == "]" })
        {
            let name = trimmed[1..<close].text.lowercased()
            if let named = GiftFormat(rawValue: name) {
                chosen = named
                body = trimmed.dropFirst(close + 1).trimmed()
            }
        }
        return GiftText(format: chosen, text: body.text, position: trimmed.position ?? fallback)
    }

    /// A `#` feedback part, `nil` when empty.
    func feedback(_ part: GiftString, format: GiftFormat) -> GiftText? {
        let text = Self.formatted(part, default: format, fallback: part.position ?? .fileStart)
        return text.text.isEmpty ? nil : text
    }
}
