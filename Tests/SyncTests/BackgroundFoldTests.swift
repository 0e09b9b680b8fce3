import BlockingCalls
import Foundation
import HubBackends
import HubServer
import HubStore
import LearnerEvents
import Testing

@testable import HubStorePostgres
@testable import SyncWire

/// `hocso-hub serve` folds what importers add while it runs, so its pages need not wait for the
/// importers' lock to fold it themselves.
@Suite("Background fold")
struct BackgroundFoldTests {
    /// Positions given but not yet folded.
    func unfolded(_ store: PostgresHubStore) throws -> Int64 {
        let (mark, last) = try store.run { try await PostgresHubStore.foldBounds($0, $1) }
        return last - mark
    }

    @Test func eventsImportedWhileTheServerRunsAreFoldedWithoutAReport() async throws {
        guard let hub = try Backend.postgres.open() else { return }
        defer { hub.remove() }
        let store = try #require(hub.store as? PostgresHubStore)
        let node = "n-abcdefghijklmnop"
        _ = try store.register(
            Center(nodeId: node, publicKey: NodeKey.generate().publicKey, name: "xa", registeredAt: 0))
        let events = (1...20).map { seq in
            makeEvent(
                nodeId: node, seq: Int64(seq), kind: "lesson.opened", learner: "LAN1",
                occurredAt: 1_700_000_000_000 + Int64(seq), recordedAt: 1_700_000_000_000 + Int64(seq),
                courseId: "an-toan", courseVersion: 1, lessonId: "bai-1", payload: "{}")
        }
        #expect(try store.insert(events, via: node, receivedAt: 1).new == 20)
        #expect(try unfolded(store) == 20)

        let folding = Task { await HubServer.keepAggregatesFresh(store, every: .milliseconds(100)) }
        defer { folding.cancel() }
        // Read off Swift's shared threads, which the folding task needs too. The limit is
        // generous: with the whole suite running on two cores, the task waited minutes for a thread.
        let deadline = Date().addingTimeInterval(600)
        var left = try await BlockingCalls.run { try unfolded(store) }
        while left > 0, Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
            left = try await BlockingCalls.run { try unfolded(store) }
        }
        #expect(left == 0)
    }
}
