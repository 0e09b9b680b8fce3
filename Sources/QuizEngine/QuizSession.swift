import CourseModel
import LearnerEvents

/// One attempt at a quiz as a pure state machine: ask, (hint), submit, feedback, proceed, result.
///
/// No clock, no randomness but the seed, no I/O: the client measures time and records answers,
/// and a session rebuilt from the recorded answers continues exactly where the learner stopped.
public struct QuizSession: Sendable, Equatable {
    /// The quiz being taken.
    public let quiz: Quiz
    /// Who is taking it (the learner's global key); seeds the shuffles.
    public let learnerKey: String
    /// Attempt number, from 1.
    public let attempt: Int
    /// Whether this is practice (a review of wrong answers), which never counts towards mastery.
    public let isPractice: Bool
    /// Answers so far, in the order they were given, at most one per question.
    public private(set) var answered: [RecordedAnswer]
    /// Hints revealed for the current question.
    public private(set) var hintsUsed: Int
    /// The outcome waiting for `proceed()`, while the client shows feedback.
    public private(set) var pendingOutcome: AnswerOutcome?
    /// Index of the question whose feedback is showing.
    private var feedbackIndex: Int?

    /// Starts or resumes an attempt: the current question is the first one not in `answered`.
    ///
    /// Answers to questions the quiz no longer has (content updated) are dropped, and only the
    /// first answer to each question counts, so a log with a duplicate still resumes cleanly.
    public init(quiz: Quiz, learnerKey: String, attempt: Int, answered: [RecordedAnswer] = []) {
        self.init(quiz: quiz, learnerKey: learnerKey, attempt: attempt, isPractice: false, answered: answered)
    }

    init(quiz: Quiz, learnerKey: String, attempt: Int, isPractice: Bool, answered: [RecordedAnswer]) {
        self.quiz = quiz
        self.learnerKey = learnerKey
        self.attempt = max(1, attempt)
        self.isPractice = isPractice
        let known = Set(quiz.questions.map(\.id))
        var seen: Set<String> = []
        self.answered = answered.filter { known.contains($0.questionId) && seen.insert($0.questionId).inserted }
        self.hintsUsed = 0
        self.pendingOutcome = nil
        self.feedbackIndex = nil
    }

    /// Index of the first unanswered question, nil when every question is answered.
    var firstUnansweredIndex: Int? {
        let done = Set(answered.map(\.questionId))
        return quiz.questions.firstIndex { !done.contains($0.id) }
    }

    /// Index of the question on screen: the one whose feedback shows, else the first unanswered.
    public var currentIndex: Int? { feedbackIndex ?? firstUnansweredIndex }

    /// The question on screen (being asked, or showing its feedback); nil when finished.
    public var current: Question? { currentIndex.map { quiz.questions[$0] } }

    /// "Question i of n" for the question on screen; nil when finished.
    public var position: QuestionPosition? {
        currentIndex.map { QuestionPosition(number: $0 + 1, total: quiz.questions.count) }
    }

    /// How many questions are still to answer.
    public var remaining: Int { quiz.questions.count - answered.count }

    /// Whether every question has an answer and no feedback is waiting.
    public var isFinished: Bool { firstUnansweredIndex == nil && pendingOutcome == nil }

    /// Reveals the current question's next hint; nil when none is left or nothing is being asked.
    public mutating func revealHint() -> [Block]? {
        guard pendingOutcome == nil, let question = current, hintsUsed < question.hints.count else { return nil }
        defer { hintsUsed += 1 }
        return question.hints[hintsUsed]
    }

    /// Hints the current question still has.
    public var hintsRemaining: Int {
        guard pendingOutcome == nil, let question = current else { return 0 }
        return question.hints.count - hintsUsed
    }

