import CourseModel
import Foundation
import LearnerEvents
import QuizEngine

/// A quiz on screen: the attempt (or a practice review), and what the learner has picked so far.
struct QuizScreenState: Equatable {
    var lesson: Lesson
    var session: QuizSession
    /// Practice on the wrong answers of `session`, when reviewing.
    var review: ReviewSession?
    /// Showing the quiz's introduction before the first question.
    var intro = false
    /// The question the picks below belong to.
    var preparedFor: String?
    var cursor = 0
    var ticked: Set<String> = []
    var text: TextField
    var order: [AnswerItem] = []
    var pairs: [String: String] = [:]
    var hints: [[Block]] = []
    var outcome: AnswerOutcome?
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

    mutating func submit(_ response: Response, elapsedMs: Int) throws(QuizEngineError) -> AnswerOutcome {
        guard var practice = review else { return try session.submit(response, elapsedMs: elapsedMs) }
        defer { review = practice }
        return try practice.submit(response, elapsedMs: elapsedMs)
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
        cursor = 0
        ticked = []
        text.text = ""
        order = active.displayedItems(of: question)
        pairs = [:]
        hints = []
        outcome = nil
        shownAt = now
    }
}

extension LearnerApp {
    func startQuizIntro(_ lesson: Lesson) {
        guard let quiz = lesson.quiz, let learner, let course else { return }
        let attempt = ((try? backend.progress(learner: learner.code, course: course))?.attempts[lesson.id] ?? 0) + 1
        var state = QuizScreenState(
            lesson: lesson, session: QuizSession(quiz: quiz, learnerKey: learner.key, attempt: attempt),
            now: environment.now(), method: inputMethod)
        state.intro = true
        screen = .quiz(state)
    }

    /// Starts the attempt on screen: `quiz.started` is recorded, then the first question shows.
    func beginAttempt(_ state: QuizScreenState) {
        var state = state
        state.intro = false
        let started = occurrence {
            .quizStarted(
                learner: $0, course: $1, version: $2, lesson: state.lesson.id, attempt: state.session.attempt, at: $3)
        }
        guard record(started) else { return }
        showQuiz(state)
    }

    func showQuiz(_ state: QuizScreenState) {
        var state = state
        state.prepare(now: environment.now())
        screen = .quiz(state)
    }

    func handleQuiz(_ input: ClientInput, _ state: QuizScreenState) {
        var state = state
        if state.intro {
            switch input {
            case .key(.enter), .key(.space), .key(.right): return beginAttempt(state)
            case .key(.character("q")), .key(.escape): return quit()
            case .key(.backspace), .key(.left): return showLessons(selecting: state.lesson.id)
            case .key(.character("r")): return readAloud()
            case .line(let line):
                switch line.trimmingCharacters(in: .whitespaces).lowercased() {
                case "q": return quit()
                case "b": return showLessons(selecting: state.lesson.id)
                default: return beginAttempt(state)
                }
            default: return
            }
        }
        if state.outcome != nil {
            switch input {
            case .key(.enter), .key(.space), .key(.right), .line: break
            case .key(.character("q")), .key(.escape): return quit()
            case .key(.character("r")), .key(.function(5)): return readAloud()
            default: return
            }
            if case .line(let line) = input, line.trimmingCharacters(in: .whitespaces).lowercased() == "q" {
                return quit()
            }
            try? state.proceed()
            state.outcome = nil
            if state.active.isFinished { return finishQuiz(state) }
            return showQuiz(state)
        }
        guard let question = state.question else { return finishQuiz(state) }
        let action: AnswerAction =
            switch input {
            case .key(let key): answerKey(key, question: question, state: &state)
            case .line(let line): answerLine(line, question: question, state: &state)
            }
        switch action {
        case .none: screen = .quiz(state)
        case .quit: quit()
        case .hint:
            if let hint = state.revealHint() { state.hints.append(hint) } else { message = strings.noMoreHints }
            screen = .quiz(state)
        case .readAloud:
            screen = .quiz(state)
            readAloud()
        case .submit(let response): submit(response, state: state)
        case .invalid(let why):
            message = why
            screen = .quiz(state)
        }
    }

    /// Grades, records durably, and only then shows the feedback. A failed write undoes the answer.
    ///
    /// The last answer of an attempt is recorded in one transaction with the attempt's result
    /// and, when it passes, the lesson's (and course's) completion: a learner who leaves on the
    /// last feedback — or loses power there — keeps the pass.
    func submit(_ response: Response, state: QuizScreenState) {
        var state = state
        let before = state
        let elapsed = Int(max(0, environment.now() - state.shownAt))
        guard let outcome = try? state.submit(response, elapsedMs: elapsed) else { return }
        let (lesson, attempt, practice) = (state.lesson, state.active.attempt, state.isPractice)
        var occurrences = occurrence {
            .answerSubmitted(
                learner: $0, course: $1, version: $2, lesson: lesson.id, attempt: attempt, answer: outcome.recorded,
                practice: practice, at: $3)
        }
        if outcome.finishesQuiz, !practice, let result = state.active.result {
            occurrences += occurrence {
                .quizFinished(
                    learner: $0, course: $1, version: $2, lesson: lesson.id, attempt: result.attempt,
                    outcome: result.outcome(isFinal: lesson.isFinal), at: $3)
            }
            if result.passed { occurrences += completion(of: lesson) }
        }
        guard record(occurrences) else {
            screen = .quiz(before)
            return
        }
        state.outcome = outcome
        screen = .quiz(state)
    }

    /// The attempt is over (its result was recorded with the last answer): show the result.
    func finishQuiz(_ state: QuizScreenState) {
        guard let result = state.active.result else { return showLessons(selecting: state.lesson.id) }
        screen = .result(
            ResultState(lesson: state.lesson, session: state.session, result: result, isPractice: state.isPractice))
    }

    func spokenQuestion(_ state: QuizScreenState) -> String {
        guard let question = state.question else { return state.lesson.title }
        var parts = [question.prompt.plainText, question.body.plainText]
        for (index, option) in state.active.displayedOptions(of: question).enumerated() {
            parts.append("\(index + 1). \(option.content.plainText)")
        }
        if case .ordering = question.answer {
            parts += state.order.enumerated().map { "\($0.offset + 1). \($0.element.content.plainText)" }
        }
        if case .matching = question.answer {
            parts += state.active.displayedLeftItems(of: question).enumerated().map {
                "\($0.offset + 1). \($0.element.content.plainText)"
            }
            parts += state.active.displayedRightItems(of: question).enumerated().map {
                "\(Self.letter($0.offset)). \($0.element.content.plainText)"
            }
        }
        if let outcome = state.outcome {
            parts.append(outcome.grade.isCorrect ? strings.correct : strings.wrong)
            parts.append(outcome.feedback.plainText)
            if let answer = outcome.correctAnswer { parts.append(strings.correctAnswer(answer)) }
            parts.append(outcome.explanation.plainText)
        }
        return parts.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// `a`, `b`, … for the right-hand column of a matching question.
    static func letter(_ index: Int) -> String {
        guard index < 26, let scalar = Unicode.Scalar(UInt32(97 + index)) else { return "\(index + 1)" }
        return String(Character(scalar))
    }
}
