import Foundation
import HubStore
import PostgresNIO

/// Nodes, areas, learners and coordinator accounts.
extension PostgresHubStore {
    static let centerColumns = """
        node_id, public_key, name, commune_code, role, vouched_by, status, registered_at, revoked_at, last_seen_at
        """

    /// The registered node with this id.
    public func center(_ nodeId: String) throws -> Center? {
        try run { connection, logger in try await Self.center(nodeId, connection, logger) }
    }

    /// Every registered node.
    public func centers() throws -> [Center] {
        try run { connection, logger in
            try await connection.query(
                "SELECT \(unescaped: Self.centerColumns) FROM centers ORDER BY node_id", logger: logger
            ).collect().map(Self.center(from:))
        }
    }

    /// Registers a node, or updates name, commune and role of the same node with the same key.
    public func register(_ center: Center) throws -> Center {
        try center.validate()
        return try transaction { connection, logger in
            // Two registrations of one node at once: the second waits for the first.
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(center.nodeId)))", logger: logger)
            if let existing = try await Self.center(center.nodeId, connection, logger) {
                guard existing.publicKey == center.publicKey else {
                    throw HubStoreError(.conflict, HubStoreText.otherKey(center.nodeId))
                }
                if existing.status == .revoked {
                    throw HubStoreError(.revokedNode, HubStoreText.revokedForGood(center.nodeId))
                }
                // A direct registration replaces a vouched one; a vouched one never overrides a direct one.
                let vouchedBy = existing.vouchedBy == nil ? nil : center.vouchedBy
                try await connection.query(
                    """
                    UPDATE centers SET name = \(center.name), commune_code = coalesce(\(center.communeCode), commune_code),
                        role = \(center.role.rawValue), vouched_by = \(vouchedBy) WHERE node_id = \(center.nodeId)
                    """, logger: logger)
            } else {
                if let owner = try await connection.query(
                    "SELECT node_id FROM centers WHERE public_key = \(center.publicKey)", logger: logger
                ).collect().first?.decode(String.self) {
                    throw HubStoreError(.conflict, HubStoreText.keyTaken(by: owner))
                }
                try await connection.query(
                    """
                    INSERT INTO centers (node_id, public_key, name, commune_code, role, vouched_by, status, registered_at)
                    VALUES (\(center.nodeId), \(center.publicKey), \(center.name), \(center.communeCode),
                        \(center.role.rawValue), \(center.vouchedBy), 'active', \(center.registeredAt))
                    """, logger: logger)
            }
            guard let stored = try await Self.center(center.nodeId, connection, logger) else {
                throw HubStoreError(.storage, HubStoreText.registrationVanished)
            }
            return stored
        }
    }

    /// Revokes a node.
    public func revoke(_ nodeId: String, at: Int64) throws -> Center {
        try transaction { connection, logger in
            try await connection.query(
                "UPDATE centers SET status = 'revoked', revoked_at = \(at) WHERE node_id = \(nodeId) AND status = 'active'",
                logger: logger)
            guard let center = try await Self.center(nodeId, connection, logger) else {
                throw HubStoreError(.unknownNode, HubStoreText.unknownNode(nodeId))
            }
            return center
        }
    }

    /// Records that a node was heard from.
    public func touch(_ nodeId: String, at: Int64) throws {
        try run { connection, logger in
            try await connection.query(
                """
                UPDATE centers SET last_seen_at = greatest(coalesce(last_seen_at, 0), \(at))
                WHERE node_id = \(nodeId) AND coalesce(last_seen_at, 0) < \(at)
                """, logger: logger)
        }
    }

    static func center(_ nodeId: String, _ connection: PostgresConnection, _ logger: Logger) async throws -> Center? {
        try await connection.query(
            "SELECT \(unescaped: centerColumns) FROM centers WHERE node_id = \(nodeId)", logger: logger
        ).collect().first.map(center(from:))
    }

    static func center(from row: PostgresRow) throws -> Center {
        let (node, key, name, commune, role, vouchedBy, status, registered, revoked, seen) = try row.decode(
            (String, String, String, String?, String, String?, String, Int64, Int64?, Int64?).self)
        return Center(
            nodeId: node, publicKey: key, name: name, communeCode: commune,
            role: Center.Role(rawValue: role) ?? .centre,
            vouchedBy: vouchedBy, status: Center.Status(rawValue: status) ?? .revoked, registeredAt: registered,
            revokedAt: revoked, lastSeenAt: seen)
    }

    // MARK: Learners and areas

    /// A learner's public facts.
    public func learner(node: String, code: String) throws -> HubLearner? {
        try run { connection, logger in
            try await connection.query(
                """
                SELECT node_id, code, display_name, birth_year, gender, commune, updated_at FROM learners
                WHERE node_id = \(node) AND code = \(code)
                """, logger: logger
            ).collect().first.map { row in
                let (node, code, name, year, gender, commune, updated) = try row.decode(
                    (String, String, String?, Int?, String?, String?, Int64).self)
                return HubLearner(
                    nodeId: node, code: code, displayName: name, birthYear: year, gender: gender, commune: commune,
                    updatedAt: updated)
            }
        }
    }

    /// Every area.
    public func areas() throws -> [Area] {
        try run { connection, logger in
            try await connection.query(
                "SELECT \(unescaped: Self.areaColumns) FROM areas ORDER BY code", logger: logger
            ).collect().map(Self.area(from:))
        }
    }

    /// The columns `area(from:)` reads, in order.
    static let areaColumns = "code, name, level, parent_code"

    /// An `areas` row (`areaColumns`).
    static func area(from row: PostgresRow) throws -> Area {
        let (code, name, level, parent) = try row.decode((String, String, String, String?).self)
        return Area(code: code, name: name, level: AreaLevel(rawValue: level) ?? .commune, parentCode: parent)
    }

    /// The areas at, below and above `roots` (area codes or node ids), and the nodes below them.
    public func areaBranch(_ roots: Set<String>) throws -> AreaBranch {
        let codes = roots.sorted()
        return try transaction { connection, logger in
            // A root may be a centre: the walk up starts at its commune too. (Asked apart: folded
            // into the walk as a subquery, it cost more planning than the walk itself.)
            var starts = codes
            for try await commune in try await connection.query(
                "SELECT commune_code FROM centers WHERE node_id = ANY(\(codes)) AND commune_code IS NOT NULL",
                logger: logger
            ).decode(String.self) {
                starts.append(commune)
            }
            let areas = try await connection.query(
                """
                WITH RECURSIVE below(code) AS (
                    SELECT code FROM areas WHERE code = ANY(\(codes))
                    UNION SELECT a.code FROM areas a JOIN below b ON a.parent_code = b.code),
                above(code, parent) AS (
                    SELECT code, parent_code FROM areas WHERE code = ANY(\(starts))
                    UNION SELECT a.code, a.parent_code FROM areas a JOIN above u ON a.code = u.parent)
                SELECT \(unescaped: Self.areaColumns) FROM areas
                WHERE code IN (SELECT code FROM below) OR code IN (SELECT code FROM above) ORDER BY code
                """, logger: logger
            ).collect().map(Self.area(from:))
            let centers = try await connection.query(
                """
                WITH RECURSIVE below(code) AS (
                    SELECT code FROM areas WHERE code = ANY(\(codes))
                    UNION SELECT a.code FROM areas a JOIN below b ON a.parent_code = b.code)
                SELECT \(unescaped: Self.centerColumns) FROM centers WHERE commune_code IN (SELECT code FROM below)
                UNION SELECT \(unescaped: Self.centerColumns) FROM centers WHERE node_id = ANY(\(codes))
                ORDER BY node_id
                """, logger: logger
            ).collect().map(Self.center(from:))
            return AreaBranch(areas: areas, centers: centers)
        }
    }

    /// Inserts or replaces areas in one transaction, parents first.
    public func saveAreas(_ areas: [Area]) throws {
        let sorted = areas.sorted { $0.level < $1.level }
        try transaction { connection, logger in
            for area in sorted {
                try await connection.query(
                    """
                    INSERT INTO areas (code, name, level, parent_code)
                    VALUES (\(area.code), \(area.name), \(area.level.rawValue), \(area.parentCode))
                    ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level,
                        parent_code = excluded.parent_code
                    """, logger: logger)
            }
        }
    }

    /// Attaches a centre to a commune.
    public func attachCentre(_ nodeId: String, toCommune commune: String) throws {
        try transaction { connection, logger in
            guard try await Self.center(nodeId, connection, logger) != nil else {
                throw HubStoreError(.unknownNode, HubStoreText.unknownNode(nodeId))
            }
            guard
                let level = try await connection.query(
                    "SELECT level FROM areas WHERE code = \(commune)", logger: logger
                ).collect().first?.decode(String.self)
            else { throw HubStoreError(.notFound, HubStoreText.unknownArea(commune)) }
            guard level == AreaLevel.commune.rawValue else {
                throw HubStoreError(.invalid, HubStoreText.notACommune(commune, level: level))
            }
            try await connection.query(
                "UPDATE centers SET commune_code = \(commune) WHERE node_id = \(nodeId)", logger: logger)
        }
    }
}
