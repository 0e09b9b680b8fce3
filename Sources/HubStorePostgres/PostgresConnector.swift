import Foundation
import HubStore
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresNIO

/// Where a hub's PostgreSQL database is, read from a `postgres://` URL.
///
/// `postgres://user:password@host:port/database`, or a Unix socket folder as `?host=/run/postgresql`
/// (libpq's spelling, so the same URL works with `psql`).
public struct PostgresLocation: Sendable, Equatable {
    /// Host name or address; nil with a socket folder.
    public var host: String?
    /// The folder holding the server's socket (`.s.PGSQL.<port>`).
    public var socketFolder: String?
    /// TCP port, or the number in the socket's name.
    public var port: Int
    /// Role name.
    public var user: String
    /// Password, when the server asks for one.
    public var password: String?
    /// Database name.
    public var database: String

    /// Whether `text` names a PostgreSQL database rather than a SQLite file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Reads a `postgres://` URL; nil when it is not one.
    public init?(url text: String) {
        guard Self.isURL(text), let parts = URLComponents(string: text) else { return nil }
        let query = Dictionary(
            (parts.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        let folder = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        host = folder == nil ? (parts.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1") : nil
        socketFolder = folder
        port = parts.port ?? Int(query["port"] ?? "") ?? 5432
        user =
            parts.user.flatMap { $0.removingPercentEncoding } ?? query["user"]
            ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        password = parts.password.flatMap { $0.removingPercentEncoding } ?? query["password"]
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        database = path.removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 } ?? user
    }

    /// The same server and role, another database (tests make one database per test).
    public func database(_ name: String) -> PostgresLocation {
        var copy = self
        copy.database = name
        return copy
    }

    /// What people see in messages: never the password.
    public var description: String {
        "\(user)@\(socketFolder ?? host ?? "")\(socketFolder == nil ? ":\(port)" : "")/\(database)"
    }

    /// PostgresNIO's configuration for this place. TLS is off: hubs reach their database over a
    /// socket or a private link (docs/scale.md).
    var configuration: PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if let socketFolder {
            configuration = .init(
                unixSocketPath: "\(socketFolder)/.s.PGSQL.\(port)", username: user, password: password,
                database: database)
        } else {
            configuration = .init(
                host: host ?? "127.0.0.1", port: port, username: user, password: password, database: database,
                tls: .disable)
        }
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }
}

/// Runs async PostgresNIO code for the store's synchronous methods on the store's own event
/// loop, never on Swift's shared pool: a caller blocked on a result (a request handler, an
/// importer) then cannot starve the work it is waiting for.
final class LoopExecutor: TaskExecutor, @unchecked Sendable {
    let loop: any EventLoop

    init(loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    /// Runs `body` to its end and returns what it returned, blocking the calling thread.
    func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = NIOLockedValueBox<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: self) {
            let result: Result<T, any Error>
            do { result = .success(try await body()) } catch { result = .failure(error) }
            outcome.withLockedValue { $0 = result }
            done.signal()
        }
        done.wait()
        guard let result = outcome.withLockedValue({ $0 }) else {
            preconditionFailure("a database task finished without a result")
        }
        return try result.get()
    }
}

/// A few open connections shared by the store's callers; a caller waits when all are busy.
final class ConnectionPool: @unchecked Sendable {
    /// The loops every pool of the process runs on, never stopped: a store closed while a
    /// connection's last work is still queued must not find its loop gone.
    static let loops = MultiThreadedEventLoopGroup(numberOfThreads: 2)

    let location: PostgresLocation
    let executor: LoopExecutor
    let limit: Int
    let logger = Logger(label: "hocso-hub.postgres")
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var open = 0
    private var nextId = 1
    private var closed = false
    /// Run once on each new connection (temporary tables the import uses).
    let setUp: @Sendable (PostgresConnection, Logger) async throws -> Void

    init(
        location: PostgresLocation, limit: Int,
        setUp: @escaping @Sendable (PostgresConnection, Logger) async throws -> Void
    ) {
        self.location = location
        self.limit = max(1, limit)
        self.setUp = setUp
        executor = LoopExecutor(loop: Self.loops.next())
    }

    /// Closes every idle connection (one in use closes when it comes back broken, or with the
    /// process).
    func close() {
        condition.lock()
        // Once only; connections still in use close as they come back.
        guard !closed else { return condition.unlock() }
        closed = true
        let connections = idle
        idle = []
        condition.unlock()
        // On the loop itself (a store released by a task running there), waiting would wait forever.
        if executor.loop.inEventLoop {
            for connection in connections { connection.close().whenComplete { _ in } }
        } else {
            try? executor.run {
                for connection in connections { try? await connection.close() }
            }
        }
    }

    /// Runs `body` with a connection of its own, on the store's event loop; the connection goes
    /// back to the pool unless it broke.
    func withConnection<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) throws -> T {
        let connection = try acquire()
        do {
            let value = try executor.run { try await body(connection) }
            release(connection, broken: false)
            return value
        } catch {
            release(connection, broken: connection.isClosed || PostgresFailure.isConnectionLevel(error))
            throw error
        }
    }

    private func acquire() throws -> PostgresConnection {
        condition.lock()
        while idle.isEmpty && open >= limit { condition.wait() }
        if let connection = idle.popLast() {
            condition.unlock()
            return connection
        }
        open += 1
        let id = nextId
        nextId += 1
        condition.unlock()
        do {
            let configuration = location.configuration
            let loop = executor.loop
            let logger = logger
            let setUp = setUp
            return try executor.run {
                let connection = try await PostgresConnection.connect(
                    on: loop, configuration: configuration, id: id, logger: logger)
                try await setUp(connection, logger)
                return connection
            }
        } catch {
            condition.lock()
            open -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    private func release(_ connection: PostgresConnection, broken: Bool) {
        condition.lock()
        if broken || closed {
            open -= 1
            connection.close().whenComplete { _ in }
        } else {
            idle.append(connection)
        }
        condition.signal()
        condition.unlock()
    }
}
