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
    }

    /// What went wrong.
    public var kind: Kind

    /// Makes an error.
    public init(_ kind: Kind) { self.kind = kind }

    /// A short English description for logs.
    public var description: String {
        switch kind {
        case .alreadyAnswered: "the current question has already been answered"
        case .finished: "the quiz is finished"
        case .notFinished: "the quiz is not finished"
        case .nothingToProceedFrom: "no answer is waiting to be acknowledged"
        case .invalidAttempt: "attempt numbers start at 1"
        case .nothingToReview: "there are no wrong answers to review"
        }
    }
}
