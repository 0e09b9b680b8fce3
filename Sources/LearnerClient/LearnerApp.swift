import CourseModel
import Foundation
import LearnerEvents
import Localization
import QuizEngine
import TerminalText

/// How a client session behaves at this centre: a kiosk on a shared computer or not.
public struct SessionOptions: Sendable, Equatable {
    /// A kiosk never leaves to a shell: signing out returns to the sign-in screen, and only the
    /// operator key (Ctrl-Q, then the operator code when one is set) closes the program.
    public var kiosk: Bool
    /// Milliseconds without a key press before the learner is signed out; nil never.
    public var idleLimitMs: Int64?

    /// A client on a personal computer: leaving closes the program; no idle sign-out.
    public static let personal = SessionOptions(kiosk: false, idleLimitMs: nil)

    /// Makes options.
    public init(kiosk: Bool, idleLimitMs: Int64?) {
        self.kiosk = kiosk
        self.idleLimitMs = idleLimitMs
    }
}

/// The learner client as a state machine: input in, screens out, events to the backend.
///
/// It knows no terminal. The runner feeds it keys (or lines) and draws `frame(width:height:)`,
/// so every screen can be driven and checked in a test without a terminal.
public final class LearnerApp {
    /// The screen on show and its state.
    indirect enum Screen: Equatable {
        case signIn(SignInState)
        case operatorExit(OperatorState)
        case selfCheckOffer(MenuState)
        case courses(CourseListState)
        case lessons(LessonListState)
        case reading(ReadingState)
        case quiz(QuizScreenState)
        case result(ResultState)
        case dialog(DialogState)
        case search(SearchState)
    }

    let backend: any LearnerBackend
    /// The interface language.
    public let language: Language
    let environment: ClientEnvironment
    /// Keys (raw terminal) or lines (scripted): changes how input is read.
    public let usesKeys: Bool
    let styler: Styler
    /// Kiosk or personal, and the idle limit.
    public let session: SessionOptions
    var screen: Screen
    var learner: LearnerAccount?
    var course: Course?
    /// One line of news for the learner (a greeting, speech started, an error); cleared on input.
    var message: String?
    /// The input method chosen by the learner this session, overriding the course default.
    var chosenInputMethod: InputMethod?
    /// The course the self-check recommended, marked in the course list.
    var recommendedCourse: String?
    /// Whether the program should end.
    public private(set) var isFinished = false
    /// The terminal's size when last drawn (height 0: line mode, no pages).
    var lastWidth = 80
    var lastHeight = 24
    /// The body line the learner scrolled to; nil follows the selection.
    var scroll: Int?
    var lastTop = 0
    var lastRows = 20
    private var lastScreenKey = ""
    /// When the learner last pressed a key.
    var lastInputAt: Int64

    /// Makes the client at the sign-in screen (or signed in already with `learnerCode`).
    public init(
        backend: any LearnerBackend, language: Language, environment: ClientEnvironment, usesKeys: Bool,
        colorMode: ColorMode, session: SessionOptions = .personal, learnerCode: String? = nil
    ) {
        self.backend = backend
        self.language = language
        self.environment = environment
        self.usesKeys = usesKeys
        self.styler = Styler(mode: colorMode)
        self.session = session
        self.screen = .signIn(SignInState())
        self.lastInputAt = environment.now()
        if let learnerCode { submitCode(learnerCode) }
    }

    /// Tells the client the terminal's size, before input is handled or a screen drawn.
    public func resize(width: Int, height: Int) {
        lastWidth = max(20, width)
        lastHeight = height <= 0 ? 0 : max(8, height)
    }

    /// `phrase` in the interface language.
    func say(_ phrase: Phrase) -> String { phrase(language) }

    /// Handles one input and moves to whatever screen follows.
    public func handle(_ input: ClientInput) {
        lastInputAt = environment.now()
        message = nil
        switch input {
        case .line(let line): handleLine(line)
        case .key(let key): handleKey(key)
        }
    }

