import CourseModel
import Localization
import QuizEngine
import TerminalText
import Testing

@testable import LearnerClient

/// The client as a state machine: read, answer every kind, record, hints, retake, practice.
struct LearnerAppTests {
    @Test func readingRecordsStepsAndStartsTheQuiz() {
        let driver = AppDriver.signedIn()
        driver.toFirstQuestion()
        #expect(driver.quizState?.question?.id == "otp-single")
        #expect(driver.screenText.contains("Câu 1/7"))
        #expect(driver.backend.events.map(\.kind) == [.lessonOpened, .stepRead, .stepRead, .quizStarted])
        #expect(driver.backend.events.compactMap(\.itemId) == ["mo-dau", "bang"])
    }

    @Test func everyKindAnsweredRightPassesTheQuizAndCompletesTheLesson() throws {
        let driver = AppDriver.signedIn()
        driver.toFirstQuestion()
        for _ in 0..<7 {
            driver.press(driver.rightKeys())
            #expect(driver.flatBody.contains("✓ Đúng rồi!"), "\(driver.bodyText)")
            driver.press(.enter)
        }
        guard case .result(let state) = driver.app.screen else {
            Issue.record("expected the result screen")
            return
        }
        #expect(state.result.passed)
        #expect(driver.flatBody.contains("Bạn trả lời đúng 7 trên 7 câu."))
        #expect(driver.flatBody.contains("ĐẠT — cần 75% số điểm, bạn được 100%."))
        let answers = driver.backend.events.filter { $0.kind == .answerSubmitted }
        #expect(answers.map(\.itemId) == Samples.course.lessons[0].quiz?.questions.map(\.id))
        #expect(answers.allSatisfy { $0.answer?.correct == true && $0.attempt == 1 })
        #expect(answers.first(where: { $0.itemId == "viet-short" })?.answer?.response == .text("Việt Nam"))
        #expect(driver.backend.events.suffix(2).map(\.kind) == [.quizFinished, .lessonCompleted])
    }

    @Test func answerIsRecordedBeforeFeedbackAndAFailedWriteShowsNone() {
        let driver = AppDriver.signedIn()
        driver.toFirstQuestion()
        struct DiskFull: Error {}
        driver.backend.failNextRecord = DiskFull()
        driver.press(driver.rightKeys())
        #expect(driver.quizState?.outcome == nil)
        #expect(!driver.flatBody.contains("Đúng rồi"))
        #expect(driver.quizState?.question?.id == "otp-single")
        driver.press(.enter)
        #expect(driver.flatBody.contains("Đúng rồi"))
        #expect(driver.backend.events.filter { $0.kind == .answerSubmitted }.count == 1)
    }

    @Test func quittingOnTheLastFeedbackKeepsThePass() {
        let driver = AppDriver.signedIn()
        driver.toFirstQuestion()
        for index in 0..<7 {
            driver.press(driver.rightKeys())
            if index < 6 { driver.press(.enter) }
        }
        driver.press(.interrupt)
        #expect(driver.app.isFinished)
        #expect(driver.backend.events.suffix(2).map(\.kind) == [.quizFinished, .lessonCompleted])
    }

    @Test func hintsRevealOneAtATimeAndAreRecorded() {
        let driver = AppDriver.signedIn()
        driver.toFirstQuestion()
        driver.press(.function(3))
        #expect(driver.flatBody.contains("Gợi ý 1/2:"))
        #expect(!driver.flatBody.contains("Gợi ý 2/2:"))
        driver.press(.function(3))
        #expect(driver.flatBody.contains("Gợi ý 2/2:"))
        driver.press(.function(3))
        #expect(driver.flatBody.contains("Câu này không còn gợi ý."))
        driver.press(driver.rightKeys())
        #expect(driver.backend.events.last?.answer?.hintsUsed == 2)
    }

