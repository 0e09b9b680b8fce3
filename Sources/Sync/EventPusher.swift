import Foundation
import HubStore

/// Sends signed batches to a hub, retrying with backoff; every attempt is signed afresh (new
/// timestamp and nonce), which is safe because inserting is idempotent.
public struct EventPusher: Sendable {
    /// The hub's base URL (`http://host:port`).
    public let hub: URL
    /// The sending node.
    public let node: String
    /// Its key.
    public let key: NodeKey
    /// HTTP.
    public let transport: any SyncTransport
    /// Retries.
    public let retry: RetryPolicy
    /// The clock.
    public let clock: SyncClock

    /// Makes a pusher.
    public init(
        hub: URL, node: String, key: NodeKey, transport: any SyncTransport = HTTPClientTransport(),
        retry: RetryPolicy = RetryPolicy(),
        clock: @escaping SyncClock = systemSyncClock
    ) {
        self.hub = hub
        self.node = node
        self.key = key
        self.transport = transport
        self.retry = retry
        self.clock = clock
    }

    /// Sends one batch and returns the hub's answer (its receipt not yet verified).
    public func send(_ events: [HubEvent], vouches: [NodeRegistration] = []) async throws -> PushAnswer {
        let body = try PushBody.encode(events: events, vouches: vouches)
        let url = hub.appendingPathComponent(String(SyncService.eventsPath.dropFirst()))
        var attempt = 0
        var lastProblem = ""
        while true {
            attempt += 1
            let signed = try SignedRequest.sign(
                method: "POST", path: SyncService.eventsPath, body: body, node: node, key: key, at: clock())
            var headers = signed.headers(body: body)
            headers["Content-Type"] = "application/x-ndjson"
            do {
                let response = try await transport.send(
                    TransportRequest(method: "POST", url: url, headers: headers, body: body))
                switch response.status {
                case 200:
                    return try CanonicalJSON.decode(PushAnswer.self, from: response.body, what: "the hub's answer")
                case 429, 500...599:
                    lastProblem = Self.describe(response)
                default:
                    // The hub refused for a reason retrying will not change.
                    throw Self.refusal(response)
                }
            } catch let error as SyncError {
                throw error
            } catch {
                lastProblem = "the connection failed (\(Self.short(error)))"
            }
            guard attempt < retry.maxAttempts else {
                throw SyncError(
                    .network, "cannot reach hub \(hub.absoluteString) after \(attempt) attempts: \(lastProblem)")
            }
            await retry.sleep(retry.delay(beforeRetry: attempt))
        }
    }

    static func refusal(_ response: TransportResponse) -> SyncError {
        if let body = try? JSONDecoder().decode(ErrorBody.self, from: response.body) {
            let kind = SyncError.Kind(rawValue: body.error.code) ?? .network
            return SyncError(kind, "the hub refused (HTTP \(response.status)): \(body.error.message)")
        }
        return SyncError(.network, "the hub refused (HTTP \(response.status))")
    }

    static func describe(_ response: TransportResponse) -> String {
        (try? JSONDecoder().decode(ErrorBody.self, from: response.body)).map {
            "HTTP \(response.status): \($0.error.message)"
        }
            ?? "HTTP \(response.status)"
    }

    static func short(_ error: any Error) -> String {
        let text = (error as NSError).localizedDescription
        return text.count > 120 ? String(text.prefix(120)) : text
    }
}
