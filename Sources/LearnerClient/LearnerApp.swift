import CourseModel
import Foundation
import LearnerEvents
import QuizEngine
import TerminalText

/// The learner client as a state machine: input in, screens out, events to the backend.
///
/// It knows no terminal. The runner feeds it keys (or lines) and draws `content(width:)`, so every
/// screen can be driven and checked in a test without a terminal.
public final class LearnerApp {
    /// The screen on show and its state.
    enum Screen {
        case signIn(SignInState)
        case courses(CourseListState)
        case lessons(LessonListState)
        case reading(ReadingState)
        case quiz(QuizScreenState)
        case result(ResultState)
        case progress(ProgressState)
    }

    let backend: any LearnerBackend
    /// The interface language's strings.
    public let strings: Strings
    let environment: ClientEnvironment
    /// Keys (raw terminal) or lines (scripted): changes instructions and how input is read.
    public let usesKeys: Bool
    let styler: Styler
    var screen: Screen
    var learner: LearnerAccount?
    var course: Course?
    /// One line of news for the learner (a hint is out, speech started, an error); cleared on input.
    var message: String?
    /// The input method chosen by the learner this session, overriding the course default.
    var chosenInputMethod: InputMethod?
    /// Whether the learner asked to leave.
    public private(set) var isFinished = false
    /// The terminal's size when last drawn (height 0: line mode, no pages).
    var lastWidth = 80
    var lastHeight = 24

    /// Tells the client the terminal's size, before input is handled or a screen drawn.
    public func resize(width: Int, height: Int) {
        lastWidth = max(20, width)
        lastHeight = height <= 0 ? 0 : max(8, height)
    }

    /// Makes the client at the sign-in screen (or signed in already with `learnerCode`).
    public init(
        backend: any LearnerBackend, strings: Strings, environment: ClientEnvironment, usesKeys: Bool,
        colorMode: ColorMode, learnerCode: String? = nil
    ) {
        self.backend = backend
        self.strings = strings
        self.environment = environment
        self.usesKeys = usesKeys
        self.styler = Styler(mode: colorMode)
        self.screen = .signIn(SignInState())
        if let learnerCode { submitCode(learnerCode) }
    }

    /// Handles one input and moves to whatever screen follows.
    public func handle(_ input: ClientInput) {
        message = nil
        if case .key(let key) = input, handleGlobal(key) { return }
        switch screen {
        case .signIn(let state): handleSignIn(input, state)
        case .courses(let state): handleCourses(input, state)
        case .lessons(let state): handleLessons(input, state)
        case .reading(let state): handleReading(input, state)
        case .quiz(let state): handleQuiz(input, state)
        case .result(let state): handleResult(input, state)
        case .progress(let state): handleProgress(input, state)
        }
    }

    /// Leaves: everything answered is already recorded, so there is nothing to save.
    public func quit() {
        environment.speaker.stop()
        isFinished = true
    }

    /// Keys that mean the same on every screen.
    private func handleGlobal(_ key: Key) -> Bool {
        switch key {
        case .interrupt:
            quit()
            return true
        case .function(5):
            readAloud()
            return true
        case .toggleInputMethod, .function(2):
            cycleInputMethod()
            return true
        default:
            return false
        }
    }

    /// The screen's content, laid out for `width` columns.
    public func content(width: Int, height: Int) -> ScreenContent {
        var content: ScreenContent
        switch screen {
        case .signIn(let state): content = signInContent(state, width: width)
        case .courses(let state): content = courseListContent(state, width: width)
        case .lessons(let state): content = lessonListContent(state, width: width)
        case .reading(let state): content = readingContent(state, width: width, height: height)
        case .quiz(let state): content = quizContent(state, width: width)
        case .result(let state): content = resultContent(state, width: width)
        case .progress(let state): content = progressContent(state, width: width)
        }
        if let message { content.status = message }
        return content
    }

    /// The whole screen, exactly `height` lines of at most `width` columns (raw mode).
    public func frame(width: Int, height: Int) -> [String] {
        content(width: width, height: height).frame(width: width, height: height, styler: styler)
    }

    /// The screen as lines to print one after another (line mode): no padding, no cursor tricks.
    public func transcript(width: Int) -> [String] {
        content(width: width, height: 0).transcript(width: width)
    }

    // MARK: - Shared helpers

    /// Records occurrences in one transaction; on failure shows why and returns false so the
    /// caller can undo what it showed.
    @discardableResult
    func record(_ occurrences: [Occurrence]) -> Bool {
        do {
            try backend.record(occurrences)
            return true
        } catch {
            message = "\(strings.errorPrefix) \(strings.failure(error))"
            return false
        }
    }

    /// Something the signed-in learner did in the open course, stamped now; nil when no course
    /// is open. `make` gets the learner's code, the course id, its version and the time.
    func occurrence(_ make: (_ learner: String, _ course: String, _ version: Int, _ at: Int64) -> Occurrence)
        -> [Occurrence]
    {
        guard let learner, let course else { return [] }
        return [make(learner.code, course.id, course.version, environment.now())]
    }

    /// The input method for typed answers: the learner's choice, else the course's default.
    var inputMethod: InputMethod {
        chosenInputMethod ?? InputMethod.defaultFor(language: course?.language ?? strings.code)
    }

    private func cycleInputMethod() {
        let next = inputMethod.next
        chosenInputMethod = next
        if case .quiz(var state) = screen {
            state.text.method = next
            screen = .quiz(state)
        }
        message = strings.inputMethod(next)
    }

    /// Speaks what is on screen, or says how to get a voice.
    func readAloud() {
        guard environment.speaker.isAvailable() else {
            message = strings.speechMissing
            return
        }
        let text: String
        switch screen {
        case .reading(let state):
            let step = state.lesson.steps.indices.contains(state.index) ? state.lesson.steps[state.index] : nil
            text = step.map { $0.title + ".\n" + $0.blocks.plainText } ?? state.lesson.title
        case .quiz(let state):
            text = spokenQuestion(state)
        case .result(let state):
            text = resultContent(state, width: 80).body.joined(separator: "\n")
        default:
            text = content(width: 80, height: 24).body.joined(separator: "\n")
        }
        environment.speaker.speak(Self.stripANSI(text), course?.language ?? strings.code)
        message = strings.speaking
    }

    /// The interface language as the renderer names it.
    var renderLanguage: RenderLanguage { RenderLanguage(code: strings.code) }

    /// A block renderer for `width`.
    func renderer(_ width: Int) -> BlockRenderer {
        BlockRenderer(width: max(10, width), styler: styler, language: renderLanguage)
    }

    /// Text with ANSI sequences removed (for speech).
    static func stripANSI(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }
}
