import Foundation
import GRDB
import QuizEngine
import Testing

@testable import ProgressStore

/// Real processes, real kills: what a power cut or `kill -9` does to a learner terminal.
@Suite("Durability and concurrency with real processes", .serialized)
struct DurabilityTests {
    @Test func sigkillAtRandomMomentsLosesNothingAcknowledged() throws {
        let helper = try #require(StressHelper.executable, "hocso-stress is not built next to the tests")
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        try store.addLearner(Sample.learner("KILL1"))

        var rng = SplitMix64(state: 0x5eed)
        var acknowledged: [Int64] = []
        let kills = 24
        for _ in 0..<kills {
            let run = try StressHelper.Run(executable: helper, db: db.path, learner: "KILL1", count: 1_000_000)
            // Somewhere between start-up and a few hundred commits in.
            usleep(useconds_t(5_000 + rng.next() % 250_000))
            run.kill()
            let (seqs, _, reason, errors) = run.finish()
            #expect(reason == .uncaughtSignal, "the child ended by itself: \(errors)")
            acknowledged += seqs
        }
        #expect(acknowledged.count > 0, "no answer was acknowledged before any kill")

        let reopened = try db.open()
        let present = try reopened.pool.read { db in
            try Set(
                Int64.fetchAll(db, sql: "SELECT seq FROM events WHERE learner = 'KILL1' AND kind = 'answer.submitted'"))
        }
        let lost = acknowledged.filter { !present.contains($0) }
        #expect(lost.isEmpty, "acknowledged but missing: \(lost.prefix(10))")
        #expect(Set(acknowledged).count == acknowledged.count, "a seq was acknowledged twice")

        let report = try reopened.doctor(repair: false, folder: db.folder)
        #expect(report.integrity == ["ok"])
        #expect(report.sequenceIsGapFree)
        #expect(report.differences.isEmpty, "derived progress disagrees with the log after kills")
        #expect(report.foreignKeyViolations == 0)
    }

    @Test func tenProcessesAnsweringAtOnce() throws {
        let helper = try #require(StressHelper.executable, "hocso-stress is not built next to the tests")
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let processes = 12
        let answers = 60
        // Two processes share a learner, as two terminals signed in with one code would.
        let learners = (0..<processes).map { "P\(($0 % (processes - 1)) + 10)" }
        let runs = try learners.map {
            try StressHelper.Run(executable: helper, db: db.path, learner: $0, count: answers)
        }
        var acknowledged: [String: [Int64]] = [:]
        for (learner, run) in zip(learners, runs) {
            let (seqs, status, _, errors) = run.finish()
            #expect(status == 0 && errors.isEmpty, "a process failed: \(errors)")
            #expect(seqs.count == answers)
            acknowledged[learner, default: []] += seqs
        }

        let rows = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT seq, learner, kind FROM events ORDER BY seq")
        }
        let seqs = rows.map { $0["seq"] as Int64 }
        #expect(seqs == Array(1...Int64(rows.count)), "seqs are not gap-free")
        let answerRows = rows.filter { ($0["kind"] as String) == "answer.submitted" }
        #expect(answerRows.count == processes * answers, "lost or duplicated answers")
        #expect(rows.count - answerRows.count == Set(learners).count)  // one registration each
        for (learner, seqs) in acknowledged {
            let owned = Set(answerRows.filter { ($0["learner"] as String) == learner }.map { $0["seq"] as Int64 })
            #expect(Set(seqs) == owned)
        }
        #expect(try store.doctor(repair: false, folder: db.folder).isHealthy)
    }
}
