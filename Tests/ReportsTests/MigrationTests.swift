import Foundation
import HubBackends
import HubStore
import TestSupport
import Testing

@testable import Reports

/// `hocso-hub migrate`: a SQLite hub moved into PostgreSQL gives the same numbers in every
/// report, and a database that already holds a hub is never written over.
@Suite("hocso-hub migrate")
struct MigrationTests {
    @Test func aSQLiteHubMovesToPostgreSQLWithTheSameNumbers() throws {
        guard let source = try HubFixture(.sqlite) else { return }
        defer { source.remove() }
        guard let target = try Backend.postgres.open() else { return }
        defer { target.remove() }
        try source.store.saveUser(HubUser(username: "tinh", passwordHash: "h", areaCode: "P", createdAt: 1))

        let moved = try Program.hub.run(["migrate", "--from", source.hub.location, "--to", target.location])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout.contains("moved 6 areas, 3 nodes, 1 accounts, \(HubFixture.allEvents().count) events"))
        #expect(moved.stdout.contains("checked: the counts and every report match"))

        // Checked again here, through the protocols, on a store of the test's own.
        let copy = try target.reopen()
        #expect(try copy.eventCount() == source.store.eventCount())
        #expect(try copy.users() == source.store.users())
        for query in [
            ReportQuery(.completion, by: .district), ReportQuery(.activity, by: .center, period: .day),
            ReportQuery(.inclusion, asOf: LocalDate("2025-06-30")), ReportQuery(.items, course: "k"),
            ReportQuery(.needsHelp, asOf: LocalDate("2025-06-30")),
        ] {
            #expect(
                JSONRenderer().render(try HubReports(copy).report(query))
                    == JSONRenderer().render(try source.db.report(query)), "\(query.kind)")
        }

        let again = try Program.hub.run(["migrate", "--from", source.hub.location, "--to", target.location])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already holds data"))
    }

    @Test func aMissingSourceIsOneSentence() throws {
        let folder = try temporaryDirectory("migrate")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Program.hub.run([
            "migrate", "--from", folder.appendingPathComponent("none.sqlite").path, "--to",
            "postgres://x@/y?host=/nowhere",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no hub database at"))
    }
}
