import Foundation
import GRDB
import HubBackends
import HubStore
import HubStoreSQLite
import ProvinceSeed
import TestSupport
import Testing

@testable import Reports

@Suite struct SeedTests {
    func seeded(_ seed: UInt64) throws -> (HubFixture, ProvinceSeeder.Summary) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hocso-seed-\(UUID().uuidString)")
        let store = try SQLiteHubStore(path: folder.appendingPathComponent("hub.sqlite"))
        let summary = try ProvinceSeeder(courses: [HubFixture.course], seed: seed, learners: 300, scale: .small).run(
            into: store)
        let path = folder.appendingPathComponent("hub.sqlite")
        let hub = OpenedHub(
            store: store, location: path.path, reopen: { try SQLiteHubStore(path: path) },
            cleanUp: { try? FileManager.default.removeItem(at: folder) })
        return (HubFixture(hub: hub), summary)
    }

    /// Everything a seed writes, as one string: the events by centre and seq, since two writers
    /// interleave the centres' arrival differently from run to run.
    func dump(_ store: SQLiteHubStore) throws -> String {
        try store.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT node_id || seq || kind || learner || occurred_at || ifnull(item_id, '') || payload FROM events ORDER BY node_id, seq
                    """
            ).joined(separator: "\n")
                + (try String.fetchAll(
                    db, sql: "SELECT code || name || level || ifnull(parent_code, '') FROM areas ORDER BY code"
                ).joined())
        }
    }

    @Test func sameSeedSameProvinceOtherSeedOtherProvince() throws {
        let (a, summaryA) = try seeded(42)
        defer { a.remove() }
        let (b, summaryB) = try seeded(42)
        defer { b.remove() }
        let (c, _) = try seeded(43)
        defer { c.remove() }
        #expect(summaryA == summaryB)
        #expect(try dump(a.sqlite) == dump(b.sqlite))
        #expect(try dump(a.sqlite) != dump(c.sqlite))
    }

    /// Writers on threads of their own once told `progress` themselves, and a thread could let go
    /// of the closure after `run` had returned from `withoutActuallyEscaping`, which traps: 2 of the
    /// 4 concurrent importers of tools/bench-hub-pg died with SIGILL. Progress is told on the
    /// caller's thread, once per centre, in order.
    @Test func aWriterThreadHeldTheProgressClosureAfterTheSeedReturned() throws {
        let folder = try TemporaryFolder("seed-progress")
        defer { folder.remove() }
        let store = try SQLiteHubStore(path: folder.path("hub.sqlite"))
        let caller = pthread_self()
        var told: [Int] = []
        var totals: Set<Int> = []
        var offThread = 0
        let summary = try ProvinceSeeder(
            courses: [HubFixture.course], seed: 11, learners: 200, scale: .small, writers: 4, foldsWhileWriting: true
        ).run(into: store) { done, total in
            if pthread_equal(pthread_self(), caller) == 0 { offThread += 1 }
            told.append(done)
            totals.insert(total)
        }
        #expect(offThread == 0)
        #expect(told == Array(0...summary.centres))
        #expect(totals == [summary.centres])
        #expect(summary.learners == 200)
    }

    @Test func learnersLookLikeAProvince() throws {
        let (a, summary) = try seeded(7)
        defer { a.remove() }
        #expect(summary.learners == 300)
        #expect(summary.answers > 300)
        try a.sqlite.read { db in
            let years = try Row.fetchOne(db, sql: "SELECT min(birth_year), max(birth_year) FROM learners")
            #expect((years?[0] as Int? ?? 0) >= 1940)
            #expect((years?[1] as Int? ?? 9999) <= 2010)
            let women = try Int.fetchOne(db, sql: "SELECT count(*) FROM learners WHERE gender = 'nu'") ?? 0
            #expect(women > 120 && women < 210)
            // Every centre is attached to a commune; a commune sits straight under the province.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM centers WHERE commune_code IS NULL") == 0)
            #expect(
                try Int.fetchOne(db, sql: "SELECT count(*) FROM areas WHERE level = 'commune' AND parent_code = '26'")
                    ?? 0 >= 1)
        }
        // Drop-off: fewer complete than enrol; the funnel only narrows.
        let funnel = try a.db.report(ReportQuery(.funnel, course: "k"))
        let learners = funnel.column("learners").compactMap(\.double)
        #expect(learners.first ?? 0 > learners.last ?? 0)
        #expect(zip(learners, learners.dropFirst()).dropLast().allSatisfy { $0 >= $1 })
    }
}

extension HubFixture {
    /// Wraps an already filled store.
    init(hub: OpenedHub) { self.hub = hub }

    /// The seed tests' store, which is SQLite: they read its tables directly.
    var sqlite: SQLiteHubStore {
        guard let store = store as? SQLiteHubStore else { preconditionFailure("the seed tests run on SQLite") }
        return store
    }
}
