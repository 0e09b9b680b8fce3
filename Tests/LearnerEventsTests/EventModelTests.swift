import CourseModel
import Foundation
import LearnerEvents
import Testing

@Suite struct EventModelTests {
    static let answer = RecordedAnswer(
        questionId: "q\"1", response: .choice("dung"), correct: false, score: 2.0 / 3, maxScore: 2, hintsUsed: 1,
        elapsedMs: 4200)

    @Test(arguments: [
        Response.choice("dung"), .choices(["c", "a", "b"]), .text("tôi đi \"nhanh\"\n\\ \u{1}"),
        .text("hoà".decomposedStringWithCanonicalMapping), .order(["x", "y"]), .pairs(["l2": "r2", "l1": "r1"]),
    ])
    func anAnswerRoundTripsThroughItsPayload(response: Response) throws {
        var answer = Self.answer
        answer.response = response
        let occurrence = Occurrence.answerSubmitted(
            learner: "LAN24", course: "c", version: 1, lesson: "l", attempt: 1, answer: answer, practice: true, at: 5)
        var expected = answer
        if case .choices(let ids) = response { expected.response = .choices(ids.sorted()) }
        if case .text(let t) = response { expected.response = .text(t.precomposedStringWithCanonicalMapping) }
        #expect(occurrence.answer == expected)
        #expect(occurrence.isPractice)
        #expect(occurrence.itemId == "q\"1")
    }

