import Foundation
import GRDB
import LearnerEvents
import Localization
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

    /// Whether opening may make a new centre database.
    public enum OpenMode: Sendable {
        /// Only an existing centre database is opened; a missing file is refused.
        case existing
        /// A missing database is made first (`center init`, registering learners, the demo learner).
        case createIfMissing
    }

    /// Opens the centre database at `path`, bringing an older one up to date. Refuses, changing
    /// nothing, a file that is missing (unless `mode` allows making it), is not a centre
    /// database, was made by a newer HocSo, or whose tables were changed outside HocSo.
    public init(
        path: URL, mode: OpenMode = .existing, clock: @escaping @Sendable () -> Int64 = CentreStore.systemClock
    ) throws {
        self.path = path
        self.now = clock
        do {
            if !Self.holdsData(path) {
                guard mode == .createIfMissing else {
                    throw ProgressStoreError(.cannotOpen, ProgressStoreText.noDatabase(path.path))
                }
                try Self.create(at: path)
            }
            try Self.probe(path)
            // A commit is on disk before `record` returns, so an answer the learner saw acknowledged survives a power cut.
            let durable = try DurablePool.open(at: path, label: "hocso-centre", busyTimeout: Self.busyTimeout)
            pool = durable
            try Self.migrate(durable, keyFile: Self.keyFile(for: path))
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
        guard holdsData(path) else {
            throw ProgressStoreError(.cannotOpen, ProgressStoreText.noDatabase(path.path))
        }
        do {
            let queue = try probe(path)
            let nodeId = try queue.read { db -> String in
                guard let id = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'node_id'"),
                    NodeId.isValid(id)
                else { throw ProgressStoreError(.corrupt, ProgressStoreText.noNodeId) }
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

    /// Whether a file with content is at `path` (an empty file, as an interrupted copy or a
    /// full disk leaves, counts as no database).
    private static func holdsData(_ path: URL) -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: path.path)[.size] as? NSNumber)?.intValue
        return (size ?? 0) > 0
    }

    /// Makes a new centre database at `path`: built under a temporary name, then given its
    /// name in one step, so a full disk or a kill leaves no half-made file, and two first starts
    /// at once end with one database (the later link finds the name taken and uses that file).
    private static func create(at path: URL) throws {
        let folder = path.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ProgressStoreError(.cannotOpen, ProgressStoreText.cannotMakeFolder(folder.path, error))
        }
        let temporary = folder.appendingPathComponent(".\(path.lastPathComponent).\(UUID().uuidString).new")
        defer { try? FileManager.default.removeItem(at: temporary) }
        // A rollback journal, not WAL, while building: the whole database is in the one file
        // when the queue closes, so the link below carries all of it.
        var config = Configuration()
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        do {
            let queue = try DatabaseQueue(path: temporary.path, configuration: config)
            try Schema.migrator(keyFile: nil).migrate(queue)
            try queue.close()
        }
        // An empty file under the name is what an earlier HocSo left on a full disk: replace it.
        if let size = try? FileManager.default.attributesOfItem(atPath: path.path)[.size] as? NSNumber,
            size.intValue == 0
        {
            unlink(path.path)
        }
        if link(temporary.path, path.path) != 0, errno != EEXIST {
            throw ProgressStoreError(
                .cannotOpen, ProgressStoreText.cannotCreate(path.path, reason: Phrase.systemReason(errno)))
        }
    }

    /// Reads `path` as a centre database without writing to it; refuses a file that is not
    /// one, was made by a newer HocSo, or was changed outside HocSo. Returns the read-only connection.
    @discardableResult
    private static func probe(_ path: URL) throws -> DatabaseQueue {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        let queue = try DatabaseQueue(path: path.path, configuration: config)
        try queue.read { db in
            guard try db.tableExists("meta"),
                try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'") == "hocso-centre"
            else { throw ProgressStoreError(.cannotOpen, ProgressStoreText.notACentreDatabase(path.path)) }
            let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            guard userVersion <= Schema.userVersion, try !Schema.migrator(keyFile: nil).hasBeenSuperseded(db) else {
                throw ProgressStoreError(.cannotOpen, ProgressStoreText.newerDatabase)
            }
            try checkShape(db, path: path)
        }
        return queue
    }

    /// Refuses a database whose tables, indexes or triggers differ from what its migrations
    /// made (changed by hand or by another program): HocSo would misread or break it.
    private static func checkShape(_ db: Database, path: URL) throws {
        if let difference = try Schema.shapeDifference(db) {
            throw ProgressStoreError(.cannotOpen, ProgressStoreText.changedSchema(path.path, object: difference))
        }
    }

    /// Runs the migrations, tolerating another process migrating the same file at once.
    private static func migrate(_ pool: DatabasePool, keyFile: URL) throws {
        let migrator = Schema.migrator(keyFile: keyFile)
        var lastError: (any Error)?
        for attempt in 0..<5 {
            if try pool.read({ try migrator.hasCompletedMigrations($0) }) { return }
            do {
                try migrator.migrate(pool)
                return
            } catch let error as ProgressStoreError {
                throw error
            } catch {
                // Two processes upgrading at once: one migrator can find the other's tables.
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
    /// `~/.local/share/hocso/centre.sqlite`. Nothing is created until a database is made there.
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
