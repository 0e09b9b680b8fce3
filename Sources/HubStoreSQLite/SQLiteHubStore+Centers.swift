import GRDB
import HubStore

extension SQLiteHubStore {
    /// The registered node with this id.
    public func center(_ nodeId: String) throws -> Center? {
        try read { db in try Self.center(nodeId, db) }
    }

    /// Every registered node.
    public func centers() throws -> [Center] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM centers ORDER BY node_id").map(Self.center(from:)) }
    }

    /// Registers a node, or updates name, commune and role of the same node with the same key.
    public func register(_ center: Center) throws -> Center {
        try center.validate()
        return try write { db in
            if let existing = try Self.center(center.nodeId, db) {
                guard existing.publicKey == center.publicKey else {
                    throw HubStoreError(.conflict, HubStoreText.otherKey(center.nodeId))
                }
                if existing.status == .revoked {
                    throw HubStoreError(.revokedNode, HubStoreText.revokedForGood(center.nodeId))
                }
                // A direct registration replaces a vouched one; a vouched one never overrides a direct one.
                let vouchedBy = existing.vouchedBy == nil ? nil : center.vouchedBy
                try db.execute(
                    sql:
                        "UPDATE centers SET name = ?, commune_code = coalesce(?, commune_code), role = ?, vouched_by = ? WHERE node_id = ?",
                    arguments: [center.name, center.communeCode, center.role.rawValue, vouchedBy, center.nodeId])
            } else {
                if let owner = try String.fetchOne(
                    db, sql: "SELECT node_id FROM centers WHERE public_key = ?", arguments: [center.publicKey])
                {
                    throw HubStoreError(.conflict, HubStoreText.keyTaken(by: owner))
                }
                try db.execute(
                    sql: """
                        INSERT INTO centers (node_id, public_key, name, commune_code, role, vouched_by, status, registered_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'active', ?)
                        """,
                    arguments: [
                        center.nodeId, center.publicKey, center.name, center.communeCode, center.role.rawValue,
                        center.vouchedBy,
                        center.registeredAt,
                    ])
            }
            guard let stored = try Self.center(center.nodeId, db) else {
                throw HubStoreError(.storage, HubStoreText.registrationVanished)
            }
            return stored
        }
    }

    /// Revokes a node.
    public func revoke(_ nodeId: String, at: Int64) throws -> Center {
        try write { db in
            try db.execute(
                sql: "UPDATE centers SET status = 'revoked', revoked_at = ? WHERE node_id = ? AND status = 'active'",
                arguments: [at, nodeId])
            guard let center = try Self.center(nodeId, db) else {
                throw HubStoreError(.unknownNode, HubStoreText.unknownNode(nodeId))
            }
            return center
        }
    }

    /// Records that a node was heard from.
    public func touch(_ nodeId: String, at: Int64) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE centers SET last_seen_at = max(coalesce(last_seen_at, 0), ?) WHERE node_id = ?",
                arguments: [at, nodeId])
        }
    }

    static func center(_ nodeId: String, _ db: Database) throws -> Center? {
        try Row.fetchOne(db, sql: "SELECT * FROM centers WHERE node_id = ?", arguments: [nodeId]).map(center(from:))
    }

    static func center(from row: Row) -> Center {
        Center(
            nodeId: row["node_id"], publicKey: row["public_key"], name: row["name"], communeCode: row["commune_code"],
            role: Center.Role(rawValue: row["role"]) ?? .centre, vouchedBy: row["vouched_by"],
            status: Center.Status(rawValue: row["status"]) ?? .revoked, registeredAt: row["registered_at"],
            revokedAt: row["revoked_at"], lastSeenAt: row["last_seen_at"])
    }
}
