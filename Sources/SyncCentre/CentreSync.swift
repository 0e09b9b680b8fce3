import Foundation
import HubStore
import ProgressStore
import SyncWire

/// The centre's side of sync: its identity, the hubs it trusts, and acknowledgements.
public enum CentreSync {
    /// Makes the centre's key pair once (named `name`, default "centre <node>"); returns it and
    /// whether it was made now.
    public static func initialise(_ store: CentreStore, name: String?) throws -> (identity: SyncIdentity, created: Bool)
    {
        if let existing = try centreStoreErrors({ try store.syncIdentity() }) {
            if let name, name != existing.name {
                try centreStoreErrors { try store.renameCentre(name) }
                return (try identity(store), false)
            }
            return (existing, false)
        }
        let key = NodeKey.generate()
        let made = try centreStoreErrors {
            try store.createSyncIdentity(
                name: name ?? "centre \(store.nodeId)", publicKey: key.publicKey, privateKey: key.base64)
        }
        return (made, made.publicKey == key.publicKey)
    }

    /// The identity, or a clear error before `hocso center init`.
    public static func identity(_ store: CentreStore) throws -> SyncIdentity {
        guard let identity = try centreStoreErrors({ try store.syncIdentity() }) else {
            throw SyncError(.notInitialised, CentreSyncText.notInitialised)
        }
        return identity
    }

    /// The centre's signing key from its key file, or a clear error before `hocso center init`
    /// or when the key file is missing or belongs to another centre.
    public static func signingKey(_ store: CentreStore) throws -> NodeKey {
        guard let stored = try centreStoreErrors({ try store.signingKey() }) else {
            throw SyncError(.notInitialised, CentreSyncText.notInitialised)
        }
        return try NodeKey(base64: stored.privateKey)
    }

    /// The centre's registration, for a hub.
    public static func registration(_ store: CentreStore, communeCode: String? = nil) throws -> NodeRegistration {
        let id = try identity(store)
        return NodeRegistration(
            nodeId: id.nodeId, name: id.name, role: .centre, publicKey: id.publicKey, communeCode: communeCode)
    }

    /// Adds a hub from the registration file it exported for this centre.
    public static func addHub(from url: URL, to store: CentreStore) throws -> NodeRegistration {
        let file = try RegistrationFile.read(url)
        let me = try identity(store)
        guard file.node.role == .hub else {
            throw SyncError(
                .invalid,
                CentreSyncText.notAHub(url.lastPathComponent, role: file.node.role.rawValue, node: file.node.nodeId))
        }
        if let target = file.for {
            guard target.nodeId == me.nodeId, target.publicKey == me.publicKey else {
                throw SyncError(
                    .forbidden,
                    CentreSyncText.madeForAnotherCentre(url.lastPathComponent, target: target.nodeId, me: me.nodeId))
            }
        }
        try centreStoreErrors {
            try store.addSyncHub(id: file.node.nodeId, name: file.node.name, publicKey: file.node.publicKey)
        }
        return file.node
    }

    /// Verifies a receipt against the hub's key known here and records the acknowledgement.
    /// Returns the seq now acknowledged by that hub.
    @discardableResult
    public static func acknowledge(_ signed: SignedReceipt, store: CentreStore) throws -> Int64 {
        let me = try identity(store)
        let hubId = signed.receipt.hub
        guard let hub = try centreStoreErrors({ try store.syncHubs() }).first(where: { $0.hubId == hubId }) else {
            throw SyncError(.unknownNode, CentreSyncText.unknownHub(hubId))
        }
        let receipt = try signed.verified(hubId: hub.hubId, hubPublicKey: hub.publicKey)
        guard let mine = receipt.holdings(of: me.nodeId) else {
            throw SyncError(.invalid, CentreSyncText.receiptSaysNothing(me.nodeId))
        }
        return try centreStoreErrors {
            try store.recordAcknowledgement(
                hub: hubId, contiguousThrough: mine.contiguousThrough, issuedAt: receipt.issuedAt)
        }
    }

    /// Reads a receipt file and acknowledges it.
    @discardableResult
    public static func acknowledge(receiptAt url: URL, store: CentreStore) throws -> Int64 {
        try acknowledge(try SignedReceipt.read(url), store: store)
    }
}