    func handleKey(_ key: Key) {
        if handleGlobal(key) { return }
        switch screen {
        case .signIn(let state): handleSignIn(key, state)
        case .operatorExit(let state): handleOperatorExit(key, state)
        case .selfCheckOffer(let state): handleSelfCheckOffer(key, state)
        case .courses(let state): handleCourses(key, state)
        case .lessons(let state): handleLessons(key, state)
        case .reading(let state): handleReading(key, state)
        case .quiz(let state): handleQuiz(key, state)
        case .result(let state): handleResult(key, state)
        case .dialog(let state): handleDialog(key, state)
        case .search(let state): handleSearch(key, state)
        }
    }

    /// A line (line mode) is the same keys a learner would press, then Enter; a field takes the
    /// line as typed text. A few letters stand for the keys a script cannot send (`q` leaves,
    /// `b` is Esc, `h` a hint, `r` read aloud) where nothing is being typed.
    func handleLine(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if case .search(let state) = screen { return handleSearchLine(trimmed, state) }
        if takesText {
            if case .signIn(let state) = screen, state.pending == nil, trimmed.lowercased() == "q" {
                return leaveProgram()
            }
            clearField()
            handleKey(.paste(trimmed))
            return handleKey(.enter)
        }
        switch trimmed.lowercased() {
        case "q": return leaveProgram()
        case "b": return handleKey(.escape)
        case "h", "?": return handleKey(.function(3))
        case "r": return handleKey(.function(5))
        default: break
        }
        // Spaces and commas only separate numbers (`1 3`, `3,1,2`).
        for character in trimmed where character != " " && character != "," {
            handleKey(.character(character))
        }
        // On a question a line's end means "answer": an incomplete answer is told what it lacks.
        if case .quiz(var state) = screen, !state.intro, state.outcome == nil, state.question != nil {
            state.cursor = state.rows
            screen = .quiz(state)
        }
        handleKey(.enter)
    }

    /// Keys that mean the same on every screen.
    private func handleGlobal(_ key: Key) -> Bool {
        switch key {
        case .interrupt:
            leaveProgram()
        case .operatorExit:
            guard session.kiosk else {
                leaveProgram()
                return true
            }
            guard case .signIn = screen else {
                message = say(ClientText.kioskNoQuit)
                return true
            }
            if (try? backend.operatorCodeIsSet()) == false {
                quit()
            } else {
                screen = .operatorExit(OperatorState(returnTo: screen))
            }
        case .function(5):
            readAloud()
        case .toggleInputMethod, .function(2):
            cycleInputMethod()
        case .function(9):
            guard learner != nil else { return false }
            signOut(because: ClientText.signedOut)
        case .pageDown:
            if case .reading = screen { return false }
            scroll = lastTop + max(1, lastRows - 2)
        case .pageUp:
            if case .reading = screen { return false }
            scroll = max(0, lastTop - max(1, lastRows - 2))
        default:
            return false
        }
        return true
    }

    /// The learner or a script asked to close the program: done at once on a personal computer;
    /// a kiosk says how to sign out instead.
    func leaveProgram() {
        if session.kiosk {
            message = say(ClientText.kioskNoQuit)
            return
        }
        quit()
    }

    /// Ends the program: everything answered is already recorded, so there is nothing to save.
    public func quit() {
        environment.speaker.stop()
        if let learner { try? backend.noteSession(learner: learner.code, started: false, at: environment.now()) }
        isFinished = true
    }

    /// Called when no key came for a while: signs the learner out once the idle limit passed.
    /// Returns whether the screen changed.
    @discardableResult
    public func tick() -> Bool {
        guard let limit = session.idleLimitMs, learner != nil, environment.now() - lastInputAt >= limit else {
            // A sign-in screen counting down a PIN wait redraws every second.
            if case .signIn(let state) = screen, state.lockedUntil != nil { return true }
            return false
        }
        signOut(because: ClientText.signedOutIdle(minutes: Int((limit + 59_999) / 60_000)))
        return true
    }

