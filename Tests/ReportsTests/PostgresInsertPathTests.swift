import Foundation
import HubBackends
import HubStore
import LearnerEvents
import Testing

@testable import HubStorePostgres
@testable import Reports

/// The PostgreSQL hub copies a batch it holds none of straight into `events` (the fast path,
/// which tools/bench-hub-pg's ingest needs) and takes the plain path — staging, `ON CONFLICT DO
/// NOTHING` — for any other batch. Both must leave the same hub behind.
@Suite("PostgreSQL insert paths")
struct PostgresInsertPathTests {
    @Test func aBatchCopiedStraightIntoEventsLeavesTheHubThePlainPathLeaves() throws {
        // Every batch of the fixture is new, so each is copied straight in.
        guard let straight = try HubFixture(.postgres) else { return }
        defer { straight.remove() }
        guard let plain = try HubFixture(.postgres, events: false) else { return }
        defer { plain.remove() }
        let all = HubFixture.allEvents()
        for node in Set(all.map(\.nodeId)).sorted() {
            let batch = all.filter { $0.nodeId == node }
            // One event of the batch held first sends the whole batch down the plain path.
            #expect(try plain.store.insert([batch[1]], via: node, receivedAt: HubFixture.t0).new == 1)
            let counts = try plain.store.insert(batch, via: node, receivedAt: HubFixture.t0)
            #expect(counts == InsertCounts(new: batch.count - 1, duplicate: 1, rejected: 0))
        }
        _ = try plain.store.revokeCertificate(
            id: EventBuilder.certificateId("B1"), reason: "cấp nhầm", at: HubFixture.t0)

        #expect(try plain.store.eventCount() == straight.store.eventCount())
        for node in [HubFixture.nodeA, HubFixture.nodeB, HubFixture.nodeC] {
            #expect(try plain.store.holdings(node) == straight.store.holdings(node))
            for code in ["A1", "A2", "A3", "B1", "B2", "C1"] {
                #expect(
                    try plain.store.learner(node: node, code: code) == straight.store.learner(node: node, code: code))
            }
        }
        let stored = { (hub: HubFixture) in
            try hub.store.events(afterPosition: 0, limit: 10_000).map(\.event)
                .sorted { ($0.nodeId, $0.seq) < ($1.nodeId, $1.seq) }
        }
        #expect(try stored(plain) == stored(straight))
        for query in [
            ReportQuery(.completion, by: .district), ReportQuery(.activity, by: .center, period: .day),
            ReportQuery(.inclusion, asOf: LocalDate("2025-06-30")), ReportQuery(.items, course: "k"),
            ReportQuery(.needsHelp, asOf: LocalDate("2025-06-30")), ReportQuery(.certificates),
        ] {
            #expect(
                JSONRenderer().render(try plain.db.report(query))
                    == JSONRenderer().render(try straight.db.report(query)),
                "\(query.kind)")
        }
    }

    @Test func aPayloadWithTabsNewlinesAndBackslashesComesBackByteForByte() throws {
        // The copy's text form escapes these four bytes; everything else goes in whole.
        guard let hub = try HubFixture(.postgres, events: false) else { return }
        defer { hub.remove() }
        var batch = HubFixture.allEvents().filter { $0.nodeId == HubFixture.nodeA }
        let payload = "{\n\t\"note\" :\r\n \"a\\\\b \\\"c\\\" \\n\\t đ\"}"
        batch[0].occurrence.payload = EventPayload(json: payload)
        #expect(try hub.store.insert(batch, via: "test", receivedAt: HubFixture.t0).new == batch.count)
        let stored = try hub.store.events(afterPosition: 0, limit: 1000).map(\.event)
        #expect(stored.first { $0.seq == batch[0].seq }?.payload.json == payload)
    }

    @Test func aBatchTheDatabaseRefusesFallsBackToThePlainPathAndLosesOnlyTheBadRow() throws {
        guard let hub = try HubFixture(.postgres, events: false) else { return }
        defer { hub.remove() }
        var batch = HubFixture.allEvents().filter { $0.nodeId == HubFixture.nodeA }
        // Nothing of the batch is held, so it is copied straight in, and the copy fails on this row.
        batch[2].occurrence.learner = String(repeating: "x", count: 40)
        let counts = try hub.store.insert(batch, via: "test", receivedAt: HubFixture.t0)
        #expect(counts == InsertCounts(new: batch.count - 1, duplicate: 0, rejected: 1))
        #expect(try hub.store.eventCount() == batch.count - 1)
    }
}

