import Foundation
import HubStore
import PostgresNIO

/// Coordinator accounts, one-time sign-in links and the dashboard's signing secret.
extension PostgresHubStore {
    /// Every user.
    public func users() throws -> [HubUser] {
        try run { connection, logger in
            try await connection.query(
                "SELECT username, password_hash, area_code, display_name, created_at FROM users ORDER BY username",
                logger: logger
            ).collect().map(Self.user(from:))
        }
    }

    /// One user.
    public func user(_ username: String) throws -> HubUser? {
        try run { connection, logger in
            try await connection.query(
                """
                SELECT username, password_hash, area_code, display_name, created_at FROM users
                WHERE username = \(username)
                """, logger: logger
            ).collect().first.map(Self.user(from:))
        }
    }

    /// Inserts or replaces a user.
    public func saveUser(_ user: HubUser) throws {
        try run { connection, logger in
            try await connection.query(
                """
                INSERT INTO users (username, password_hash, area_code, display_name, created_at)
                VALUES (\(user.username), \(user.passwordHash), \(user.areaCode), \(user.displayName), \(user.createdAt))
                ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash,
                    area_code = excluded.area_code, display_name = excluded.display_name
                """, logger: logger)
        }
    }

    /// Removes a user and their unused sign-in links.
    public func removeUser(_ username: String) throws -> Bool {
        try transaction { connection, logger in
            try await connection.query(
                "DELETE FROM dashboard_login_links WHERE username = \(username)", logger: logger)
            return try await !connection.query(
                "DELETE FROM users WHERE username = \(username) RETURNING 1", logger: logger
            ).collect().isEmpty
        }
    }

    /// Keeps a sign-in link, forgetting expired ones.
    public func saveLoginLink(_ link: LoginLink, now: Int64) throws {
        try transaction { connection, logger in
            try await connection.query("DELETE FROM dashboard_login_links WHERE expires_at < \(now)", logger: logger)
            try await connection.query(
                """
                INSERT INTO dashboard_login_links (token_hash, username, next_path, expires_at)
                VALUES (\(link.tokenHash), \(link.username), \(link.next), \(link.expiresAt))
                """, logger: logger)
        }
    }

    /// Uses a sign-in link: marking it used and reading it is one statement, so two uses cannot
    /// both succeed (the second finds `used_at` set once the first commits).
    public func useLoginLink(tokenHash: String, now: Int64) throws -> LoginLink? {
        try run { connection, logger in
            try await connection.query(
                """
                UPDATE dashboard_login_links SET used_at = \(now)
                WHERE token_hash = \(tokenHash) AND used_at IS NULL AND expires_at > \(now)
                RETURNING token_hash, username, next_path, expires_at
                """, logger: logger
            ).collect().first.map { row in
                let (hash, username, next, expires) = try row.decode((String, String, String, Int64).self)
                return LoginLink(tokenHash: hash, username: username, next: next, expiresAt: expires)
            }
        }
    }

    /// A secret kept in `dashboard_keys`, stored on first use.
    public func secret(_ name: String, orStore fresh: [UInt8]) throws -> [UInt8] {
        try transaction { connection, logger in
            try await connection.query(
                "INSERT INTO dashboard_keys (name, value) VALUES (\(name), \(Data(fresh))) ON CONFLICT DO NOTHING",
                logger: logger)
            let stored = try await connection.query(
                "SELECT value FROM dashboard_keys WHERE name = \(name)", logger: logger
            ).collect().first?.decode(Data.self)
            return stored.map(Array.init) ?? fresh
        }
    }

    /// Keeps a roll-up unless the same (province, period, version) is kept.
    public func saveRollup(_ rollup: StoredRollup) throws -> Bool {
        try run { connection, logger in
            try await !connection.query(
                """
                INSERT INTO hub_rollups (province, period, version, document)
                VALUES (\(rollup.province), \(rollup.period), \(rollup.version), \(rollup.document))
                ON CONFLICT DO NOTHING RETURNING 1
                """, logger: logger
            ).collect().isEmpty
        }
    }

    /// Each province's latest roll-up.
    public func latestRollups() throws -> [StoredRollup] {
        try run { connection, logger in
            var out: [StoredRollup] = []
            for try await (province, period, version, document) in try await connection.query(
                """
                SELECT DISTINCT ON (province) province, period, version, document FROM hub_rollups
                ORDER BY province, period DESC, version DESC
                """, logger: logger
            ).decode((String, Int, Int64, String).self) {
                out.append(StoredRollup(province: province, period: period, version: version, document: document))
            }
            return out
        }
    }

    static func user(from row: PostgresRow) throws -> HubUser {
        let (username, hash, area, name, created) = try row.decode((String, String, String?, String?, Int64).self)
        return HubUser(username: username, passwordHash: hash, areaCode: area, displayName: name, createdAt: created)
    }
}
