import CourseModel
import Localization
import QuizEngine

/// A quiz on screen: the attempt (or a practice review), and what the learner has picked so far.
///
/// Choosing and answering are two steps for every kind: picks change only this state, and only
/// Enter on the Answer button (or in a text field) submits, once the answer is complete.
struct QuizScreenState: Equatable {
    var lesson: Lesson
    var session: QuizSession
    /// Practice on the wrong answers of `session`, when reviewing.
    var review: ReviewSession?
    /// Showing the quiz's introduction before the first question.
    var intro = false
    /// Whether `quiz.started` is recorded for this attempt already (a resumed attempt).
    var started = false
    /// The question the picks below belong to.
    var preparedFor: String?
    /// The highlighted row: an option, item or left item, `rows` for the Answer button; nil
    /// when nothing is highlighted yet (a stray Enter then picks nothing).
    var cursor: Int?
    /// The option picked in a single-choice or true/false question.
    var selected: String?
    /// The options ticked in a multiple-answer question.
    var ticked: Set<String> = []
    /// The typed answer.
    var text: TextField
    /// An ordering question's items as shown.
    var items: [AnswerItem] = []
    /// The ids of the items placed so far, first first.
    var sequence: [String] = []
    /// Left item id → right item id.
    var pairs: [String: String] = [:]
    var hints: [[Block]] = []
    var outcome: AnswerOutcome?
    /// What to tell the learner next to the answer (something missing, a key that does nothing).
    var notice: Phrase?
    /// Whether the learner has pressed a key on this question: until then the view stays at
    /// its top, so the question is read before the choices.
    var interacted = false
    var shownAt: Int64

    init(lesson: Lesson, session: QuizSession, now: Int64, method: InputMethod) {
        self.lesson = lesson
        self.session = session
        self.text = TextField(method: method)
        self.shownAt = now
    }

    /// The session answers go to: the review when practising, else the attempt.
    var active: QuizSession { review?.session ?? session }
    var isPractice: Bool { review != nil }
    var question: Question? { active.current }

    mutating func submit(_ responses: [Response], elapsedMs: Int) throws(QuizEngineError) -> AnswerOutcome {
        guard var practice = review else { return try session.submit(bestOf: responses, elapsedMs: elapsedMs) }
        defer { review = practice }
        return try practice.submit(bestOf: responses, elapsedMs: elapsedMs)
    }

    mutating func proceed() throws(QuizEngineError) {
        guard var practice = review else { return try session.proceed() }
        defer { review = practice }
        try practice.proceed()
    }

    mutating func revealHint() -> [Block]? {
        guard var practice = review else { return session.revealHint() }
        defer { review = practice }
        return practice.revealHint()
    }

    /// Clears the picks when a new question comes up.
    mutating func prepare(now: Int64) {
        guard let question, preparedFor != question.id else { return }
        preparedFor = question.id
        // Matching starts on its first left item, so digits pair at once; the other kinds start
        // with nothing highlighted.
        cursor = question.kind == .matching ? 0 : nil
        selected = nil
        ticked = []
        text.clear()
        items = active.displayedItems(of: question)
        sequence = []
        pairs = [:]
        hints = []
        outcome = nil
        notice = nil
        interacted = false
        shownAt = now
    }

    /// The rows the cursor moves over (the Answer button is row `rows`).
    var rows: Int {
        guard let question else { return 0 }
        return switch question.answer {
        case .singleChoice(let options), .trueFalse(let options), .multipleAnswer(let options, _): options.count
        case .ordering(let items): items.count
        case .matching(let key): key.pairs.count
        case .shortAnswer, .numeric: 0
        }
    }
}
