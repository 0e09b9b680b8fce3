import Foundation
import GRDB
import LearnerEvents
import SQLiteSupport

/// The centre's signing identity as stored (keys base64).
public struct SyncIdentity: Sendable, Equatable {
    /// The node id (also in `meta`).
    public var nodeId: String
    /// The centre's name, as hubs will show it.
    public var name: String
    /// Ed25519 public key, base64.
    public var publicKey: String
    /// When made, ms since 1970.
    public var createdAt: Int64
}

/// A hub this centre reports to.
public struct SyncHub: Sendable, Equatable {
    /// The hub's node id.
    public var hubId: String
    /// Its name.
    public var name: String
    /// Its Ed25519 public key, base64: receipts must verify against it.
    public var publicKey: String
    /// When added here, ms since 1970.
    public var addedAt: Int64
    /// When the hub last heard from this centre (its receipt's time), ms since 1970.
    public var lastHeardAt: Int64?
    /// How far it has acknowledged this centre's events.
    public var acknowledgedThrough: Int64
}

/// Where this centre's events stand.
public struct SyncStatus: Sendable, Equatable {
    /// The last seq recorded.
    public var lastSeq: Int64
    /// The highest seq any hub has acknowledged (hubs pass events upstream).
    public var acknowledgedThrough: Int64
    /// The highest seq written to a bundle.
    public var exportedThrough: Int64
    /// Events never exported nor acknowledged.
    public var toExport: Int64 { max(0, lastSeq - max(acknowledgedThrough, exportedThrough)) }
    /// Events exported but not acknowledged.
    public var exportedNotAcknowledged: Int64 { max(0, min(exportedThrough, lastSeq) - acknowledgedThrough) }
    /// The hubs and what each acknowledged.
    public var hubs: [SyncHub]
}

