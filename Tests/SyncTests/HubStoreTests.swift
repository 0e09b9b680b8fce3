import Foundation
import GRDB
import HubBackends
import HubStore
import HubStoreSQLite
import LearnerEvents
import Synchronization
import Testing

@testable import SyncCentre
@testable import SyncHub
@testable import SyncWire

/// The hub store's promises, run unchanged on every backend: exactly-once inserts, held ranges
/// and gaps, learners, rejected rows, kinds from newer centres, accounts and sign-in links.
@Suite("Hub store")
struct HubStoreTests {
    static let node = "n-abcdefghijklmnop"

    func learnerEvent(_ seq: Int64, at: Int64, birthYear: Int, kind: String = "learner.updated") -> Event {
        makeEvent(
            nodeId: Self.node, seq: seq, kind: kind, learner: "LAN1", occurredAt: at, recordedAt: at,
            payload: #"{"birthYear":\#(birthYear),"commune":"Xã Đông","gender":"nu"}"#)
    }

    func stepEvent(_ seq: Int64, node: String = Self.node) -> Event {
        makeEvent(
            nodeId: node, seq: seq, kind: "step.read", learner: "LAN1", occurredAt: 1_700_000_000_000 + seq,
            recordedAt: 1_700_000_000_000 + seq, courseId: "an-toan", courseVersion: 1, lessonId: "bai-1",
            itemId: "s\(seq % 9)", payload: "{}")
    }

    /// A new hub database of `backend` with one registered centre; nil when the backend is missing.
    func hub(_ backend: Backend) throws -> OpenedHub? {
        guard let hub = try backend.open() else { return nil }
        _ = try hub.store.register(
            Center(nodeId: Self.node, publicKey: NodeKey.generate().publicKey, name: "xa", registeredAt: 0))
        return hub
    }

    /// Regression: GRDB sets its WAL writer to NORMAL after our setup; a receipt's commit must be FULL.
    @Test func theWriterCommitsWithSynchronousFull() throws {
        let dir = try temporaryDirectory("store")
        let store = try SQLiteHubStore(path: dir.appendingPathComponent("hub.sqlite"))
        let level = try store.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        #expect(level == 2)
    }

    @Test(arguments: Backend.all)
    func theSameBatchTwiceIsStoredOnce(_ backend: Backend) throws {
        guard let hub = try hub(backend) else { return }
        defer { hub.remove() }
        let batch = (1...10).map { stepEvent(Int64($0)) }
        #expect(try hub.store.insert(batch, via: Self.node, receivedAt: 1) == InsertCounts(new: 10))
        #expect(try hub.store.insert(batch, via: Self.node, receivedAt: 2) == InsertCounts(duplicate: 10))
        // One event twice in a batch counts once.
        #expect(
            try hub.store.insert([stepEvent(11), stepEvent(11)], via: Self.node, receivedAt: 3)
                == InsertCounts(new: 1, duplicate: 1))
        #expect(try hub.store.eventCount() == 11)
        #expect(try hub.store.holdings(Self.node).held == [SeqRange(1, 11)])
        let stored = try hub.store.events(afterPosition: 0, limit: 100)
        #expect(stored.map(\.event) == batch + [stepEvent(11)])
        #expect(zip(stored, stored.dropFirst()).allSatisfy { $0.position < $1.position })
    }

    @Test(arguments: Backend.all)
    func holdingsMergeRangesAndShowGaps(_ backend: Backend) throws {
        guard let hub = try hub(backend) else { return }
        defer { hub.remove() }
        for seqs in [[1, 2, 3], [7, 8, 9], [5]] {
            _ = try hub.store.insert(seqs.map { stepEvent(Int64($0)) }, via: Self.node, receivedAt: 1)
        }
        let held = try hub.store.holdings(Self.node)
        #expect(held.held == [SeqRange(1, 3), SeqRange(5, 5), SeqRange(7, 9)])
        #expect(held.gaps == [SeqRange(4, 4), SeqRange(6, 6)])
        _ = try hub.store.insert([stepEvent(6), stepEvent(4)], via: Self.node, receivedAt: 1)
        #expect(try hub.store.holdings(Self.node).held == [SeqRange(1, 9)])
    }

    @Test("learners: the latest learner event wins whatever the arrival order", arguments: Backend.all, [false, true])
    func lastWriterWins(_ backend: Backend, reversed: Bool) throws {
        guard let hub = try hub(backend) else { return }
        defer { hub.remove() }
        var batches = [
            [learnerEvent(1, at: 100, birthYear: 1970, kind: "learner.registered")],
            [learnerEvent(2, at: 300, birthYear: 1980)],
            [learnerEvent(3, at: 200, birthYear: 1975)],
        ]
        if reversed { batches.reverse() }
        for batch in batches { _ = try hub.store.insert(batch, via: Self.node, receivedAt: 1) }
        #expect(try hub.store.learner(node: Self.node, code: "LAN1")?.birthYear == 1980)
        #expect(try hub.store.holdings(Self.node).held == [SeqRange(1, 3)])
    }

