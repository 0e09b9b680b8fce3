import GRDB

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
            try Row.fetchAll(db, sql: "SELECT * FROM areas ORDER BY code").map { row in
                Area(
                    code: row["code"], name: row["name"], level: Area.Level(rawValue: row["level"]) ?? .commune,
                    parentCode: row["parent_code"])
            }
        }
    }

    /// Inserts or replaces an area.
    public func saveArea(_ area: Area) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO areas (code, name, level, parent_code) VALUES (?, ?, ?, ?)
                    ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, parent_code = excluded.parent_code
                    """, arguments: [area.code, area.name, area.level.rawValue, area.parentCode])
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

    /// Removes a user.
    public func deleteUser(_ username: String) throws -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM users WHERE username = ?", arguments: [username])
            return db.changesCount > 0
        }
    }

    static func user(from row: Row) -> HubUser {
        HubUser(
            username: row["username"], passwordHash: row["password_hash"], areaCode: row["area_code"],
            displayName: row["display_name"], createdAt: row["created_at"])
    }
}
