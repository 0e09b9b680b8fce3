import CourseModel
import Foundation
import HubBackends
import HubStore
import LearnerEvents
import Testing

@testable import Reports

/// A small hub with known numbers: a province with two districts and a commune straight under
/// the province, one centre in each, one course of two lessons, six learners.
///
/// | learner | centre (commune, district) | what they did |
/// |---|---|---|
/// | A1 nu 1950 | A (C11, D1) | completed and passed in 2 days |
/// | A2 nam 1990 | A | opened lesson 1 only |
/// | A3 nu 1985 | A | answered q1 wrong in three attempts, then stopped |
/// | B1 nam 1970 | B (C21, D2) | completed and passed in 4 days |
/// | B2 nu 1960 | B | one wrong answer, then stopped |
/// | C1 nu 2000 | C (C0, under the province) | completed and passed in 1 day |
struct HubFixture {
    static let nodeA = "n-aaaaaaaaaaaaaaaa"
    static let nodeB = "n-bbbbbbbbbbbbbbbb"
    static let nodeC = "n-cccccccccccccccc"

    static let areasCSV = """
        ma,ten,cap,ma_cap_tren
        P,Tỉnh Thử Nghiệm,province,
        D1,Huyện Một,district,P
        D2,Huyện Hai,district,P
        C11,Xã Một Một,commune,D1
        C21,Xã Hai Một,commune,D2
        C0,Phường Trực Thuộc,commune,P

        """

    let hub: OpenedHub
    var store: any HubStore & ReportSource { hub.store }
    var db: Harness { Harness(store: store) }

    /// The reports and imports a test drives, over the fixture's store.
    struct Harness {
        let store: any HubStore & ReportSource
        var reports: HubReports { HubReports(store) }

        func report(_ query: ReportQuery) throws -> Report { try reports.report(query) }
        func areaTree() throws -> AreaTree { try reports.areaTree() }
        func importAreas(csv: String) throws -> AreaImportResult { try AreaImport.run(csv: csv, into: store) }
        func attachCentre(_ node: String, toCommune commune: String) throws {
            try AreaImport.attachCentre(node, toCommune: commune, in: store)
        }
        func saveOutlines(_ courses: [Course]) throws { try store.saveOutlines(courses.map(CourseOutline.init)) }
        func refresh() throws { try store.refreshAggregates() }
        func rebuild() throws { try store.rebuildAggregates() }
    }

    static let course = Course(
        id: "k", version: 1, title: "Khoá Thử", titleEnglish: "Test course", language: "vi", description: "",
        lessons: [
            Lesson(
                id: "l1", title: "Bài một", steps: [Step(id: "s1", title: "Đọc", blocks: [])],
                quiz: Quiz(
                    title: "Câu hỏi",
                    questions: [
                        Question(
                            id: "q1", prompt: [.text("Chọn đáp án đúng")],
                            answer: .singleChoice([
                                ChoiceOption(id: "a", content: [.text("Đúng rồi")], isCorrect: true),
                                ChoiceOption(id: "b", content: [.text("Sai, \"trích dẫn\"")], isCorrect: false),
                            ]))
                    ], mastery: .passMark(0.8))),
            Lesson(
                id: "lf", title: "Kiểm tra cuối khoá", isFinal: true, steps: [],
                quiz: Quiz(
                    title: "Cuối khoá",
                    questions: [
                        Question(
                            id: "f1", prompt: [.text("Câu cuối")],
                            answer: .trueFalse([
                                ChoiceOption(id: "dung", content: [.text("Đúng")], isCorrect: true),
                                ChoiceOption(id: "sai", content: [.text("Sai")], isCorrect: false),
                            ]))
                    ], mastery: .passMark(0.8))),
        ])

    /// 2025-06-02 08:00 in Vietnam, in ms.
    static let t0: Int64 = (LocalDate("2025-06-02")?.startMillis ?? 0) + 8 * 3_600_000
    static let day: Int64 = 86_400_000