    @Test("a malformed event is rejected alone; the rest of its batch is stored and held", arguments: Backend.all)
    func rejectedAlone(_ backend: Backend) throws {
        guard let hub = try hub(backend) else { return }
        defer { hub.remove() }
        var bad = learnerEvent(2, at: 1, birthYear: 1)
        bad.occurrence.kind = .unknown("NOT A KIND")
        var unregistered = stepEvent(1, node: "n-zzzzzzzzzzzzzzzz")
        unregistered.occurrence.learner = "X"
        let counts = try hub.store.insert(
            [learnerEvent(1, at: 1, birthYear: 1970), bad, learnerEvent(3, at: 2, birthYear: 1971), unregistered],
            via: Self.node, receivedAt: 1)
        #expect(counts == InsertCounts(new: 2, duplicate: 0, rejected: 2))
        #expect(try hub.store.holdings(Self.node).gaps == [SeqRange(2, 2)])
        #expect(try hub.store.learner(node: Self.node, code: "LAN1")?.birthYear == 1971)
    }

    /// A hub keeps events of kinds it does not know yet (a centre running a newer HocSo), so it
    /// can count what it understands and forward the rest byte for byte.
    @Test(arguments: Backend.all)
    func eventsOfKindsFromANewerCentreAreKept(_ backend: Backend) throws {
        guard let hub = try hub(backend) else { return }
        defer { hub.remove() }
        var newer = learnerEvent(1, at: 1, birthYear: 1970)
        newer.occurrence.kind = .unknown("badge.endorsed")
        newer.occurrence.payload = EventPayload(json: #"{"credential":"…", "spaced" : [1, 2]}"#)
        #expect(try hub.store.insert([newer], via: Self.node, receivedAt: 1) == InsertCounts(new: 1))
        let back = try #require(try hub.store.events(afterPosition: 0, limit: 1).first?.event)
        #expect(back == newer)
    }

    /// Several importers at once on one database (each with its own connections, as separate
    /// processes have), overlapping batches in different orders: every event is stored once,
    /// positions follow commits, and the numbers equal one importer's.
    @Test(arguments: Backend.all)
    func concurrentImportersStoreEachEventOnce(_ backend: Backend) throws {
        guard let hub = try hub(backend) else { return }
        defer { hub.remove() }
        let events = (1...400).map { stepEvent(Int64($0)) }
        let stores = try (0..<4).map { _ in try hub.reopen() }
        let totals = Mutex(InsertCounts())
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: stores.count) { index in
            var generator = seededRandom(UInt64(index))
            let batches = stride(from: 0, to: events.count, by: 25)
                .map { Array(events[$0..<min($0 + 25, events.count)]) }
                .shuffled(using: &generator)
            for batch in batches {
                do {
                    let counts = try stores[index].insert(batch, via: Self.node, receivedAt: Int64(index))
                    totals.withLock { $0 = $0 + counts }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(totals.withLock { $0 } == InsertCounts(new: 400, duplicate: 1200))
        #expect(try hub.store.eventCount() == 400)
        #expect(try hub.store.holdings(Self.node).held == [SeqRange(1, 400)])
        let stored = try hub.store.events(afterPosition: 0, limit: 1000)
        #expect(Set(stored.map(\.event.seq)).count == 400 && stored.count == 400)
        #expect(zip(stored, stored.dropFirst()).allSatisfy { $0.position < $1.position })
        try hub.store.refreshAggregates()
        let activity = try hub.store.activity(places: nil, fromDay: 0, toDay: 100_000, period: .day)
        #expect(activity.map(\.learners).reduce(0, +) >= 1)
    }

    @Test(arguments: Backend.all)
    func accountsAndOneTimeLinks(_ backend: Backend) throws {
        guard let hub = try hub(backend) else { return }
        defer { hub.remove() }
        let store = hub.store
        try store.saveUser(HubUser(username: "tinh", passwordHash: "h1", createdAt: 1))
        try store.saveUser(HubUser(username: "huyen", passwordHash: "h2", displayName: "Huyện", createdAt: 2))
        try store.saveUser(HubUser(username: "tinh", passwordHash: "h3", createdAt: 9))
        #expect(try store.users().map(\.username) == ["huyen", "tinh"])
        #expect(try store.user("tinh")?.passwordHash == "h3")
        #expect(try store.user("tinh")?.createdAt == 1)
        try store.saveLoginLink(
            LoginLink(tokenHash: "t1", username: "tinh", next: "/dashboard", expiresAt: 100), now: 0)
        try store.saveLoginLink(LoginLink(tokenHash: "t2", username: "tinh", next: "/dashboard", expiresAt: 50), now: 0)
        #expect(try store.useLoginLink(tokenHash: "t1", now: 10)?.username == "tinh")
        #expect(try store.useLoginLink(tokenHash: "t1", now: 11) == nil)
        #expect(try store.useLoginLink(tokenHash: "t2", now: 60) == nil)
        #expect(try store.removeUser("tinh"))
        #expect(try !store.removeUser("tinh"))
        let secret = try store.secret("session", orStore: Array(repeating: 7, count: 32))
        #expect(try store.secret("session", orStore: Array(repeating: 9, count: 32)) == secret)
        #expect(try store.setMetaIfAbsent("name", "Tỉnh") == "Tỉnh")
        #expect(try store.setMetaIfAbsent("name", "Khác") == "Tỉnh")
        #expect(try store.recordNonce("0123456789abcdef", node: Self.node, at: 5, forgetBefore: 0))
        #expect(try !store.recordNonce("0123456789abcdef", node: Self.node, at: 6, forgetBefore: 0))
        try store.advanceUpstreamCursor("n-uuuuuuuuuuuuuuuu", to: 40, at: 1)
        try store.advanceUpstreamCursor("n-uuuuuuuuuuuuuuuu", to: 30, at: 2)
        #expect(try store.upstreamCursor("n-uuuuuuuuuuuuuuuu").pushedThrough == 40)
    }
}
