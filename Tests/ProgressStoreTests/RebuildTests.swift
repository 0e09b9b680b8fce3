import CourseModel
import Foundation
import GRDB
import LearnerEvents
import QuizEngine
import Testing

@testable import ProgressStore

@Suite("Rebuild equals live; doctor finds and repairs drift")
struct RebuildTests {
    /// A random but reproducible script of learner activity: lessons opened in any order, steps,
    /// attempts begun and abandoned, answers (some duplicated, some practice), finishes, completions.
    /// With several stores (several connections to one file, as several terminals have), the
    /// events go through each in turn.
    static func runScript(
        seed: UInt64, events: Int, on store: CentreStore, and others: [CentreStore] = [], skippingLearners: Bool = false
    ) throws {
        var rng = SplitMix64(state: seed)
        func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
        let learners = ["LAN1", "MINH2", "HOA3"]
        if !skippingLearners { for code in learners { try store.addLearner(Sample.learner(code)) } }
        let stores = [store] + others
        var attempts: [String: Int] = [:]
        for i in 0..<events {
            let learner = pick(learners)
            let course = pick(["c1", "c2"])
            let lesson = pick(["l1", "l2", "l3"])
            let key = "\(learner)/\(course)/\(lesson)"
            let attempt = attempts[key, default: 1]
            let at = 1_772_000_000_000 + Int64(rng.next() % 10_000_000)  // clocks are not ordered
            let event: Occurrence
            switch rng.next() % 10 {
            case 0: event = .lessonOpened(learner: learner, course: course, version: 1, lesson: lesson, at: at)
            case 1:
                event = .stepRead(
                    learner: learner, course: course, version: 1, lesson: lesson, step: pick(["s1", "s2"]), at: at)
            case 2:
                event = .quizStarted(
                    learner: learner, course: course, version: 1, lesson: lesson, attempt: attempt, at: at)
            case 3, 4, 5:
                let right = rng.next() % 2 == 0
                let answer = RecordedAnswer(
                    questionId: pick(["q1", "q2", "q3", "q4"]), response: .choice(right ? "a" : "b"), correct: right,
                    score: right ? 1 : 0, maxScore: 1, hintsUsed: Int(rng.next() % 3),
                    elapsedMs: Int(rng.next() % 60_000))
                event = .answerSubmitted(
                    learner: learner, course: course, version: 1, lesson: lesson, attempt: attempt, answer: answer,
                    practice: rng.next() % 7 == 0, at: at)
            case 6:
                let score = Double(rng.next() % 5)
                let result = QuizResult(
                    score: score, maxScore: 4, share: min(1, score / 4), passed: score >= 3, mastery: .passMark(0.75),
                    wrongQuestionIds: [], attempt: attempt, isPractice: rng.next() % 9 == 0)
                event = .quizFinished(
                    learner: learner, course: course, version: 1, lesson: lesson, attempt: attempt,
                    outcome: result.outcome(isFinal: lesson == "l3"), at: at)
                attempts[key] = attempt + 1
            case 7: event = .lessonCompleted(learner: learner, course: course, version: 1, lesson: lesson, at: at)
            case 8: event = .courseCompleted(learner: learner, course: course, version: 1, at: at)
            default:
                event = .answerSubmitted(
                    learner: learner, course: course, version: 1, lesson: lesson, attempt: attempt,
                    answer: RecordedAnswer(
                        questionId: "q\(i % 4 + 1)", response: .text("tôi đi"), correct: false, score: 0, maxScore: 2),
                    at: at)
            }
            // Runs of three events on one store in turn, as at terminals answering in a row.
            try stores[(i / 3) % stores.count].record(event)
        }
    }

    static func snapshot(_ store: CentreStore) throws -> [String: [Row]] {
        try store.pool.read { db in
            try Dictionary(
                uniqueKeysWithValues: Schema.derivedTables.map { table in
                    (table, try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2, 3"))
                })
        }
    }

    @Test(arguments: [1, 2, 3, 42, 2026] as [UInt64])
    func rebuildEqualsLive(seed: UInt64) throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        try Self.runScript(seed: seed, events: 300, on: store)
        let live = try Self.snapshot(store)
        #expect(live["lesson_progress"]?.isEmpty == false)
        #expect(try store.doctor(repair: false, folder: db.folder).differences.isEmpty)
        try store.rebuildDerived()
        #expect(try Self.snapshot(store) == live)
    }

