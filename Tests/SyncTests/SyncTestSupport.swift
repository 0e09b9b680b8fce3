import Foundation
import GRDB
import HubStore
import HubStoreSQLite
import LearnerEvents
import ProgressStore
import QuizEngine
import Synchronization

@testable import SyncCentre
@testable import SyncHub
@testable import SyncWire

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A fresh temporary folder for one test.
func temporaryDirectory(_ label: String = "sync") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("hocso-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A deterministic random source so property scripts replay from their seed: QuizEngine's
/// SplitMix64, started one step in as these scripts always were.
func seededRandom(_ seed: UInt64) -> SplitMix64 { SplitMix64(state: seed &+ 0x9E37_79B9_7F4A_7C15) }

/// A centre for tests: a database on disk with a signing identity and one learner.
struct TestCentre {
    let store: CentreStore
    let identity: SyncIdentity
    let key: NodeKey
    var nodeId: String { store.nodeId }

    init(in directory: URL, name: String) throws {
        store = try CentreStore(path: directory.appendingPathComponent("\(name).sqlite"), mode: .createIfMissing)
        identity = try CentreSync.initialise(store, name: name).identity
        key = try CentreSync.signingKey(store)
        _ = try store.addLearner(
            NewLearner(code: "LAN1", displayName: "Nguyễn Thị Lan", birthYear: 1970, gender: .nu, commune: "Xã Tân Phú")
        )
    }

    /// Records `count` events (lesson opened, then steps read).
    func record(_ count: Int) throws {
        for _ in 0..<count {
            let at = Int64(1_700_000_000_000) + Int64.random(in: 0..<1_000_000)
            _ = try store.record(
                .stepRead(
                    learner: "LAN1", course: "an-toan", version: 1, lesson: "bai-1", step: "s\(Int.random(in: 1...9))",
                    at: at))
        }
    }

    var registration: NodeRegistration {
        NodeRegistration(nodeId: identity.nodeId, name: identity.name, role: .centre, publicKey: identity.publicKey)
    }
}

/// A hub for tests.
struct TestHub {
    let store: SQLiteHubStore
    let identity: HubIdentity
    let directory: URL

    init(in directory: URL, name: String) throws {
        self.directory = directory
        store = try SQLiteHubStore(path: directory.appendingPathComponent("\(name).sqlite"))
        identity = try HubIdentity.initialise(store, name: name).identity
    }

    /// Registers a centre here and gives the centre this hub's registration file.
    func enrol(_ centre: TestCentre) throws {
        _ = try HubCenters.add(centre.registration, to: store, at: 1)
        let file = directory.appendingPathComponent("reg-\(identity.nodeId)-\(centre.nodeId).json")
        try HubCenters.exportRegistration(for: centre.nodeId, store: store, identity: identity, to: file)
        _ = try CentreSync.addHub(from: file, to: centre.store)
    }

    /// Registers `lower` as a hub below this one, and this one as `lower`'s upstream.
    func enrol(lowerHub lower: TestHub) throws {
        _ = try HubCenters.add(lower.identity.registration, to: store, at: 1)
        let file = directory.appendingPathComponent("up-\(identity.nodeId).json")
        try RegistrationFile(node: identity.registration, key: identity.key).write(to: file)
        _ = try HubPush.addUpstream(from: file, to: lower.store)
    }

    var service: SyncService { SyncService(store: store, identity: identity) }

    /// Every (node, seq) held, and whether any appears twice.
    func heldIds() throws -> (ids: Set<String>, rows: Int) {
        try store.read { db in
            let ids = try String.fetchAll(db, sql: "SELECT node_id || '/' || seq FROM events")
            return (Set(ids), ids.count)
        }
    }
}

/// Centre events as the set of global ids.
func eventIds(_ centre: TestCentre) throws -> Set<String> {
    Set(try centre.store.events(afterSeq: 0, limit: Int.max).map(\.id))
}

/// Decides, reproducibly, which exchanges fail and how.
final class FaultPlan: Sendable {
    private let state: Mutex<SplitMix64>
    private let rate: Double

    init(seed: UInt64, rate: Double) {
        state = Mutex(seededRandom(seed))
        self.rate = rate
    }

    func roll() -> Bool { rate > 0 && state.withLock { Double.random(in: 0..<1, using: &$0) } < rate }
}

/// Calls a `SyncService` directly, as the HTTP server would; may lose the request before the
/// hub sees it or the answer after the hub committed (the two halves of a cut connection).
struct InProcessTransport: SyncTransport {
    let service: SyncService
    let faults: FaultPlan

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        if faults.roll() { throw URLError(.networkConnectionLost) }
        let h = request.headers
        let signed = SignedRequest(
            node: h[SignedRequest.Header.node] ?? "", timestamp: Int64(h[SignedRequest.Header.timestamp] ?? "") ?? 0,
            nonce: h[SignedRequest.Header.nonce] ?? "", signature: h[SignedRequest.Header.signature] ?? "")
        let answer: PushAnswer
        do {
            answer = try service.acceptEvents(
                method: request.method, path: request.url.path, request: signed, body: request.body)
        } catch let error as SyncError {
            let status =
                [.replayedRequest: 409, .forbidden: 403, .unknownNode: 403, .revokedNode: 403, .badSignature: 401][
                    error.kind] ?? 400
            return TransportResponse(
                status: status,
                body: try JSONEncoder().encode(ErrorBody(code: error.kind.rawValue, phrase: error.phrase)))
        }
        if faults.roll() { throw URLError(.networkConnectionLost) }
        return TransportResponse(status: 200, body: try JSONEncoder().encode(answer))
    }
}

/// Retries without sleeping.
let noWait = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(1), sleep: { _ in })

/// An event in the hub's terms (kind and payload as text), for tests that craft traffic by hand.
func makeEvent(
    nodeId: String, seq: Int64, kind: String, learner: String, occurredAt: Int64, recordedAt: Int64,
    courseId: String? = nil, courseVersion: Int? = nil, lessonId: String? = nil, itemId: String? = nil,
    attempt: Int? = nil, payload: String
) -> Event {
    Event(
        nodeId: nodeId, seq: seq, recordedAt: recordedAt,
        occurrence: Occurrence(
            kind: EventKind(rawValue: kind), learner: learner, occurredAt: occurredAt, courseId: courseId,
            courseVersion: courseVersion, lessonId: lessonId, itemId: itemId, attempt: attempt,
            payload: EventPayload(json: payload)))
}
