import CourseModel
import Localization
import QuizEngine
import TerminalText

@testable import LearnerClient

/// A clock a test moves by hand (idle sign-out, PIN waits).
final class TestClock: @unchecked Sendable {
    var now: Int64 = 1_700_000_000_000
    func advance(seconds: Double) { now += Int64(seconds * 1000) }
}

/// Drives a `LearnerApp` key by key, and knows the keys a learner presses for any question.
struct AppDriver {
    let app: LearnerApp
    let backend: InMemoryBackend
    let clock: TestClock
    let width: Int
    let height: Int

    init(
        backend: InMemoryBackend, language: Language = .vi, usesKeys: Bool = true, session: SessionOptions = .personal,
        clock: TestClock = TestClock(), width: Int = 80, height: Int = 24, speaker: Speaker = .silent
    ) {
        self.backend = backend
        self.clock = clock
        self.width = width
        self.height = height
        backend.now = { clock.now }
        let environment = ClientEnvironment(now: { clock.now }, speaker: speaker)
        app = LearnerApp(
            backend: backend, language: language, environment: environment, usesKeys: usesKeys, colorMode: .none,
            session: session)
        app.resize(width: width, height: usesKeys ? height : 0)
    }

    /// A driver over the sample course (and any others), signed in as DEMO.
    static func signedIn(
        _ courses: [Course] = [Samples.course], language: Language = .vi, session: SessionOptions = .personal,
        width: Int = 80, height: Int = 24
    ) -> AppDriver {
        let driver = AppDriver(
            backend: InMemoryBackend(courses: courses), language: language, session: session, width: width,
            height: height)
        driver.press(typing("demo") + [.enter])
        return driver
    }

    func press(_ keys: [Key]) {
        for key in keys {
            app.handle(.key(key))
            _ = app.frame(width: width, height: height)
        }
    }
    func press(_ key: Key) { press([key]) }
    func line(_ text: String) { app.handle(.line(text)) }

    var frame: [String] { app.frame(width: width, height: height) }
    var screenText: String { frame.joined(separator: "\n") }
    /// The whole body, as if the screen were tall enough (for checks on text that scrolls).
    var bodyText: String { app.content(width: width, height: height).body.joined(separator: "\n") }

    /// The screen's words as one line (a sentence wrapped over lines is found whole).
    var flat: String { Self.flatten(screenText) }
    /// The whole body's words as one line.
    var flatBody: String { Self.flatten(bodyText) }
    static func flatten(_ text: String) -> String {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: " ")
    }

    var quizState: QuizScreenState? {
        if case .quiz(let state) = app.screen { return state }
        return nil
    }

    /// From the course list: open the first course, its first lesson, read every step, start the quiz.
    func toFirstQuestion() {
        press([.enter, .enter])
        for _ in 0..<20 {
            if let state = quizState, !state.intro { return }
            press(.enter)
        }
    }

    /// The keys that answer the question on screen right, Enter on the Answer button included
    /// (typed answers in Telex).
    func rightKeys() -> [Key] {
        guard let state = quizState, let question = state.question else { return [] }
        let options = state.active.displayedOptions(of: question)
        switch question.answer {
        case .singleChoice, .trueFalse:
            return [digit((options.firstIndex(where: \.isCorrect) ?? 0) + 1), .enter]
        case .multipleAnswer:
            return options.enumerated().filter { $0.element.isCorrect }.map { digit($0.offset + 1) } + [.enter]
        case .shortAnswer(let key):
            if case .text(let text)? = key.accepted.first, text == "Việt Nam" { return typing("Vieetj Nam") + [.enter] }
            if case .text(let text)? = key.accepted.first { return typing(text) + [.enter] }
            return [.enter]
        case .numeric(let key):
            let middle = key.accepted.first.map { ($0.lower + $0.upper) / 2 } ?? 0
            return typing(Numbers.vietnamese((middle * 1000).rounded() / 1000)) + [.enter]
        case .ordering(let right):
            return right.compactMap { item in state.items.firstIndex { $0.id == item.id }.map { digit($0 + 1) } }
                + [.enter]
        case .matching(let key):
            let rightItems = state.active.displayedRightItems(of: question)
            // The cursor starts on the first left item and moves to the next after each digit.
            return state.active.displayedLeftItems(of: question).compactMap { left in
                key.pairs.first { $0.left.id == left.id }.flatMap { pair in
                    rightItems.firstIndex { $0.id == pair.right.id }.map { digit($0 + 1) }
                }
            } + [.enter]
        }
    }

    /// A wholly wrong answer's keys: a wrong option, a wrong word or number, the order as shown
    /// (never right), every pair wrong.
    func wrongKeys() -> [Key] {
        guard let state = quizState, let question = state.question else { return [] }
        let options = state.active.displayedOptions(of: question)
        switch question.answer {
        case .singleChoice, .trueFalse, .multipleAnswer:
            return [digit((options.firstIndex(where: { !$0.isCorrect }) ?? 0) + 1), .enter]
        case .shortAnswer: return typing("Lafo") + [.enter]
        case .numeric: return typing("-987654321") + [.enter]
        case .ordering: return state.items.indices.map { digit($0 + 1) } + [.enter]
        case .matching(let key):
            let rightItems = state.active.displayedRightItems(of: question)
            let left = state.active.displayedLeftItems(of: question)
            // Each left item takes the partner of the next one (or a distractor when alone).
            return left.indices.compactMap { i in
                let wrongID =
                    left.count > 1
                    ? key.pairs.first { $0.left.id == left[(i + 1) % left.count].id }?.right.id
                    : key.distractors.first?.id
                return wrongID.flatMap { id in rightItems.firstIndex { $0.id == id } }.map { digit($0 + 1) }
            } + [.enter]
        }
    }

    func digit(_ n: Int) -> Key { .character(Character("\(n)")) }
}

/// Keys for typing text.
func typing(_ text: String) -> [Key] { text.map { .character($0) } }
