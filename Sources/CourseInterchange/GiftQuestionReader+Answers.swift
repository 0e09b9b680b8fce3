import Foundation

/// The answer sections of each question type, split the way Moodle splits them.
extension QuestionReader {
    /// Pieces of an answer list split before each unescaped `=` and at each unescaped `~`
    /// (Moodle turns `=` into `~=` and splits at `~`); an empty first piece is dropped.
    static func choicePieces(_ answer: GiftString, splittingOnTilde: Bool) -> [GiftString] {
        var pieces: [GiftString] = []
        var current: [GiftString.Unit] = []
        for (index, unit) in answer.units.enumerated() {
            if splittingOnTilde, answer.isControl("~", at: index) {
                pieces.append(GiftString(current))
                current = []
            } else if answer.isControl("=", at: index) {
                pieces.append(GiftString(current))
                current = [unit]
            } else {
                current.append(unit)
            }
        }
        pieces.append(GiftString(current))
        pieces = pieces.map { $0.trimmed() }
        if pieces.first?.isEmpty == true { pieces.removeFirst() }
        return pieces
    }

    /// A leading `%n%` weight in percent, and the text after it.
    mutating func weight(_ piece: GiftString) -> (weight: Double?, rest: GiftString) {
        guard piece.units.first?.character == "%" else { return (nil, piece) }
        guard let close = piece.units.dropFirst().firstIndex(where: { $0.character == "%" }), close <= 16 else {
            return (nil, piece)
        }
        let inner = piece[1..<close].text.trimmingCharacters(in: .whitespaces)
        guard let value = Double(inner), value.isFinite else { return (nil, piece) }
        var weight = value
        if abs(value) > 100 {
            log.warning(InterchangeText.weightOutOfRange(inner), at: piece.units[0].position)
            weight = max(-100, min(100, value))
        }
        return (weight, piece.dropFirst(close + 1).trimmed())
    }

    /// The answer text and its `#` feedback.
    func answerAndFeedback(_ piece: GiftString, format: GiftFormat) -> (GiftText, GiftText?) {
        let parts = piece.split(on: "#")
        let answerPart = parts[0].piece
        let position = piece.position ?? .fileStart
        let text = Self.formatted(answerPart, default: format, fallback: position)
        guard parts.count > 1, let separator = parts[1].separatorIndex else { return (text, nil) }
        return (text, feedback(piece.dropFirst(separator + 1), format: format))
    }

    mutating func multipleChoice(_ answer: GiftString, format: GiftFormat) -> GiftAnswers? {
        let pieces = Self.choicePieces(answer, splittingOnTilde: true)
        guard pieces.count >= 2 else {
            log.error(InterchangeText.tooFewAnswers(2), at: answer.position ?? .fileStart)
            return nil
        }
        var choices: [GiftChoice] = []
        for piece in pieces {
            let position = piece.position ?? answer.position ?? .fileStart
            var isEquals = false
            var rest = piece
            var weight: Double?
            if piece.isControl("=", at: 0) {
                isEquals = true
                rest = piece.dropFirst(1).trimmed()
            } else {
                (weight, rest) = self.weight(piece)
            }
            let (text, feedback) = answerAndFeedback(rest, format: format)
            choices.append(
                GiftChoice(text: text, isEquals: isEquals, weight: weight, feedback: feedback, position: position))
        }
        return .multipleChoice(choices, single: answer.firstIndex(of: "=") != nil)
    }

    mutating func shortAnswer(_ answer: GiftString, format: GiftFormat) -> GiftAnswers? {
        let pieces = Self.choicePieces(answer, splittingOnTilde: false)
        guard !pieces.isEmpty else {
            log.error(InterchangeText.tooFewAnswers(1), at: answer.position ?? .fileStart)
            return nil
        }
        var choices: [GiftChoice] = []
        for piece in pieces {
            let position = piece.position ?? answer.position ?? .fileStart
            let body = piece.isControl("=", at: 0) ? piece.dropFirst(1).trimmed() : piece
            let (weight, rest) = self.weight(body)
            let (text, feedback) = answerAndFeedback(rest, format: format)
            choices.append(
                GiftChoice(text: text, isEquals: true, weight: weight, feedback: feedback, position: position))
        }
        return .shortAnswer(choices)
    }

