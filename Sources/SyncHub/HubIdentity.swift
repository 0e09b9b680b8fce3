import Foundation
import HubStore
import LearnerEvents
import SyncWire

/// A hub's own identity: node id, name and Ed25519 key, kept in its database (`hub_meta`).
public struct HubIdentity: Sendable {
    /// Node id.
    public var nodeId: String
    /// Name.
    public var name: String
    /// The signing key.
    public var key: NodeKey

    /// The public key, base64.
    public var publicKey: String { key.publicKey }

    /// The hub's registration (for upstream hubs and the centres below it).
    public var registration: NodeRegistration {
        NodeRegistration(nodeId: nodeId, name: name, role: .hub, publicKey: publicKey)
    }

    private struct Stored: Codable {
        var nodeId: String
        var name: String
        var privateKey: String
    }

    static let metaKey = "identity"

    /// Makes the hub's identity once; returns the stored one and whether it was made now.
    public static func initialise(_ store: any HubStore, name: String?) throws -> (identity: HubIdentity, created: Bool)
    {
        let key = NodeKey.generate()
        let nodeId = NodeId.random()
        let fresh = Stored(nodeId: nodeId, name: name ?? "hub \(nodeId)", privateKey: key.base64)
        let text = String(decoding: try CanonicalJSON.encode(fresh), as: UTF8.self)
        let stored = try store.setMetaIfAbsent(metaKey, text)
        let identity = try decode(stored)
        return (identity, identity.nodeId == nodeId)
    }

    /// The hub's identity, or a clear error when `hocso hub init` was never run.
    public static func load(_ store: any HubStore) throws -> HubIdentity {
        guard let text = try store.meta(metaKey) else {
            throw SyncError(.notInitialised, HubSyncText.notInitialised)
        }
        return try decode(text)
    }

    private static func decode(_ text: String) throws -> HubIdentity {
        let stored = try CanonicalJSON.decode(Stored.self, from: Data(text.utf8), what: HubSyncText.identity)
        return HubIdentity(nodeId: stored.nodeId, name: stored.name, key: try NodeKey(base64: stored.privateKey))
    }

    /// A receipt of what this hub holds for `nodes`, signed.
    public func receipt(for nodes: [String], store: any HubStore, at: Int64) throws -> SignedReceipt {
        let holdings = try nodes.sorted().map { NodeHoldings(try store.holdings($0)) }
        return try SignedReceipt(Receipt(hub: nodeId, hubPublicKey: publicKey, issuedAt: at, nodes: holdings), key: key)
    }
}

/// Registering, listing, revoking and exporting the nodes a hub accepts.
public enum HubCenters {
    /// Registers a node (a centre, or a lower hub) from its registration.
    public static func add(_ registration: NodeRegistration, to store: any HubStore, at: Int64) throws -> Center {
        let r = try registration.validated()
        return try hubStoreErrors {
            try store.register(
                Center(
                    nodeId: r.nodeId, publicKey: r.publicKey, name: r.name, communeCode: r.communeCode, role: r.role,
                    registeredAt: at))
        }
    }

    /// Revokes a node.
    public static func revoke(_ nodeId: String, in store: any HubStore, at: Int64) throws -> Center {
        try hubStoreErrors { try store.revoke(nodeId, at: at) }
    }

    /// The registration file a hub gives a centre: the hub's own key (to verify receipts), and
    /// the centre's registration as the hub holds it.
    public static func exportRegistration(for nodeId: String, store: any HubStore, identity: HubIdentity, to url: URL)
        throws
    {
        guard let center = try hubStoreErrors({ try store.center(nodeId) }) else {
            throw SyncError(.unknownNode, HubSyncText.unknownCentre(nodeId))
        }
        let centre = NodeRegistration(
            nodeId: center.nodeId, name: center.name, role: center.role, publicKey: center.publicKey,
            communeCode: center.communeCode)
        try RegistrationFile(node: identity.registration, for: centre, key: identity.key).write(to: url)
    }
}

/// Runs `body`, turning hub store errors into sync errors of the matching kind.
func hubStoreErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as HubStoreError {
        switch error.kind {
        case .unknownNode, .notFound: throw SyncError(.unknownNode, error.phrase)
        case .revokedNode: throw SyncError(.revokedNode, error.phrase)
        case .conflict: throw SyncError(.forbidden, error.phrase)
        case .invalid: throw SyncError(.invalid, error.phrase)
        case .notInitialised: throw SyncError(.notInitialised, error.phrase)
        case .cannotOpen, .storage: throw SyncError(.storage, error.phrase)
        }
    }
}
