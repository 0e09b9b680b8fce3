import Hummingbird
import Logging
import ServiceLifecycle

/// Why a live test server could not be started.
public struct LiveServerDidNotStart: Error, CustomStringConvertible {
    /// What happened, for the test log.
    public var description: String { "the test server stopped before it listened" }
}

/// Serves the application `makeApp` builds on a free port for the length of `body`, which gets the
/// port, then shuts it down gracefully and waits until it has stopped.
///
/// A test server must never be stopped by cancelling its task: an accepted connection that is still
/// waiting to be served is then freed unserved, and SwiftNIO traps the whole test process
/// ("Deinited NIOAsyncWriter without calling finish()"). Graceful shutdown serves or closes every
/// accepted connection first. `makeApp` gets the callback to pass as the application's
/// `onServerRunning` (with the port it listens on). A connection a test left hanging mid-request gets
/// ten seconds before the server is cancelled after all.
public func withLiveServer<App: ApplicationProtocol, T: Sendable>(
    _ makeApp: (_ onRunning: @escaping @Sendable (Int) async -> Void) -> App,
    _ body: (_ port: Int) async throws -> T
) async throws -> T {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = makeApp { port in continuation.yield(port) }
    var logger = Logger(label: "test-server")
    logger.logLevel = .warning
    var configuration = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [], logger: logger)
    configuration.maximumGracefulShutdownDuration = .seconds(10)
    let services = ServiceGroup(configuration: configuration)
    return try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask {
            defer { continuation.finish() }
            try await services.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await tasks.waitForAll()
            throw LiveServerDidNotStart()
        }
        let result: Result<T, any Error>
        do {
            result = .success(try await body(port))
        } catch {
            result = .failure(error)
        }
        await services.triggerGracefulShutdown()
        try await tasks.waitForAll()
        return try result.get()
    }
}
