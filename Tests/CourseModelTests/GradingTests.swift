import Foundation
import Testing

@testable import CourseModel

@Suite("Grading every question kind")
struct GradingTests {
    func option(_ id: String, _ ok: Bool, feedback: String? = nil) -> ChoiceOption {
        ChoiceOption(
            id: id, content: [.text(id)], isCorrect: ok, feedback: feedback.map { [.paragraph([.text($0)])] } ?? [])
    }

    @Test func singleChoice() {
        let q = Question(
            id: "q", prompt: [.text("?")],
            answer: .singleChoice([option("a", false, feedback: "no"), option("b", true)]))
        #expect(q.grade(.choice("b")).isCorrect)
        let wrong = q.grade(.choice("a"))
        #expect(!wrong.isCorrect && wrong.score == 0 && wrong.feedback.plainText == "no")
        #expect(q.grade(.choice("zzz")).score == 0)
        #expect(q.grade(.text("b")).score == 0)  // wrong shape
    }

    @Test func multipleAnswerScoring() {
        let options = [option("a", true), option("b", true), option("c", false), option("d", true)]
        let all = Question(id: "q", prompt: [], points: 3, answer: .multipleAnswer(options, scoring: .allOrNothing))
        #expect(all.grade(.choices(["d", "a", "b"])).score == 3)
        #expect(all.grade(.choices(["a", "b"])).score == 0)
        let partial = Question(id: "q", prompt: [], points: 3, answer: .multipleAnswer(options, scoring: .partial))
        #expect(partial.grade(.choices(["a", "b"])).score == 2)
        #expect(partial.grade(.choices(["a", "c"])).score == 0)
        #expect(partial.grade(.choices(["c"])).score == 0)  // never below zero
    }

    @Test func shortAnswerWithAnticipatedWrongAnswer() {
        let key = ShortAnswerKey(
            accepted: [.text("113"), .text("một một ba")],
            anticipated: [AnticipatedAnswer(pattern: .text("115"), feedback: [.paragraph([.text("115 là cấp cứu")])])])
        let q = Question(id: "q", prompt: [], answer: .shortAnswer(key))
        #expect(q.grade(.text(" 113 ")).isCorrect)
        #expect(q.grade(.text("Một một ba")).isCorrect)
        let g = q.grade(.text("115"))
        #expect(!g.isCorrect && g.matchedAnticipatedWrongAnswer && g.feedback.plainText == "115 là cấp cứu")
    }

    @Test func numericToleranceAndDecimalComma() throws {
        guard case .range(let r) = Numbers.parseKey("2,5 ± 0,05") else { throw CancellationError() }
        let q = Question(id: "q", prompt: [], answer: .numeric(NumericKey(accepted: [r])))
        #expect(q.grade(.text("2,5")).isCorrect)
        #expect(q.grade(.text("2.54")).isCorrect)
        #expect(!q.grade(.text("2,6")).isCorrect)
        #expect(!q.grade(.text("hai rưỡi")).isCorrect)
    }

    @Test func orderingAndMatching() {
        let items = ["a", "b", "c"].map { AnswerItem(id: $0, content: [.text($0)]) }
        let ordering = Question(id: "o", prompt: [], answer: .ordering(items))
        #expect(ordering.grade(.order(["a", "b", "c"])).isCorrect)
        #expect(!ordering.grade(.order(["b", "a", "c"])).isCorrect)

        let pairs = [("x", "1"), ("y", "2")].map {
            MatchPair(left: AnswerItem(id: $0.0, content: []), right: AnswerItem(id: $0.1, content: []))
        }
        let key = MatchingKey(pairs: pairs, distractors: [AnswerItem(id: "3", content: [])], scoring: .partial)
        let matching = Question(id: "m", prompt: [], points: 2, answer: .matching(key))
        #expect(matching.grade(.pairs(["x": "1", "y": "2"])).isCorrect)
        #expect(matching.grade(.pairs(["x": "1", "y": "3"])).score == 1)
    }

    @Test func masteryRules() {
        #expect(MasteryRule.passMark(0.8).isPassed(scoreShare: 0.8, answersCorrect: []))
        #expect(!MasteryRule.passMark(0.8).isPassed(scoreShare: 0.79, answersCorrect: []))
        #expect(
            MasteryRule.recent(m: 4, n: 5).isPassed(
                scoreShare: 0, answersCorrect: [false, true, true, true, false, true]))
        #expect(
            !MasteryRule.recent(m: 4, n: 5).isPassed(scoreShare: 1, answersCorrect: [true, false, true, false, true]))
    }

    @Test func responsesRoundTripAsCompactJSON() throws {
        let responses: [Response] = [
            .choice("a"), .choices(["b", "a"]), .text("tôi đi"), .order(["x", "y"]), .pairs(["l": "r"]),
        ]
        for r in responses {
            let data = try JSONEncoder().encode(r)
            var back = try JSONDecoder().decode(Response.self, from: data)
            if case .choices(let ids) = back { back = .choices(ids) }
            if case .choices(let ids) = r { #expect(back == .choices(ids.sorted())) } else { #expect(back == r) }
        }
        #expect(String(data: try JSONEncoder().encode(Response.choice("a")), encoding: .utf8) == #"{"choice":"a"}"#)
    }
}

@Suite("Compact course JSON")
struct CompactCodingTests {
    @Test func defaultsAreLeftOutAndRestored() throws {
        let plain = Question(
            id: "q", prompt: [.text("?")],
            answer: .singleChoice([
                ChoiceOption(id: "a", content: [.text("a")], isCorrect: true),
                ChoiceOption(id: "b", content: [.text("b")], isCorrect: false),
            ]))
        let rich = Question(
            id: "r", prompt: [.text("?")], body: [.paragraph([.text("x")])], points: 3, shuffle: false,
            answer: .shortAnswer(
                ShortAnswerKey(
                    accepted: [.text("113")],
                    anticipated: [AnticipatedAnswer(pattern: .text("115"), feedback: [.rule])], rule: .ignoreDiacritics)
            ),
            hints: [[.rule]], explanation: [.rule])
        let lesson = Lesson(
            id: "l", title: "T", steps: [], quiz: Quiz(title: "Q", questions: [plain, rich], mastery: .passMark(0.8)))
        let data = try JSONEncoder().encode(lesson)
        let json = String(decoding: data, as: UTF8.self)
        #expect(!json.contains("\"fb\"") && !json.contains("isFinal") && !json.contains("\"hints\":[]"))
        #expect(try JSONDecoder().decode(Lesson.self, from: data) == lesson)
    }
}