    /// What the program says as it ends.
    public var farewell: String { say(ClientText.saved) }

    // MARK: - Drawing

    /// The screen's content, laid out for `width` columns.
    public func content(width: Int, height: Int) -> ScreenContent {
        var content: ScreenContent
        switch screen {
        case .signIn(let state): content = signInContent(state, width: width)
        case .operatorExit(let state): content = operatorContent(state, width: width)
        case .selfCheckOffer(let state): content = selfCheckOfferContent(state, width: width)
        case .courses(let state): content = courseListContent(state, width: width)
        case .lessons(let state): content = lessonListContent(state, width: width)
        case .reading(let state): content = readingContent(state, width: width, height: height)
        case .quiz(let state): content = quizContent(state, width: width)
        case .result(let state): content = resultContent(state, width: width)
        case .dialog(let state): content = dialogContent(state, width: width)
        case .search(let state): content = searchContent(state, width: width)
        }
        if let message { content.status = message }
        content.title = ControlCharacters.replaced(in: content.title)
        content.indicator = ControlCharacters.replaced(in: content.indicator)
        return content
    }

    /// The whole screen, exactly `height` lines of at most `width` columns (raw mode).
    public func frame(width: Int, height: Int) -> [String] {
        let content = content(width: width, height: height)
        let key = screenKey
        if key != lastScreenKey {
            scroll = nil
            lastScreenKey = key
        }
        let (lines, top) = content.frame(
            width: width, height: height, styler: styler, language: language, scroll: scroll)
        lastTop = top
        lastRows = content.bodyRows(width: width, height: height)
        if scroll != nil { scroll = top }
        return lines
    }

    /// The screen as lines to print one after another (line mode): no padding, no cursor tricks.
    public func transcript(width: Int) -> [String] {
        content(width: width, height: 0).transcript(width: width, language: language)
    }

    /// What identifies the screen for scrolling: a new question or screen starts at the top.
    var screenKey: String {
        switch screen {
        case .signIn: "sign-in"
        case .operatorExit: "operator"
        case .selfCheckOffer: "offer"
        case .courses: "courses"
        case .lessons: "lessons:\(course?.id ?? "")"
        case .reading(let state): "reading:\(state.lesson.id):\(state.index)"
        case .quiz(let state):
            "quiz:\(state.lesson.id):\(state.intro):\(state.question?.id ?? ""):\(state.outcome != nil):\(state.isPractice)"
        case .result(let state): "result:\(state.lesson.id):\(state.result.attempt):\(state.isPractice)"
        case .dialog(let state): "dialog:\(state.kind.name)"
        case .search: "search"
        }
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
            message = "\(say(ClientText.errorPrefix)) \(failure(error))"
            return false
        }
    }

    /// What went wrong, in the interface language: a phrased error's own sentence, else a plain
    /// one — never a library's raw error text.
    func failure(_ error: any Error) -> String {
        if let phrased = error as? any PhrasedError { return phrased.phrase(language) }
        return say(ClientText.cannotSave)
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
        chosenInputMethod ?? InputMethod.defaultFor(language: course?.language ?? language.rawValue)
    }

    private func cycleInputMethod() {
        let next = inputMethod.next
        chosenInputMethod = next
        if case .quiz(var state) = screen {
            state.text.method = next
            screen = .quiz(state)
        }
        if case .search(var state) = screen {
            state.field.method = next
            screen = .search(state)
        }
        message = say(ClientText.inputMethodName(next))
    }

    /// The interface language as the renderer names it.
    var renderLanguage: RenderLanguage { RenderLanguage(code: language.rawValue) }

    /// A block renderer for `width`.
    func renderer(_ width: Int) -> BlockRenderer {
        BlockRenderer(width: max(10, width), styler: styler, language: renderLanguage)
    }

    /// A learner's name, a course's title: control characters shown, never sent to the terminal.
    func safe(_ text: String) -> String { ControlCharacters.replaced(in: text) }

    /// Text with ANSI sequences removed (for speech).
    static func stripANSI(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }
}
