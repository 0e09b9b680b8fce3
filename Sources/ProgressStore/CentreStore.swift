import Foundation
import GRDB
import SQLiteSupport
import Synchronization

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
    /// The connection pool: one writer, several readers.
    let pool: DatabasePool
    /// Milliseconds since 1970 UTC; a seam so tests control time.
    let now: @Sendable () -> Int64
    /// What the writer knew after its last answer commit (see `AnswerMemo`).
    let answerMemo = Mutex<AnswerMemo?>(nil)

    /// How long a writer waits for another process's transaction before giving up.
    public static let busyTimeout: TimeInterval = 30

    /// Opens (creating and migrating when needed) the database at `path`.
    public init(path: URL, clock: @escaping @Sendable () -> Int64 = CentreStore.systemClock) throws {
        self.path = path
        self.now = clock
        do {
            // A commit is on disk before `record` returns, so an answer the learner saw acknowledged survives a power cut.
            pool = try DurablePool.open(at: path, label: "hocso-centre", busyTimeout: Self.busyTimeout)
            try Self.migrate(pool)
            let id = try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'node_id'")
            }
            guard let id, NodeId.isValid(id) else {
                throw ProgressStoreError(.corrupt, "the database has no valid node id")
            }
            nodeId = id
        } catch let error as ProgressStoreError {
            throw error
        } catch {
            throw ProgressStoreError(.cannotOpen, "cannot open the centre database: \(Self.describe(error))")
        }
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
        throw lastError ?? ProgressStoreError(.cannotOpen, "migrations did not complete")
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
            // Prepared once per connection: on the hot path (one answer per commit) re-parsing
            // BEGIN and COMMIT each time showed up in profiles.
            try db.cachedStatement(sql: "BEGIN IMMEDIATE").execute()
            do {
                let value = try body(db)
                try db.cachedStatement(sql: "COMMIT").execute()
                return value
            } catch {
                if db.isInsideTransaction { try? db.rollback() }
                throw error
            }
        }
    }

    /// An error's text without bound values (GRDB hides them unless asked), for messages.
    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return "SQLite error \(error.resultCode.rawValue): \(error.message ?? "unknown")"
        }
        return String(describing: error)
    }
}
