import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// One HTTP exchange as sync sees it.
public struct TransportRequest: Sendable {
    /// `GET`, `POST`.
    public var method: String
    /// Full URL.
    public var url: URL
    /// Extra headers.
    public var headers: [String: String]
    /// Body.
    public var body: Data

    /// Makes a request.
    public init(method: String, url: URL, headers: [String: String] = [:], body: Data = Data()) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// An HTTP answer.
public struct TransportResponse: Sendable {
    /// Status code.
    public var status: Int
    /// Headers (names lower-cased).
    public var headers: [String: String]
    /// Body.
    public var body: Data

    /// Makes a response.
    public init(status: Int, headers: [String: String] = [:], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// The HTTP seam: the live value uses AsyncHTTPClient; tests can put anything in between.
public protocol SyncTransport: Sendable {
    /// Sends a request; throws when no answer came (refused, cut, timed out).
    func send(_ request: TransportRequest) async throws -> TransportResponse
}

/// HTTP and HTTPS through AsyncHTTPClient (SwiftNIO, which the hub server already runs on).
///
/// Why not URLSession: on Linux it is FoundationNetworking over libcurl, and libcurl's chain of
/// ~25 shared libraries (TLS, Kerberos, LDAP, SSH…) was loaded by every `hocso` process, the
/// learner client included, costing start-up time and memory for a feature most runs never use.
public struct HTTPClientTransport: SyncTransport {
    /// Longest wait for a whole exchange.
    let timeout: Duration
    /// Largest body accepted (a pack piece is 4 MB; a whole pack when a hub ignores ranges).
    let maxBodyBytes: Int

    /// Makes a transport with a request timeout.
    public init(timeout: Duration = .seconds(60), maxBodyBytes: Int = 256 << 20) {
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
    }

    /// The process-wide client: one connection pool, never shut down (it lives as long as the
    /// process). A connection that cannot be made fails the attempt at once: `RetryPolicy` decides
    /// when to try again. (AsyncHTTPClient's own retrying kept a refused connection waiting until
    /// the request's whole timeout had passed, at every one of our attempts.)
    private static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(10)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// Sends a request.
    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { outgoing.headers.replaceOrAdd(name: name, value: value) }
        if !request.body.isEmpty { outgoing.body = .bytes(ByteBuffer(bytes: request.body)) }
        let response = try await Self.client.execute(outgoing, timeout: .nanoseconds(timeout.nanoseconds))
        let body = try await response.body.collect(upTo: maxBodyBytes)
        var headers: [String: String] = [:]
        for header in response.headers { headers[header.name.lowercased()] = header.value }
        return TransportResponse(status: Int(response.status.code), headers: headers, body: Data(buffer: body))
    }
}

extension Duration {
    /// Whole nanoseconds, saturating (NIO's `TimeAmount` counts in them).
    fileprivate var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : scaled + attoseconds / 1_000_000_000
    }
}

/// How often and how patiently to retry: exponential backoff, bounded.
public struct RetryPolicy: Sendable {
    /// Attempts in a row before giving up.
    public var maxAttempts: Int
    /// First delay.
    public var baseDelay: Duration
    /// Longest delay.
    public var maxDelay: Duration
    /// Waits (a seam so tests do not sleep).
    public var sleep: @Sendable (Duration) async -> Void

    /// Makes a policy.
    public init(
        maxAttempts: Int = 6, baseDelay: Duration = .milliseconds(250), maxDelay: Duration = .seconds(8),
        sleep: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) }
    ) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.sleep = sleep
    }

    /// The delay before attempt `n` (1-based; the first retry waits `baseDelay`).
    public func delay(beforeRetry n: Int) -> Duration {
        var delay = baseDelay
        for _ in 1..<max(1, n) where delay < maxDelay { delay = delay * 2 }
        return min(delay, maxDelay)
    }
}