    @Test func failingThenRetakingStartsAttemptTwoAfterTheIntroduction() {
        let driver = AppDriver.signedIn()
        driver.toFirstQuestion()
        for _ in 0..<7 { driver.press(driver.wrongKeys() + [.enter]) }
        #expect(driver.flatBody.contains("CHƯA ĐẠT"))
        #expect(driver.flatBody.contains("Bạn trả lời đúng 0 trên 7 câu."))
        #expect(driver.flatBody.contains("Nên ôn lại:"))
        driver.press(.character("2"))  // 1 practise, 2 retake
        #expect(driver.quizState?.intro == true)
        #expect(driver.quizState?.session.attempt == 2)
        driver.press(.enter)
        #expect(driver.backend.events.last?.kind == .quizStarted)
        #expect(driver.backend.events.last?.attempt == 2)
    }

    @Test func practisingWrongAnswersIsMarkedPracticeAndDoesNotFinishAnAttempt() {
        let driver = AppDriver.signedIn()
        driver.toFirstQuestion()
        for index in 0..<7 { driver.press((index == 0 ? driver.wrongKeys() : driver.rightKeys()) + [.enter]) }
        driver.press(.character("2"))  // 1 next lesson, 2 practise
        #expect(driver.flatBody.contains("Luyện tập"))
        #expect(driver.screenText.contains("Câu 1/1"))
        driver.press(driver.rightKeys() + [.enter])
        #expect(driver.backend.events.last?.isPractice == true)
        #expect(driver.backend.events.filter { $0.kind == .quizFinished }.count == 1)
        #expect(driver.screenText.contains("Kết quả luyện tập"))
    }

    @Test func readAloudWithoutAVoiceSaysHowToInstallOne() {
        let driver = AppDriver.signedIn()
        driver.toFirstQuestion()
        driver.press(.function(5))
        #expect(driver.flat.contains("sudo apt-get install espeak-ng"))
    }

    @Test func readAloudSpeaksTheQuestionWithThePronunciationList() {
        final class Spoken: @unchecked Sendable { var text: [(String, String)] = [] }
        let spoken = Spoken()
        let speaker = Speaker(isAvailable: { true }, speak: { spoken.text.append(($0, $1)) })
        let driver = AppDriver(backend: InMemoryBackend(courses: [Samples.course]), speaker: speaker)
        driver.press(typing("demo") + [.enter])
        driver.toFirstQuestion()
        driver.press(.function(5))
        #expect(spoken.text.first?.0.contains("Ai được phép biết mã ô tê pê của bạn?") == true, "\(spoken.text)")
        #expect(spoken.text.first?.1 == "vi")
    }

    @Test func englishInterface() {
        let driver = AppDriver(backend: InMemoryBackend(courses: [Samples.course]), language: .en)
        #expect(driver.screenText.contains("Learner code:"))
        driver.press(typing("DEMO") + [.enter])
        driver.toFirstQuestion()
        #expect(driver.screenText.contains("Question 1/7"))
        #expect(driver.screenText.contains("Enter Answer"))
    }
}

/// Line mode: no terminal, one line per prompt, so the client can be scripted.
struct LineModeTests {
    @Test func aScriptedRunAnswersEveryKindAndRecordsIt() {
        let backend = InMemoryBackend(courses: [Samples.course])
        let driver = AppDriver(backend: backend, usesKeys: false)
        for line in ["demo", "1", "1", "", "", ""] { driver.line(line) }
        guard let state = driver.quizState, !state.intro else {
            Issue.record("expected a question, got \(driver.app.transcript(width: 80).joined(separator: "\n"))")
            return
        }
        var answered = 0
        while let state = driver.quizState, let question = state.question, state.outcome == nil {
            driver.line(Self.rightLine(question: question, state: state))
            #expect(driver.app.transcript(width: 80).contains("✓ Đúng rồi!"), "\(question.id)")
            driver.line("")
            answered += 1
        }
        #expect(answered == 7)
        #expect(driver.app.transcript(width: 80).contains { $0.contains("ĐẠT") })
        #expect(backend.events.filter { $0.kind == .answerSubmitted }.count == 7)
    }

    @Test func anIncompleteLineIsToldWhatItLacks() {
        let driver = AppDriver(backend: InMemoryBackend(courses: [Samples.course]), usesKeys: false)
        for line in ["demo", "1", "1", "", "", ""] { driver.line(line) }
        driver.line("")
        #expect(driver.app.transcript(width: 80).contains { $0.contains("Hãy chọn một đáp án trước") })
    }

