import CourseModel
import Localization
import QuizEngine
import TerminalText
import Testing

@testable import LearnerClient

/// The client as a state machine: sign in, read, answer every kind, hints, resume, retake.
struct LearnerAppTests {
    func signedIn(_ backend: InMemoryBackend = InMemoryBackend(courses: [SampleCourse.course])) -> AppDriver {
        let driver = AppDriver(backend: backend)
        driver.press(typing("demo") + [.enter])
        return driver
    }

    /// Sign in, open the course and the first lesson, read both steps, start the quiz.
    func atFirstQuestion(_ backend: InMemoryBackend = InMemoryBackend(courses: [SampleCourse.course])) -> AppDriver {
        let driver = signedIn(backend)
        driver.press([.enter, .enter, .enter, .enter, .enter])
        return driver
    }

    @Test func demoSignsInWithoutPIN() {
        let driver = signedIn()
        guard case .courses = driver.app.screen else {
            Issue.record("expected the course list")
            return
        }
        #expect(driver.screenText.contains("An toàn trên mạng (mẫu)"))
    }

    @Test func unknownCodeIsRefused() {
        let driver = AppDriver(backend: InMemoryBackend(courses: [SampleCourse.course]))
        driver.press(typing("nobody") + [.enter])
        #expect(driver.screenText.contains("Không tìm thấy mã “NOBODY”"))
    }

    @Test func pinIsAskedAndChecked() {
        let backend = InMemoryBackend(courses: [SampleCourse.course])
        backend.addLearner(code: "LAN24", name: "Chị Lan", pin: "1234")
        let driver = AppDriver(backend: backend)
        driver.press(typing("lan24") + [.enter] + typing("9999") + [.enter])
        #expect(driver.screenText.contains("Mã PIN chưa đúng"))
        driver.press(typing("1234") + [.enter])
        #expect(driver.screenText.contains("Xin chào, Chị Lan!"))
    }

    @Test func readingRecordsStepsAndStartsTheQuiz() {
        let driver = atFirstQuestion()
        #expect(driver.quizState?.question?.id == "otp-single")
        #expect(driver.screenText.contains("Câu 1/7"))
        let kinds = driver.backend.events.map(\.kind)
        #expect(kinds == [.lessonOpened, .stepRead, .stepRead, .quizStarted])
        #expect(driver.backend.events.compactMap(\.itemId) == ["mo-dau", "otp"])
    }

    @Test func everyKindAnsweredRightPassesTheQuizAndCompletesTheLesson() {
        let driver = atFirstQuestion()
        for _ in SampleCourse.questions {
            driver.press(driver.rightKeys())
            #expect(driver.screenText.contains("✓ Đúng rồi!"), "\(driver.screenText)")
            driver.press(.enter)
        }
        guard case .result(let state) = driver.app.screen else {
            Issue.record("expected the result screen")
            return
        }
        #expect(state.result.passed)
        #expect(driver.screenText.contains("ĐẠT"))
        let answers = driver.backend.events.filter { $0.kind == .answerSubmitted }
        #expect(answers.map(\.itemId) == SampleCourse.questions.map(\.id))
        #expect(answers.allSatisfy { $0.answer?.correct == true && $0.attempt == 1 })
        #expect(answers.first(where: { $0.itemId == "viet-short" })?.answer?.response == .text("Việt Nam"))
        #expect(driver.backend.events.suffix(2).map(\.kind) == [.quizFinished, .lessonCompleted])
    }

    @Test func answerIsRecordedBeforeFeedbackAndAFailedWriteShowsNone() {
        let driver = atFirstQuestion()
        struct DiskFull: Error {}
        driver.backend.failNextRecord = DiskFull()
        driver.press(driver.rightKeys())
        #expect(driver.quizState?.outcome == nil)
        #expect(!driver.screenText.contains("Đúng rồi"))
        #expect(driver.quizState?.question?.id == "otp-single")
        driver.press(driver.rightKeys())
        #expect(driver.screenText.contains("Đúng rồi"))
        #expect(driver.backend.events.filter { $0.kind == .answerSubmitted }.count == 1)
    }

