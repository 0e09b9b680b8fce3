import Foundation
import GRDB
import HubStore

extension SQLiteHubStore {
    /// A learner's public facts.
    public func learner(node: String, code: String) throws -> HubLearner? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM learners WHERE node_id = ? AND code = ?", arguments: [node, code])
                .map { row in
                    HubLearner(
                        nodeId: row["node_id"], code: row["code"], displayName: row["display_name"],
                        birthYear: row["birth_year"],
                        gender: row["gender"], commune: row["commune"], updatedAt: row["updated_at"])
                }
        }
    }

    /// Every area.
    public func areas() throws -> [Area] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM areas ORDER BY code").map(Self.area(from:))
        }
    }

    /// An `areas` row.
    static func area(from row: Row) -> Area {
        Area(
            code: row["code"], name: row["name"], level: AreaLevel(rawValue: row["level"]) ?? .commune,
            parentCode: row["parent_code"])
    }

    /// The areas at, below and above `roots` (area codes or node ids), and the nodes below them.
    public func areaBranch(_ roots: Set<String>) throws -> AreaBranch {
        // Quoted like the reports' course lists (`sqlList`).
        let codes = Self.sqlList(roots.sorted())
        let below = """
            WITH RECURSIVE below(code) AS (
                SELECT code FROM areas WHERE code IN (\(codes))
                UNION SELECT a.code FROM areas a JOIN below b ON a.parent_code = b.code)
            """
        return try read { db in
            let areas = try Row.fetchAll(
                db,
                sql: """
                    \(below), above(code, parent) AS (
                        SELECT code, parent_code FROM areas
                        WHERE code IN (\(codes)) OR code IN (SELECT commune_code FROM centers WHERE node_id IN (\(codes)))
                        UNION SELECT a.code, a.parent_code FROM areas a JOIN above u ON a.code = u.parent)
                    SELECT * FROM areas WHERE code IN (SELECT code FROM below) OR code IN (SELECT code FROM above)
                    ORDER BY code
                    """
            ).map(Self.area(from:))
            let centers = try Row.fetchAll(
                db,
                sql: """
                    \(below) SELECT * FROM centers
                    WHERE commune_code IN (SELECT code FROM below) OR node_id IN (\(codes)) ORDER BY node_id
                    """
            ).map(Self.center(from:))
            return AreaBranch(areas: areas, centers: centers)
        }
    }

    /// Inserts or replaces areas in one transaction, parents first so the foreign key holds at
    /// every insert.
    public func saveAreas(_ areas: [Area]) throws {
        try write { db in
            for area in areas.sorted(by: { $0.level < $1.level }) {
                try db.execute(
                    sql: """
                        INSERT INTO areas (code, name, level, parent_code) VALUES (?, ?, ?, ?)
                        ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level,
                            parent_code = excluded.parent_code
                        """, arguments: [area.code, area.name, area.level.rawValue, area.parentCode])
            }
        }
    }

    /// Attaches a centre to a commune.
    public func attachCentre(_ nodeId: String, toCommune commune: String) throws {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM centers WHERE node_id = ?", arguments: [nodeId]) != nil
            else { throw HubStoreError(.unknownNode, HubStoreText.unknownNode(nodeId)) }
            guard
                let level = try String.fetchOne(db, sql: "SELECT level FROM areas WHERE code = ?", arguments: [commune])
            else { throw HubStoreError(.notFound, HubStoreText.unknownArea(commune)) }
            guard level == AreaLevel.commune.rawValue else {
                throw HubStoreError(.invalid, HubStoreText.notACommune(commune, level: level))
            }
            try db.execute(sql: "UPDATE centers SET commune_code = ? WHERE node_id = ?", arguments: [commune, nodeId])
        }
    }

    /// Every user.
    public func users() throws -> [HubUser] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM users ORDER BY username").map(Self.user(from:)) }
    }

    /// One user.
    public func user(_ username: String) throws -> HubUser? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE username = ?", arguments: [username]).map(
                Self.user(from:))
        }
    }

    /// Inserts or replaces a user.
    public func saveUser(_ user: HubUser) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO users (username, password_hash, area_code, display_name, created_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, area_code = excluded.area_code,
                        display_name = excluded.display_name
                    """, arguments: [user.username, user.passwordHash, user.areaCode, user.displayName, user.createdAt])
        }
    }

    /// Removes a user and their unused sign-in links.
    public func removeUser(_ username: String) throws -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM dashboard_login_links WHERE username = ?", arguments: [username])
            try db.execute(sql: "DELETE FROM users WHERE username = ?", arguments: [username])
            return db.changesCount > 0
        }
    }

    /// Keeps a sign-in link, forgetting expired ones.
    public func saveLoginLink(_ link: LoginLink, now: Int64) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM dashboard_login_links WHERE expires_at < ?", arguments: [now])
            try db.execute(
                sql:
                    "INSERT INTO dashboard_login_links (token_hash, username, next_path, expires_at) VALUES (?, ?, ?, ?)",
                arguments: [link.tokenHash, link.username, link.next, link.expiresAt])
        }
    }

    /// Uses a sign-in link: marking it used and reading it is one statement.
    public func useLoginLink(tokenHash: String, now: Int64) throws -> LoginLink? {
        try write { db in
            try Row.fetchOne(
                db,
                sql: """
                    UPDATE dashboard_login_links SET used_at = ?1
                    WHERE token_hash = ?2 AND used_at IS NULL AND expires_at > ?1
                    RETURNING token_hash, username, next_path, expires_at
                    """, arguments: [now, tokenHash]
            ).map { LoginLink(tokenHash: $0[0], username: $0[1], next: $0[2], expiresAt: $0[3]) }
        }
    }

    /// A secret kept in `dashboard_keys`, stored on first use.
    public func secret(_ name: String, orStore fresh: [UInt8]) throws -> [UInt8] {
        try write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO dashboard_keys (name, value) VALUES (?, ?)", arguments: [name, Data(fresh)])
            let stored = try Data.fetchOne(
                db, sql: "SELECT value FROM dashboard_keys WHERE name = ?", arguments: [name])
            return stored.map(Array.init) ?? fresh
        }
    }

    /// Keeps a roll-up unless the same (province, period, version) is kept.
    public func saveRollup(_ rollup: StoredRollup) throws -> Bool {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO hub_rollups (province, period, version, document) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """, arguments: [rollup.province, rollup.period, rollup.version, rollup.document])
            return db.changesCount == 1
        }
    }

    /// Each province's latest roll-up.
    public func latestRollups() throws -> [StoredRollup] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT province, period, version, document FROM hub_rollups r
                    WHERE NOT EXISTS (SELECT 1 FROM hub_rollups o WHERE o.province = r.province
                        AND (o.period > r.period OR (o.period = r.period AND o.version > r.version)))
                    ORDER BY province
                    """
            ).map { StoredRollup(province: $0[0], period: $0[1], version: $0[2], document: $0[3]) }
        }
    }

    static func user(from row: Row) -> HubUser {
        HubUser(
            username: row["username"], passwordHash: row["password_hash"], areaCode: row["area_code"],
            displayName: row["display_name"], createdAt: row["created_at"])
    }
}

extension SQLiteHubStore {
    /// Gives learners of `node` their names (names never travel in events; a report run on a
    /// centre's own database may show them).
    public func nameLearners(_ names: [(code: String, name: String)], node: String) throws {
        try write { db in
            let update = try db.makeStatement(
                sql: "UPDATE learners SET display_name = ? WHERE node_id = ? AND code = ?")
            for (code, name) in names { try update.execute(arguments: [name, node, code]) }
        }
    }
}
