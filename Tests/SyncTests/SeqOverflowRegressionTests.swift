import Foundation
import HubStore
import LearnerEvents
import SyncHub
import SyncWire
import Testing

/// Found by the bundle and hub-request fuzz targets (docs/fuzzing.md): sequence numbers at the
/// ends of Int64 overflowed the hub's range arithmetic and crashed `hocso-hub import` and the
/// server, once before any signature was checked.
@Suite("Regression: extreme sequence numbers crashed the hub")
struct SeqOverflowRegressionTests {
    /// Any file on a USB stick could crash the import: the manifest's range was computed (as
    /// `firstSeq - 1`) before the signature was checked.
    @Test func bundleManifestWithTheLowestSeqCrashedTheImportBeforeItsSignatureWasChecked() throws {
        let world = try BundleWorld(try temporaryDirectory("seq-overflow"))
        let url = try world.bundle(manifestEdit: { data in
            Data(
                String(decoding: data, as: UTF8.self).replacingOccurrences(
                    of: "\"firstSeq\" : 1", with: "\"firstSeq\" : -9223372036854775808"
                ).utf8)
        })
        let result = BundleImporter(store: world.hub.store).importBundle(at: url)
        #expect(
            result.refusal?.en.contains("not signed by the registered key") == true,
            "\(String(describing: result.refusal))")
        #expect(result.range == nil)
        #expect(try world.hub.store.eventCount() == 0)
    }

    /// A signed bundle numbering its event 9223372036854775807 overflowed `lastSeq + 1`.
    @Test(arguments: [Int64.max, Int64.max - 1, EventLines.maxSeq + 1])
    func signedBundleWithAnEventNumberedBeyondTheLimitCrashedTheImport(seq: Int64) throws {
        let world = try BundleWorld(try temporaryDirectory("seq-overflow"))
        var event = world.events[0]
        event.seq = seq
        let result = BundleImporter(store: world.hub.store).importBundle(at: try world.bundle(events: [event]))
        #expect(
            result.refusal?.en == "bundle refused: the manifest of '\(result.file.lastPathComponent)' is inconsistent")
        #expect(try world.hub.store.eventCount() == 0)
    }

    /// A registered centre pushing an event numbered 9223372036854775807 crashed the server
    /// while merging held ranges (`last + 1`).
    @Test(arguments: [Int64.max, EventLines.maxSeq + 1])
    func pushedEventNumberedBeyondTheLimitCrashedTheServer(seq: Int64) throws {
        let folder = try temporaryDirectory("seq-overflow")
        let centre = try TestCentre(in: folder, name: "xa")
        let hub = try TestHub(in: folder, name: "huyen")
        try hub.enrol(centre)
        try centre.record(1)
        var event = try centre.store.events(afterSeq: 0, limit: 1)[0]
        event.seq = seq
        let body = try PushBody.encode(events: [event], vouches: [])
        let now = systemSyncClock()
        let nonce = "0123456789abcdef0123456789abcdef"
        let request = SignedRequest(
            node: centre.nodeId, timestamp: now, nonce: nonce,
            signature: try centre.key.sign(
                SignedRequest.signedBytes(
                    method: "POST", path: PushBody.path, timestamp: now, nonce: nonce,
                    bodySHA256: Digest.sha256Hex(body), node: centre.nodeId)))
        #expect(throws: SyncError.self) {
            _ = try hub.service.acceptEvents(method: "POST", path: PushBody.path, request: request, body: body)
        }
        #expect(try hub.store.eventCount() == 0)
    }

    /// The largest allowed seq goes through the range arithmetic without trouble.
    @Test func anEventNumberedAtTheLimitIsStoredAndHeld() throws {
        let folder = try temporaryDirectory("seq-overflow")
        let hub = try TestHub(in: folder, name: "huyen")
        let centre = try TestCentre(in: folder, name: "xa")
        try hub.enrol(centre)
        try centre.record(1)
        var event = try centre.store.events(afterSeq: 0, limit: 1)[0]
        event.seq = EventLines.maxSeq
        let counts = try hub.store.insert([event], via: centre.nodeId, receivedAt: 1)
        #expect(counts.new == 1)
        #expect(try hub.store.holdings(centre.nodeId).held == [SeqRange(EventLines.maxSeq, EventLines.maxSeq)])
    }
}
