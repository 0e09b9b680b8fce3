import Foundation
import GRDB
import HubStore
import Testing

@testable import Reports

/// The same reports on one centre's own database: its events go through the hub store into a
/// temporary hub, and the numbers equal the hub's numbers for that centre.
@Suite struct CentreDatabaseTests {
    /// A centre database with the centre's schema columns the loader reads (meta, learners, events).
    static func centreDatabase(_ events: [HubEvent], node: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hocso-centre-\(UUID().uuidString).sqlite")
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
                    CREATE TABLE learners (code TEXT PRIMARY KEY NOT NULL, display_name TEXT NOT NULL, birth_year INTEGER NOT NULL,
                        gender TEXT, commune TEXT NOT NULL, pin_hash TEXT, registered_at INTEGER NOT NULL, updated_at INTEGER NOT NULL) WITHOUT ROWID;
                    CREATE TABLE events (node_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, learner TEXT NOT NULL,
                        occurred_at INTEGER NOT NULL, recorded_at INTEGER NOT NULL, course_id TEXT, course_version INTEGER,
                        lesson_id TEXT, item_id TEXT, attempt INTEGER, payload TEXT NOT NULL, PRIMARY KEY (node_id, seq)) WITHOUT ROWID;
                    """)
            try db.execute(sql: "INSERT INTO meta VALUES ('node_id', ?)", arguments: [node])
            for e in events where e.nodeId == node {
                try db.execute(
                    sql: "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: [
                        e.nodeId, e.seq, e.kind, e.learner, e.occurredAt, e.recordedAt, e.courseId, e.courseVersion,
                        e.lessonId, e.itemId, e.attempt, e.payload,
                    ])
                if e.kind == "learner.registered" {
                    try db.execute(
                        sql: "INSERT INTO learners VALUES (?, ?, 1980, NULL, 'x', NULL, 0, 0)",
                        arguments: [e.learner, "Tên ở trung tâm \(e.learner)"])
                }
            }
        }
        return url
    }

    @Test(arguments: [ReportKind.completion, .funnel, .items, .activity])
    func centreNumbersEqualTheHubsForThatCentre(_ kind: ReportKind) throws {
        let fixture = try HubFixture()
        defer { fixture.remove() }
        let url = try Self.centreDatabase(HubFixture.allEvents(), node: HubFixture.nodeA)
        defer { try? FileManager.default.removeItem(at: url) }
        let numbers: (Report) -> [[Double?]] = { r in r.rows.map { $0.map(\.double) } }

        let hub = try fixture.db.report(ReportQuery(kind, area: HubFixture.nodeA, by: .center))
        // As `--courses` does: the outline gives lesson and question order.
        let centre = try ReportDatabase.withCentre(at: url) { db in
            try db.saveOutlines([HubFixture.course])
            return try db.report(ReportQuery(kind, by: .center))
        }
        #expect(numbers(centre) == numbers(hub))
        #expect(!centre.rows.isEmpty)
    }

    @Test func namesComeFromTheCentresOwnTable() throws {
        let url = try Self.centreDatabase(HubFixture.allEvents(), node: HubFixture.nodeA)
        defer { try? FileManager.default.removeItem(at: url) }
        let help = try ReportDatabase.withCentre(at: url) { db in
            try db.report(ReportQuery(.needsHelp, asOf: LocalDate("2025-06-30")))
        }
        #expect(help.column("name") == [ReportValue.text("Tên ở trung tâm A3")])
    }
}
