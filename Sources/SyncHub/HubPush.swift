import Foundation
import HubStore
import SyncWire

/// A hub's push of everything it holds to an upstream hub (commune → district → province),
/// with the same signed protocol. Events keep their origin node; each request vouches for the
/// origins it carries. A cursor over the hub's arrival order (rowid) moves only past events the
/// upstream's signed answer says it holds, or says it will not take because it revoked their
/// centre: those stay here, are counted in the report, and the others flow.
public enum HubPush {
    /// The `hub_meta` key under which an upstream's registration is kept.
    static func metaKey(_ upstream: String) -> String { "upstream:\(upstream)" }

    /// Records an upstream hub's registration (its key verifies its answers).
    public static func addUpstream(from url: URL, to store: any HubStore) throws -> NodeRegistration {
        let file = try RegistrationFile.read(url)
        guard file.node.role == .hub else {
            throw SyncError(
                .invalid,
                HubSyncText.notAHub(url.lastPathComponent, role: file.node.role.rawValue, node: file.node.nodeId))
        }
        let text = String(decoding: try CanonicalJSON.encode(file.node), as: UTF8.self)
        let stored = try hubStoreErrors { try store.setMetaIfAbsent(metaKey(file.node.nodeId), text) }
        guard stored == text else {
            let old = try CanonicalJSON.decode(
                NodeRegistration.self, from: Data(stored.utf8), what: HubSyncText.storedUpstream)
            guard old.publicKey == file.node.publicKey else {
                throw SyncError(.forbidden, HubSyncText.upstreamOtherKey(file.node.nodeId))
            }
            return old
        }
        return file.node
    }

    /// Pushes every event not yet held upstream. Returns counts, batches and the upstream id.
    public static func run(
        store: any HubStore, identity: HubIdentity, pusher: EventPusher, chunk: Int = 2000,
        clock: @escaping SyncClock = systemSyncClock
    ) async throws -> PushReport {
        var report = PushReport(hub: "", sent: 0, counts: InsertCounts(), acknowledgedThrough: 0, batches: 0)
        // Probe: who is upstream, and is its key the one registered here?
        let probe = try await pusher.send([])
        let upstream = try verify(probe, store: store, pusher: pusher)
        report.hub = upstream.hub
        var cursor = try hubStoreErrors { try store.upstreamCursor(upstream.hub).pushedThrough }
        while true {
            let stored = try hubStoreErrors { try store.events(afterPosition: cursor, limit: max(1, chunk)) }
            guard let lastPosition = stored.last?.position else { break }
            let events = stored.map(\.event)
            var vouches: [NodeRegistration] = []
            for origin in Set(events.map(\.nodeId)).sorted() where origin != identity.nodeId {
                guard let center = try hubStoreErrors({ try store.center(origin) }) else {
                    throw SyncError(.unknownNode, HubSyncText.heldButUnregistered(origin))
                }
                vouches.append(
                    NodeRegistration(
                        nodeId: center.nodeId, name: center.name, role: center.role, publicKey: center.publicKey))
            }
            let answer = try await pusher.send(events, vouches: vouches)
            let receipt = try verify(answer, store: store, pusher: pusher)
            for (node, count) in answer.heldBack { report.heldBack[node, default: 0] += count }
            for event in events where answer.heldBack[event.nodeId] == nil {
                guard receipt.holdings(of: event.nodeId)?.holds(event.seq) == true else {
                    throw SyncError(.network, HubSyncText.upstreamDidNotStore(upstream.hub, event.id))
                }
            }
            try hubStoreErrors { try store.advanceUpstreamCursor(upstream.hub, to: lastPosition, at: clock()) }
            cursor = lastPosition
            report.batches += 1
            report.sent += events.count
            report.counts = report.counts + answer.counts
        }
        report.acknowledgedThrough = cursor
        return report
    }

    private static func verify(_ answer: PushAnswer, store: any HubStore, pusher: EventPusher) throws -> Receipt {
        let hubId = answer.receipt.receipt.hub
        guard let text = try hubStoreErrors({ try store.meta(metaKey(hubId)) }) else {
            throw SyncError(.unknownNode, HubSyncText.unknownUpstream(hubId, at: pusher.hub.absoluteString))
        }
        let registration = try CanonicalJSON.decode(
            NodeRegistration.self, from: Data(text.utf8), what: HubSyncText.storedUpstream)
        return try answer.receipt.verified(hubId: hubId, hubPublicKey: registration.publicKey)
    }
}
