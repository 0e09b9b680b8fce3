import Foundation
import HubServer
import HubStore
import LearnerEvents
import Packs
import ProgressStore
import TestSupport
import Testing

@testable import SyncCentre
@testable import SyncHub
@testable import SyncWire

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("Hub server on 127.0.0.1", .serialized)
struct ServerTests {
    @Test("push over HTTP stores every event once and acknowledges it; the same batch twice is only duplicates")
    func pushAndRepeat() async throws {
        let dir = try temporaryDirectory("http")
        let centre = try TestCentre(in: dir, name: "xa")
        let hub = try TestHub(in: dir, name: "huyen")
        try hub.enrol(centre)
        try centre.record(120)
        try await withHubServer(hub) { url in
            let pusher = EventPusher(hub: url, node: centre.nodeId, key: centre.key)
            let report = try await CentrePush.run(store: centre.store, pusher: pusher, chunk: 50)
            #expect(report.acknowledgedThrough == 121 && report.counts.new == 121)
            let batch = try centre.store.events(afterSeq: 0, limit: 30)
            let again = try await pusher.send(batch)
            #expect(again.counts == InsertCounts(new: 0, duplicate: 30))
            let health = try await HTTPClientTransport().send(
                TransportRequest(method: "GET", url: url.appendingPathComponent("healthz")))
            #expect(health.status == 200)
        }
        #expect(try hub.heldIds().rows == 121)
        #expect(try centre.store.syncStatus().acknowledgedThrough == 121)
    }

