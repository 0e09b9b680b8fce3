import CourseModel
import LearnerEvents
import Localization
import Testing

@testable import LearnerClient

/// One navigation model: Back everywhere and never out of the program, lessons re-read at will,
/// a quiz left only after asking, the cursor where the learner left it.
struct NavigationTests {
    @Test(arguments: [Key.escape, .backspace, .left])
    func backOnTheCourseListAsksBeforeSigningOutAndNeverLeaves(key: Key) {
        let driver = AppDriver.signedIn()
        driver.press(key)
        #expect(!driver.app.isFinished)
        #expect(driver.screenText.contains("Bạn muốn đăng xuất?"))
        driver.press(.escape)
        guard case .courses = driver.app.screen else {
            Issue.record("Esc on the question stays: \(driver.screenText)")
            return
        }
        driver.press([key, .character("2")])
        #expect(driver.screenText.contains("Mã học viên:"))
    }

    @Test func aPassedLessonOpensAtItsFirstStepToBeReadAgain() {
        let driver = AppDriver.signedIn()
        driver.toFirstQuestion()
        for _ in 0..<7 { driver.press(driver.rightKeys() + [.enter]) }
        #expect(driver.flatBody.contains("ĐẠT"))
        driver.press(.escape)
        guard case .lessons = driver.app.screen else {
            Issue.record("expected the lessons, got \(driver.screenText)")
            return
        }
        driver.press([.up, .enter])
        #expect(driver.screenText.contains("Bước 1/2"), "\(driver.screenText)")
    }

    @Test func rereadingIsOfferedOnTheResultAndTheQuizIntroduction() {
        let driver = AppDriver.signedIn()
        driver.toFirstQuestion()
        for _ in 0..<7 { driver.press(driver.wrongKeys() + [.enter]) }
        #expect(driver.flatBody.contains("Đọc lại bài học"))
        let choice = driver.bodyText.split(separator: "\n").first { $0.contains("Đọc lại bài học") }
        let digit = choice?.first { $0.isNumber }.map { Key.character($0) } ?? .enter
        driver.press(digit)
        #expect(driver.screenText.contains("Bước 1/2"))
        driver.press([.enter, .enter])
        #expect(driver.screenText.contains("Bài kiểm tra có 7 câu"))
        driver.press(.left)
        #expect(driver.screenText.contains("Bước 2/2"))
    }

    @Test func leavingAQuizAsksAndReturnsToTheLessonListWithAnswersSaved() {
        let driver = AppDriver.signedIn()
        driver.toFirstQuestion()
        driver.press(driver.rightKeys() + [.enter])
        driver.press(.escape)
        #expect(driver.screenText.contains("Bạn muốn dừng bài kiểm tra?"))
        #expect(driver.flat.contains("Câu trả lời đã được lưu. Lần sau bạn làm tiếp từ câu 2."))
        driver.press(.escape)
        #expect(driver.screenText.contains("Câu 2/7"), "Esc on the question carries on")
        driver.press([.escape, .character("2")])
        guard case .lessons(let state) = driver.app.screen else {
            Issue.record("expected the lessons, got \(driver.screenText)")
            return
        }
        #expect(state.cursor == 0)
        #expect(!driver.app.isFinished)
        driver.press(.enter)
        #expect(driver.screenText.contains("Câu 2/7"), "the lesson carries on where it stopped")
    }

    @Test func theCursorStaysWhereTheLearnerWas() {
        let driver = AppDriver.signedIn([Samples.course, Samples.english])
        driver.press([.down, .enter])
        #expect(driver.screenText.contains("Strong passwords"))
        driver.press(.escape)
        guard case .courses(let state) = driver.app.screen else {
            Issue.record("expected the courses")
            return
        }
        #expect(state.cursor == 1)
    }

    @Test func signingInAgainAfterARetakeNeverLandsInsideAQuiz() {
        let backend = InMemoryBackend(courses: [Samples.course])
        let first = AppDriver(backend: backend)
        first.press(typing("demo") + [.enter])
        first.toFirstQuestion()
        for _ in 0..<7 { first.press(first.wrongKeys() + [.enter]) }
        let retake = first.bodyText.split(separator: "\n").first { $0.contains("Làm lại bài kiểm tra") }
        first.press(retake?.first { $0.isNumber }.map { Key.character($0) } ?? .enter)
        #expect(first.screenText.contains("Bài kiểm tra có 7 câu"), "a retake opens on the introduction")
        first.press(.function(9))
        let second = AppDriver(backend: backend)
        second.press(typing("demo") + [.enter])
        #expect(second.quizState == nil, "signed in straight into a quiz: \(second.screenText)")
        #expect(second.screenText.contains("Khoá mẫu"))
    }

