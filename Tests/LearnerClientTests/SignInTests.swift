import CourseModel
import Localization
import ProgressStore
import Testing

@testable import LearnerClient

/// Signing in and out on a shared computer: codes, names typed as codes, PINs and their limit,
/// kiosk sessions, idle sign-out, the operator's key.
struct SignInTests {
    func driver(session: SessionOptions = .personal) -> AppDriver {
        let backend = InMemoryBackend(courses: [Samples.course])
        backend.addLearner(code: "LAN24", name: "Chị Lan", pin: "1234")
        return AppDriver(backend: backend, session: session)
    }

    static let kiosk = SessionOptions(kiosk: true, idleLimitMs: 10 * 60_000)

    @Test func demoSignsInWithoutPIN() {
        let driver = AppDriver.signedIn()
        guard case .courses = driver.app.screen else {
            Issue.record("expected the course list, got \(driver.screenText)")
            return
        }
        #expect(driver.screenText.contains("Khoá mẫu"))
        #expect(driver.screenText.contains("Xin chào, Người học thử!") || driver.screenText.contains("Xin chào"))
    }

    @Test func unknownCodeIsRefusedAndKeptForCorrection() {
        let driver = driver()
        driver.press(typing("lan42") + [.enter])
        #expect(driver.screenText.contains("Không tìm thấy mã “LAN42”"))
        #expect(driver.screenText.contains("Mã học viên: LAN42▏"), "the code stays, to be corrected")
        driver.press([.backspace, .backspace] + typing("24") + [.enter])
        #expect(driver.screenText.contains("Mã PIN:"))
    }

    @Test func aNameTypedAsACodeGetsAHintNotAMangledCode() {
        let driver = driver()
        driver.press(typing("Nguyễn Văn Bình") + [.enter])
        #expect(!driver.screenText.contains("NGUYNVNB"))
        #expect(driver.flatBody.contains("giống một cái tên"), "\(driver.screenText)")
        #expect(driver.flatBody.contains("Nguyễn Văn Bình"))
    }

    @Test func escapeAtThePINPromptGoesBackToTheCodeNotOutOfTheProgram() {
        let driver = driver(session: Self.kiosk)
        driver.press(typing("lan42") + [.enter])
        driver.press([.backspace, .backspace] + typing("24") + [.enter])
        #expect(driver.screenText.contains("Mã PIN:"))
        driver.press(.escape)
        #expect(!driver.app.isFinished)
        #expect(driver.screenText.contains("Mã học viên: LAN24▏"))
        #expect(!driver.screenText.contains("Mã PIN:"))
    }

    @Test func fiveWrongPINsMakeTheLearnerWaitLongerEachTimeAndAskTheStaff() {
        let driver = driver()
        driver.press(typing("lan24") + [.enter])
        for attempt in 1...4 {
            driver.press(typing("9999") + [.enter])
            #expect(driver.flatBody.contains("Mã PIN chưa đúng"), "attempt \(attempt)")
        }
        driver.press(typing("9999") + [.enter])
        #expect(driver.flatBody.contains("sai mã PIN 5 lần"), "\(driver.bodyText)")
        #expect(driver.flatBody.contains("30 giây"))
        #expect(driver.flatBody.contains("nhân viên trung tâm"))
        // While the wait runs even the right PIN is not checked.
        driver.press(typing("1234") + [.enter])
        guard case .signIn = driver.app.screen else {
            Issue.record("signed in during the wait")
            return
        }
        driver.clock.advance(seconds: 31)
        driver.press(typing("0000") + [.enter])
        #expect(driver.flatBody.contains("1 phút"), "the sixth wrong PIN doubles the wait: \(driver.bodyText)")
        driver.clock.advance(seconds: 61)
        driver.press(typing("1234") + [.enter])
        #expect(driver.screenText.contains("Xin chào, Chị Lan!"))
    }

    @Test func theStaffResetEndsTheWait() {
        let driver = driver()
        driver.press(typing("lan24") + [.enter])
        for _ in 1...5 { driver.press(typing("9999") + [.enter]) }
        driver.backend.resetPIN(code: "LAN24")
        driver.clock.advance(seconds: 31)
        driver.press(typing("1234") + [.enter])
        #expect(driver.screenText.contains("Xin chào, Chị Lan!"))
    }

    @Test func signingOutWithF9ReturnsToTheSignInScreen() {
        let driver = AppDriver.signedIn(session: Self.kiosk)
        driver.toFirstQuestion()
        driver.press(.function(9))
        #expect(!driver.app.isFinished)
        #expect(driver.flat.contains("Đã đăng xuất. Mọi câu trả lời đã được lưu."))
        #expect(driver.screenText.contains("Mã học viên:"))
    }

    @Test func aKioskSignsAnIdleLearnerOutAndKeepsEverything() {
        let clock = TestClock()
        let driver = AppDriver(backend: InMemoryBackend(courses: [Samples.course]), session: Self.kiosk, clock: clock)
        driver.press(typing("demo") + [.enter])
        driver.toFirstQuestion()
        driver.press(driver.rightKeys())
        clock.advance(seconds: 9 * 60)
        #expect(!driver.app.tick(), "not yet")
        clock.advance(seconds: 61)
        #expect(driver.app.tick())
        #expect(driver.flat.contains("không được dùng trong 10 phút"))
        #expect(driver.backend.events.filter { $0.kind == .answerSubmitted }.count == 1)
    }

    @Test(arguments: [Key.interrupt, .escape, .character("q")])
    func aKioskCannotBeLeftByALearner(key: Key) {
        let driver = AppDriver(backend: InMemoryBackend(courses: [Samples.course]), session: Self.kiosk)
        driver.press(key)
        driver.line("q")
        #expect(!driver.app.isFinished)
    }

    @Test func theOperatorKeyAndCodeLeaveAKiosk() {
        let backend = InMemoryBackend(courses: [Samples.course])
        backend.operatorCode = "2468"
        let driver = AppDriver(backend: backend, session: Self.kiosk)
        driver.press(.operatorExit)
        #expect(driver.screenText.contains("Mã nhân viên:"))
        driver.press(typing("1111") + [.enter])
        #expect(!driver.app.isFinished)
        #expect(driver.screenText.contains("Mã nhân viên chưa đúng."))
        driver.press(typing("2468") + [.enter])
        #expect(driver.app.isFinished)
    }

    @Test func aPersonalClientLeavesFromTheSignInScreen() {
        let driver = AppDriver(backend: InMemoryBackend(courses: [Samples.course]))
        #expect(driver.screenText.contains("Esc Thoát"))
        driver.press(.escape)
        #expect(driver.app.isFinished)
    }

    @Test func aLearnerNameWithEscapesNeverReachesTheTerminal() {
        let backend = InMemoryBackend(courses: [Samples.course])
        backend.addLearner(code: "EVIL1", name: "Evil\u{1B}]0;pwned\u{07}\u{1B}[2J", pin: nil)
        let driver = AppDriver(backend: backend)
        driver.press(typing("evil1") + [.enter])
        #expect(!driver.screenText.contains("\u{1B}"))
        #expect(!driver.screenText.contains("\u{07}"))
        #expect(driver.screenText.contains("Evil"))
    }
}
