import ArchiveIO
import Foundation
import HubStore
import LearnerEvents
import Localization
import SyncWire

/// What importing one bundle did.
public struct BundleImportResult: Sendable, Equatable {
    /// The bundle file.
    public var file: URL
    /// The centre it came from (nil when even the manifest could not be read).
    public var node: String?
    /// The seq range it declared.
    public var range: SeqRange?
    /// New, duplicate and rejected event counts.
    public var counts: InsertCounts
    /// Why it was refused (wholly or from one data file on), nil when accepted.
    public var refusal: Phrase?
}

/// Imports bundles into a hub, streaming: each archive entry is read once, data files one at a
/// time (at most `BundleFormat.maxDataFileBytes` in memory), each checked against its hash in the
/// signed manifest before any of its events is inserted.
public struct BundleImporter: Sendable {
    /// The hub database.
    public let store: any HubStore
    /// Events per insert transaction.
    public var batchSize: Int
    /// The clock.
    public let clock: SyncClock

    /// Makes an importer.
    public init(store: any HubStore, batchSize: Int = 20_000, clock: @escaping SyncClock = systemSyncClock) {
        self.store = store
        self.batchSize = batchSize
        self.clock = clock
    }

    /// Imports one bundle; a refusal is reported in the result, events already committed from
    /// earlier verified data files stay (they are authentic).
    public func importBundle(at url: URL) -> BundleImportResult {
        var result = BundleImportResult(file: url, node: nil, range: nil, counts: InsertCounts(), refusal: nil)
        do {
            try read(url, into: &result)
        } catch let error as SyncError {
            result.refusal = error.phrase
        } catch let error as ArchiveError where error.kind == .unavailable {
            result.refusal = error.phrase  // what to install: the bundle itself may be fine
        } catch {
            // The archive reader's own words are for developers: the operator learns it is damaged.
            result.refusal = HubSyncText.bundleDamaged(url.lastPathComponent)
        }
        // A refused bundle's unread events are not "rejected" (that count means malformed rows the
        // hub read): its refusal sentence says what happened to them.
        return result
    }

    private func read(_ url: URL, into result: inout BundleImportResult) throws {
        let name = url.lastPathComponent
        let reader = try ArchiveReader(path: url.path)
        func metadata(_ expected: String) throws -> Data {
            guard let entry = try reader.nextEntry(), entry.path == expected, entry.type == .regular,
                entry.size <= BundleFormat.maxManifestBytes
            else { throw SyncError(.corrupt, HubSyncText.bundleDoesNotStart(name, with: expected)) }
            return try reader.readAll(limit: Int(BundleFormat.maxManifestBytes))
        }
        let manifestData = try metadata(BundleFormat.manifestPath)
        let signatureData = try metadata(BundleFormat.signaturePath)
        let manifest = try CanonicalJSON.decode(
            BundleManifest.self, from: manifestData, what: HubSyncText.manifestOf(name))
        let signature = try CanonicalJSON.decode(
            BundleSignature.self, from: signatureData, what: HubSyncText.signatureOf(name))
        guard manifest.format == BundleManifest.format else {
            throw SyncError(
                .invalid, HubSyncText.bundleFormat(name, manifest.format, expected: BundleManifest.format))
        }
        // Only reported, never trusted, and only a possible one: this is read before the
        // signature, so the numbers may be anything.
        if (1...EventLines.maxSeq).contains(manifest.firstSeq),
            (manifest.firstSeq - 1...EventLines.maxSeq).contains(manifest.lastSeq)
        {
            result.range = SeqRange(manifest.firstSeq, manifest.lastSeq)
        }
        let node = manifest.node
        guard let center = try hubStoreErrors({ try store.center(node) }) else {
            throw SyncError(.unknownNode, HubSyncText.bundleUnknownCentre(node))
        }
        guard center.status == .active else {
            throw SyncError(.revokedNode, HubSyncText.bundleRevokedCentre(node))
        }
        guard signature.algorithm == "ed25519", signature.publicKey == center.publicKey,
            NodeKey.verify(
                signature: signature.signature, of: BundleSignature.signedBytes(manifestData),
                publicKey: center.publicKey)
        else {
            throw SyncError(.badSignature, HubSyncText.bundleBadSignature(node))
        }
        result.node = node
        try checkConsistency(manifest, name: name)
        try hubStoreErrors { try store.touch(node, at: clock()) }

        // What the hub already holds needs no reading at all: a bundle imported again costs
        // its manifest, and a data file whose whole range is held is skipped unread.
        let holdings = try hubStoreErrors { try store.holdings(node) }
        if Self.covers(holdings, manifest.firstSeq, manifest.lastSeq) {
            result.counts.duplicate += manifest.eventCount
            return
        }
        for file in manifest.files {
            guard let entry = try reader.nextEntry(), entry.path == file.path, entry.type == .regular,
                entry.size == file.bytes
            else {
                throw SyncError(.corrupt, HubSyncText.bundleLacksFile(name, file.path))
            }
            if Self.covers(holdings, file.firstSeq, file.lastSeq) {
                result.counts.duplicate += file.events
                continue
            }
            let data = try reader.readAll(limit: Int(file.bytes))
            guard Int64(data.count) == file.bytes, Digest.sha256Hex(data) == file.sha256 else {
                throw SyncError(.corrupt, HubSyncText.bundleHashMismatch(name, file.path))
            }
            let events = try parse(data, file: file, node: node, name: name)
            var start = 0
            while start < events.count {
                let end = min(events.count, start + batchSize)
                let counts = try hubStoreErrors {
                    try store.insert(Array(events[start..<end]), via: node, receivedAt: clock())
                }
                result.counts = result.counts + counts
                start = end
            }
        }
        if try reader.nextEntry() != nil {
            throw SyncError(.corrupt, HubSyncText.bundleExtraEntries(name))
        }
    }

