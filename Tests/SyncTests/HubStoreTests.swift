import Foundation
import GRDB
import HubStore
import HubStoreSQLite
import LearnerEvents
import Testing

@testable import SyncCentre
@testable import SyncHub
@testable import SyncWire

@Suite("Hub store")
struct HubStoreTests {
    func learnerEvent(_ seq: Int64, at: Int64, birthYear: Int, kind: String = "learner.updated") -> Event {
        makeEvent(
            nodeId: "n-abcdefghijklmnop", seq: seq, kind: kind, learner: "LAN1", occurredAt: at, recordedAt: at,
            payload: #"{"birthYear":\#(birthYear),"commune":"Xã Đông","gender":"nu"}"#)
    }

    /// Regression: GRDB sets its WAL writer to NORMAL after our setup; a receipt's commit must be FULL.
    @Test func theWriterCommitsWithSynchronousFull() throws {
        let dir = try temporaryDirectory("store")
        let store = try SQLiteHubStore(path: dir.appendingPathComponent("hub.sqlite"))
        let level = try store.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        #expect(level == 2)
    }

    @Test("learners: the latest learner event wins whatever the arrival order", arguments: [false, true])
    func lastWriterWins(reversed: Bool) throws {
        let dir = try temporaryDirectory("store")
        let store = try SQLiteHubStore(path: dir.appendingPathComponent("hub.sqlite"))
        _ = try store.register(
            Center(nodeId: "n-abcdefghijklmnop", publicKey: NodeKey.generate().publicKey, name: "xa", registeredAt: 0))
        var batches = [
            [learnerEvent(1, at: 100, birthYear: 1970, kind: "learner.registered")],
            [learnerEvent(2, at: 300, birthYear: 1980)],
            [learnerEvent(3, at: 200, birthYear: 1975)],
        ]
        if reversed { batches.reverse() }
        for batch in batches { _ = try store.insert(batch, via: "n-abcdefghijklmnop", receivedAt: 1) }
        #expect(try store.learner(node: "n-abcdefghijklmnop", code: "LAN1")?.birthYear == 1980)
        #expect(try store.holdings("n-abcdefghijklmnop").held == [SeqRange(1, 3)])
    }

    @Test("a malformed event is rejected alone; the rest of its batch is stored and held")
    func rejectedAlone() throws {
        let dir = try temporaryDirectory("store")
        let store = try SQLiteHubStore(path: dir.appendingPathComponent("hub.sqlite"))
        _ = try store.register(
            Center(nodeId: "n-abcdefghijklmnop", publicKey: NodeKey.generate().publicKey, name: "xa", registeredAt: 0))
        var bad = learnerEvent(2, at: 1, birthYear: 1)
        bad.occurrence.kind = .unknown("NOT A KIND")
        let counts = try store.insert(
            [learnerEvent(1, at: 1, birthYear: 1970), bad, learnerEvent(3, at: 2, birthYear: 1971)],
            via: "n-abcdefghijklmnop",
            receivedAt: 1)
        #expect(counts == InsertCounts(new: 2, duplicate: 0, rejected: 1))
        #expect(try store.holdings("n-abcdefghijklmnop").gaps == [SeqRange(2, 2)])
    }

    /// A hub keeps events of kinds it does not know yet (a centre running a newer HocSo), so it
    /// can count what it understands and forward the rest byte for byte.
    @Test func eventsOfKindsFromANewerCentreAreKept() throws {
        let dir = try temporaryDirectory("store")
        let store = try SQLiteHubStore(path: dir.appendingPathComponent("hub.sqlite"))
        _ = try store.register(
            Center(nodeId: "n-abcdefghijklmnop", publicKey: NodeKey.generate().publicKey, name: "xa", registeredAt: 0))
        var newer = learnerEvent(1, at: 1, birthYear: 1970)
        newer.occurrence.kind = .unknown("certificate.issued")
        newer.occurrence.payload = EventPayload(json: #"{"credential":"…"}"#)
        #expect(try store.insert([newer], via: "n-abcdefghijklmnop", receivedAt: 1) == InsertCounts(new: 1))
        let back = try #require(try store.events(afterPosition: 0, limit: 1).first?.event)
        #expect(back == newer)
    }
}
