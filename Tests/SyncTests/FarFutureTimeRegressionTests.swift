import Foundation
import HubBackends
import HubStore
import LearnerEvents
import Reports
import SyncHub
import SyncWire
import Testing

/// An event dated near the end of Int64 (a centre's clock gone wrong, or a hostile file): a
/// SQLite hub stored it; on PostgreSQL its day number (`((occurred_at / 1000 + 25200) / 86400)::int`)
/// overflowed, the import answered "PostgreSQL reported an error (code 22003): try again" and
/// every retry failed the same, so that centre's sync was stuck behind the event for good.
@Suite("Regression: an event dated beyond any calendar blocked a centre's sync to PostgreSQL", .serialized)
struct FarFutureTimeRegressionTests {
    @Test(arguments: Backend.all)
    func anEventDatedBeyondAnyCalendarBlockedACentresSyncToPostgres(_ backend: Backend) throws {
        guard let hub = try backend.open() else { return }
        defer { hub.remove() }
        let world = try BundleWorld(try temporaryDirectory("far-future"))
        defer { try? FileManager.default.removeItem(at: world.folder) }
        _ = try HubCenters.add(world.centre.registration, to: hub.store, at: 1)
        var event = world.events[0]
        event.occurrence.occurredAt = 9_000_000_000_000_000_000
        let result = BundleImporter(store: hub.store).importBundle(at: try world.bundle(events: [event]))
        #expect(
            result.refusal?.en.contains("carries the time 9000000000000000000 ms, beyond any calendar") == true,
            "\(String(describing: result.refusal))")
        #expect(try hub.store.eventCount() == 0)
        // The hub's reports still work, and the centre's genuine events still import.
        _ = try HubReports(hub.store).report(ReportQuery(.completion))
        let genuine = BundleImporter(store: hub.store).importBundle(at: try world.bundle())
        #expect(genuine.refusal == nil && genuine.counts.new == world.events.count)
        _ = try HubReports(hub.store).report(ReportQuery(.activity))
    }
}