    @Test func theRunnerPrintsScreensAndSaysGoodbyeAtTheEndOfInput() {
        let terminal = FakeTerminal(lines: ["DEMO", "1"])
        let app = LearnerApp(
            backend: InMemoryBackend(courses: [Samples.course]), language: .vi,
            environment: ClientEnvironment(now: { 0 }, speaker: .silent), usesKeys: false, colorMode: .none)
        ClientRunner(app: app, terminal: terminal).run()
        #expect(terminal.frames.count == 3)
        #expect(terminal.frames[2].contains { $0.contains("Dấu hiệu lừa đảo") })
        #expect(terminal.farewellText == "Đã lưu mọi câu trả lời. Hẹn gặp lại!")
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
            return right.compactMap { item in state.items.firstIndex { $0.id == item.id }.map { "\($0 + 1)" } }.joined(
                separator: " ")
        case .matching(let key):
            let rightItems = state.active.displayedRightItems(of: question)
            return state.active.displayedLeftItems(of: question).compactMap { left in
                key.pairs.first { $0.left.id == left.id }.flatMap { pair in
                    rightItems.firstIndex { $0.id == pair.right.id }.map { "\($0 + 1)" }
                }
            }.joined(separator: " ")
        }
    }
}

/// The runner: redraws at the new size after a resize, counts quiet seconds, leaves at the end.
struct ClientRunnerTests {
    @Test func resizeRedrawsAtTheNewSize() {
        let terminal = FakeTerminal(keys: typing("DEMO") + [.enter])
        terminal.inputs.append(.resized)
        terminal.sizesOnResize = [(120, 30)]
        let app = LearnerApp(
            backend: InMemoryBackend(courses: [Samples.course]), language: .vi,
            environment: ClientEnvironment(now: { 0 }, speaker: .silent), usesKeys: true, colorMode: .none)
        ClientRunner(app: app, terminal: terminal).run()
        #expect(terminal.frames.first?.count == 24)
        #expect(terminal.frames.last?.count == 30)
        #expect(terminal.frames.last?.first.map { TerminalWidth.of($0) } == 120)
        #expect(terminal.frames.last?.contains { $0.contains("Khoá mẫu") } == true)
    }

    @Test func quietSecondsSignAKioskLearnerOut() {
        let clock = TestClock()
        let terminal = FakeTerminal(keys: typing("DEMO") + [.enter])
        terminal.inputs += [.idle, .idle]
        let app = LearnerApp(
            backend: InMemoryBackend(courses: [Samples.course]), language: .vi,
            environment: ClientEnvironment(now: { clock.now }, speaker: .silent), usesKeys: true, colorMode: .none,
            session: SessionOptions(kiosk: true, idleLimitMs: 1000))
        terminal.onIdle = { clock.advance(seconds: 2) }
        ClientRunner(app: app, terminal: terminal).run()
        #expect(terminal.frames.last?.contains { $0.contains("Mã học viên:") } == true)
    }
}

/// Long steps are cut into pages that fit the screen; ↓ and Enter move through them.
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
        let driver = AppDriver.signedIn([Self.longCourse])
        driver.press([.enter, .enter])
        #expect(driver.screenText.contains("Bước 1/2 · trang 1/"))
        #expect(driver.screenText.contains("Đoạn 1:"))
        driver.press(.down)
        #expect(driver.screenText.contains("Bước 1/2 · trang 2/"))
        #expect(!driver.screenText.contains("Đoạn 1:"))
        driver.press(.up)
        #expect(driver.screenText.contains("Bước 1/2 · trang 1/"))
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
        let app = LearnerApp(
            backend: InMemoryBackend(courses: [Samples.course]), language: .vi,
            environment: ClientEnvironment(now: { 0 }, speaker: .silent), usesKeys: true, colorMode: .ansi,
            learnerCode: "DEMO")
        for key in [Key.enter, .enter, .enter] { app.handle(.key(key)) }
        let frame = app.frame(width: 80, height: 24)
        #expect(frame.joined().contains("\u{1B}["))
        #expect(frame.map { LearnerApp.stripANSI($0) }.allSatisfy { TerminalWidth.of($0) <= 80 })
    }
}