extension CentreStore {
    /// The signing identity, nil before `hocso center init`.
    public func syncIdentity() throws -> SyncIdentity? {
        try storageErrors {
            try pool.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM sync_identity").map {
                    SyncIdentity(
                        nodeId: $0["node_id"], name: $0["name"], publicKey: $0["public_key"],
                        createdAt: $0["created_at"])
                }
            }
        }
    }

    /// Stores the identity unless one exists, the private key in the key file (`keyFile`);
    /// returns the one stored (made once, never replaced).
    public func createSyncIdentity(name: String, publicKey: String, privateKey: String) throws -> SyncIdentity {
        let at = now()
        try storageErrors {
            try writeImmediate { db in
                if try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_identity") == 0 {
                    // Written under the write lock, before the row: two `center init` at once
                    // cannot leave one's key beside the other's identity.
                    try CentreKeyFile.write(
                        CentreKey(nodeId: nodeId, publicKey: publicKey, privateKey: privateKey), to: keyFile,
                        replacing: true)
                    try db.execute(
                        sql: "INSERT INTO sync_identity (node_id, name, public_key, created_at) VALUES (?, ?, ?, ?)",
                        arguments: [nodeId, name, publicKey, at])
                }
            }
        }
        guard let identity = try syncIdentity() else {
            throw ProgressStoreError(.corrupt, ProgressStoreText.identityVanished)
        }
        return identity
    }

    /// Renames the centre (the name travels in registration files).
    public func renameCentre(_ name: String) throws {
        try storageErrors {
            try writeImmediate { db in try db.execute(sql: "UPDATE sync_identity SET name = ?", arguments: [name]) }
        }
    }

    /// Adds (or updates the name of) a hub; another key for a known hub id is refused.
    public func addSyncHub(id: String, name: String, publicKey: String) throws {
        let at = now()
        try storageErrors {
            try writeImmediate { db in
                if let key = try String.fetchOne(
                    db, sql: "SELECT public_key FROM sync_hubs WHERE hub_id = ?", arguments: [id])
                {
                    guard key == publicKey else {
                        throw ProgressStoreError(.invalidSync, field: "hub", ProgressStoreText.hubKeyChanged(id))
                    }
                    try db.execute(sql: "UPDATE sync_hubs SET name = ? WHERE hub_id = ?", arguments: [name, id])
                } else {
                    try db.execute(
                        sql: "INSERT INTO sync_hubs (hub_id, name, public_key, added_at) VALUES (?, ?, ?, ?)",
                        arguments: [id, name, publicKey, at])
                }
            }
        }
    }

    /// The hubs this centre reports to, with their acknowledgements.
    public func syncHubs() throws -> [SyncHub] {
        return try storageErrors {
            try pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT h.*, coalesce(a.acknowledged_through, 0) AS through FROM sync_hubs h
                        LEFT JOIN hub_acknowledgements a ON a.hub_id = h.hub_id ORDER BY h.hub_id
                        """
                ).map {
                    SyncHub(
                        hubId: $0["hub_id"], name: $0["name"], publicKey: $0["public_key"], addedAt: $0["added_at"],
                        lastHeardAt: $0["last_heard_at"], acknowledgedThrough: $0["through"])
                }
            }
        }
    }

    /// Records what a hub said it holds, as of `issuedAt` (its clock). A receipt older than the
    /// last one applied changes nothing; a newer one replaces the acknowledgement, even downwards
    /// (a hub restored from a backup holds less, and the centre must send again).
    /// Refuses a claim beyond the last event this centre recorded. Returns the acknowledged seq.
    @discardableResult
    public func recordAcknowledgement(hub: String, contiguousThrough: Int64, issuedAt: Int64) throws -> Int64 {
        let at = now()
        return try storageErrors {
            try writeImmediate { db in
                guard
                    let row = try Row.fetchOne(
                        db, sql: "SELECT last_receipt_at FROM sync_hubs WHERE hub_id = ?", arguments: [hub])
                else {
                    throw ProgressStoreError(.invalidSync, field: "hub", ProgressStoreText.unknownHub(hub))
                }
                let last =
                    try Int64.fetchOne(
                        db, sql: "SELECT coalesce(max(seq), 0) FROM events WHERE node_id = ?", arguments: [nodeId]) ?? 0
                guard contiguousThrough <= last else {
                    throw ProgressStoreError(
                        .invalidSync, field: "receipt",
                        ProgressStoreText.receiptClaimsTooMuch(contiguousThrough, recorded: last))
                }
                let previous: Int64? = row["last_receipt_at"]
                if let previous, previous > issuedAt {
                    return try Int64.fetchOne(
                        db, sql: "SELECT acknowledged_through FROM hub_acknowledgements WHERE hub_id = ?",
                        arguments: [hub]) ?? 0
                }
                try db.execute(
                    sql: "UPDATE sync_hubs SET last_receipt_at = ?, last_heard_at = ? WHERE hub_id = ?",
                    arguments: [issuedAt, issuedAt, hub])
                try db.execute(
                    sql: """
                        INSERT INTO hub_acknowledgements (hub_id, acknowledged_through, updated_at) VALUES (?, ?, ?)
                        ON CONFLICT (hub_id) DO UPDATE SET acknowledged_through = excluded.acknowledged_through,
                            updated_at = excluded.updated_at
                        """, arguments: [hub, contiguousThrough, at])
                return contiguousThrough
            }
        }
    }

    /// The highest seq any hub has acknowledged.
    public func acknowledgedThrough() throws -> Int64 {
        return try storageErrors {
            try pool.read { db in
                try Int64.fetchOne(db, sql: "SELECT coalesce(max(acknowledged_through), 0) FROM hub_acknowledgements")
                    ?? 0
            }
        }
    }

    /// Records a bundle written by export.
    public func recordExport(fileName: String, firstSeq: Int64, lastSeq: Int64) throws {
        let at = now()
        try storageErrors {
            try writeImmediate { db in
                try db.execute(
                    sql:
                        "INSERT INTO sync_exports (file_name, first_seq, last_seq, event_count, exported_at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [fileName, firstSeq, lastSeq, lastSeq - firstSeq + 1, at])
            }
        }
    }

    /// Where this centre's events stand: to export, exported, acknowledged, per hub.
    public func syncStatus() throws -> SyncStatus {
        let hubs = try syncHubs()
        return try storageErrors {
            try pool.read { db in
                let last =
                    try Int64.fetchOne(
                        db, sql: "SELECT coalesce(max(seq), 0) FROM events WHERE node_id = ?", arguments: [nodeId]) ?? 0
                let exported = try Int64.fetchOne(db, sql: "SELECT coalesce(max(last_seq), 0) FROM sync_exports") ?? 0
                let acked =
                    try Int64.fetchOne(
                        db, sql: "SELECT coalesce(max(acknowledged_through), 0) FROM hub_acknowledgements") ?? 0
                return SyncStatus(lastSeq: last, acknowledgedThrough: acked, exportedThrough: exported, hubs: hubs)
            }
        }
    }

    /// Calls `body` with this centre's events `first…last` in order, `batch` at a time, from one
    /// read transaction (a consistent snapshot), without holding them all in memory.
    public func forEachEvent(
        from first: Int64, through last: Int64, batch: Int = 5000, _ body: ([Event]) throws -> Void
    ) throws {
        // Only SQLite's own errors become storage errors; the caller's errors pass through as they are.
        do {
            try pool.read { db in
                var cursor = first - 1
                while cursor < last {
                    let rows = try Row.fetchAll(
                        db.cachedStatement(
                            sql: "SELECT * FROM events WHERE node_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?"),
                        arguments: [nodeId, cursor, last, batch])
                    guard let lastRow = rows.last else { return }
                    try body(rows.map(Self.event(from:)))
                    cursor = lastRow["seq"]
                }
            }
        } catch let error as DatabaseError {
            throw ProgressStoreError(.storage, SQLiteFailure.phrase(for: error, database: ProgressStoreText.database))
        }
    }
}
