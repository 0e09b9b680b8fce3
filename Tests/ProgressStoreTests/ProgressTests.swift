import CourseModel
import Foundation
import GRDB
import LearnerEvents
import QuizEngine
import Testing

@testable import ProgressStore

@Suite("Events → derived progress")
struct ProgressTests {
    static let quiz = Quiz(
        title: "Kiểm tra",
        questions: ["q1", "q2", "q3"].map { id in
            Question(
                id: id, prompt: [.text(id)],
                answer: .singleChoice([
                    ChoiceOption(id: "dung", content: [.text("Đúng")], isCorrect: true),
                    ChoiceOption(id: "sai", content: [.text("Sai")], isCorrect: false),
                ]))
        }, mastery: .passMark(0.6))

    @Test func aLessonFromOpeningToCompletion() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        try store.addLearner(Sample.learner("LAN24"))
        let c = "an-toan"
        let v = 3
        let l = "bai-1"
        var t: Int64 = 1_772_323_200_000
        func at() -> Int64 {
            t += 1000
            return t
        }

        try store.record(.lessonOpened(learner: "LAN24", course: c, version: v, lesson: l, at: at()))
        try store.record(.stepRead(learner: "LAN24", course: c, version: v, lesson: l, step: "buoc-1", at: at()))
        try store.record(.stepRead(learner: "lan24", course: c, version: v, lesson: l, step: "buoc-2", at: at()))
        #expect(
            try store.resumePoint(learner: "LAN24")
                == ResumePoint(courseId: c, lessonId: l, phase: .reading, stepId: "buoc-2"))

        // Attempt 1: two answers, then the power goes.
        var session = QuizSession(quiz: Self.quiz, learnerKey: "\(store.nodeId)/LAN24", attempt: 1)
        try store.record(.quizStarted(learner: "LAN24", course: c, version: v, lesson: l, attempt: 1, at: at()))
        for response in ["dung", "sai"] {
            let outcome = try session.submit(.choice(response), elapsedMs: 900)
            try store.record(
                .answerSubmitted(
                    learner: "LAN24", course: c, version: v, lesson: l, attempt: 1, answer: outcome.recorded, at: at()))
            try session.proceed()
        }
        let resume = try #require(try store.resumePoint(learner: "LAN24"))
        #expect(resume.phase == .quiz && resume.attempt == 1)

        // Exact resume: the rebuilt session equals the one that was lost.
        let open = try #require(try store.currentAttempt(learner: "LAN24", course: c, lesson: l))
        #expect(open.attempt == 1 && !open.finished)
        var resumed = QuizSession(
            quiz: Self.quiz, learnerKey: "\(store.nodeId)/LAN24", attempt: open.attempt, answered: open.answers)
        #expect(resumed == session)
        #expect(resumed.current?.id == "q3")

        let last = try resumed.submit(.choice("sai"), elapsedMs: 500)
        try store.record(
            .answerSubmitted(
                learner: "LAN24", course: c, version: v, lesson: l, attempt: 1, answer: last.recorded, at: at()))
        try resumed.proceed()
        let result = try #require(resumed.result)
        #expect(!result.passed)
        try store.record(
            .quizFinished(
                learner: "LAN24", course: c, version: v, lesson: l, attempt: result.attempt,
                outcome: result.outcome(isFinal: false), at: at()))
        #expect(try store.wrongAnswers(learner: "LAN24", course: c, lesson: l).map(\.questionId) == ["q2", "q3"])

        // Practice on the wrong answers is logged but changes nothing derived.
        var review = try resumed.review()
        let practice = try review.submit(.choice("dung"), elapsedMs: 100)
        try store.record(
            .answerSubmitted(
                learner: "LAN24", course: c, version: v, lesson: l, attempt: 1, answer: practice.recorded,
                practice: true, at: at()))
        #expect(try store.answers(learner: "LAN24", course: c, lesson: l, attempt: 1).count == 3)

        // Attempt 2 passes.
        var retake = try resumed.retake()
        try store.record(.quizStarted(learner: "LAN24", course: c, version: v, lesson: l, attempt: 2, at: at()))
        #expect(try store.currentAttempt(learner: "LAN24", course: c, lesson: l)?.finished == false)
        for _ in 0..<3 {
            let o = try retake.submit(.choice("dung"), elapsedMs: 300)
            try store.record(
                .answerSubmitted(
                    learner: "LAN24", course: c, version: v, lesson: l, attempt: 2, answer: o.recorded, at: at()))
            try retake.proceed()
        }
        try store.record(
            .quizFinished(
                learner: "LAN24", course: c, version: v, lesson: l, attempt: 2,
                outcome: try #require(retake.result).outcome(isFinal: true), at: at()))
        try store.record(.lessonCompleted(learner: "LAN24", course: c, version: v, lesson: l, at: at()))
        try store.record(.courseCompleted(learner: "LAN24", course: c, version: v, at: at()))

        let lesson = try #require(try store.lessonProgress(learner: "LAN24", course: c).first)
        #expect(lesson.status == .completed && lesson.phase == .finished)
        #expect(lesson.attemptsFinished == 2 && lesson.passed && lesson.bestShare == 1 && lesson.bestScore == 3)
        #expect(lesson.lastStepId == "buoc-2" && lesson.currentAttempt == 2 && lesson.currentAttemptFinished)
        #expect(try store.wrongAnswers(learner: "LAN24", course: c, lesson: l).isEmpty)

        let course = try #require(try store.courseProgress(learner: "LAN24").first)
        #expect(course.status == .completed && course.lessonsCompleted == 1 && course.quizzesPassed == 1)
        #expect(course.finalPassed && course.finalBestShare == 1)
        #expect(course.startedAt == 1_772_323_201_000 && course.completedAt == t && course.lastActivityAt == t - 1000)

        // The frozen mastery rule travels in the event.
        let finished = try store.events(afterSeq: 0, limit: 100).filter { $0.kind == .quizFinished }
        #expect(finished.map { $0.quizOutcome?.mastery.masteryRule } == [.passMark(0.6), .passMark(0.6)])

        // An older attempt is still readable (from the whole log, its start is no longer kept).
        #expect(
            try store.answers(learner: "LAN24", course: c, lesson: l, attempt: 1).map(\.questionId) == [
                "q1", "q2", "q3",
            ])
        #expect(try store.answers(learner: "LAN24", course: c, lesson: l, attempt: 2).allSatisfy(\.correct))

        let report = try store.doctor(repair: false, folder: db.folder)
        #expect(report.isHealthy && report.differences.isEmpty)
    }

    @Test(arguments: [
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
            Occurrence(kind: .quizStarted, learner: "LAN24", occurredAt: 1, courseId: "c", lessonId: "l", attempt: 0),
            "attempt"
        ),
        (Occurrence(kind: .stepRead, learner: "LAN24", occurredAt: 1, courseId: "c", lessonId: "l"), "item_id"),
        (Occurrence(kind: .lessonOpened, learner: "LAN24", occurredAt: 1, courseId: "c"), "lesson_id"),
        (Occurrence(kind: .courseCompleted, learner: "LAN24", occurredAt: 1), "course_id"),
        (Occurrence(kind: .lessonOpened, learner: "la-n", occurredAt: 1, courseId: "c", lessonId: "l"), "learner"),
    ])
    func incompleteEventsAreRefused(event: Occurrence, field: String) throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        try store.addLearner(Sample.learner("LAN24"))
        let error = #expect(throws: ProgressStoreError.self) { try store.record(event) }
        #expect(error?.kind == .invalidEvent && error?.field == field)
        #expect(try store.eventCount == 1)
    }

    @Test(arguments: [
        Occurrence.lessonOpened(learner: "NOBODY", course: "c", version: 1, lesson: "l", at: 1),
        Occurrence.answerSubmitted(
            learner: "NOBODY", course: "c", version: 1, lesson: "l", attempt: 1,
            answer: RecordedAnswer(questionId: "q1", response: .choice("a"), correct: true, score: 1, maxScore: 1),
            at: 1),
    ])
    func unknownLearnersAreRefused(event: Occurrence) throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let error = #expect(throws: ProgressStoreError.self) { try store.record(event) }
        #expect(error?.kind == .unknownLearner)
        #expect(try store.eventCount == 0)  // the failed transaction left nothing behind
    }

    @Test func aRefusedAnswerLeavesTheNextAnswerRecordable() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        try store.addLearner(Sample.learner("LAN1"))
        func answer(_ learner: String, _ question: String) -> Occurrence {
            .answerSubmitted(
                learner: learner, course: "c", version: 1, lesson: "l", attempt: 1,
                answer: RecordedAnswer(
                    questionId: question, response: .choice("a"), correct: true, score: 1, maxScore: 1),
                at: 1_772_323_200_000)
        }
        #expect(throws: ProgressStoreError.self) { try store.record(answer("NOBODY", "q1")) }
        let recorded = try store.record(answer("LAN1", "q1"))
        #expect(recorded.seq == 2)  // after the registration; the refused answer took no number
        let answered = try store.answers(learner: "LAN1", course: "c", lesson: "l", attempt: 1)
        #expect(answered.map(\.questionId) == ["q1"])
        #expect(try store.doctor(repair: false, folder: db.folder).isHealthy)
    }

    @Test func syncReadsEventsInPages() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        try store.addLearner(Sample.learner("LAN24"))
        for i in 0..<9 {
            try store.record(
                .stepRead(learner: "LAN24", course: "c", version: 1, lesson: "l", step: "s\(i)", at: Int64(i)))
        }
        var seqs: [Int64] = []
        var after: Int64 = 0
        while case let page = try store.events(afterSeq: after, limit: 4), !page.isEmpty {
            seqs += page.map(\.seq)
            after = page.last?.seq ?? after
        }
        #expect(seqs == Array(1...10))
        #expect(try store.eventCount == 10 && (try store.lastSeq) == 10)
        let ids = try store.events(afterSeq: 0, limit: 2).map(\.id)
        #expect(ids == ["\(store.nodeId)/1", "\(store.nodeId)/2"])
    }
}