    /// A fresh hub database of `backend` with the areas, centres and course outline; nil when
    /// the backend is not available here (a known issue locally, a failure in CI).
    init?(_ backend: Backend, events: Bool = true) throws {
        guard let hub = try backend.open() else { return nil }
        self.hub = hub
        _ = try AreaImport.run(csv: Self.areasCSV, into: store)
        for (node, commune, name) in [
            (Self.nodeA, "C11", "Nhà văn hoá A"), (Self.nodeB, "C21", "Bưu điện B"),
            (Self.nodeC, "C0", "Điểm trường C"),
        ] {
            let key = Data(repeating: UInt8(node.utf8.last ?? 0), count: 32).base64EncodedString()
            _ = try store.register(
                Center(nodeId: node, publicKey: key, name: name, communeCode: commune, registeredAt: 0))
        }
        try db.saveOutlines([Self.course])
        if events {
            try insert(Self.allEvents())
            _ = try store.revokeCertificate(id: EventBuilder.certificateId("B1"), reason: "cấp nhầm", at: Self.t0)
        }
    }

    func insert(_ events: [Event]) throws {
        for node in Set(events.map(\.nodeId)).sorted() {
            _ = try store.insert(events.filter { $0.nodeId == node }, via: node, receivedAt: Self.t0)
        }
    }

    func remove() { hub.remove() }

    /// Every event of the six learners, numbered per centre.
    static func allEvents() -> [Event] {
        var b = EventBuilder()
        b.learner(nodeA, "A1", "Nguyễn Thị An", 1950, "nu", at: t0)
        b.complete(nodeA, "A1", at: t0, days: 2)
        b.learner(nodeA, "A2", "Trần Văn Bình", 1990, "nam", at: t0)
        b.add(nodeA, "A2", "lesson.opened", at: t0 + 60_000, lesson: "l1")
        b.learner(nodeA, "A3", "Lê Thị Cúc", 1985, "nu", at: t0)
        b.add(nodeA, "A3", "lesson.opened", at: t0 + 60_000, lesson: "l1")
        b.add(nodeA, "A3", "step.read", at: t0 + 120_000, lesson: "l1", item: "s1")
        for attempt in 1...3 {
            let at = t0 + Int64(attempt) * 600_000
            b.add(nodeA, "A3", "quiz.started", at: at, lesson: "l1", attempt: attempt)
            b.answer(
                nodeA, "A3", "q1", lesson: "l1", attempt: attempt, response: "b", correct: false,
                hints: attempt == 3 ? 1 : 0, at: at + 10_000)
            b.finish(nodeA, "A3", lesson: "l1", attempt: attempt, passed: false, final: false, at: at + 20_000)
        }
        b.learner(nodeB, "B1", "Phạm Văn Dũng", 1970, "nam", at: t0)
        b.complete(nodeB, "B1", at: t0 + day, days: 4)
        b.learner(nodeB, "B2", "Hoàng Thị Em", 1960, "nu", at: t0)
        b.add(nodeB, "B2", "lesson.opened", at: t0 + day, lesson: "l1")
        b.add(nodeB, "B2", "quiz.started", at: t0 + day + 1000, lesson: "l1", attempt: 1)
        b.answer(
            nodeB, "B2", "q1", lesson: "l1", attempt: 1, response: "b", correct: false, hints: 0, at: t0 + day + 2000)
        b.learner(nodeC, "C1", "Đỗ Thị Giang", 2000, "nu", at: t0)
        b.complete(nodeC, "C1", at: t0 + 2 * day, days: 1)
        // The three who completed got certificates; the fixture revokes B1's.
        b.certificate(nodeA, "A1", at: t0 + 2 * day)
        b.certificate(nodeB, "B1", at: t0 + 5 * day)
        b.certificate(nodeC, "C1", at: t0 + 3 * day)
        return b.events
    }
}

/// Builds hub events with per-centre sequence numbers.
struct EventBuilder {
    var events: [Event] = []
    var seqs: [String: Int64] = [:]

