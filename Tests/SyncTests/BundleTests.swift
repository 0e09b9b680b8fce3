import ArchiveIO
import Foundation
import HubStore
import LearnerEvents
import ProgressStore
import Testing

@testable import SyncCentre
@testable import SyncHub
@testable import SyncWire

@Suite("USB bundles")
struct BundleTests {
    @Test("export, import, receipt, ack: exactly the centre's events, then nothing left to export")
    func roundTrip() throws {
        let dir = try temporaryDirectory()
        let centre = try TestCentre(in: dir, name: "xa-tan-phu")
        let hub = try TestHub(in: dir, name: "huyen")
        try hub.enrol(centre)
        try centre.record(40)
        let stick = dir.appendingPathComponent("usb")

        let bundles = try BundleExporter().export(from: centre.store, to: stick)
        #expect(bundles.count == 1)
        #expect(bundles[0].url.lastPathComponent == "\(centre.nodeId)-1-41.hsbundle")
        #expect(try centre.store.syncStatus().exportedNotAcknowledged == 41)

        let report = try HubImport.run(bundles: bundles.map(\.url), store: hub.store, identity: hub.identity)
        #expect(report.totals == InsertCounts(new: 41, duplicate: 0, rejected: 0))
        #expect(report.holdings.first?.gaps == [])
        #expect(try hub.heldIds().ids == eventIds(centre))
        let receipt = try #require(report.receipts.first)
        #expect(receipt.lastPathComponent == "\(centre.nodeId)-\(hub.identity.nodeId)-receipt.json")
        #expect(receipt.deletingLastPathComponent().path == stick.path)

        #expect(try CentreSync.acknowledge(receiptAt: receipt, store: centre.store) == 41)
        let status = try centre.store.syncStatus()
        #expect(status.acknowledgedThrough == 41 && status.toExport == 0 && status.exportedNotAcknowledged == 0)
        #expect(status.hubs.first?.lastHeardAt != nil)
        #expect(try BundleExporter().export(from: centre.store, to: stick).isEmpty)

        // The learner's public facts reached the hub; the name did not.
        let learner = try #require(try hub.store.learner(node: centre.nodeId, code: "LAN1"))
        #expect(learner.birthYear == 1970 && learner.gender == "nu" && learner.displayName == nil)
    }

    @Test("a bundle imported twice, and split bundles in any order, give the same hub")
    func idempotentAndOrderFree() throws {
        let dir = try temporaryDirectory()
        let centre = try TestCentre(in: dir, name: "xa")
        let hubA = try TestHub(in: dir, name: "a")
        let hubB = try TestHub(in: dir, name: "b")
        try hubA.enrol(centre)
        try hubB.enrol(centre)
        try centre.record(300)
        let limit: Int64 = 24 * 1024
        let bundles = try BundleExporter(maxBundleBytes: limit, eventsPerFile: 40).export(
            from: centre.store, to: dir.appendingPathComponent("usb"))
        #expect(bundles.count > 2)
        for bundle in bundles {
            let size = try #require(try FileManager.default.attributesOfItem(atPath: bundle.url.path)[.size] as? Int)
            #expect(Int64(size) < limit)
        }
        #expect(zip(bundles, bundles.dropFirst()).allSatisfy { $0.lastSeq + 1 == $1.firstSeq })

        let first = try HubImport.run(bundles: bundles.map(\.url), store: hubA.store, identity: hubA.identity)
        let again = try HubImport.run(bundles: bundles.map(\.url), store: hubA.store, identity: hubA.identity)
        #expect(first.totals.new == 301 && again.totals == InsertCounts(new: 0, duplicate: 301))
        _ = try HubImport.run(bundles: bundles.map(\.url).reversed(), store: hubB.store, identity: hubB.identity)
        #expect(try hubA.heldIds().ids == eventIds(centre))
        #expect(try hubB.heldIds().ids == eventIds(centre))
        #expect(try hubA.heldIds().rows == 301)
    }