    @Test(
        "a connection cut mid-batch, either way, is retried and nothing is lost or doubled",
        arguments: [CuttingProxy.Direction.request, .response])
    func cutConnection(direction: CuttingProxy.Direction) async throws {
        let dir = try temporaryDirectory("cut")
        let centre = try TestCentre(in: dir, name: "xa")
        let hub = try TestHub(in: dir, name: "huyen")
        try hub.enrol(centre)
        try centre.record(300)
        try await withHubServer(hub) { url in
            let proxy = try CuttingProxy(
                target: url.port ?? 0, afterBytes: direction == .request ? 9000 : 200, cuts: 2, direction: direction)
            let viaProxy = URL(string: "http://127.0.0.1:\(proxy.port)")!
            let retry = RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(10), maxDelay: .milliseconds(50))
            let pusher = EventPusher(
                hub: viaProxy, node: centre.nodeId, key: centre.key,
                transport: HTTPClientTransport(timeout: .seconds(10)),
                retry: retry)
            let report = try await CentrePush.run(store: centre.store, pusher: pusher, chunk: 100)
            #expect(report.acknowledgedThrough == 301)
            // Issue 13: the summary said "249 new, 200 duplicate" when the hub had stored every
            // event in this push (an answer lost after the commit made the resend look duplicate).
            #expect(report.counts.new == 301, "\(report)")
            #expect(report.counts.duplicate == report.sent - 301)
        }
        let held = try hub.heldIds()
        #expect(held.ids == (try eventIds(centre)) && held.rows == 301)
    }

    @Test(
        "refusals are JSON with the right status",
        arguments: ["oversize", "unsigned", "wrong key", "replay", "stale", "forged node", "revoked", "rate"])
    func refusals(_ scenario: String) async throws {
        let dir = try temporaryDirectory("refuse")
        let centre = try TestCentre(in: dir, name: "xa")
        let other = try TestCentre(in: dir, name: "khac")
        let hub = try TestHub(in: dir, name: "huyen")
        try hub.enrol(centre)
        try hub.enrol(other)
        try centre.record(3)
        var configuration = HubServerConfiguration(port: 0, maxRequestBytes: 4096)
        if scenario == "rate" {
            configuration.requestsPerSecond = 0.001
            configuration.burst = 2
        }
        let (status, code) = try await withHubServer(hub, configuration: configuration) { url -> (Int, String) in
            let transport = HTTPClientTransport()
            let endpoint = url.appendingPathComponent("api/v1/events")
            var events = try centre.store.events(afterSeq: 0, limit: 10)
            if scenario == "oversize" {
                events = (1...200).map {
                    makeEvent(
                        nodeId: centre.nodeId, seq: Int64($0), kind: "step.read", learner: "LAN1", occurredAt: 1,
                        recordedAt: 1, courseId: "c", lessonId: "l", itemId: "s", payload: "{}")
                }
            }
            if scenario == "forged node" {
                events = [
                    makeEvent(
                        nodeId: other.nodeId, seq: 1, kind: "step.read", learner: "LAN1", occurredAt: 1, recordedAt: 1,
                        courseId: "c", lessonId: "l", itemId: "s", payload: "{}")
                ]
            }
            if scenario == "revoked" { _ = try HubCenters.revoke(centre.nodeId, in: hub.store, at: 5) }
            let body = try PushBody.encode(events: events, vouches: [])
            let at = scenario == "stale" ? systemSyncClock() - 3_600_000 : systemSyncClock()
            let signer = scenario == "wrong key" ? other.key : centre.key
            let signed = try SignedRequest.sign(
                method: "POST", path: "/api/v1/events", body: body, node: centre.nodeId, key: signer, at: at)
            let headers = scenario == "unsigned" ? [:] : signed.headers(body: body)
            var response = try await transport.send(
                TransportRequest(method: "POST", url: endpoint, headers: headers, body: body))
            if scenario == "replay" || scenario == "rate" {
                #expect(response.status == 200)
                response = try await transport.send(
                    TransportRequest(method: "POST", url: endpoint, headers: headers, body: body))
                if scenario == "rate" {
                    let fresh = try SignedRequest.sign(
                        method: "POST", path: "/api/v1/events", body: body, node: centre.nodeId, key: centre.key, at: at
                    )
                    response = try await transport.send(
                        TransportRequest(method: "POST", url: endpoint, headers: fresh.headers(body: body), body: body))
                }
            }
            let error = try JSONDecoder().decode(ErrorBody.self, from: response.body)
            #expect(!error.error.message.contains("LAN1"))
            return (response.status, error.error.code)
        }
        let expected: [String: (Int, String)] = [
            "oversize": (413, "too-large"), "unsigned": (401, "bad-signature"), "wrong key": (401, "bad-signature"),
            "replay": (409, "replayed-request"),
            "stale": (401, "stale-request"), "forged node": (403, "forbidden"), "revoked": (403, "revoked-node"),
            "rate": (429, "rate-limited"),
        ]
        #expect(status == expected[scenario]?.0 && code == expected[scenario]?.1)
        if scenario != "replay" && scenario != "rate" { #expect(try hub.store.eventCount() == 0) }
    }

    @Test(
        "a district pushes to a province over HTTP, keeping each event's origin; a centre it does not vouch for is refused"
    )
    func hubToHub() async throws {
        let dir = try temporaryDirectory("updown")
        let centre = try TestCentre(in: dir, name: "xa")
        let district = try TestHub(in: dir, name: "district")
        let province = try TestHub(in: dir, name: "province")
        try district.enrol(centre)
        try province.enrol(lowerHub: district)
        try centre.record(50)
        _ = try HubImport.run(
            bundles: try BundleExporter().export(from: centre.store, to: dir).map(\.url), store: district.store,
            identity: district.identity)
        try await withHubServer(province) { url in
            let pusher = EventPusher(hub: url, node: district.identity.nodeId, key: district.identity.key)
            let report = try await HubPush.run(
                store: district.store, identity: district.identity, pusher: pusher, chunk: 20)
            #expect(report.counts.new == 51)
            let again = try await HubPush.run(
                store: district.store, identity: district.identity, pusher: pusher, chunk: 20)
            #expect(again.sent == 0)
            // A centre registered at the province directly, whose events the district does not vouch for.
            let stranger = try TestCentre(in: dir, name: "stranger")
            _ = try HubCenters.add(stranger.registration, to: province.store, at: 1)
            try stranger.record(2)
            let theirs = try stranger.store.events(afterSeq: 0, limit: 5)
            await #expect(throws: SyncError.self) { _ = try await pusher.send(theirs) }
            // A centre may deliver only its own events: vouching is for hubs.
            let strangerPusher = EventPusher(hub: url, node: stranger.nodeId, key: stranger.key)
            await #expect(throws: SyncError.self) {
                _ = try await strangerPusher.send(theirs, vouches: [centre.registration])
            }
        }
        let origins = try province.store.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT node_id FROM events")
        }
        #expect(origins == [centre.nodeId])  // nothing of the stranger's got in
        #expect(try province.store.center(centre.nodeId)?.vouchedBy == district.identity.nodeId)
    }

    /// Issue 13: requests the HTTP parser refused (a bad request line, a huge header, a negative
    /// length) got a bare 400 with no body, unlike every other refusal.
    @Test(arguments: [
        ("bad request line", "GARBAGE\r\n\r\n"),
        ("huge header", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 200_000))\r\n\r\n"),
        ("negative length", "POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n"),
    ])
    func parserRefusalsHadABareBody(_ name: String, _ request: String) async throws {
        let dir = try temporaryDirectory("parser")
        let hub = try TestHub(in: dir, name: "huyen")
        let answer = try await withHubServer(hub) { url in try rawExchange(port: url.port ?? 0, request) }
        #expect(answer.hasPrefix("HTTP/1.1 400"), "\(name): \(answer.prefix(200))")
        let body = try #require(answer.range(of: "\r\n\r\n").map { String(answer[$0.upperBound...]) })
        let error = try JSONDecoder().decode(ErrorBody.self, from: Data(body.utf8))
        #expect(error.error.code == "invalid")
        #expect(error.error.messageVi?.isEmpty == false)
    }

    /// Issue 13: after the province revoked one centre, the district's whole push failed with
    /// 403 and no other centre's events went up.
    @Test func revokingOneCentreStoppedItsWholeDistrict() async throws {
        let dir = try temporaryDirectory("revoked-one")
        let kept = try TestCentre(in: dir, name: "xa-a")
        let revoked = try TestCentre(in: dir, name: "xa-b")
        let district = try TestHub(in: dir, name: "district")
        let province = try TestHub(in: dir, name: "province")
        for centre in [kept, revoked] {
            try district.enrol(centre)
            try centre.record(30)
            _ = try HubImport.run(
                bundles: try BundleExporter().export(from: centre.store, to: dir).map(\.url),
                store: district.store, identity: district.identity)
        }
        try province.enrol(lowerHub: district)
        _ = try HubCenters.add(revoked.registration, to: province.store, at: 1)
        _ = try HubCenters.revoke(revoked.nodeId, in: province.store, at: 2)
        let keptCount = try kept.store.lastSeq
        let revokedCount = try revoked.store.lastSeq
        try await withHubServer(province) { url in
            let pusher = EventPusher(hub: url, node: district.identity.nodeId, key: district.identity.key)
            let report = try await HubPush.run(
                store: district.store, identity: district.identity, pusher: pusher, chunk: 7)
            #expect(report.heldBack == [revoked.nodeId: Int(revokedCount)])
            #expect(report.counts.new == Int(keptCount))
            // Nothing is resent on the next push, and the held-back events stay at the district.
            let again = try await HubPush.run(
                store: district.store, identity: district.identity, pusher: pusher, chunk: 7)
            #expect(again.sent == 0)
        }
        let atProvince = try province.store.read { db in
            try String.fetchAll(db, sql: "SELECT node_id || ':' || count(*) FROM events GROUP BY node_id")
        }
        #expect(atProvince == ["\(kept.nodeId):\(keptCount)"])
        let atDistrict = try district.store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM events WHERE node_id = ?", arguments: [revoked.nodeId])
        }
        #expect(atDistrict == Int(revokedCount))
    }

    @Test("pull fetches the catalogue, resumes a partial download with Range, and installs the pack")
    func pullPacks() async throws {
        let dir = try temporaryDirectory("pull")
        let hub = try TestHub(in: dir, name: "huyen")
        let packs = dir.appendingPathComponent("packs")
        try FileManager.default.createDirectory(at: packs, withIntermediateDirectories: true)
        let build = try Program.hocso.run(["pack", "build", "Courses/sample-safe-passwords-en", "-o", packs.path])
        try #require(build.status == 0, "\(build.stderr)")
        let store = dir.appendingPathComponent("content")
        try await withHubServer(hub, configuration: HubServerConfiguration(port: 0, packsDirectory: packs)) { url in
            let catalogueResponse = try await HTTPClientTransport().send(
                TransportRequest(method: "GET", url: url.appendingPathComponent("api/v1/catalogue")))
            let catalogue = try JSONDecoder().decode(Catalogue.self, from: catalogueResponse.body)
            let entry = try #require(catalogue.packs.first)
            // A download cut after 1000 bytes left a partial file behind.
            let downloads = store.appendingPathComponent("downloads")
            try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
            let whole = try Data(contentsOf: packs.appendingPathComponent(entry.file))
            try whole.prefix(1000).write(to: downloads.appendingPathComponent(entry.file + ".part"))
            let ranged = try await HTTPClientTransport().send(
                TransportRequest(
                    method: "GET", url: url.appendingPathComponent("api/v1/packs/\(entry.file)"),
                    headers: ["Range": "bytes=10-19"]))
            #expect(ranged.status == 206 && ranged.body == whole[10..<20])
            let pulled = try await PackPuller(hub: url, pieceBytes: 4096).pull(
                into: ContentStore(root: store), policy: InstallPolicy())
            #expect(pulled.map(\.outcome) == [.installed])
            #expect(pulled.first?.fetchedBytes == entry.size - 1000)
            let again = try await PackPuller(hub: url).pull(into: ContentStore(root: store), policy: InstallPolicy())
            #expect(again.map(\.outcome) == [.upToDate])
            let missing = try await HTTPClientTransport().send(
                TransportRequest(method: "GET", url: url.appendingPathComponent("api/v1/packs/..%2Fhub.sqlite")))
            #expect(missing.status == 404)
        }
    }
}

/// Sends `request` as raw bytes to 127.0.0.1:`port` and reads until the server closes.
func rawExchange(port: Int, _ request: String) throws -> String {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw SyncError(.network, .verbatim("no socket")) }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
    }
    guard connected == 0 else { throw SyncError(.network, .verbatim("cannot connect")) }
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    let bytes = Array(request.utf8)
    var sent = 0
    while sent < bytes.count {
        let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        if n <= 0 { break }  // the server may answer and close before reading everything
        sent += n
    }
    var answer = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n <= 0 { break }
        answer += buffer[0..<n]
    }
    return String(decoding: answer, as: UTF8.self)
}