    mutating func add(
        _ node: String, _ learner: String, _ kind: String, at: Int64, course: String? = "k", lesson: String? = nil,
        item: String? = nil, attempt: Int? = nil, payload: String = "{}"
    ) {
        let seq = (seqs[node] ?? 0) + 1
        seqs[node] = seq
        events.append(
            Event(
                nodeId: node, seq: seq, recordedAt: at,
                occurrence: Occurrence(
                    kind: EventKind(rawValue: kind), learner: learner, occurredAt: at,
                    courseId: kind.hasPrefix("learner.") ? nil : course,
                    courseVersion: kind.hasPrefix("learner.") ? nil : 1, lessonId: lesson, itemId: item,
                    attempt: attempt, payload: EventPayload(json: payload))))
    }

    mutating func learner(_ node: String, _ code: String, _ name: String, _ year: Int, _ gender: String, at: Int64) {
        add(
            node, code, "learner.registered", at: at - 3_600_000,
            payload: "{\"birthYear\":\(year),\"commune\":\"x\",\"displayName\":\"\(name)\",\"gender\":\"\(gender)\"}")
    }

    mutating func answer(
        _ node: String, _ learner: String, _ question: String, lesson: String, attempt: Int, response: String,
        correct: Bool,
        hints: Int, at: Int64, course: String = "k"
    ) {
        add(
            node, learner, "answer.submitted", at: at, course: course, lesson: lesson, item: question,
            attempt: attempt,
            payload:
                "{\"correct\":\(correct),\"elapsedMs\":5000,\"hintsUsed\":\(hints),\"maxScore\":1,\"response\":{\"choice\":\"\(response)\"},\"score\":\(correct ? 1 : 0)}"
        )
    }

    mutating func finish(
        _ node: String, _ learner: String, lesson: String, attempt: Int, passed: Bool, final: Bool, at: Int64,
        course: String = "k"
    ) {
        add(
            node, learner, "quiz.finished", at: at, course: course, lesson: lesson, attempt: attempt,
            payload:
                "{\(final ? "\"final\":true," : "")\"mastery\":{\"mark\":0.8,\"rule\":\"pass-mark\"},\"maxScore\":1,\"passed\":\(passed),\"score\":\(passed ? 1 : 0),\"wrong\":[]}"
        )
    }

    /// The id of the certificate `learner` gets in the fixture.
    static func certificateId(_ learner: String) -> String { "urn:uuid:00000000-0000-4000-8000-0000000000\(learner)" }

    /// A certificate for the course, as a centre issues it (the payload carries only what the hub reads).
    mutating func certificate(_ node: String, _ learner: String, at: Int64, course: String = "k") {
        add(
            node, learner, "certificate.issued", at: at, course: course,
            payload: "{\"id\":\"\(Self.certificateId(learner))\"}")
    }

    /// Opens, reads, answers right and completes both lessons; the course completes `days` later.
    mutating func complete(_ node: String, _ learner: String, at: Int64, days: Int64, course: String = "k") {
        add(node, learner, "lesson.opened", at: at, course: course, lesson: "l1")
        add(node, learner, "step.read", at: at + 30_000, course: course, lesson: "l1", item: "s1")
        add(node, learner, "quiz.started", at: at + 60_000, course: course, lesson: "l1", attempt: 1)
        answer(
            node, learner, "q1", lesson: "l1", attempt: 1, response: "a", correct: true, hints: 0, at: at + 70_000,
            course: course)
        finish(node, learner, lesson: "l1", attempt: 1, passed: true, final: false, at: at + 80_000, course: course)
        add(node, learner, "lesson.completed", at: at + 90_000, course: course, lesson: "l1")
        let end = at + days * HubFixture.day
        add(node, learner, "lesson.opened", at: end - 60_000, course: course, lesson: "lf")
        add(node, learner, "quiz.started", at: end - 50_000, course: course, lesson: "lf", attempt: 1)
        answer(
            node, learner, "f1", lesson: "lf", attempt: 1, response: "dung", correct: true, hints: 0, at: end - 40_000,
            course: course)
        finish(node, learner, lesson: "lf", attempt: 1, passed: true, final: true, at: end - 30_000, course: course)
        add(node, learner, "lesson.completed", at: end - 20_000, course: course, lesson: "lf")
        add(node, learner, "course.completed", at: end, course: course)
    }
}
