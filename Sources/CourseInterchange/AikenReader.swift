import Foundation

/// Reads Aiken, Moodle's simplest question format: a question line, options `A.` or `A)`, then
/// `ANSWER: B`. Each question becomes a GIFT multiple-choice question with one right option.
public enum AikenReader {
    /// The questions as a GIFT document, and every problem found.
    public static func read(_ data: Data, file: String) -> (
        document: GiftDocument, diagnostics: [InterchangeDiagnostic]
    ) {
        var log = DiagnosticLog(file: file)
        guard let lines = SourceDecoding.lines(data, log: &log) else { return (GiftDocument(items: []), log.sorted) }
        var items: [GiftItem] = []
        var stem: [(text: String, position: TextPosition)] = []
        var options: [(letter: Character, text: String, position: TextPosition)] = []

        func finish(answer: Character?, at position: TextPosition) {
            defer {
                stem = []
                options = []
            }
            guard let start = stem.first?.position ?? options.first?.position else { return }
            guard !stem.isEmpty else {
                log.error(InterchangeText.aikenNoQuestionText, at: start)
                return
            }
            guard options.count >= 2 else {
                log.error(
                    InterchangeText.aikenTooFewOptions, at: options.first?.position ?? start,
                    hint: InterchangeText.aikenFormatHint)
                return
            }
            guard let answer else {
                log.error(InterchangeText.aikenNoAnswerLine, at: start, hint: InterchangeText.aikenFormatHint)
                return
            }
            guard options.contains(where: { $0.letter == answer }) else {
                log.error(
                    InterchangeText.aikenUnknownLetter(answer), at: position, hint: InterchangeText.aikenFormatHint)
                return
            }
            let choices = options.map {
                GiftChoice(
                    text: GiftText(format: .plain, text: $0.text, position: $0.position), isEquals: $0.letter == answer,
                    weight: nil, feedback: nil, position: $0.position)
            }
            let text = GiftText(format: .plain, text: stem.map(\.text).joined(separator: " "), position: start)
            items.append(
                .question(
                    GiftQuestion(
                        title: nil, id: nil, tags: [], settings: [:], hints: [], text: text, hasEmbeddedBlank: false,
                        answers: .multipleChoice(choices, single: true), generalFeedback: nil, position: start,
                        answerPosition: options[0].position)))
        }

        for line in lines where !line.isBlank {
            let text = line.trimmed
            let leading = line.characters.prefix { $0.isWhitespace }.count
            let position = TextPosition(line: line.number, column: leading + 1)
            let characters = Array(text)
            if let letter = answerLetter(characters) {
                finish(answer: letter, at: position)
            } else if characters.count >= 2, characters[0].isUppercase, characters[0].isASCII,
                characters[1] == "." || characters[1] == ")",
                characters.count == 2 || characters[2].isWhitespace
            {
                let optionText = String(characters.dropFirst(2)).trimmingCharacters(in: .whitespaces)
                options.append((characters[0], optionText, position))
            } else {
                if !options.isEmpty {
                    // A new question began before the last one said its answer.
                    finish(answer: nil, at: position)
                }
                stem.append((text, position))
            }
        }
        if !stem.isEmpty || !options.isEmpty {
            finish(answer: nil, at: TextPosition(line: lines.count, column: 1))
        }
        if items.isEmpty, !log.items.contains(where: { $0.severity == .error }) {
            log.error(InterchangeText.aikenNoQuestion, at: .fileStart, hint: InterchangeText.aikenFormatHint)
        }
        return (GiftDocument(items: items), log.sorted)
    }

    /// The letter of an `ANSWER: B` line (`ANSWER:B`, `ANSWER B` too, as Moodle reads them).
    private static func answerLetter(_ characters: [Character]) -> Character? {
        guard characters.count >= 7, String(characters.prefix(6)).uppercased() == "ANSWER" else { return nil }
        let rest = characters.dropFirst(6).drop { $0 == ":" || $0.isWhitespace }
        guard let letter = rest.first, letter.isASCII, letter.isLetter else { return nil }
        return Character(letter.uppercased())
    }
}
