import Foundation
import HubStore
import LearnerEvents
import ProgressStore
import SyncWire

/// `hocso sync push`: the centre's unacknowledged events to a hub, in chunks.
///
/// It asks the hub first what it holds (an empty signed push), then sends from there, skipping
/// what the hub already holds beyond gaps. Every answer carries a receipt signed by the hub; it
/// is verified against the hub key registered at this centre and recorded as the
/// acknowledgement, so a cut connection costs at most one resent chunk and the next run resumes
/// where the hub's last answer said.
public enum CentrePush {
    /// Pushes until the hub holds every event recorded when the push started.
    public static func run(store: CentreStore, pusher: EventPusher, chunk: Int = 2000) async throws -> PushReport {
        let me = try CentreSync.identity(store)
        var report = PushReport(hub: "", sent: 0, counts: InsertCounts(), acknowledgedThrough: 0, batches: 0)
        var holdings = try await exchange([], store: store, pusher: pusher, me: me, report: &report)
        let heldBefore = holdings.heldCount
        let last = try centreStoreErrors { try store.lastSeq }
        var cursor = holdings.contiguousThrough
        let limit = max(1, chunk)
        // The next window is read from the database while the hub stores the current one; used
        // only if the hub's answer moves the cursor exactly to where the guess started.
        var prefetched: (after: Int64, task: Task<[Event], any Error>)?
        while cursor < last {
            let candidates: [Event]
            if let next = prefetched, next.after == cursor {
                candidates = try await next.task.value
            } else {
                candidates = try centreStoreErrors { try store.events(afterSeq: cursor, limit: limit) }
            }
            prefetched = nil
            let batch = candidates.filter { !holdings.holds($0.seq) }
            guard let lastInBatch = candidates.last?.seq else { break }
            if lastInBatch < last {
                prefetched = (
                    lastInBatch,
                    Task { try centreStoreErrors { try store.events(afterSeq: lastInBatch, limit: limit) } }
                )
            }
            if !batch.isEmpty {
                holdings = try await exchange(batch, store: store, pusher: pusher, me: me, report: &report)
                guard batch.allSatisfy({ holdings.holds($0.seq) }) else {
                    throw SyncError(
                        .network,
                        CentreSyncText.hubDidNotStore(report.hub, first: batch[0].seq, last: lastInBatch))
                }
            }
            cursor = max(holdings.contiguousThrough, cursor)
            if holdings.contiguousThrough < lastInBatch, batch.isEmpty {
                // Everything in this window is held but a gap lies before it: impossible as we
                // started at the contiguous end; stop rather than loop.
                break
            }
        }
        report.countStored(heldBefore: heldBefore, heldAfter: holdings.heldCount)
        return report
    }

    private static func exchange(
        _ batch: [Event], store: CentreStore, pusher: EventPusher, me: SyncIdentity, report: inout PushReport
    ) async throws -> NodeHoldings {
        let answer = try await pusher.send(batch)
        let hubId = answer.receipt.receipt.hub
        guard let hub = try centreStoreErrors({ try store.syncHubs() }).first(where: { $0.hubId == hubId }) else {
            throw SyncError(.unknownNode, CentreSyncText.unknownHub(hubId, at: pusher.hub.absoluteString))
        }
        let receipt = try answer.receipt.verified(hubId: hub.hubId, hubPublicKey: hub.publicKey)
        guard let mine = receipt.holdings(of: me.nodeId) else {
            throw SyncError(.invalid, CentreSyncText.hubSaysNothing(hubId))
        }
        report.hub = hubId
        report.batches += batch.isEmpty ? 0 : 1
        report.sent += batch.count
        report.counts = report.counts + answer.counts
        report.acknowledgedThrough = try centreStoreErrors {
            try store.recordAcknowledgement(
                hub: hubId, contiguousThrough: mine.contiguousThrough, issuedAt: receipt.issuedAt)
        }
        return mine
    }
}
