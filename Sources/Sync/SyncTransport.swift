import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

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

/// The HTTP seam: the live value uses URLSession; tests can put anything in between.
public protocol SyncTransport: Sendable {
    /// Sends a request; throws when no answer came (refused, cut, timed out).
    func send(_ request: TransportRequest) async throws -> TransportResponse
}

/// HTTP through FoundationNetworking's URLSession.
public struct URLSessionTransport: SyncTransport {
    let session: URLSession

    /// Makes a transport with a request timeout.
    public init(timeout: TimeInterval = 60) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
    }

    /// Sends a request.
    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        if !request.body.isEmpty { urlRequest.httpBody = request.body }
        let (data, response) = try await session.data(for: urlRequest)
        guard let http = response as? HTTPURLResponse else {
            throw SyncError(.network, "the answer from \(request.url.host ?? "the hub") is not HTTP")
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return TransportResponse(status: http.statusCode, headers: headers, body: data)
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