    // Several connections to one file, as several terminals have: commits interleave.
    @Test(arguments: [5, 6, 2026] as [UInt64])
    func rebuildEqualsLiveWithSeveralConnections(seed: UInt64) throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let others = try [db.open(), db.open()]
        try Self.runScript(seed: seed, events: 400, on: store, and: others)
        let seqs = try store.pool.read { try Int64.fetchAll($0, sql: "SELECT seq FROM events ORDER BY seq") }
        #expect(seqs == Array(1...Int64(seqs.count)))
        #expect(try store.doctor(repair: false, folder: db.folder).differences.isEmpty)
        let live = try Self.snapshot(store)
        try store.rebuildDerived()
        #expect(try Self.snapshot(store) == live)
    }

    @Test(arguments: [
        (
            "UPDATE lesson_progress SET passed = 1 - passed WHERE rowid IN (SELECT rowid FROM lesson_progress LIMIT 1)",
            "lesson_progress"
        ),
        (
            "UPDATE lesson_progress SET attempt_first_seq = attempt_first_seq + 1 WHERE attempt_first_seq IS NOT NULL",
            "lesson_progress"
        ),
        ("UPDATE course_progress SET lessons_completed = lessons_completed + 5", "course_progress"),
    ])
    func doctorFindsTamperingAndRepairs(sql: String, table: String) throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        try Self.runScript(seed: 7, events: 200, on: store)
        let good = try Self.snapshot(store)
        // WITHOUT ROWID tables have no rowid: tamper through a plain UPDATE of the first row instead.
        let statement = sql.replacingOccurrences(
            of: "WHERE rowid IN (SELECT rowid FROM lesson_progress LIMIT 1)",
            with:
                "WHERE (learner, course_id, lesson_id) = (SELECT learner, course_id, lesson_id FROM lesson_progress LIMIT 1)"
        )
        try store.pool.write { try $0.execute(sql: statement) }

        let found = try store.doctor(repair: false, folder: db.folder)
        #expect(found.integrity == ["ok"])
        #expect(found.differences.map(\.table) == [table])
        #expect(!found.isHealthy)

        let repaired = try store.doctor(repair: true, folder: db.folder)
        #expect(repaired.repaired && repaired.isHealthy)
        #expect(try Self.snapshot(store) == good)
        #expect(try store.doctor(repair: false, folder: db.folder).differences.isEmpty)
    }

    /// `doctor` applies only the events since its last run, yet still compares every derived
    /// row: tampering with a row of an old event is found on a later run.
    @Test func doctorAfterNewEventsStillFindsTamperingWithOldRows() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        try Self.runScript(seed: 11, events: 200, on: store)
        #expect(try store.doctor(repair: false, folder: db.folder).differences.isEmpty)
        try store.record(.lessonOpened(learner: "LAN1", course: "c9", version: 1, lesson: "l1", at: 1_772_000_000_000))
        #expect(try store.doctor(repair: false, folder: db.folder).differences.isEmpty)
        try store.pool.write { try $0.execute(sql: "UPDATE course_progress SET quizzes_passed = quizzes_passed + 1") }
        #expect(try store.doctor(repair: false, folder: db.folder).differences.map(\.table) == ["course_progress"])
    }

    /// A database put back from an older copy, then written to again, reuses seq numbers the
    /// cached rebuild already applied with other events: the cache must notice and start again.
    @Test func doctorCacheOfARestoredDatabaseIsNotTrusted() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let backup = db.folder.appendingPathComponent("backup.sqlite")
        do {
            let store = try db.open()
            try Self.runScript(seed: 12, events: 100, on: store)
            try store.pool.backup(to: try DatabaseQueue(path: backup.path))
            try Self.runScript(seed: 13, events: 100, on: store, skippingLearners: true)
            #expect(try store.doctor(repair: false, folder: db.folder).differences.isEmpty)
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db.path.path + suffix) }
        try FileManager.default.copyItem(at: backup, to: db.path)
        let restored = try db.open()
        try Self.runScript(seed: 14, events: 150, on: restored, skippingLearners: true)
        let report = try restored.doctor(repair: false, folder: db.folder)
        #expect(report.differences.isEmpty && report.isHealthy)
    }
}