    @Test("a missing bundle shows as a gap, and the receipt acknowledges only the unbroken start")
    func gaps() throws {
        let dir = try temporaryDirectory()
        let centre = try TestCentre(in: dir, name: "xa")
        let hub = try TestHub(in: dir, name: "huyen")
        try hub.enrol(centre)
        try centre.record(200)
        let bundles = try BundleExporter(maxBundleBytes: 24 * 1024, eventsPerFile: 30).export(
            from: centre.store, to: dir.appendingPathComponent("usb"))
        try #require(bundles.count >= 3)
        let missing = bundles[1]
        let report = try HubImport.run(
            bundles: [bundles[0].url] + bundles.dropFirst(2).map(\.url), store: hub.store, identity: hub.identity)
        #expect(report.holdings.first?.gaps == [SeqRange(missing.firstSeq, missing.lastSeq)])
        #expect(try CentreSync.acknowledge(receiptAt: report.receipts[0], store: centre.store) == bundles[0].lastSeq)
        // The next export resends from the gap on.
        let next = try BundleExporter().export(from: centre.store, to: dir.appendingPathComponent("usb2"))
        #expect(next.first?.firstSeq == missing.firstSeq)
    }

    @Test("a bundle with a flipped byte is refused and stores nothing from the damaged file")
    func flippedByte() throws {
        let dir = try temporaryDirectory()
        let centre = try TestCentre(in: dir, name: "xa")
        let hub = try TestHub(in: dir, name: "huyen")
        try hub.enrol(centre)
        try centre.record(500)
        let bundle = try #require(try BundleExporter(compressionLevel: 1).export(from: centre.store, to: dir).first)
        var data = try Data(contentsOf: bundle.url)
        let index = data.count * 3 / 4
        data[index] ^= 0x20
        try data.write(to: bundle.url)
        let report = try HubImport.run(bundles: [bundle.url], store: hub.store, identity: hub.identity)
        let refusal = try #require(report.bundles[0].refusal)
        #expect(refusal.en.hasPrefix("bundle refused:"))
        #expect(report.bundles[0].counts.new == 0)
        #expect(try hub.store.eventCount() == 0)
    }

    @Test(
        "bundles from an unknown, a revoked or a wrongly keyed centre are refused",
        arguments: ["unknown", "revoked", "wrong key"])
    func untrusted(_ scenario: String) throws {
        let dir = try temporaryDirectory()
        let centre = try TestCentre(in: dir, name: "xa")
        let hub = try TestHub(in: dir, name: "huyen")
        try centre.record(5)
        switch scenario {
        case "revoked":
            try hub.enrol(centre)
            _ = try HubCenters.revoke(centre.nodeId, in: hub.store, at: 2)
        case "wrong key":
            var forged = centre.registration
            forged.publicKey = NodeKey.generate().publicKey
            _ = try HubCenters.add(forged, to: hub.store, at: 1)
        default: break
        }
        let bundle = try #require(try BundleExporter().export(from: centre.store, to: dir).first)
        let report = try HubImport.run(bundles: [bundle.url], store: hub.store, identity: hub.identity)
        let expected = [
            "unknown": "bundle refused: signed by an unknown centre \(centre.nodeId)",
            "revoked": "bundle refused: centre \(centre.nodeId) is revoked",
            "wrong key": "bundle refused: it is not signed by the registered key of centre \(centre.nodeId)",
        ][scenario]
        #expect(report.bundles[0].refusal?.en == expected)
        #expect(report.bundles[0].counts == InsertCounts())
        #expect(report.receipts.isEmpty, "a refused bundle gets no receipt")
        #expect(try hub.store.eventCount() == 0)
    }

