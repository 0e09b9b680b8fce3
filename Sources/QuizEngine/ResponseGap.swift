import CourseModel

/// What a response still lacks before it may be graded: nothing chosen, items not yet placed,
/// pairs not yet made, no text, or more text than an answer may have.
///
/// A client submits through `submit(bestOf:)`, which refuses such a response
/// (`QuizEngineError.incomplete`) instead of marking it wrong, so a matching answer with one
/// pair of four, sent by a stray Enter, is never graded.
public enum ResponseGap: Sendable, Equatable {
    /// A choice question with no option picked.
    case nothingChosen
    /// An ordering answer that places only `placed` of `total` items.
    case itemsUnplaced(placed: Int, total: Int)
    /// A matching answer with only `made` of `total` pairs.
    case pairsUnmade(made: Int, total: Int)
    /// A typed answer with nothing but spaces.
    case emptyText
    /// A typed answer longer than `Response.maxTypedCharacters`.
    case tooLong(limit: Int)
    /// A numeric answer that is no number.
    case notANumber
    /// A response of the wrong shape for the question.
    case wrongShape

    /// What `response` lacks as an answer to `question`; nil when it may be graded.
    public static func of(_ response: Response, for question: Question) -> ResponseGap? {
        switch (question.answer, response) {
        case (.singleChoice(let options), .choice(let id)), (.trueFalse(let options), .choice(let id)):
            return options.contains { $0.id == id } ? nil : .nothingChosen
        case (.multipleAnswer, .choices(let ids)):
            return ids.isEmpty ? .nothingChosen : nil
        case (.ordering(let items), .order(let ids)):
            let placed = Set(ids).intersection(items.map(\.id)).count
            return placed == items.count && ids.count == items.count
                ? nil : .itemsUnplaced(placed: placed, total: items.count)
        case (.matching(let key), .pairs(let pairs)):
            let made = key.pairs.filter { pairs[$0.left.id] != nil }.count
            return made == key.pairs.count ? nil : .pairsUnmade(made: made, total: key.pairs.count)
        case (.shortAnswer, .text(let text)), (.numeric, .text(let text)):
            if text.count > Response.maxTypedCharacters { return .tooLong(limit: Response.maxTypedCharacters) }
            if text.allSatisfy(\.isWhitespace) { return .emptyText }
            if case .numeric = question.answer, Numbers.readings(of: text).isEmpty { return .notANumber }
            return nil
        default:
            return .wrongShape
        }
    }
}

extension QuizSession {
    /// Grades the first response that may be graded and scores best among `responses` — a typed
    /// answer as the learner saw it and as their keys spell it — and holds its feedback.
    ///
    /// Throws `incomplete` with the first response's gap when none may be graded.
    public mutating func submit(bestOf responses: [Response], elapsedMs: Int) throws(QuizEngineError) -> AnswerOutcome {
        guard let question = current, pendingOutcome == nil else {
            throw QuizEngineError(pendingOutcome == nil ? .finished : .alreadyAnswered)
        }
        let gradable = responses.filter { ResponseGap.of($0, for: question) == nil }
        guard let first = gradable.first else {
            throw .incomplete(responses.first.flatMap { ResponseGap.of($0, for: question) } ?? .wrongShape)
        }
        // The first of the best: what the learner saw wins a tie with their raw keys.
        let best = gradable.dropFirst().reduce(first) { kept, next in
            question.grade(next).score > question.grade(kept).score ? next : kept
        }
        return try submit(best, elapsedMs: elapsedMs)
    }
}
