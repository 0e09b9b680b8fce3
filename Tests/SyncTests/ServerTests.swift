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