    @Test("a bundle signed by a registered centre but holding another node's events is refused")
    func forgedNodeId() throws {
        let dir = try temporaryDirectory()
        let honest = try TestCentre(in: dir, name: "honest")
        let forger = try TestCentre(in: dir, name: "forger")
        let hub = try TestHub(in: dir, name: "huyen")
        try hub.enrol(honest)
        try hub.enrol(forger)
        let event = makeEvent(
            nodeId: honest.nodeId, seq: 1, kind: "step.read", learner: "LAN1", occurredAt: 1, recordedAt: 1,
            courseId: "c",
            courseVersion: 1, lessonId: "l", itemId: "s", payload: "{}")
        let url = try craftBundle([event], signer: forger, in: dir)
        let report = try HubImport.run(bundles: [url], store: hub.store, identity: hub.identity)
        #expect(
            report.bundles[0].refusal?.en
                == "bundle refused: '\(url.lastPathComponent)' claims events of another node (\(honest.nodeId))")
        #expect(try hub.store.eventCount() == 0)
    }

    @Test("a receipt signed by another key, or claiming events the centre never recorded, is refused")
    func badReceipts() throws {
        let dir = try temporaryDirectory()
        let centre = try TestCentre(in: dir, name: "xa")
        let hub = try TestHub(in: dir, name: "huyen")
        try hub.enrol(centre)
        try centre.record(3)
        let holdings = NodeHoldings(Holdings(nodeId: centre.nodeId, held: [SeqRange(1, 4)]))
        let forged = try SignedReceipt(
            Receipt(hub: hub.identity.nodeId, hubPublicKey: hub.identity.publicKey, issuedAt: 5, nodes: [holdings]),
            key: NodeKey.generate())
        let error = #expect(throws: SyncError.self) { try CentreSync.acknowledge(forged, store: centre.store) }
        #expect(error?.kind == .badSignature)
        #expect(error?.phrase.en == "receipt refused: the signature does not match hub \(hub.identity.nodeId)'s key")
        let tooMuch = NodeHoldings(Holdings(nodeId: centre.nodeId, held: [SeqRange(1, 99)]))
        let greedy = try SignedReceipt(
            Receipt(hub: hub.identity.nodeId, hubPublicKey: hub.identity.publicKey, issuedAt: 5, nodes: [tooMuch]),
            key: hub.identity.key)
        #expect(throws: SyncError.self) { try CentreSync.acknowledge(greedy, store: centre.store) }
        #expect(try centre.store.acknowledgedThrough() == 0)
    }
}

/// Writes a bundle by hand (valid archive, manifest and signature) around arbitrary events.
func craftBundle(_ events: [Event], signer: TestCentre, in dir: URL) throws -> URL {
    var bytes: [UInt8] = []
    for event in events { try EventLines.append(event, to: &bytes) }
    let file = BundleManifest.File(
        path: BundleFormat.dataPath(1), firstSeq: events[0].seq, lastSeq: events[events.count - 1].seq,
        events: events.count,
        bytes: Int64(bytes.count), sha256: Digest.sha256Hex(bytes))
    let manifest = BundleManifest(
        node: signer.nodeId, publicKey: signer.identity.publicKey,
        firstSeq: file.firstSeq,
        lastSeq: file.lastSeq, eventCount: events.count, kinds: [:], createdAt: 0, files: [file])
    let manifestData = try CanonicalJSON.pretty(manifest)
    let signature = BundleSignature(
        algorithm: "ed25519", publicKey: signer.identity.publicKey,
        signature: try signer.key.sign(BundleSignature.signedBytes(manifestData)))
    let url = dir.appendingPathComponent("crafted-\(UUID().uuidString.prefix(6)).hsbundle")
    let writer = try ArchiveWriter(path: url.path, compression: .zstd(level: 3))
    try writer.addFile(path: BundleFormat.manifestPath, contents: manifestData)
    try writer.addFile(path: BundleFormat.signaturePath, contents: try CanonicalJSON.pretty(signature))
    try writer.addFile(path: file.path, contents: Data(bytes))
    try writer.close()
    return url
}
