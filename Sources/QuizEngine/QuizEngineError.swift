/// Why the quiz engine refused a request. Carries no answers, only what went wrong.
public struct QuizEngineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Equatable {
        /// The current question has already been answered; call `proceed()` first.
        case alreadyAnswered = "already-answered"
        /// Every question has been answered.
        case finished
        /// The attempt is not finished yet, so it has no result, retake or review.
        case notFinished = "not-finished"
        /// There is no feedback to move on from.
        case nothingToProceedFrom = "nothing-to-proceed-from"
        /// The attempt number is below 1.
        case invalidAttempt = "invalid-attempt"
        /// A finished attempt has no wrong answers to review.
        case nothingToReview = "nothing-to-review"
        /// The response lacks something before it may be graded; `gap` says what.
        case incomplete
    }

    /// What went wrong.
    public var kind: Kind
    /// What an `incomplete` response lacks.
    public var gap: ResponseGap?

    /// Makes an error.
    public init(_ kind: Kind) { self.kind = kind }

    /// An `incomplete` error for a response that lacks `gap`.
    public static func incomplete(_ gap: ResponseGap) -> QuizEngineError {
        var error = QuizEngineError(.incomplete)
        error.gap = gap
        return error
    }

    /// A short English description for logs.
    public var description: String {
        switch kind {
        case .alreadyAnswered: "the current question has already been answered"
        case .finished: "the quiz is finished"
        case .notFinished: "the quiz is not finished"
        case .nothingToProceedFrom: "no answer is waiting to be acknowledged"
        case .invalidAttempt: "attempt numbers start at 1"
        case .nothingToReview: "there are no wrong answers to review"
        case .incomplete: "the answer is not complete"
        }
    }
}
