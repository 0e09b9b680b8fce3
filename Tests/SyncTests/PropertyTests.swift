import Foundation
import GRDB
import HubStore
import LearnerEvents
import ProgressStore
import Testing

@testable import SyncCentre
@testable import SyncHub
@testable import SyncWire

/// Random scripts over two centres, a district hub and a province hub: recording, exports,
/// bundles carried (or lost, repeated, reordered), receipts carried back late or never, pushes
/// with connections cut before or after the hub commits, and the district pushing upstream.
/// Whatever happens, the province ends with exactly the union of the centres' events, no event
/// twice, and no centre's acknowledgement ever claims an event the acknowledging hub lacks.
@Suite("Exactly once, whatever the road")
struct PropertyTests {
    @Test("random scripts converge", arguments: 0..<24)
    func script(seed: UInt64) async throws {
        var random = seededRandom(seed)
        let dir = try temporaryDirectory("prop")
        let centres = [try TestCentre(in: dir, name: "a"), try TestCentre(in: dir, name: "b")]
        let district = try TestHub(in: dir, name: "district")
        let province = try TestHub(in: dir, name: "province")
        for centre in centres { try district.enrol(centre) }
        try province.enrol(lowerHub: district)
        let faults = FaultPlan(seed: seed &* 31 &+ 7, rate: 0.3)

        var carried: [URL] = []  // bundles on the stick, in no particular order
        var receipts: [URL] = []  // receipts waiting to be carried back
        for step in 0..<30 {
            let centre = centres[Int.random(in: 0..<2, using: &random)]
            switch Int.random(in: 0..<8, using: &random) {
            case 0, 1:
                try centre.record(Int.random(in: 1...25, using: &random))
            case 2:
                let limit: Int64 = Bool.random(using: &random) ? 24 * 1024 : BundleFormat.defaultMaxBundleBytes
                let out = dir.appendingPathComponent("stick-\(step)")
                carried += try BundleExporter(maxBundleBytes: limit, eventsPerFile: 25).export(
                    from: centre.store, to: out
                ).map(\.url)
            case 3:
                // Carry a random selection, shuffled, some twice; some stay behind (lost).
                var load = carried.filter { _ in Bool.random(using: &random) }
                load += load.prefix(Int.random(in: 0...2, using: &random))
                load.shuffle(using: &random)
                if !load.isEmpty {
                    let out = dir.appendingPathComponent("receipts-\(step)")
                    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
                    receipts += try HubImport.run(
                        bundles: load, store: district.store, identity: district.identity, receiptsDirectory: out
                    ).receipts
                }
            case 4:
                // Carry receipts back, possibly stale ones after newer ones.
                receipts.shuffle(using: &random)
                for receipt in receipts.prefix(Int.random(in: 0...receipts.count, using: &random)) {
                    let node = receipt.lastPathComponent.prefix(18)
                    guard let owner = centres.first(where: { $0.nodeId == node }) else { continue }
                    _ = try CentreSync.acknowledge(receiptAt: receipt, store: owner.store)
                }
            case 5, 6:
                let transport = InProcessTransport(service: district.service, faults: faults)
                let pusher = EventPusher(
                    hub: URL(string: "http://district.test")!, node: centre.nodeId, key: centre.key,
                    transport: transport, retry: noWait)
                _ = try? await CentrePush.run(
                    store: centre.store, pusher: pusher, chunk: Int.random(in: 1...30, using: &random))
            default:
                let transport = InProcessTransport(service: province.service, faults: faults)
                let pusher = EventPusher(
                    hub: URL(string: "http://province.test")!, node: district.identity.nodeId,
                    key: district.identity.key, transport: transport,
                    retry: noWait)
                _ = try? await HubPush.run(
                    store: district.store, identity: district.identity, pusher: pusher,
                    chunk: Int.random(in: 1...40, using: &random))
            }
            try checkAcknowledgements(centres, hub: district)
        }

        // Drain without faults: every road ends at the province.
        let clean = FaultPlan(seed: 0, rate: 0)
        for centre in centres {
            let pusher = EventPusher(
                hub: URL(string: "http://district.test")!, node: centre.nodeId, key: centre.key,
                transport: InProcessTransport(service: district.service, faults: clean), retry: noWait)
            let report = try await CentrePush.run(store: centre.store, pusher: pusher, chunk: 17)
            #expect(report.acknowledgedThrough == (try centre.store.lastSeq))
        }
        try checkAcknowledgements(centres, hub: district)
        let upstream = EventPusher(
            hub: URL(string: "http://province.test")!, node: district.identity.nodeId, key: district.identity.key,
            transport: InProcessTransport(service: province.service, faults: clean), retry: noWait)
        _ = try await HubPush.run(store: district.store, identity: district.identity, pusher: upstream, chunk: 23)

        let union = try eventIds(centres[0]).union(eventIds(centres[1]))
        let held = try province.heldIds()
        #expect(held.ids == union)
        #expect(held.rows == union.count)
        // Origins are kept: every event at the province names its centre, delivered via the district.
        let vias = try province.store.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT via FROM events") }
        #expect(vias.isEmpty || vias == [district.identity.nodeId])
        // Events arrive byte for byte.
        for centre in centres {
            let sent = try centre.store.events(afterSeq: 0, limit: Int.max)
            let stored = try province.store.read { db in
                try String.fetchAll(
                    db, sql: "SELECT payload FROM events WHERE node_id = ? ORDER BY seq", arguments: [centre.nodeId])
            }
            #expect(stored == sent.map(\.payload.json))
        }
    }

    /// No acknowledgement claims an event the hub does not hold.
    func checkAcknowledgements(_ centres: [TestCentre], hub: TestHub) throws {
        for centre in centres {
            for known in try centre.store.syncHubs() where known.hubId == hub.identity.nodeId {
                let holdings = try hub.store.holdings(centre.nodeId)
                #expect(
                    known.acknowledgedThrough <= holdings.contiguousThrough,
                    "centre acknowledged more than the hub holds")
            }
        }
    }
}
