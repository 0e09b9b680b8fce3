import CentreReports
import Foundation
import HubBackends
import HubStore
import LearnerEvents
import ProgressStore
import Testing

@testable import Reports

/// The same reports on one centre's own database: its events go through the hub store into a
/// temporary hub, and the numbers equal the hub's numbers for that centre.
@Suite struct CentreDatabaseTests {
    /// A real centre database holding `node`'s events of the fixture: its learners registered
    /// (with names only the centre keeps), then every other event recorded as it happened.
    static func centreDatabase(_ events: [Event], node: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hocso-centre-\(UUID().uuidString).sqlite")
        let store = try CentreStore(path: url, mode: .createIfMissing, clock: { HubFixture.t0 })
        // A centre's codes have 3–8 characters; the fixture's are shorter, so they gain a prefix.
        for e in events where e.nodeId == node {
            if e.kind == .learnerRegistered {
                try store.addLearner(
                    NewLearner(
                        code: "HV" + e.learner, displayName: "Tên ở trung tâm \(e.learner)", birthYear: 1980,
                        commune: "x"))
            } else {
                var occurrence = e.occurrence
                occurrence.learner = "HV" + e.learner
                try store.record(occurrence)
            }
        }
        return url
    }

    @Test(arguments: [ReportKind.completion, .funnel, .items, .activity])
    func centreNumbersEqualTheHubsForThatCentre(_ kind: ReportKind) throws {
        guard let fixture = try HubFixture(.sqlite) else { return }
        defer { fixture.remove() }
        let url = try Self.centreDatabase(HubFixture.allEvents(), node: HubFixture.nodeA)
        defer { try? FileManager.default.removeItem(at: url) }
        let numbers: (Report) -> [[Double?]] = { r in r.rows.map { $0.map(\.double) } }

        let hub = try fixture.db.report(ReportQuery(kind, area: HubFixture.nodeA, by: .center))
        // As `--courses` does: the outline gives lesson and question order.
        let centre = try CentreReports.report(
            ReportQuery(kind, by: .center), centreAt: url, courses: [HubFixture.course])
        #expect(numbers(centre) == numbers(hub))
        #expect(!centre.rows.isEmpty)
    }

    @Test func namesComeFromTheCentresOwnTable() throws {
        let url = try Self.centreDatabase(HubFixture.allEvents(), node: HubFixture.nodeA)
        defer { try? FileManager.default.removeItem(at: url) }
        let help = try CentreReports.report(ReportQuery(.needsHelp, asOf: LocalDate("2025-06-30")), centreAt: url)
        #expect(help.column("name") == [ReportValue.text("Tên ở trung tâm A3")])
    }
}
