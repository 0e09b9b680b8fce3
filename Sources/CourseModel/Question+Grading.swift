import Foundation

extension Question {
    /// Grades a response. Pure and deterministic: the client and any later re-grading agree.
    ///
    /// A response of the wrong shape for the question (e.g. text for a choice question) scores zero.
    public func grade(_ response: Response) -> Grade {
        let full = Double(points)
        func result(_ share: Double, feedback: [Block] = [], anticipated: Bool = false) -> Grade {
            let share = min(max(share, 0), 1)
            return Grade(
                score: share * full, maxScore: full, isCorrect: share >= 1 - 1e-9,
                feedback: feedback, matchedAnticipatedWrongAnswer: anticipated)
        }

        // Longer than any learner may type: wrong, and no time spent matching it.
        if case .text(let typed) = response,
            typed.utf8.count > Response.maxTypedCharacters * 4 || typed.count > Response.maxTypedCharacters
        {
            return result(0)
        }

        switch (answer, response) {
        case (.singleChoice(let options), .choice(let id)), (.trueFalse(let options), .choice(let id)):
            guard let picked = options.first(where: { $0.id == id }) else { return result(0) }
            return result(picked.isCorrect ? 1 : 0, feedback: picked.feedback)

        case (.multipleAnswer(let options, let scoring), .choices(let ids)):
            let picked = Set(ids)
            let right = Set(options.filter(\.isCorrect).map(\.id))
            let feedback = options.filter { picked.contains($0.id) }.flatMap(\.feedback)
            switch scoring {
            case .allOrNothing:
                return result(picked == right ? 1 : 0, feedback: feedback)
            case .partial:
                let hits = picked.intersection(right).count
                let misses = picked.subtracting(right).count
                return result(right.isEmpty ? 0 : Double(hits - misses) / Double(right.count), feedback: feedback)
            }

        case (.shortAnswer(let key), .text(let typed)):
            return gradeShortAnswer(key, typed: typed, result: result)

        case (.numeric(let key), .text(let typed)):
            let values = Numbers.readings(of: typed)
            if key.accepted.contains(where: { range in values.contains { range.contains($0) } }) {
                return result(1)
            }
            if let wrong = key.anticipated.first(where: { w in values.contains { w.range.contains($0) } }) {
                return result(0, feedback: wrong.feedback, anticipated: true)
            }
            return result(0)

        case (.ordering(let items), .order(let ids)):
            return result(ids == items.map(\.id) ? 1 : 0)

        case (.matching(let key), .pairs(let chosen)):
            let right = key.pairs.filter { chosen[$0.left.id] == $0.right.id }.count
            switch key.scoring {
            case .allOrNothing: return result(right == key.pairs.count ? 1 : 0)
            case .partial: return result(key.pairs.isEmpty ? 0 : Double(right) / Double(key.pairs.count))
            }

        default:
            return result(0)
        }
    }

    private func gradeShortAnswer(
        _ key: ShortAnswerKey, typed: String, result: (Double, [Block], Bool) -> Grade
    ) -> Grade {
        for (index, pattern) in key.accepted.enumerated() where pattern.matches(typed, rule: key.rule) {
            let feedback = index < key.acceptedFeedback.count ? key.acceptedFeedback[index] : []
            return result(1, feedback, false)
        }
        if let wrong = key.anticipated.first(where: { $0.pattern.matches(typed, rule: key.rule) }) {
            return result(0, wrong.feedback, true)
        }
        return result(0, [], false)
    }

    /// The right answer, in words, for showing after a wrong attempt.
    public var correctAnswerSummary: String {
        switch answer {
        case .singleChoice(let o), .trueFalse(let o), .multipleAnswer(let o, _):
            o.filter(\.isCorrect).map(\.content.plainText).joined(separator: "; ")
        case .shortAnswer(let key):
            key.accepted.first.map {
                switch $0 {
                case .text(let t): t
                case .regex(let r): "/\(r)/"
                }
            } ?? ""
        case .numeric(let key): key.accepted.first?.display ?? ""
        case .ordering(let items): items.map(\.content.plainText).joined(separator: " → ")
        case .matching(let key):
            key.pairs.map { "\($0.left.content.plainText) → \($0.right.content.plainText)" }.joined(separator: "; ")
        }
    }
}

extension Response {
    /// The most characters a typed answer may have; the client refuses more and says so, and a
    /// longer text is graded wrong at once.
    public static let maxTypedCharacters = 2_000
}

extension TextPattern {
    /// Whether typed text matches this pattern under `rule`.
    public func matches(_ typed: String, rule: MatchRule) -> Bool {
        let folded = VietnameseText.matchKey(typed, rule: rule)
        switch self {
        case .text(let expected):
            return !folded.isEmpty && folded == VietnameseText.matchKey(expected, rule: rule)
        case .regex(let pattern):
            // Regexes are matched against the NFC, case-folded, space-collapsed text (not the tone-folded
            // key), so authors write them in ordinary Vietnamese.
            let subject = VietnameseText.nfc(typed).lowercased()
                .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            // Without diacritics, both sides lose them, so `đường` in a pattern matches a typed `duong`.
            let (subjectText, patternText) =
                rule == .ignoreDiacritics
                ? (VietnameseText.strippingDiacritics(subject), VietnameseText.strippingDiacritics(pattern))
                : (subject, pattern)
            guard let regex = try? NSRegularExpression(pattern: "^(?:\(patternText))$", options: [.caseInsensitive])
            else {
                return false
            }
            return regex.firstMatch(in: subjectText, range: NSRange(subjectText.startIndex..., in: subjectText)) != nil
        }
    }
}
