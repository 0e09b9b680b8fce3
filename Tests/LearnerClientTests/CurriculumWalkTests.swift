import CourseCompiler
import CourseModel
import Foundation
import QuizEngine
import Testing

@testable import LearnerClient

/// The client runs every lesson of the real curriculum end to end: every step read, every question
/// answered wrong in a first attempt and right in a retake, through the same keys a learner presses.
@Suite("Every lesson of Courses/ in the client")
struct CurriculumWalkTests {
    static let courses: [Course] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Courses")
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return folders.sorted().compactMap {
            CourseCompiler().compile(courseAt: root.appendingPathComponent($0)).course
        }
    }()

    @Test func theCurriculumIsThere() {
        #expect(Self.courses.count >= 9)
    }

    @Test(arguments: CurriculumWalkTests.courses.map(\.id))
    func everyLessonWrongThenRight(courseID: String) throws {
        let course = try #require(Self.courses.first { $0.id == courseID })
        let backend = InMemoryBackend(courses: [course])
        let driver = AppDriver(backend: backend)
        driver.press(typing("demo") + [.enter])
        driver.app.openCourse(id: course.id)
        // Sequential courses open lesson by lesson; the walk opens each itself, in order.

        for lesson in course.lessons {
            driver.app.openLesson(lesson)
            let stepsBefore = backend.events.filter { $0.kind == .stepRead }.count
            advanceToFirstQuestion(driver)
            let stepsRead = backend.events.filter { $0.kind == .stepRead }.count - stepsBefore
            #expect(
                stepsRead == lesson.steps.count,
                "\(course.id)/\(lesson.id): read \(stepsRead) of \(lesson.steps.count) steps")
            guard let quiz = lesson.quiz else { continue }

            let first = try answerAll(driver, right: false, lesson: "\(course.id)/\(lesson.id)")
            #expect(!first.passed && first.score == 0, "\(course.id)/\(lesson.id): wrong answers scored \(first.score)")
            #expect(first.wrongQuestionIds.count == quiz.questions.count)

            let retake = driver.bodyText.split(separator: "\n").first { $0.contains("Làm lại bài kiểm tra") }
            let found = retake?.first { $0.isNumber }
            let digit = try #require(found, "\(course.id)/\(lesson.id): no retake")
            driver.press(.character(digit))
            driver.press(.enter)  // past the introduction
            let completedBefore = backend.events.contains { $0.kind == .courseCompleted }
            let second = try answerAll(driver, right: true, lesson: "\(course.id)/\(lesson.id)")
            #expect(
                second.passed && second.wrongQuestionIds.isEmpty,
                "\(course.id)/\(lesson.id): wrong \(second.wrongQuestionIds)")
            // The quiz that completes the course says a certificate was earned, and where to get it.
            let completedNow = !completedBefore && backend.events.contains { $0.kind == .courseCompleted }
            #expect(
                driver.screenText.contains("Chúc mừng!") == (completedNow && !course.isSelfCheck),
                "\(course.id)/\(lesson.id): certificate notice")
            driver.press(.escape)  // back to the lesson list
        }
        #expect(backend.events.contains { $0.kind == .courseCompleted })
        // Every question answered twice (wrong, then right), every step read once.
        let answers = backend.events.filter { $0.kind == .answerSubmitted }.count
        #expect(answers == 2 * course.allQuestions.count)
        #expect(
            backend.events.filter { $0.kind == .stepRead }.count == course.lessons.reduce(0) { $0 + $1.steps.count })
    }

    /// Presses Enter through the reading steps and the quiz introduction.
    func advanceToFirstQuestion(_ driver: AppDriver) {
        for _ in 0..<400 {
            if let state = driver.quizState, state.question != nil, !state.intro, state.outcome == nil { return }
            driver.press(.enter)
        }
    }

    /// Answers every question of the attempt on screen, returning the result screen's result.
    func answerAll(_ driver: AppDriver, right: Bool, lesson: String) throws -> QuizResult {
        for _ in 0..<100 {
            if case .result(let state) = driver.app.screen { return state.result }
            guard let state = driver.quizState, let question = state.question, !state.intro, state.outcome == nil else {
                driver.press(.enter)
                continue
            }
            driver.press(keys(for: question, state: state, driver: driver, right: right))
            let correct = driver.quizState?.outcome.map(\.grade.isCorrect)
            #expect(
                correct == right,
                "\(lesson)/\(question.id) answered \(right ? "right" : "wrong"), graded \(String(describing: correct))")
            driver.press(.enter)
        }
        throw CancellationError()
    }

    /// The keys a learner presses; typed answers go in as the accepted text, letter by letter,
    /// through the course's default input method (Telex for Vietnamese): whatever Telex makes of
    /// an English word, the answer is matched against the keys too.
    func keys(for question: Question, state: QuizScreenState, driver: AppDriver, right: Bool) -> [Key] {
        let methodOff: [Key] = []
        switch question.answer {
        case .shortAnswer(let key):
            guard right else { return methodOff + typing("zzqx") + [.enter] }
            let text: String
            switch key.accepted.first {
            case .text(let t): text = t
            default: text = ""
            }
            return methodOff + typing(text) + [.enter]
        case .numeric(let key):
            guard right, let range = key.accepted.first else { return methodOff + typing("-987654321") + [.enter] }
            return methodOff + typing(Numbers.vietnamese((range.lower + range.upper) / 2)) + [.enter]
        default:
            return right ? driver.rightKeys() : driver.wrongKeys()
        }
    }
}