    mutating func matching(_ answer: GiftString, format: GiftFormat) -> GiftAnswers? {
        let pieces = Self.choicePieces(answer, splittingOnTilde: false)
        guard pieces.count >= 2 else {
            log.error(InterchangeText.tooFewAnswers(2), at: answer.position ?? .fileStart)
            return nil
        }
        var pairs: [GiftPair] = []
        for piece in pieces {
            let body = piece.isControl("=", at: 0) ? piece.dropFirst(1) : piece
            let position = piece.position ?? answer.position ?? .fileStart
            guard let arrow = body.firstIndex(of: "->") else {
                log.error(InterchangeText.pairWithoutArrow(body.text), at: position, hint: InterchangeText.pairHint)
                return nil
            }
            let left = Self.formatted(body[0..<arrow], default: format, fallback: position)
            let right = body.dropFirst(arrow + 2).trimmed().text
            pairs.append(GiftPair(left: left, right: right, position: position))
        }
        return .matching(pairs)
    }

    mutating func numerical(_ answer: GiftString, format: GiftFormat) -> GiftAnswers? {
        var body = answer.dropFirst(1)
        var otherwise: GiftText?
        if let tilde = body.firstIndex(of: "~") {
            let wrong = body.dropFirst(tilde + 1)
            if let hash = wrong.firstIndex(of: "#") { otherwise = feedback(wrong.dropFirst(hash + 1), format: format) }
            body = body[0..<tilde]
        }
        let pieces = Self.choicePieces(body.trimmed(), splittingOnTilde: false)
        guard !pieces.isEmpty else {
            log.error(InterchangeText.noNumericAnswer, at: answer.position ?? .fileStart)
            return nil
        }
        var numbers: [GiftNumber] = []
        for piece in pieces {
            let position = piece.position ?? answer.position ?? .fileStart
            let unprefixed = piece.isControl("=", at: 0) ? piece.dropFirst(1).trimmed() : piece
            let (weight, rest) = self.weight(unprefixed)
            let (text, feedback) = answerAndFeedback(rest, format: .plain)
            let written = text.text.trimmingCharacters(in: .whitespaces)
            if written == "*" {
                if otherwise == nil {
                    otherwise = feedback.map { GiftText(format: format, text: $0.text, position: $0.position) }
                }
                continue
            }
            guard var number = parseNumber(written, at: position) else { return nil }
            number.weight = weight
            number.feedback = feedback.map { GiftText(format: format, text: $0.text, position: $0.position) }
            numbers.append(number)
        }
        guard !numbers.isEmpty else {
            log.error(InterchangeText.noNumericAnswer, at: answer.position ?? .fileStart)
            return nil
        }
        return .numerical(numbers, otherwise: otherwise)
    }

    /// `value`, `value:tolerance` or `low..high`; a decimal comma is read with a warning.
    private mutating func parseNumber(_ written: String, at position: TextPosition) -> GiftNumber? {
        func value(_ text: String) -> Double? {
            var s = text.trimmingCharacters(in: .whitespaces)
            if s.contains(","), !s.contains(".") {
                s = s.replacingOccurrences(of: ",", with: ".")
                log.warning(InterchangeText.decimalComma(text.trimmingCharacters(in: .whitespaces)), at: position)
            }
            guard let v = Double(s), v.isFinite, s.allSatisfy({ "+-.0123456789eE".contains($0) }) else { return nil }
            return v
        }
        func fail() -> GiftNumber? {
            log.error(InterchangeText.notANumber(written), at: position, hint: InterchangeText.numberHint)
            return nil
        }
        if let dots = written.range(of: ".."), dots.lowerBound > written.startIndex {
            guard let low = value(String(written[..<dots.lowerBound])),
                let high = value(String(written[dots.upperBound...]))
            else { return fail() }
            return GiftNumber(
                low: min(low, high), high: max(low, high), valueAndTolerance: nil, weight: nil, feedback: nil,
                position: position)
        }
        if let colon = written.firstIndex(of: ":"), colon > written.startIndex {
            guard let center = value(String(written[..<colon])),
                let tolerance = value(String(written[written.index(after: colon)...]))
            else { return fail() }
            let width = abs(tolerance)
            return GiftNumber(
                low: center - width, high: center + width, valueAndTolerance: (center, width), weight: nil,
                feedback: nil, position: position)
        }
        guard let exact = value(written) else { return fail() }
        return GiftNumber(
            low: exact, high: exact, valueAndTolerance: (exact, 0), weight: nil, feedback: nil, position: position)
    }

    mutating func ordering(_ answer: GiftString, format: GiftFormat) -> GiftAnswers? {
        let lines = answer.dropFirst(1).split(on: "\n").map { $0.piece.trimmed() }
        let options = lines.first?.text ?? ""
        let items = lines.dropFirst().filter { !$0.isEmpty }.map {
            Self.formatted($0, default: format, fallback: $0.position ?? .fileStart)
        }
        guard items.count >= 2 else {
            log.error(InterchangeText.orderingTooShort, at: answer.position ?? .fileStart)
            return nil
        }
        return .ordering(items, options: options)
    }
}