    /// Whether one held range covers `first…last` (held ranges are merged, so one must).
    static func covers(_ holdings: Holdings, _ first: Int64, _ last: Int64) -> Bool {
        holdings.held.contains { $0.first <= first && $0.last >= last }
    }

    private func checkConsistency(_ manifest: BundleManifest, name: String) throws {
        // Seqs are bounded first, so the arithmetic below cannot overflow on any signed numbers.
        guard manifest.firstSeq >= 1, manifest.lastSeq <= EventLines.maxSeq else {
            throw SyncError(.corrupt, HubSyncText.bundleInconsistent(name))
        }
        var expected = manifest.firstSeq
        var total = 0
        for (index, file) in manifest.files.enumerated() {
            guard file.path == BundleFormat.dataPath(index + 1), file.firstSeq == expected,
                file.lastSeq >= file.firstSeq, file.lastSeq <= EventLines.maxSeq,
                Int64(file.events) == file.lastSeq - file.firstSeq + 1, file.bytes >= 0,
                file.bytes <= BundleFormat.maxDataFileBytes
            else { throw SyncError(.corrupt, HubSyncText.bundleInconsistent(name)) }
            expected = file.lastSeq + 1
            total += file.events
        }
        guard manifest.firstSeq >= 1, expected == manifest.lastSeq + 1, total == manifest.eventCount else {
            throw SyncError(.corrupt, HubSyncText.bundleInconsistent(name))
        }
    }

    private func parse(_ data: Data, file: BundleManifest.File, node: String, name: String) throws -> [Event] {
        var next = file.firstSeq
        let events = try EventLines.decode(data) { event in
            guard event.nodeId == node else {
                throw SyncError(.forbidden, HubSyncText.bundleOtherNode(name, event.nodeId))
            }
            guard event.seq == next else {
                throw SyncError(.corrupt, HubSyncText.bundleWrongEvents(name, file.path))
            }
            next += 1
        }
        guard next == file.lastSeq + 1 else {
            throw SyncError(.corrupt, HubSyncText.bundleWrongEvents(name, file.path))
        }
        return events
    }
}