    @Test func payloadFormIsPinned() {
        // Hubs store and hash these bytes: a change of form must be deliberate.
        let occurrence = Occurrence.answerSubmitted(
            learner: "LAN24", course: "c", version: 1, lesson: "l", attempt: 1, answer: Self.answer, at: 5)
        #expect(
            occurrence.payload.json == """
                {"correct":false,"elapsedMs":4200,"hintsUsed":1,"maxScore":2,"questionId":"q\\"1",\
                "response":{"choice":"dung"},"score":0.6666666666666666}
                """)
        let finished = Occurrence.quizFinished(
            learner: "LAN24", course: "c", version: 1, lesson: "l", attempt: 2,
            outcome: QuizOutcome(
                score: 3, maxScore: 4, passed: false, mastery: MasteryRecord(.recent(m: 4, n: 5)), wrong: ["q1"],
                isFinal: true),
            at: 6)
        #expect(
            finished.payload.json
                == #"{"final":true,"mastery":{"m":4,"n":5,"rule":"recent"},"maxScore":4,"passed":false,"score":3,"wrong":["q1"]}"#
        )
        #expect(EventPayload.empty.json == "{}")
    }

    @Test func aPayloadReadsTheSameFromItsValueAsFromItsText() {
        // A payload made here keeps the value it was encoded from, and the centre checks and
        // applies a fresh answer from that value; a hub parses the text. Both must agree.
        func parsed(_ o: Occurrence) -> Occurrence {
            var copy = o
            copy.payload = EventPayload(json: o.payload.json)
            return copy
        }
        func verdict(_ o: Occurrence) -> String {
            do throws(EventError) {
                try o.validate()
                return "valid"
            } catch {
                return "\(error.field ?? "-"): \(error.phrase)"
            }
        }
        let responses: [Response] = [
            .choices(["c", "a", "b"]), .text("hoà lẫn".decomposedStringWithCanonicalMapping),
            .pairs(["b": "1", "a": "2"]),
            .order(["y", "x"]), .choice("dung"),
        ]
        var made: [Occurrence] = []
        for (i, response) in responses.enumerated() {
            var answer = Self.answer
            answer.response = response
            made.append(
                .answerSubmitted(
                    learner: "LAN24", course: "c", version: 1, lesson: "l", attempt: 1, answer: answer,
                    practice: i % 2 == 0, at: 5))
        }
        for score in [Double.nan, 3, -1] {  // refused either way: not a number, above the maximum, negative
            var answer = Self.answer
            answer.score = score
            made.append(
                .answerSubmitted(
                    learner: "LAN24", course: "c", version: 1, lesson: "l", attempt: 1, answer: answer, at: 5))
        }
        made.append(
            .quizFinished(
                learner: "LAN24", course: "c", version: 1, lesson: "l", attempt: 2,
                outcome: QuizOutcome(
                    score: 1.0 / 3, maxScore: 4, passed: false, mastery: MasteryRecord(.recent(m: 4, n: 5)),
                    wrong: ["q1"], isPractice: true),
                at: 6))
        made.append(.learnerRegistered(learner: "LAN24", facts: LearnerFacts(birthYear: 1960, gender: "nu"), at: 7))
        made.append(
            .groupCreated(GroupFacts(group: "phu-nu-3", name: "Hội Phụ nữ thôn 3", facilitator: "Chị Lan"), at: 8))
        made.append(.groupAssignmentAdded(group: "phu-nu-3", course: "c", lesson: nil, due: "2026-12-15", at: 9))
        for o in made {
            let p = parsed(o)
            #expect(o.answer == p.answer)
            if case .text(let a) = o.answer?.response, case .text(let b) = p.answer?.response {
                #expect(Array(a.utf8) == Array(b.utf8))  // String's == ignores normalisation; the bytes must match
            }
            #expect(o.isPractice == p.isPractice)
            #expect(o.quizOutcome == p.quizOutcome)
            #expect(o.learnerFacts == p.learnerFacts)
            #expect(o.groupFacts == p.groupFacts)
            #expect(o.groupReference == p.groupReference)
            #expect(verdict(o) == verdict(p), "\(o.payload.json)")
        }
        #expect(made.filter { verdict($0) != "valid" }.count == 3)
    }

    @Test func anAnswerStoredBeforeQuestionIdsTravelledIsReadWithItsItem() {
        let old = Occurrence(
            kind: .answerSubmitted, learner: "LAN24", occurredAt: 1, courseId: "c", lessonId: "l", itemId: "q7",
            attempt: 1,
            payload: EventPayload(
                json: #"{"correct":true,"elapsedMs":10,"hintsUsed":0,"maxScore":1,"response":{"choice":"a"},"score":1}"#
            ))
        #expect(old.answer?.questionId == "q7")
        #expect(old.answer?.correct == true)
    }

    @Test func theWireFormRoundTripsEveryKindIncludingOnesThisBuildDoesNotKnow() throws {
        let kinds = EventKind.known + [.unknown("certificate.revoked.v9")]
        for (index, kind) in kinds.enumerated() {
            let event = Event(
                nodeId: "n-aaaaaaaaaaaaaaaa", seq: Int64(index + 1), recordedAt: 99,
                occurrence: Occurrence(
                    kind: kind, learner: "LAN24", occurredAt: 42, courseId: "c", courseVersion: 3, lessonId: "l",
                    itemId: "i", attempt: 2, payload: EventPayload(json: #"{"x":[1,"đ"]}"#)))
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let back = try JSONDecoder().decode(Event.self, from: try encoder.encode(event))
            #expect(back == event)
            #expect(back.kind.rawValue == kind.rawValue)
        }
        #expect(EventKind(rawValue: "certificate.revoked.v9") == .unknown("certificate.revoked.v9"))
        #expect(!EventKind.unknown("x.y").isKnown)
    }

    @Test(
        arguments: [
            (
                Occurrence(
                    kind: .answerSubmitted, learner: "LAN24", occurredAt: 1, courseId: "c", lessonId: "l", itemId: "q",
                    attempt: 1), "payload"
            ),
            (
                Occurrence(
                    kind: .answerSubmitted, learner: "LAN24", occurredAt: 1, courseId: "c", lessonId: "l", attempt: 1),
                "item_id"
            ),
            (
                Occurrence(
                    kind: .quizStarted, learner: "LAN24", occurredAt: 1, courseId: "c", lessonId: "l", attempt: 0),
                "attempt"
            ),
            (Occurrence(kind: .stepRead, learner: "LAN24", occurredAt: 1, courseId: "c", lessonId: "l"), "item_id"),
            (Occurrence(kind: .lessonOpened, learner: "LAN24", occurredAt: 1, courseId: "c"), "lesson_id"),
            (Occurrence(kind: .courseCompleted, learner: "LAN24", occurredAt: 1), "course_id"),
            (Occurrence(kind: .lessonOpened, learner: "la-n", occurredAt: 1, courseId: "c", lessonId: "l"), "learner"),
        ] as [(Occurrence, String)])
    func incompleteOccurrencesAreRefusedNamingTheField(occurrence: Occurrence, field: String) {
        let error = #expect(throws: EventError.self) { try occurrence.validate() }
        #expect(error?.field == field)
        #expect(error.map { !$0.phrase.vi.isEmpty && !$0.phrase.en.isEmpty } == true)
    }
}
