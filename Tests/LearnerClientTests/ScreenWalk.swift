import CourseModel
import Localization
import QuizEngine

@testable import LearnerClient

/// A walk through every screen and every question kind, calling `visit` with a name at each:
/// signing in (a name typed as a code, a PIN, the PIN wait), the self-check offer, the lists, a
/// locked lesson, reading, the quiz introduction, each kind before and after answering, an
/// incomplete answer, the leave dialog, the result, the sign-out dialog, signed out.
enum ScreenWalk {
    static func run(language: Language, visit: (String, LearnerApp) -> Void) {
        let backend = InMemoryBackend(courses: [Samples.course, Samples.english, Samples.selfCheck])
        backend.addLearner(code: "LAN24", name: "Nguyễn Thị Lan", pin: "1234")
        let clock = TestClock()
        let driver = AppDriver(backend: backend, language: language, clock: clock)
        func at(_ name: String, _ keys: [Key] = []) {
            driver.press(keys)
            visit(name, driver.app)
        }
        at("01-sign-in")
        at("02-sign-in-name-typed-as-code", typing("Nguyễn Văn Bình") + [.enter])
        at("03-sign-in-pin", [.escape] + typing("lan24") + [.enter] + typing("12"))
        at("04-sign-in-pin-wait", [.backspace, .backspace] + Array((typing("9999") + [.enter]).repeated(5)))
        clock.advance(seconds: 31)
        at("05-self-check-offer", typing("1234") + [.enter])
        at("06-course-list", [.character("2")])
        at("07-lesson-list", [.enter])
        at("08-lesson-locked", [.down, .enter])
        at("09-reading-step-1", [.up, .enter])
        at("10-reading-step-2", [.enter])
        at("11-quiz-intro", [.enter])
        driver.press(.enter)
        let kinds = [
            "single-choice", "true-false", "multiple-answer", "short-answer", "numeric", "ordering", "matching",
        ]
        for (index, kind) in kinds.enumerated() {
            let number = String(format: "%02d", 12 + index * 2)
            let after = String(format: "%02d", 13 + index * 2)
            switch index {
            case 0:
                at("\(number)-question-\(kind)")
                at("\(number)b-question-\(kind)-chosen", Array(driver.wrongKeys().dropLast()))
                at("\(after)-feedback-\(kind)-wrong", [.enter])
            case 2, 4:
                at("\(number)-question-\(kind)")
                at("\(after)-feedback-\(kind)-wrong", driver.wrongKeys())
            case 6:
                at("\(number)-question-\(kind)")
                at("\(number)b-question-\(kind)-incomplete", [driver.digit(1), .end, .enter])
                driver.press(.home)
                at("\(after)-feedback-\(kind)-wrong", driver.wrongKeys())
            case 3:
                at("\(number)-question-\(kind)", typing("Vieetj Na"))
                at("\(after)-feedback-\(kind)-right", [.character("m"), .enter])
            default:
                at("\(number)-question-\(kind)")
                at("\(after)-feedback-\(kind)-right", driver.rightKeys())
            }
            if index == 0 {
                at("13b-dialog-leave-quiz", [.escape])
                driver.press(.escape)
            }
            driver.press(.enter)
        }
        at("26-result")
        at("27-lesson-list-after", [.escape])
        at("28-dialog-sign-out", [.escape, .escape])
        at("29-signed-out", [.character("2")])
    }
}

extension Array {
    /// The elements `count` times over.
    func repeated(_ count: Int) -> [Element] { (0..<count).flatMap { _ in self } }
}
