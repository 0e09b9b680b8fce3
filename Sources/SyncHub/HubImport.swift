import Foundation
import HubStore
import SyncWire

/// The outcome of `hocso hub import`: each bundle, what the hub now holds of each centre, and
/// the receipts written.
public struct HubImportReport: Sendable {
    /// One result per bundle, in the order given.
    public var bundles: [BundleImportResult]
    /// What the hub holds of each centre seen, with missing ranges.
    public var holdings: [NodeHoldings]
    /// Receipts written.
    public var receipts: [URL]

    /// Totals over all bundles.
    public var totals: InsertCounts { bundles.reduce(InsertCounts()) { $0 + $1.counts } }
    /// Whether any bundle was refused.
    public var hasRefusals: Bool { bundles.contains { $0.refusal != nil } }
}

/// Imports bundles into a hub and writes one signed receipt per centre.
public enum HubImport {
    /// Imports `bundles` (any order, repeats allowed) and writes `<node>-<hub>-receipt.json` into
    /// `receiptsDirectory`, or beside each centre's first bundle when nil.
    public static func run(
        bundles: [URL], store: any HubStore, identity: HubIdentity, receiptsDirectory: URL? = nil,
        clock: @escaping SyncClock = systemSyncClock
    ) throws -> HubImportReport {
        // Where receipts go is checked before anything is imported: an import that commits and
        // then cannot say so leaves the operator guessing.
        let folders = receiptsDirectory.map { [$0] } ?? bundles.map { $0.deletingLastPathComponent() }
        for folder in Set(folders.map(\.standardizedFileURL)).sorted(by: { $0.path < $1.path }) {
            try checkWritableFolder(folder)
        }
        let importer = BundleImporter(store: store, clock: clock)
        var results: [BundleImportResult] = []
        var firstBundle: [String: URL] = [:]
        for url in bundles {
            let result = importer.importBundle(at: url)
            // A centre gets a receipt when one of its bundles was taken (or held already); a
            // bundle refused before any of its events was stored gets none.
            let taken = result.refusal == nil || result.counts.new + result.counts.duplicate > 0
            if let node = result.node, taken, firstBundle[node] == nil { firstBundle[node] = url }
            results.append(result)
        }
        var holdings: [NodeHoldings] = []
        var receipts: [URL] = []
        for node in firstBundle.keys.sorted() {
            let signed = try hubStoreErrors { try identity.receipt(for: [node], store: store, at: clock()) }
            if let held = signed.receipt.holdings(of: node) { holdings.append(held) }
            let directory =
                receiptsDirectory ?? firstBundle[node]?.deletingLastPathComponent() ?? URL(fileURLWithPath: ".")
            let url = directory.appendingPathComponent(SignedReceipt.fileName(node: node, hub: identity.nodeId))
            try signed.write(to: url)
            receipts.append(url)
        }
        return HubImportReport(bundles: results, holdings: holdings, receipts: receipts)
    }

    /// Refuses a receipts folder that is missing, not a folder, or not writable.
    static func checkWritableFolder(_ folder: URL) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw SyncError(.io, HubSyncText.receiptsFolderMissing(folder.path))
        }
        guard FileManager.default.isWritableFile(atPath: folder.path) else {
            throw SyncError(.io, HubSyncText.receiptsFolderReadOnly(folder.path))
        }
    }
}