    @Test func hintsRevealOneAtATimeAndAreRecorded() {
        let driver = atFirstQuestion()
        driver.press(.character("h"))
        #expect(driver.screenText.contains("Gợi ý 1/2:"))
        #expect(!driver.screenText.contains("Gợi ý 2/2:"))
        driver.press(.character("?"))
        #expect(driver.screenText.contains("Gợi ý 2/2:"))
        driver.press(.character("h"))
        #expect(driver.screenText.contains("Câu này không còn gợi ý."))
        driver.press(driver.rightKeys())
        #expect(driver.backend.events.last?.answer?.hintsUsed == 2)
    }

    @Test func quittingMidQuizAndComingBackResumesTheSameQuestionInTheSameOrder() {
        let backend = InMemoryBackend(courses: [SampleCourse.course])
        let first = atFirstQuestion(backend)
        for _ in 0..<2 {
            first.press(first.rightKeys())
            first.press(.enter)
        }
        first.press(.interrupt)
        #expect(first.app.isFinished)
        let shown = first.quizState.flatMap { state in
            state.question.map { state.active.displayedOptions(of: $0).map(\.id) }
        }

        let second = signedIn(backend)
        #expect(second.quizState?.question?.id == "signs-multi")
        #expect(second.screenText.contains("Câu 3/7"))
        let again = second.quizState.flatMap { state in
            state.question.map { state.active.displayedOptions(of: $0).map(\.id) }
        }
        #expect(again == shown)
        #expect(second.screenText.contains("Tiếp tục từ chỗ bạn dừng"))
    }

    @Test func quittingWhileReadingResumesAtTheNextStep() {
        let backend = InMemoryBackend(courses: [SampleCourse.course])
        let first = signedIn(backend)
        first.press([.enter, .enter, .enter])
        first.press(.character("q"))
        let second = signedIn(backend)
        guard case .reading(let state) = second.app.screen else {
            Issue.record("expected reading")
            return
        }
        #expect(state.index == 1)
    }

    @Test func failingThenRetakingStartsAttemptTwo() {
        let driver = atFirstQuestion()
        for _ in SampleCourse.questions {
            driver.press(driver.wrongKeys())
            driver.press(.enter)
        }
        #expect(driver.screenText.contains("CHƯA ĐẠT"))
        #expect(driver.screenText.contains("Nên ôn lại:"))
        driver.press(.character("1"))
        #expect(driver.quizState?.session.attempt == 2)
        #expect(driver.backend.events.last?.kind == .quizStarted)
        #expect(driver.backend.events.last?.attempt == 2)
    }

    @Test func practisingWrongAnswersIsMarkedPracticeAndDoesNotFinishAnAttempt() {
        let driver = atFirstQuestion()
        for (index, _) in SampleCourse.questions.enumerated() {
            driver.press(index == 0 ? driver.wrongKeys() : driver.rightKeys())
            driver.press(.enter)
        }
        driver.press(.character("2"))
        #expect(driver.screenText.contains("Luyện tập"))
        #expect(driver.screenText.contains("Câu 1/1"))
        driver.press(driver.rightKeys())
        driver.press(.enter)
        #expect(driver.backend.events.last?.isPractice == true)
        #expect(driver.backend.events.filter { $0.kind == .quizFinished }.count == 1)
        #expect(driver.screenText.contains("Kết quả luyện tập"))
    }

    @Test func inputMethodCyclesAndShowsInTheStatusLine() {
        let driver = atFirstQuestion()
        for _ in 0..<3 {
            driver.press(driver.rightKeys())
            driver.press(.enter)
        }
        #expect(driver.screenText.contains("Kiểu gõ: Telex"))
        driver.press(.toggleInputMethod)
        #expect(driver.screenText.contains("Kiểu gõ: VNI"))
        driver.press(typing("Vie65t"))
        #expect(driver.screenText.contains("Trả lời: Việt"))
        driver.press(.function(2))
        driver.press(typing("aa"))
        #expect(driver.screenText.contains("Trả lời: Việtaa"))
    }

    @Test func readAloudWithoutAVoiceSaysHowToInstallOne() {
        let driver = atFirstQuestion()
        driver.press(.character("r"))
        #expect(driver.screenText.contains("sudo apt-get install espeak-ng"))
    }