    /// Grades the answer to the current question and holds its feedback until `proceed()`.
    ///
    /// Called once per question: a second call before `proceed()` is rejected, so a double key
    /// press can never answer the next question unseen.
    public mutating func submit(_ response: Response, elapsedMs: Int) throws(QuizEngineError) -> AnswerOutcome {
        guard pendingOutcome == nil else { throw QuizEngineError(.alreadyAnswered) }
        guard let index = firstUnansweredIndex else { throw QuizEngineError(.finished) }
        let question = quiz.questions[index]
        let response = Self.normalized(response)
        let grade = question.grade(response)
        let recorded = RecordedAnswer(
            questionId: question.id, response: response, correct: grade.isCorrect, score: grade.score,
            maxScore: grade.maxScore, hintsUsed: hintsUsed, elapsedMs: max(0, elapsedMs))
        answered.append(recorded)
        hintsUsed = 0
        let outcome = AnswerOutcome(
            recorded: recorded, grade: grade, feedback: grade.feedback, explanation: question.explanation,
            correctAnswer: grade.isCorrect ? nil : question.correctAnswerSummary, isPractice: isPractice,
            finishesQuiz: firstUnansweredIndex == nil)
        pendingOutcome = outcome
        feedbackIndex = index
        return outcome
    }

    /// Moves on from the feedback to the next question (or to the result).
    public mutating func proceed() throws(QuizEngineError) {
        guard pendingOutcome != nil else { throw QuizEngineError(.nothingToProceedFrom) }
        pendingOutcome = nil
        feedbackIndex = nil
    }

    /// The result, once every question has an answer (available while the last feedback shows).
    public var result: QuizResult? {
        guard firstUnansweredIndex == nil else { return nil }
        let score = answered.reduce(0) { $0 + $1.score }
        let maxScore = Double(quiz.maxPoints)
        let share = maxScore > 0 ? min(1, score / maxScore) : 0
        let correct = Set(answered.filter(\.correct).map(\.questionId))
        return QuizResult(
            score: score, maxScore: maxScore, share: share,
            passed: quiz.mastery.isPassed(scoreShare: share, answersCorrect: answered.map(\.correct)),
            mastery: quiz.mastery,
            wrongQuestionIds: quiz.questions.map(\.id).filter { !correct.contains($0) },
            attempt: attempt, isPractice: isPractice)
    }

    /// A fresh attempt (number + 1, reshuffled) after this one finished.
    public func retake() throws(QuizEngineError) -> QuizSession {
        guard isFinished else { throw QuizEngineError(.notFinished) }
        return QuizSession(quiz: quiz, learnerKey: learnerKey, attempt: attempt + 1)
    }

    /// Practice on the questions this finished attempt got wrong.
    public func review() throws(QuizEngineError) -> ReviewSession {
        guard isFinished, let result else { throw QuizEngineError(.notFinished) }
        guard !result.wrongQuestionIds.isEmpty else { throw QuizEngineError(.nothingToReview) }
        return ReviewSession(reviewing: self, questionIds: result.wrongQuestionIds)
    }

    /// Responses in the form stored and compared: text in NFC, multiple picks sorted.
    static func normalized(_ response: Response) -> Response {
        switch response {
        case .text(let text): .text(VietnameseText.nfc(text))
        case .choices(let ids): .choices(Array(Set(ids)).sorted())
        default: response
        }
    }
}

extension QuizSession: Codable {
    private enum Key: String, CodingKey { case quiz, learnerKey, attempt, isPractice, answered, hintsUsed }

    /// Decodes a saved session; feedback that was showing is not restored (its answer is).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        self.init(
            quiz: try c.decode(Quiz.self, forKey: .quiz), learnerKey: try c.decode(String.self, forKey: .learnerKey),
            attempt: try c.decode(Int.self, forKey: .attempt), isPractice: try c.decode(Bool.self, forKey: .isPractice),
            answered: try c.decode([RecordedAnswer].self, forKey: .answered))
        hintsUsed = try c.decode(Int.self, forKey: .hintsUsed)
    }

    /// Encodes the session's state.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(quiz, forKey: .quiz)
        try c.encode(learnerKey, forKey: .learnerKey)
        try c.encode(attempt, forKey: .attempt)
        try c.encode(isPractice, forKey: .isPractice)
        try c.encode(answered, forKey: .answered)
        try c.encode(pendingOutcome == nil ? hintsUsed : 0, forKey: .hintsUsed)
    }
}
