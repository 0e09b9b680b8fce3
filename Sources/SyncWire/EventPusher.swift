import Foundation
import HubStore
import LearnerEvents
import Localization

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
    public func send(_ events: [Event], vouches: [NodeRegistration] = []) async throws -> PushAnswer {
        let body = try PushBody.encode(events: events, vouches: vouches)
        let url = hub.appendingPathComponent(String(PushBody.path.dropFirst()))
        var attempt = 0
        var lastProblem = Phrase.verbatim("")
        while true {
            attempt += 1
            let signed = try SignedRequest.sign(
                method: "POST", path: PushBody.path, body: body, node: node, key: key, at: clock())
            var headers = signed.headers(body: body)
            headers["Content-Type"] = "application/x-ndjson"
            do {
                let response = try await transport.send(
                    TransportRequest(method: "POST", url: url, headers: headers, body: body))
                switch response.status {
                case 200:
                    return try CanonicalJSON.decode(PushAnswer.self, from: response.body, what: SyncText.hubAnswer)
                case 429, 500...599:
                    lastProblem = Self.describe(response)
                default:
                    // The hub refused for a reason retrying will not change.
                    throw Self.refusal(response)
                }
            } catch let error as SyncError {
                throw error
            } catch {
                lastProblem = NetworkFailure.phrase(for: error, hub: hub.absoluteString)
            }
            guard attempt < retry.maxAttempts else {
                throw SyncError(
                    .network, SyncText.unreachable(hub.absoluteString, attempts: attempt, problem: lastProblem))
            }
            await retry.sleep(retry.delay(beforeRetry: attempt))
        }
    }

    /// The hub's refusal as an error of the kind it names, in its words.
    public static func refusal(_ response: TransportResponse) -> SyncError {
        let body = try? JSONDecoder().decode(ErrorBody.self, from: response.body)
        let kind = body.flatMap { SyncError.Kind(rawValue: $0.error.code) } ?? .network
        return SyncError(kind, describe(response))
    }

    /// An HTTP answer that is not a success, in words.
    static func describe(_ response: TransportResponse) -> Phrase {
        let body = try? JSONDecoder().decode(ErrorBody.self, from: response.body)
        return SyncText.hubRefused(status: response.status, message: body?.error.phrase)
    }
}
