import Foundation
import HTTPTypes
import HubServer
import Hummingbird
import Logging
import NIOCore
import NIOEmbedded
import SyncWire

/// `hub-request`: `POST /api/v1/events` through the hub's whole responder (router, error
/// middleware, endpoint, sync service, a scratch SQLite hub), without a socket.
///
/// The input is header lines (`Name: value`) up to the first blank line, then the body. A
/// request without `X-HocSo-Signature` is signed here as the fixture centre (node, timestamp and
/// nonce filled in when absent), so a mutated body gets past the signature to the decoding of
/// the push header and event lines. Every answer must be JSON, and none may be a 500: an
/// unexpected failure is a defect the input found.
final class HubRequestTarget: FuzzTarget {
    let name = "hub-request"
    let hub: FuzzHub
    let respond: @Sendable (Request) async throws -> Response
    var requests = 0

    init() {
        let hub = FuzzHub(name: "request-hub")
        self.hub = hub
        var quiet = Logger(label: "hocso-fuzz")
        quiet.logLevel = .critical
        let logger = quiet
        // No rate limit: the fuzzer is one node sending thousands of requests a second.
        let configuration = HubServerConfiguration(requestsPerSecond: 1e12, burst: 1_000_000_000)
        let app = HubServer.application(
            store: hub.store, identity: hub.identity, configuration: configuration, logger: logger)
        let made: Result<@Sendable (Request) async throws -> Response, any Error> = Blocking.run {
            do {
                return .success(try await HubRequestTarget.responder(of: app, logger: logger))
            } catch {
                return .failure(error)
            }
        }
        switch made {
        case .success(let respond): self.respond = respond
        case .failure(let error): FuzzCheck.fail("set-up", "cannot build the hub's responder: \(error)")
        }
    }

    /// The application's responder as a function, each request with a fresh context on one test channel.
    private static func responder<App: ApplicationProtocol>(of app: App, logger: Logger) async throws
        -> @Sendable (Request) async throws -> Response
    {
        let responder = try await app.responder
        let channel = NIOAsyncTestingChannel()
        return { request in
            let context = App.Context(source: ApplicationRequestContextSource(channel: channel, logger: logger))
            return try await responder.respond(to: request, context: context)
        }
    }

    func run(_ input: Data) {
        let request = makeRequest(input)
        let respond = self.respond
        let answer: Result<Response, any Error> = Blocking.run {
            do {
                return .success(try await respond(request))
            } catch {
                return .failure(error)
            }
        }
        switch answer {
        case .failure(let error):
            FuzzCheck.fail(name, "the responder threw \(type(of: error)) instead of answering")
        case .success(let response):
            if response.status.code >= 500 {
                FuzzCheck.fail(name, "answered \(response.status.code)")
            }
            if response.headers[.contentType] != "application/json; charset=utf-8" {
                FuzzCheck.fail(name, "answered \(response.status.code) without a JSON body")
            }
        }
    }

    /// The request the input describes, signed as the fixture centre unless it carries a signature.
    func makeRequest(_ input: Data) -> Request {
        let blank = input.range(of: Data([0x0A, 0x0A]))
        let head = blank.map { input[input.startIndex..<$0.lowerBound] } ?? input[...]
        let body = blank.map { Data(input[$0.upperBound...]) } ?? Data()
        var fields = HTTPFields()
        for line in String(decoding: head, as: UTF8.self).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":"),
                let field = HTTPField.Name(String(line[..<colon]).trimmingCharacters(in: .whitespaces))
            else { continue }
            fields.append(
                HTTPField(name: field, value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        func name(_ text: String) -> HTTPField.Name { HTTPField.Name(text)! }
        if fields[name(SignedRequest.Header.signature)] == nil {
            requests += 1
            let node = fields[name(SignedRequest.Header.node)] ?? hub.centre.nodeId
            let timestamp = fields[name(SignedRequest.Header.timestamp)].flatMap { Int64($0) } ?? systemSyncClock()
            let nonce = fields[name(SignedRequest.Header.nonce)] ?? String(format: "fuzz%028lx", requests)
            let bytes = SignedRequest.signedBytes(
                method: "POST", path: PushBody.path, timestamp: timestamp, nonce: nonce,
                bodySHA256: Digest.sha256Hex(body), node: node)
            let signature = (try? hub.centreKey.sign(bytes)) ?? ""
            fields[name(SignedRequest.Header.node)] = node
            fields[name(SignedRequest.Header.timestamp)] = String(timestamp)
            fields[name(SignedRequest.Header.nonce)] = nonce
            fields[name(SignedRequest.Header.signature)] = signature
        }
        let requestHead = HTTPRequest(
            method: .post, scheme: "http", authority: "hub", path: PushBody.path, headerFields: fields)
        return Request(head: requestHead, body: RequestBody(buffer: ByteBuffer(bytes: body)))
    }
}

/// Waits for async work from the fuzzer's synchronous callback.
enum Blocking {
    /// Runs `body` as a task and blocks the calling thread until it finishes.
    static func run<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = await body()
            done.signal()
        }
        done.wait()
        guard let value = box.value else { FuzzCheck.fail("set-up", "a task ended without a value") }
        return value
    }

    /// The task's result, handed from the task to the waiting thread (the semaphore orders the two).
    private final class Box<T>: @unchecked Sendable {
        var value: T?
    }
}
