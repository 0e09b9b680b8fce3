import NIOPosix

/// Runs work that blocks its thread (a store call waiting on the database, a password hash) on
/// threads kept for it, never on Swift's shared pool: that pool has one thread per core (two on
/// a small hub), and a request holding one there while PostgreSQL builds a report stalls every
/// other request of the server.
public enum BlockingCalls {
    /// Sixteen: more requests than that waiting on the database at once queue here, not in Swift's pool.
    static let threads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 16)
        pool.start()
        return pool
    }()

    /// Runs `work` on one of the blocking threads and returns what it returned.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await threads.runIfActive(work)
    }
}
