import Foundation
import GRDB

/// Opening a WAL database whose every commit is on disk before it returns: the centre's (an
/// answer the learner saw acknowledged) and the hub's (events a receipt said are safe).
public enum DurablePool {
    /// Opens (creating its folder) the database at `path` as a pool of one writer and readers:
    /// waits up to `busyTimeout` for other processes' transactions, enforces foreign keys, and
    /// commits with `synchronous=FULL`. Migrating is the caller's job.
    public static func open(at path: URL, label: String, busyTimeout: TimeInterval) throws -> DatabasePool {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.label = label
        config.prepareDatabase { db in
            // FULL: the WAL is fsynced at each commit. NORMAL could lose the last commits in a power cut.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        let pool = try DatabasePool(path: path.path, configuration: config)
        // GRDB switches its writer to `synchronous=NORMAL` when it sets up WAL, after
        // `prepareDatabase` ran: put FULL back on the one connection that commits, and check.
        let level = try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            return try Int.fetchOne(db, sql: "PRAGMA synchronous")
        }
        guard level == 2 else {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "SQLite refused synchronous=FULL")
        }
        return pool
    }
}
