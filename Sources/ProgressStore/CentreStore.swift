import Foundation
import GRDB
import LearnerEvents
import SQLiteSupport

/// The centre's database: learners, the append-only event log and the progress derived from it.
///
/// One SQLite file in WAL mode with `synchronous=FULL`, shared by every learner terminal of the
/// centre: each write is one `BEGIN IMMEDIATE` transaction, and a long busy timeout makes other
/// processes wait their turn instead of failing with "database is locked".
public final class CentreStore: Sendable {
    /// Where the database lives.
    public let path: URL
    /// This centre's node id (`n-` + 16 base32 characters), made when the database was created.
    public let nodeId: String
    /// The connection pool: one writer, several readers (a single read-only connection when
    /// opened with `openReadOnly`).
    let pool: any DatabaseWriter
    /// Milliseconds since 1970 UTC; a seam so tests control time.
    let now: @Sendable () -> Int64

    /// How long a writer waits for another process's transaction before giving up.
    public static let busyTimeout: TimeInterval = 30

    /// Opens (creating and migrating when needed) the database at `path`.
    public init(path: URL, clock: @escaping @Sendable () -> Int64 = CentreStore.systemClock) throws {
        self.path = path
        self.now = clock
        do {
            // A commit is on disk before `record` returns, so an answer the learner saw acknowledged survives a power cut.
            let durable = try DurablePool.open(at: path, label: "hocso-centre", busyTimeout: Self.busyTimeout)
            pool = durable
            try Self.migrate(durable)
            try Self.ensureEventKinds(durable)
            let id = try durable.read { db in
                try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'node_id'")
            }
            guard let id, NodeId.isValid(id) else {
                throw ProgressStoreError(.corrupt, ProgressStoreText.noNodeId)
            }
            nodeId = id
        } catch let error as ProgressStoreError {
            throw error
        } catch {
            throw ProgressStoreError(
                .cannotOpen, SQLiteFailure.phrase(for: error, database: ProgressStoreText.database))
        }
    }

    /// Opens an existing centre database for reading only: nothing is created, migrated or
    /// written, and a file that is not a centre database, or was made by a newer HocSo, is
    /// refused. For reports run on a centre's file.
    public static func openReadOnly(at path: URL) throws -> CentreStore {
        guard FileManager.default.fileExists(atPath: path.path) else {
            throw ProgressStoreError(.cannotOpen, ProgressStoreText.noDatabase(path.path))
        }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path.path, configuration: config)
            let nodeId = try queue.read { db -> String in
                guard try db.tableExists("meta"),
                    try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'") == "hocso-centre",
                    let id = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'node_id'"),
                    NodeId.isValid(id)
                else { throw ProgressStoreError(.cannotOpen, ProgressStoreText.notACentreDatabase(path.path)) }
                guard try !Schema.migrator.hasBeenSuperseded(db) else {
                    throw ProgressStoreError(.cannotOpen, ProgressStoreText.newerDatabase)
                }
                return id
            }
            return CentreStore(path: path, nodeId: nodeId, pool: queue)
        } catch let error as ProgressStoreError {
            throw error
        } catch {
            throw ProgressStoreError(
                .cannotOpen, SQLiteFailure.phrase(for: error, database: ProgressStoreText.database))
        }
    }

    private init(path: URL, nodeId: String, pool: any DatabaseWriter) {
        self.path = path
        self.nodeId = nodeId
        self.pool = pool
        now = Self.systemClock
    }

    /// Runs the migrations, tolerating another process migrating the same new file at once.
    private static func migrate(_ pool: DatabasePool) throws {
        let migrator = Schema.migrator
        var lastError: (any Error)?
        for attempt in 0..<5 {
            if try pool.read({ try migrator.hasCompletedMigrations($0) }) { return }
            do {
                try migrator.migrate(pool)
                return
            } catch {
                // A concurrent first start can make one migrator find the other's tables.
                lastError = error
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt + 1))
            }
        }
        if try pool.read({ try migrator.hasCompletedMigrations($0) }) { return }
        throw lastError ?? ProgressStoreError(.cannotOpen, ProgressStoreText.migrationsIncomplete)
    }

    /// Adds the kinds this build knows to `event_kinds` when some are missing (a read first, so
    /// an up-to-date database is not written to at open).
    private static func ensureEventKinds(_ pool: DatabasePool) throws {
        let stored = try pool.read { db in try Set(String.fetchAll(db, sql: "SELECT kind FROM event_kinds")) }
        guard !EventKind.known.allSatisfy({ stored.contains($0.rawValue) }) else { return }
        try pool.write { db in try Schema.insertKnownKinds(db) }
    }

    /// The wall clock in milliseconds since 1970 UTC.
    public static let systemClock: @Sendable () -> Int64 = { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }

    /// The default database: `$HOCSO_DB`, else `$XDG_DATA_HOME/hocso/centre.sqlite`, else
    /// `~/.local/share/hocso/centre.sqlite`. Creates the folder.
    public static var defaultPath: URL {
        let env = ProcessInfo.processInfo.environment
        let url: URL
        if let explicit = env["HOCSO_DB"], !explicit.isEmpty {
            url = URL(fileURLWithPath: explicit)
        } else if let xdg = env["XDG_DATA_HOME"], !xdg.isEmpty {
            url = URL(fileURLWithPath: xdg).appendingPathComponent("hocso/centre.sqlite")
        } else {
            url = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(
                ".local/share/hocso/centre.sqlite")
        }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        return url
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so the
    /// transaction never has to upgrade a read lock (which SQLite cannot wait for) and fail busy.
    func writeImmediate<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            var value: T?
            try db.inTransaction(.immediate) {
                value = try body(db)
                return .commit
            }
            // `inTransaction` returns only after running `body`, which set the value.
            return value!
        }
    }
}
