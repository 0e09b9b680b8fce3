import Foundation
import HubStore
import LearnerEvents
import SyncWire

/// The hub's side of `POST /api/v1/events`, independent of HTTP: checks who sends, checks the
/// signature, freshness and nonce, checks that every event's origin is the sender or a centre
/// the (hub) sender vouches for, inserts idempotently and answers with a signed receipt.
///
/// Trust rule for hubs below hubs: an upstream registers a lower hub (role `hub`) by its key.
/// That hub may deliver events of other nodes only if it vouches for each origin in the same
/// request (node id, name, public key). An origin unknown upstream is registered as vouched by
/// that hub; a known origin must have the same key and must not be revoked. A centre (role
/// `centre`) may only ever deliver its own events.
public struct SyncService: Sendable {
    /// The hub database.
    public let store: any HubStore
    /// The hub's identity (signs receipts).
    public let identity: HubIdentity
    /// The clock.
    public let clock: SyncClock

    /// Makes the service.
    public init(store: any HubStore, identity: HubIdentity, clock: @escaping SyncClock = systemSyncClock) {
        self.store = store
        self.identity = identity
        self.clock = clock
    }

    /// Handles one signed push.
    public func acceptEvents(method: String, path: String, request: SignedRequest, body: Data) throws -> PushAnswer {
        let now = clock()
        guard let sender = try hubStoreErrors({ try store.center(request.node) }) else {
            throw SyncError(.unknownNode, HubSyncText.requestUnknownNode(request.node))
        }
        guard sender.status == .active else {
            throw SyncError(.revokedNode, HubSyncText.requestRevokedNode(sender.nodeId))
        }
        guard abs(now - request.timestamp) <= SignedRequest.maxSkew else {
            // Offline PCs often have wrong clocks: say the hub's time so the operator can set theirs.
            let hubTime = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(now) / 1000))
            throw SyncError(.staleRequest, HubSyncText.requestStale(hubTime: hubTime))
        }
        let signed = SignedRequest.signedBytes(
            method: method, path: path, timestamp: request.timestamp, nonce: request.nonce,
            bodySHA256: Digest.sha256Hex(body),
            node: request.node)
        guard NodeKey.verify(signature: request.signature, of: signed, publicKey: sender.publicKey) else {
            throw SyncError(.badSignature, HubSyncText.requestBadSignature(sender.nodeId))
        }
        guard (16...64).contains(request.nonce.count) else {
            throw SyncError(.invalid, HubSyncText.requestBadNonce)
        }
        let fresh = try hubStoreErrors {
            try store.recordNonce(
                request.nonce, node: sender.nodeId, at: now, forgetBefore: now - 2 * SignedRequest.maxSkew)
        }
        guard fresh else {
            throw SyncError(.replayedRequest, HubSyncText.requestReplayed)
        }
        try hubStoreErrors { try store.touch(sender.nodeId, at: now) }

        let (header, events) = try PushBody.decode(body)
        let (allowed, revoked) = try allowedOrigins(sender: sender, vouches: header.vouches, at: now)
        var origins = Set<String>()
        var taken: [Event] = []
        var heldBack: [String: Int] = [:]
        for event in events {
            // A lower hub keeps delivering the centres this hub revoked: their events stay
            // below, the others flow (one revoked centre must not stop a district).
            if revoked.contains(event.nodeId) {
                heldBack[event.nodeId, default: 0] += 1
                continue
            }
            guard allowed.contains(event.nodeId) else {
                throw SyncError(.forbidden, HubSyncText.requestOthersEvents(sender.nodeId, event.nodeId))
            }
            origins.insert(event.nodeId)
            taken.append(event)
        }
        let counts = try hubStoreErrors { try store.insert(taken, via: sender.nodeId, receivedAt: now) }
        if sender.role == .centre || origins.isEmpty { origins.insert(sender.nodeId) }
        if sender.role == .hub { origins.formUnion(header.vouches.map(\.nodeId).filter { !revoked.contains($0) }) }
        let receipt = try hubStoreErrors { try identity.receipt(for: Array(origins), store: store, at: clock()) }
        return PushAnswer(counts: counts, receipt: receipt, heldBack: heldBack)
    }

    /// The nodes whose events `sender` may deliver in this request, and the vouched nodes this
    /// hub has revoked (their events are not taken).
    func allowedOrigins(
        sender: Center, vouches: [NodeRegistration], at now: Int64
    ) throws -> (allowed: Set<String>, revoked: Set<String>) {
        var allowed: Set<String> = [sender.nodeId]
        var revoked = Set<String>()
        guard !vouches.isEmpty else { return (allowed, revoked) }
        guard sender.role == .hub else {
            throw SyncError(.forbidden, HubSyncText.requestCentreVouches(sender.nodeId))
        }
        for vouch in vouches {
            let v = try vouch.validated()
            guard v.nodeId != identity.nodeId else { continue }
            if let known = try hubStoreErrors({ try store.center(v.nodeId) }) {
                guard known.publicKey == v.publicKey else {
                    throw SyncError(.forbidden, HubSyncText.requestOtherKey(v.nodeId))
                }
                guard known.status == .active else {
                    revoked.insert(v.nodeId)
                    continue
                }
            } else {
                _ = try hubStoreErrors {
                    try store.register(
                        Center(
                            nodeId: v.nodeId, publicKey: v.publicKey, name: v.name, communeCode: nil, role: v.role,
                            vouchedBy: sender.nodeId, registeredAt: now))
                }
            }
            allowed.insert(v.nodeId)
        }
        return (allowed, revoked)
    }
}