    @Test func readAloudSpeaksTheQuestionInVietnamese() {
        final class Spoken: @unchecked Sendable { var text: [(String, String)] = [] }
        let spoken = Spoken()
        let backend = InMemoryBackend(courses: [SampleCourse.course])
        let speaker = Speaker(isAvailable: { true }, speak: { spoken.text.append(($0, $1)) })
        let app = LearnerApp(
            backend: backend, strings: .vietnamese, environment: ClientEnvironment(now: { 0 }, speaker: speaker),
            usesKeys: true, colorMode: .none, learnerCode: "DEMO")
        for key in [Key.enter, .enter, .enter, .enter, .enter, .function(5)] { app.handle(.key(key)) }
        #expect(spoken.text.first?.0.contains("Ai được phép biết mã OTP của bạn?") == true)
        #expect(spoken.text.first?.1 == "vi")
    }

    @Test func lessonListShowsStatus() {
        let driver = atFirstQuestion()
        driver.press(.interrupt)
        let again = AppDriver(backend: driver.backend)
        again.press(typing("DEMO") + [.enter])
        // Resumed into the quiz; leave to the lesson list through the course.
        again.app.showLessons(selecting: nil)
        #expect(again.screenText.contains("▶ 1. Dấu hiệu lừa đảo"))
        #expect(again.screenText.contains("○ 2. Tổng kết"))
    }

    @Test func englishInterface() {
        let driver = AppDriver(backend: InMemoryBackend(courses: [SampleCourse.course]), strings: .english)
        #expect(driver.screenText.contains("Your learner code:"))
        driver.press(typing("DEMO") + [.enter, .enter, .enter, .enter, .enter, .enter])
        #expect(driver.screenText.contains("Question 1/7"))
    }

    /// The language is chosen once by `Language.resolve` (tested in LocalizationTests); the
    /// client's strings follow it.
    @Test(arguments: [(Language.vi, "vi"), (.en, "en")])
    func stringsFollowTheResolvedLanguage(language: Language, code: String) {
        #expect(Strings.forLanguage(language).code == code)
        #expect(Strings.forLanguage(language).language == language)
    }
}

/// Line mode: no terminal, one line per prompt, so the client can be scripted.
struct LineModeTests {
    @Test func aScriptedRunAnswersEveryKindAndRecordsIt() {
        let backend = InMemoryBackend(courses: [SampleCourse.course])
        let driver = AppDriver(backend: backend, usesKeys: false)
        for line in ["demo", "1", "1", "", "", ""] { driver.line(line) }
        guard let state = driver.quizState else {
            Issue.record("expected the quiz, got \(driver.app.transcript(width: 80).joined(separator: "\n"))")
            return
        }
        #expect(state.question?.id == "otp-single")
        var answered = 0
        while let state = driver.quizState, let question = state.question, state.outcome == nil {
            driver.line(LineModeTests.rightLine(question: question, state: state))
            #expect(driver.app.transcript(width: 80).contains("✓ Đúng rồi!"), "\(question.id)")
            driver.line("")
            answered += 1
        }
        #expect(answered == 7)
        #expect(driver.app.transcript(width: 80).contains { $0.contains("ĐẠT") })
        #expect(backend.events.filter { $0.kind == .answerSubmitted }.count == 7)
    }

    @Test func theRunnerPrintsScreensAndSaysGoodbyeAtTheEndOfInput() {
        let backend = InMemoryBackend(courses: [SampleCourse.course])
        let terminal = FakeTerminal(lines: ["DEMO", "1"])
        let app = LearnerApp(
            backend: backend, strings: .vietnamese, environment: ClientEnvironment(now: { 0 }, speaker: .silent),
            usesKeys: false, colorMode: .none)
        ClientRunner(app: app, terminal: terminal).run()
        #expect(terminal.frames.count == 3)
        #expect(terminal.frames[2].contains { $0.contains("Dấu hiệu lừa đảo") })
        #expect(terminal.farewellText == Strings.vietnamese.saved)
    }

