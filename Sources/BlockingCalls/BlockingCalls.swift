import NIOPosix

/// Runs work that blocks its thread (a store call waiting on the database, a password hash) on
/// threads kept for it, not on the threads of Swift's concurrency pool, which tasks must never
/// block (the runtime sizes that pool for work that always makes progress).
public enum BlockingCalls {
    /// Sixteen: more requests than that waiting on the database at once queue here.
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