    @Test func aLearnerWhoStoppedMidQuizIsToldHowToCarryOn() {
        let backend = InMemoryBackend(courses: [Samples.course])
        let first = AppDriver(backend: backend)
        first.press(typing("demo") + [.enter])
        first.toFirstQuestion()
        for _ in 0..<2 { first.press(first.rightKeys() + [.enter]) }
        let shown = first.quizState.flatMap { state in
            state.question.map { state.active.displayedOptions(of: $0).map(\.id) }
        }
        first.press(.interrupt)
        #expect(first.app.isFinished)

        let second = AppDriver(backend: backend)
        second.press(typing("demo") + [.enter])
        #expect(second.flat.contains("làm tiếp từ câu 3"), "\(second.screenText)")
        second.press(.enter)
        #expect(second.screenText.contains("Câu 3/7"))
        let again = second.quizState.flatMap { state in
            state.question.map { state.active.displayedOptions(of: $0).map(\.id) }
        }
        #expect(again == shown, "the same question in the same order")
    }

    @Test func aSequentialCourseLocksLaterLessonsAndSaysWhy() {
        let driver = AppDriver.signedIn()
        driver.press(.enter)
        #expect(driver.screenText.contains("⊘ 2. Kiểm tra cuối khoá"), "\(driver.screenText)")
        #expect(driver.flat.contains("đang khoá: học xong bài 1 trước"))
        driver.press([.down, .enter])
        #expect(driver.flatBody.contains("Bài 2 đang khoá"), "\(driver.bodyText)")
        guard case .lessons = driver.app.screen else {
            Issue.record("a locked lesson must not open")
            return
        }
        driver.press([.up, .enter])
        driver.toFirstQuestion()
        for _ in 0..<7 { driver.press(driver.rightKeys() + [.enter]) }
        driver.press(.escape)
        #expect(driver.screenText.contains("○ 2. Kiểm tra cuối khoá"), "\(driver.screenText)")
    }

    @Test func theSelfCheckIsOfferedAtFirstSignInAndRecommendsWhereToStart() {
        let backend = InMemoryBackend(courses: [Samples.course, Samples.english, Samples.selfCheck])
        let driver = AppDriver(backend: backend)
        driver.press(typing("demo") + [.enter])
        #expect(driver.flatBody.contains("Làm bài tự kiểm tra"), "\(driver.screenText)")
        driver.press(.character("1"))
        #expect(driver.flat.contains("Bài tự kiểm tra có 2 câu"))
        driver.press(.enter)
        driver.press(driver.rightKeys() + [.enter])  // passwords known
        driver.press(driver.wrongKeys() + [.enter])  // OTP not known
        #expect(driver.flatBody.contains("Nên bắt đầu với khoá học “Khoá mẫu”."), "\(driver.bodyText)")
        driver.press(.character("2"))
        #expect(driver.flatBody.contains("★ nên bắt đầu ở đây"))
        #expect(driver.flatBody.contains("Tự kiểm tra: nên bắt đầu từ đâu? — đã làm"))
        // Offered once: the next sign-in goes to the courses.
        driver.press(.function(9))
        driver.press(typing("demo") + [.enter])
        #expect(!driver.flatBody.contains("Làm bài tự kiểm tra"))
    }

    @Test func theSelfCheckCanBeSkipped() {
        let driver = AppDriver.signedIn([Samples.course, Samples.selfCheck])
        driver.press(.character("2"))
        guard case .courses(let state) = driver.app.screen else {
            Issue.record("expected the courses")
            return
        }
        #expect(state.courses.last?.isSelfCheck == true, "the self-check is listed last")
    }

    @Test func aCourseInAnotherLanguageIsMarked() {
        let driver = AppDriver.signedIn([Samples.course, Samples.english])
        #expect(driver.screenText.contains("Safe passwords (tiếng Anh)"))
        let english = AppDriver.signedIn([Samples.course, Samples.english], language: .en)
        #expect(english.flat.contains("Sample course (in Vietnamese)"))
        #expect(!english.screenText.contains("Safe passwords ("))
    }
}
