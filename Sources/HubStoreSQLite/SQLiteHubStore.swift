import Foundation
import GRDB
import HubStore
import LearnerEvents
import SQLiteSupport

/// The hub database in one SQLite file (GRDB): WAL, `synchronous=FULL`, foreign keys on.
///
/// FULL matters: a receipt tells a centre it may stop resending, so whatever the hub reports
/// as held must already be on disk when the receipt is written, power cut or not.
public final class SQLiteHubStore: HubStore {
    /// Where the database lives.
    public let path: URL
    /// One writer, several readers.
    let pool: DatabasePool

    /// How long a writer waits for another process's transaction before giving up.
    public static let busyTimeout: TimeInterval = 30

    /// Opens (creating and migrating when needed) the hub database at `path`.
    public init(path: URL) throws {
        self.path = path
        do {
            // A receipt tells a centre its events are safe, so the commit behind it must survive a power cut.
            pool = try DurablePool.open(at: path, label: "hocso-hub", busyTimeout: Self.busyTimeout)
            try Schema.migrator.migrate(pool)
        } catch {
            throw HubStoreError(.cannotOpen, SQLiteFailure.phrase(for: error, database: HubStoreText.database))
        }
    }

    /// The default hub database: `$HOCSO_HUB_DB`, else `$XDG_DATA_HOME/hocso/hub.sqlite`, else
    /// `~/.local/share/hocso/hub.sqlite`.
    public static var defaultPath: URL {
        let env = ProcessInfo.processInfo.environment
        if let explicit = env["HOCSO_HUB_DB"], !explicit.isEmpty { return URL(fileURLWithPath: explicit) }
        if let xdg = env["XDG_DATA_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("hocso/hub.sqlite")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share/hocso/hub.sqlite")
    }

    /// Runs `body` in a read transaction (for reports: plain SQL over the shared tables).
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try storageErrors { try pool.read(body) }
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` write transaction.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try storageErrors {
            try pool.writeWithoutTransaction { db in
                var value: T?
                try db.inTransaction(.immediate) {
                    value = try body(db)
                    return .commit
                }
                // `inTransaction` returns only after running the closure, which set the value.
                guard let value else { preconditionFailure("a write transaction returned without its value") }
                return value
            }
        }
    }

    /// Runs `body`, turning SQLite errors into `HubStoreError(.storage)` that say what to do.
    func storageErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as HubStoreError {
            throw error
        } catch {
            throw HubStoreError(.storage, SQLiteFailure.phrase(for: error, database: HubStoreText.database))
        }
    }

    // MARK: Meta

    /// A value from `hub_meta`.
    public func meta(_ key: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM hub_meta WHERE key = ?", arguments: [key]) }
    }

    /// Stores `value` under `key` unless present; returns what is stored.
    public func setMetaIfAbsent(_ key: String, _ value: String) throws -> String {
        try write { db in
            try db.execute(
                sql: "INSERT INTO hub_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                arguments: [key, value])
            return try String.fetchOne(db, sql: "SELECT value FROM hub_meta WHERE key = ?", arguments: [key]) ?? value
        }
    }

    // MARK: Replay protection and upstream cursors

    /// Records a nonce; false when already seen.
    public func recordNonce(_ nonce: String, node: String, at: Int64, forgetBefore: Int64) throws -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM request_nonces WHERE seen_at < ?", arguments: [forgetBefore])
            try db.execute(
                sql: "INSERT INTO request_nonces (node_id, nonce, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                arguments: [node, nonce, at])
            return db.changesCount == 1
        }
    }

    /// The push cursor for an upstream hub.
    public func upstreamCursor(_ upstreamId: String) throws -> UpstreamCursor {
        try read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT pushed_through, updated_at FROM upstream_cursors WHERE upstream_id = ?",
                arguments: [upstreamId])
            return UpstreamCursor(
                upstreamId: upstreamId, pushedThrough: row?["pushed_through"] ?? 0, updatedAt: row?["updated_at"])
        }
    }

    /// Moves the push cursor forward.
    public func advanceUpstreamCursor(_ upstreamId: String, to position: Int64, at: Int64) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO upstream_cursors (upstream_id, pushed_through, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT (upstream_id) DO UPDATE SET pushed_through = max(pushed_through, excluded.pushed_through),
                        updated_at = excluded.updated_at
                    """, arguments: [upstreamId, position, at])
        }
    }
}