    static func rightLine(question: Question, state: QuizScreenState) -> String {
        let options = state.active.displayedOptions(of: question)
        switch question.answer {
        case .singleChoice, .trueFalse: return "\((options.firstIndex(where: \.isCorrect) ?? 0) + 1)"
        case .multipleAnswer:
            return options.enumerated().filter { $0.element.isCorrect }.map { "\($0.offset + 1)" }.joined(
                separator: " ")
        case .shortAnswer: return "Vieetj Nam"
        case .numeric: return "2,5"
        case .ordering(let right):
            return right.compactMap { item in state.order.firstIndex { $0.id == item.id }.map { "\($0 + 1)" } }.joined(
                separator: " ")
        case .matching(let key):
            let left = state.active.displayedLeftItems(of: question)
            let rightItems = state.active.displayedRightItems(of: question)
            return key.pairs.compactMap { pair in
                guard let l = left.firstIndex(where: { $0.id == pair.left.id }),
                    let r = rightItems.firstIndex(where: { $0.id == pair.right.id })
                else { return nil }
                return "\(l + 1)\(LearnerApp.letter(r))"
            }.joined(separator: " ")
        }
    }
}

/// The runner: redraws at the new size after a resize, and leaves at the end of input.
struct ClientRunnerTests {
    @Test func resizeRedrawsAtTheNewSize() {
        let terminal = FakeTerminal(keys: typing("DEMO") + [.enter])
        terminal.inputs.append(.resized)
        terminal.sizesOnResize = [(120, 30)]
        let app = LearnerApp(
            backend: InMemoryBackend(courses: [SampleCourse.course]), strings: .vietnamese,
            environment: ClientEnvironment(now: { 0 }, speaker: .silent), usesKeys: true, colorMode: .none)
        ClientRunner(app: app, terminal: terminal).run()
        #expect(terminal.frames.first?.count == 24)
        #expect(terminal.frames.last?.count == 30)
        #expect(terminal.frames.last?.first.map { TerminalWidth.of($0) } == 120)
        #expect(terminal.frames.last?.contains { $0.contains("An toàn trên mạng (mẫu)") } == true)
        #expect(terminal.farewellText == Strings.vietnamese.saved)
    }
}

/// Long steps are cut into pages that fit the screen; n/N and Enter move through them.
struct ReadingPaginationTests {
    static let longCourse: Course = {
        let paragraphs = (1...30).map {
            Block.paragraph([.text("Đoạn \($0): kẻ lừa đảo thường tạo cảm giác gấp gáp.")])
        }
        return Course(
            id: "dai", version: 1, title: "Bài dài", language: "vi", description: "",
            lessons: [
                Lesson(
                    id: "bai-dai", title: "Bài dài",
                    steps: [
                        Step(id: "dai", title: "Rất dài", blocks: paragraphs),
                        Step(id: "ngan", title: "Ngắn", blocks: [.paragraph([.text("Hết.")])]),
                    ],
                    quiz: nil)
            ])
    }()

    @Test func longStepsArePagedAndEnterReadsEveryPageBeforeMovingOn() {
        let driver = AppDriver(backend: InMemoryBackend(courses: [Self.longCourse]))
        driver.press(typing("DEMO") + [.enter, .enter, .enter])
        #expect(driver.screenText.contains("Bước 1/2 · 1/"))
        #expect(driver.screenText.contains("Đoạn 1:"))
        driver.press(.character("n"))
        #expect(driver.screenText.contains("Bước 1/2 · 2/"))
        #expect(!driver.screenText.contains("Đoạn 1:"))
        driver.press(.character("N"))
        #expect(driver.screenText.contains("Bước 1/2 · 1/"))
        var presses = 0
        while !driver.screenText.contains("Bước 2/2"), presses < 10 {
            driver.press(.enter)
            presses += 1
        }
        #expect(presses > 1, "Enter pages through the step before the next one")
        #expect(driver.backend.events.filter { $0.kind == .stepRead }.map(\.itemId) == ["dai"])
        driver.press(.enter)
        #expect(driver.screenText.contains("Bạn đã đọc xong bài này."))
        #expect(driver.backend.events.last?.kind == .courseCompleted)
    }

    @Test func colourFramesStayWithinTheWidth() {
        let backend = InMemoryBackend(courses: [SampleCourse.course])
        let app = LearnerApp(
            backend: backend, strings: .vietnamese, environment: ClientEnvironment(now: { 0 }, speaker: .silent),
            usesKeys: true, colorMode: .ansi, learnerCode: "DEMO")
        for key in [Key.enter, .enter, .enter] { app.handle(.key(key)) }
        let frame = app.frame(width: 80, height: 24)
        #expect(frame.joined().contains("\u{1B}["))
        let plain = frame.map { LearnerApp.stripANSI($0) }
        #expect(plain.allSatisfy { TerminalWidth.of($0) <= 80 })
    }
}
