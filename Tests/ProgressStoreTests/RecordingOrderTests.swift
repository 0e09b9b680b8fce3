import Foundation
import GRDB
import Testing

@testable import ProgressStore

/// Issue 13: `recorded_at` ran backwards against `seq` when several processes answered at once
/// (the time was taken before the write transaction; it is taken inside it now).
@Suite struct RecordingOrderTests {
    @Test func recordedAtRanBackwardsAgainstSeqUnderConcurrency() throws {
        let helper = try #require(StressHelper.executable, "hocso-stress is not built next to the tests")
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let runs = try (0..<6).map {
            try StressHelper.Run(executable: helper, db: db.path, learner: "R\($0 + 10)", count: 80)
        }
        for run in runs {
            let (_, status, _, errors) = run.finish()
            #expect(status == 0 && errors.isEmpty, "a process failed: \(errors)")
        }
        let backwards = try store.pool.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM events a JOIN events b ON b.seq = a.seq + 1
                    WHERE b.recorded_at < a.recorded_at
                    """)
        }
        #expect(backwards == 0, "recording times run backwards against seq")
        #expect(try store.eventCount == 6 * 81)
    }
}
