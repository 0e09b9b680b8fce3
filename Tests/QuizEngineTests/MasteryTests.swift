import CourseModel
import Testing

@testable import QuizEngine

@Suite("Mastery rules frozen into results")
struct MasteryTests {
    /// Five single-choice questions answered right (`true`) or wrong, under a rule.
    @Test(arguments: [
        (rule: MasteryRule.passMark(0.8), answers: [true, true, true, true, false], passed: true),
        (rule: .passMark(0.8), answers: [true, true, true, false, false], passed: false),
        (rule: .passMark(1.0), answers: [true, true, true, true, true], passed: true),
        (rule: .recent(m: 3, n: 3), answers: [false, false, true, true, true], passed: true),
        (rule: .recent(m: 3, n: 3), answers: [true, true, true, true, false], passed: false),
        (rule: .recent(m: 4, n: 5), answers: [true, false, true, true, true], passed: true),
    ])
    func passOrFail(rule: MasteryRule, answers: [Bool], passed: Bool) throws {
        let questions = (1...5).map { n in
            Question(
                id: "q\(n)", prompt: [],
                answer: .singleChoice([Fixtures.option("ok", true), Fixtures.option("no", false)]))
        }
        var session = QuizSession(quiz: Fixtures.quiz(questions, mastery: rule), learnerKey: "K", attempt: 1)
        for right in answers {
            _ = try session.submit(.choice(right ? "ok" : "no"), elapsedMs: 0)
            try session.proceed()
        }
        let result = try #require(session.result)
        #expect(result.passed == passed)
        #expect(result.mastery == rule)
    }

    @Test func ruleIsFrozenAtTheTimeOfTheAttempt() throws {
        var quiz = Fixtures.quiz([Fixtures.single], mastery: .passMark(0.5))
        var session = QuizSession(quiz: quiz, learnerKey: "K", attempt: 1)
        _ = try session.submit(.choice("b"), elapsedMs: 0)
        try session.proceed()
        let result = try #require(session.result)
        quiz.mastery = .passMark(1.0)  // the author raises the bar in a later version
        #expect(result.mastery == .passMark(0.5))
    }
}
