import CourseModel
import QuizEngine
import TerminalText

@testable import LearnerClient

/// Drives a `LearnerApp` key by key, and knows the right keys for any question on screen.
struct AppDriver {
    let app: LearnerApp
    let backend: InMemoryBackend

    init(
        backend: InMemoryBackend, strings: Strings = .vietnamese, usesKeys: Bool = true,
        clock: Int64 = 1_700_000_000_000
    ) {
        self.backend = backend
        let environment = ClientEnvironment(now: { clock }, speaker: .silent)
        app = LearnerApp(
            backend: backend, strings: strings, environment: environment, usesKeys: usesKeys, colorMode: .none)
        app.resize(width: 80, height: usesKeys ? 24 : 0)
    }

    func press(_ keys: [Key]) { for key in keys { app.handle(.key(key)) } }
    func press(_ key: Key) { app.handle(.key(key)) }
    func line(_ text: String) { app.handle(.line(text)) }

    var screenText: String { app.frame(width: 80, height: 24).joined(separator: "\n") }

    var quizState: QuizScreenState? {
        if case .quiz(let state) = app.screen { return state }
        return nil
    }

    /// The keys that answer the question on screen right (typed answers in Telex).
    func rightKeys() -> [Key] {
        guard let state = quizState, let question = state.question else { return [] }
        let options = state.active.displayedOptions(of: question)
        switch question.answer {
        case .singleChoice, .trueFalse:
            let index = options.firstIndex(where: \.isCorrect) ?? 0
            return [.character(Character("\(index + 1)"))]
        case .multipleAnswer:
            return options.enumerated().filter { $0.element.isCorrect }.map {
                .character(Character("\($0.offset + 1)"))
            } + [.enter]
        case .shortAnswer:
            return typing("Vieetj Nam") + [.enter]
        case .numeric:
            return typing("2,5") + [.enter]
        case .ordering(let right):
            var order = state.order.map(\.id)
            var keys: [Key] = []
            var cursor = 0
            for target in right.indices {
                guard let from = order.firstIndex(of: right[target].id) else { continue }
                keys += Array(repeating: from > cursor ? Key.down : Key.up, count: abs(from - cursor))
                keys += Array(repeating: Key.character("u"), count: from - target)
                order.insert(order.remove(at: from), at: target)
                cursor = target
            }
            return keys + [.enter]
        case .matching(let key):
            let left = state.active.displayedLeftItems(of: question)
            let right = state.active.displayedRightItems(of: question)
            var keys: [Key] = []
            for (i, item) in left.enumerated() {
                guard let pair = key.pairs.first(where: { $0.left.id == item.id }),
                    let r = right.firstIndex(where: { $0.id == pair.right.id })
                else { continue }
                keys += [.character(Character("\(i + 1)")), .character(Character(LearnerApp.letter(r)))]
            }
            return keys + [.enter]
        }
    }

    /// A wrong answer's keys (first wrong option; a wrong word; a wrong number; untouched order).
    func wrongKeys() -> [Key] {
        guard let state = quizState, let question = state.question else { return [] }
        let options = state.active.displayedOptions(of: question)
        switch question.answer {
        case .singleChoice, .trueFalse:
            let index = options.firstIndex(where: { !$0.isCorrect }) ?? 0
            return [.character(Character("\(index + 1)"))]
        case .multipleAnswer:
            let index = options.firstIndex(where: { !$0.isCorrect }) ?? 0
            return [.character(Character("\(index + 1)")), .enter]
        case .shortAnswer: return typing("Lafo") + [.enter]
        case .numeric: return typing("7") + [.enter]
        case .ordering: return [.enter]
        case .matching: return [.character("1"), .character("a"), .character("2"), .character("a"), .enter]
        }
    }
}