/// Pages under continuous import read the aggregates as they are rather than wait for an
/// importer's lock; reports on the command line wait and fold everything.
@Suite("PostgreSQL fold")
struct PostgresFoldTests {
    @Test func aPageDoesNotWaitForAnImportsLockToFold() throws {
        guard let hub = try HubFixture(.postgres, events: false) else { return }
        defer { hub.remove() }
        let store = try #require(hub.store as? PostgresHubStore)
        let query = ReportQuery(.completion, by: .district)
        let before = JSONRenderer().render(try HubReports(store).report(query))
        try hub.insert(HubFixture.allEvents())

        // An import holds the insert lock for two seconds.
        let holding = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        Thread {
            _ = try? store.transaction { connection, logger in
                try await connection.query(
                    "SELECT pg_advisory_xact_lock(\(PostgresHubStore.insertLock))", logger: logger)
                holding.signal()
                try await Task.sleep(for: .seconds(2))
            }
            released.signal()
        }.start()
        holding.wait()
        let started = Date()
        let page = JSONRenderer().render(try HubReports(store, waitsForImports: false).report(query))
        #expect(Date().timeIntervalSince(started) < 1.5)
        #expect(page == before)
        released.wait()

        // With the lock free, the page folds too, and counts what the command line counts.
        let after = JSONRenderer().render(try HubReports(store, waitsForImports: false).report(query))
        #expect(after != before)
        #expect(after == JSONRenderer().render(try HubReports(store).report(query)))
    }

    @Test func aFoldBesideImportsCountsWhatAFoldAfterThemCounts() throws {
        // The fold holds the insert lock only to read how far positions are settled, so batches
        // commit while it runs; none may be folded twice or skipped.
        guard let busy = try HubFixture(.postgres, events: false) else { return }
        defer { busy.remove() }
        guard let calm = try HubFixture(.postgres, events: false) else { return }
        defer { calm.remove() }
        let all = HubFixture.allEvents()
        let batches = stride(from: 0, to: all.count, by: 3).map { Array(all[$0..<min($0 + 3, all.count)]) }
        let store = try #require(busy.store as? PostgresHubStore)
        let importing = DispatchSemaphore(value: 0)
        let failures = FailureCount()
        Thread {
            for batch in batches {
                do { _ = try store.insert(batch, via: "test", receivedAt: HubFixture.t0) } catch {
                    failures.count += 1
                }
            }
            importing.signal()
        }.start()
        var folds = 0
        while importing.wait(timeout: .now()) == .timedOut {
            try store.refreshAggregates()
            folds += 1
        }
        try calm.insert(all)
        #expect(failures.count == 0)  // read after the importer signalled
        #expect(folds > 1)
        for query in [
            ReportQuery(.completion, by: .district), ReportQuery(.activity, by: .center, period: .day),
            ReportQuery(.inclusion, asOf: LocalDate("2025-06-30")), ReportQuery(.items, course: "k"),
            ReportQuery(.needsHelp, asOf: LocalDate("2025-06-30")),
        ] {
            #expect(
                JSONRenderer().render(try busy.db.report(query)) == JSONRenderer().render(try calm.db.report(query)),
                "\(query.kind)")
        }
    }
}

/// Importers share the insert lock and commit their positions out of order; whoever reads
/// events by position must not pass one that commits later.
@Suite("PostgreSQL importers side by side")
struct PostgresSideBySideTests {
    @Test func aPushDoesNotPassAPositionAnImportHasNotCommittedYet() throws {
        guard let hub = try HubFixture(.postgres, events: false) else { return }
        defer { hub.remove() }
        let store = try #require(hub.store as? PostgresHubStore)
        let all = HubFixture.allEvents()
        let early = try #require(all.first { $0.nodeId == HubFixture.nodeA })
        let late = try #require(all.first { $0.nodeId == HubFixture.nodeB })
        let inside = DispatchSemaphore(value: 0)
        let release = Flag()
        let slowDone = DispatchSemaphore(value: 0)
        // A slow import: its row takes the first position, then it waits before committing.
        Thread {
            _ = try? store.transaction { connection, logger in
                try await PostgresHubStore.holdInsertLock(connection, logger)
                _ = try await PostgresHubStore.insertOne(
                    early, via: "test", receivedAt: HubFixture.t0, connection, logger)
                inside.signal()
                while !release.isSet { try await Task.sleep(for: .milliseconds(5)) }
            }
            slowDone.signal()
        }.start()
        #expect(inside.wait(timeout: .now() + 30) == .success)
        // Another import beside it commits a later position at once.
        #expect(try store.insert([late], via: "test", receivedAt: HubFixture.t0).new == 1)
        let pushed = Box()
        let read = DispatchSemaphore(value: 0)
        Thread {
            pushed.nodes = (try? store.events(afterPosition: 0, limit: 100))?.map(\.event.nodeId) ?? []
            read.signal()
        }.start()
        // The reader waits for the slow import rather than return the later row alone.
        #expect(read.wait(timeout: .now() + 0.5) == .timedOut)
        release.set()
        #expect(slowDone.wait(timeout: .now() + 30) == .success)
        #expect(read.wait(timeout: .now() + 30) == .success)
        #expect(pushed.nodes == [HubFixture.nodeA, HubFixture.nodeB])
    }
}

/// Set once by one thread, read by another.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

/// What the reading thread saw, read after it signals.
private final class Box: @unchecked Sendable {
    var nodes: [String] = []
}

/// Failed inserts, counted by the importing thread and read after it signals that it is done.
private final class FailureCount: @unchecked Sendable {
    var count = 0
}
