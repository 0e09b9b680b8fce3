import Foundation
import HubBackends
import HubStore
import HubStoreSQLite
import Testing

@testable import Reports

@Suite struct CompletionReportTests {
    /// (area code, enrolled, started, completed, passed, completion %, median days)
    struct Expected: Sendable, CustomStringConvertible {
        var by: AreaLevel
        var area: String?
        var rows: [[String]]
        var description: String { "by \(by.rawValue) in \(area ?? "everything")" }
    }

    static let cases: [Expected] = [
        Expected(
            by: .district, area: nil,
            rows: [
                ["C0", "1", "1", "1", "1", "100", "1"],
                ["D1", "3", "2", "1", "1", "33.3", "2"],
                ["D2", "2", "2", "1", "1", "50", "4"],
                ["", "6", "5", "3", "3", "50", "2"],
            ]),
        Expected(
            by: .commune, area: "D1",
            rows: [
                ["C11", "3", "2", "1", "1", "33.3", "2"],
                ["", "3", "2", "1", "1", "33.3", "2"],
            ]),
        Expected(
            by: .center, area: "P",
            rows: [
                [HubFixture.nodeC, "1", "1", "1", "1", "100", "1"],
                [HubFixture.nodeA, "3", "2", "1", "1", "33.3", "2"],
                [HubFixture.nodeB, "2", "2", "1", "1", "50", "4"],
                ["", "6", "5", "3", "3", "50", "2"],
            ]),
        Expected(
            by: .province, area: "C21",
            rows: [
                ["C21", "2", "2", "1", "1", "50", "4"],
                ["", "2", "2", "1", "1", "50", "4"],
            ]),
    ]

    @Test(arguments: Backend.all, cases)
    func countsPerArea(_ backend: Backend, _ expected: Expected) throws {
        guard let fixture = try HubFixture(backend) else { return }
        defer { fixture.remove() }
        let report = try fixture.db.report(ReportQuery(.completion, area: expected.area, by: expected.by))
        let ids = ["area_code", "enrolled", "started", "completed", "passed", "completion_rate", "median_days"]
        let got = report.rows.map { row in
            ids.map { id in CSVRenderer.plain(row[report.columns.firstIndex { $0.id == id } ?? 0]) }
        }
        #expect(got == expected.rows)
    }

    /// The PostgreSQL store keeps its map of `report_nodes` between reports; a centre whose first
    /// events arrive after a report must still be counted by the next one.
    @Test(arguments: Backend.all)
    func aCentreFirstHeardFromAfterAReportIsCountedInTheNext(_ backend: Backend) throws {
        guard let fixture = try HubFixture(backend, events: false) else { return }
        defer { fixture.remove() }
        let all = HubFixture.allEvents()
        try fixture.insert(all.filter { $0.nodeId != HubFixture.nodeC })
        let query = ReportQuery(.completion, by: .province)
        #expect(try fixture.db.report(query).column("enrolled").last == .integer(5))
        try fixture.insert(all.filter { $0.nodeId == HubFixture.nodeC })
        #expect(try fixture.db.report(query).column("enrolled").last == .integer(6))
        let inC0 = try fixture.db.report(ReportQuery(.completion, area: "C0", by: .commune))
        #expect(inC0.column("completed").last == .integer(1))
    }

    /// Issue 13: every centre's DEMO learner was synced and counted in province statistics.
    @Test(arguments: Backend.all)
    func theDemoLearnerWasCountedInProvinceStatistics(_ backend: Backend) throws {
        guard let fixture = try HubFixture(backend, events: false) else { return }
        defer { fixture.remove() }
        var events = HubFixture.allEvents()
        var demo = EventBuilder()
        demo.seqs[HubFixture.nodeC] = events.filter { $0.nodeId == HubFixture.nodeC }.map(\.seq).max() ?? 0
        demo.learner(HubFixture.nodeC, "DEMO", "Người học thử", 2000, "nu", at: HubFixture.t0)
        demo.complete(HubFixture.nodeC, "DEMO", at: HubFixture.t0, days: 1)
        events += demo.events
        try fixture.insert(events)
        let report = try fixture.db.report(ReportQuery(.completion, by: .province))
        #expect(report.column("enrolled").last == .integer(6), "the six fixture learners, not the demo one")
        #expect(report.column("completed").last == .integer(3))
        let registered = try fixture.store.registrations(places: nil).reduce(0) { $0 + $1.learners }
        #expect(registered == 6, "registrations (the inclusion report's base) leave the demo learner out")
    }

    @Test(arguments: Backend.all)
    func cohortDatesCountOnlyLearnersWhoStartedInTheRange(_ backend: Backend) throws {
        guard let fixture = try HubFixture(backend) else { return }
        defer { fixture.remove() }
        // B1 opened on 06-03 and C1 on 06-04; A's learners on 06-02.
        let report = try fixture.db.report(ReportQuery(.completion, from: LocalDate("2025-06-03"), by: .province))
        #expect(report.column("enrolled").last == .integer(3))
        // B1 completed on 06-07: by 06-05 only C1 (06-05) had completed.
        let early = try fixture.db.report(
            ReportQuery(.completion, from: LocalDate("2025-06-03"), to: LocalDate("2025-06-05"), by: .province))
        #expect(early.column("completed").last == .integer(1))
    }

    @Test(arguments: Backend.all)
    func refreshIsIncrementalAndIndependentOfChunks(_ backend: Backend) throws {
        let all = HubFixture.allEvents()
        guard let whole = try HubFixture(backend) else { return }
        defer { whole.remove() }
        let expected = JSONRenderer().render(try whole.db.report(ReportQuery(.completion, by: .center)))

        // The same events arriving in two imports, refreshed in between (on SQLite in chunks of
        // 3 rowids; PostgreSQL folds whatever arrived since the last refresh).
        guard let split = try HubFixture(backend, events: false) else { return }
        defer { split.remove() }
        let half = all.count / 2
        let sqlite = split.store as? SQLiteHubStore
        try split.insert(Array(all.prefix(half)))
        _ = try sqlite?.refresh(chunk: 3)
        try split.db.refresh()
        try split.insert(Array(all.suffix(from: half)))
        if let sqlite { #expect(try sqlite.refresh(chunk: 3).events == Int64(all.count - half)) }
        try split.db.refresh()
        #expect(JSONRenderer().render(try split.db.report(ReportQuery(.completion, by: .center))) == expected)

        // A rebuild from nothing gives the same again, and so do the wrong-answer runs.
        _ = try split.db.rebuild()
        #expect(JSONRenderer().render(try split.db.report(ReportQuery(.completion, by: .center))) == expected)
        let help = try split.db.report(ReportQuery(.needsHelp, asOf: LocalDate("2025-06-30")))
        #expect(help.column("wrong_in_a_row").contains(.integer(3)))
    }

    @Test(arguments: Backend.all)
    func needsHelpListsRunsOfWrongAnswersAndStalledLearners(_ backend: Backend) throws {
        guard let fixture = try HubFixture(backend) else { return }
        defer { fixture.remove() }
        let report = try fixture.db.report(ReportQuery(.needsHelp, asOf: LocalDate("2025-06-30")))
        #expect(report.column("learner") == [.text("A3"), .text("B2")])
        #expect(report.column("wrong_in_a_row") == [.integer(3), .integer(1)])
        #expect(report.column("days_inactive") == [.integer(28), .integer(27)])
        // Within 14 days of the last activity, B2 is neither stalled nor on a run of 3.
        let soon = try fixture.db.report(ReportQuery(.needsHelp, asOf: LocalDate("2025-06-05")))
        #expect(soon.column("learner") == [.text("A3")])
    }

    @Test(arguments: Backend.all)
    func itemAnalysisCountsFirstTriesAndWrongAnswers(_ backend: Backend) throws {
        guard let fixture = try HubFixture(backend) else { return }
        defer { fixture.remove() }
        let report = try fixture.db.report(ReportQuery(.items, course: "k"))
        #expect(report.column("question") == [.text("q1"), .text("f1")])
        // q1: A1, B1, C1 right at attempt 1; A3 wrong at attempts 1–3; B2 wrong at attempt 1.
        #expect(report.column("attempts") == [.integer(7), .integer(3)])
        #expect(report.column("first_tries") == [.integer(5), .integer(3)])
        #expect(report.column("first_try_correct") == [.number(60), .number(100)])
        #expect(report.column("hints_used") == [.number(14.3), .number(0)])
        #expect(report.column("common_wrong").first == .text("Sai, \"trích dẫn\" (4)"))
    }

    @Test(arguments: Backend.all, [nil, "D1", HubFixture.nodeB])
    func itemAnalysisIsTheSameFromCountsAndFromAnswers(_ backend: Backend, _ area: String?) throws {
        guard let fixture = try HubFixture(backend) else { return }
        defer { fixture.remove() }
        // No dates: `report_item_counts`; a range holding everything: `report_answers`.
        let counts = try fixture.db.report(ReportQuery(.items, course: "k", area: area))
        let answers = try fixture.db.report(
            ReportQuery(.items, from: LocalDate("2000-01-01"), to: LocalDate("2100-01-01"), course: "k", area: area))
        #expect(counts.rows == answers.rows)
        #expect(!counts.rows.isEmpty)
    }

    @Test(arguments: Backend.all)
    func aReportUnderAnAreaReadsOnlyItsBranchOfTheTree(_ backend: Backend) throws {
        guard let fixture = try HubFixture(backend) else { return }
        defer { fixture.remove() }
        func shape(_ roots: Set<String>) throws -> String {
            let branch = try fixture.store.areaBranch(roots)
            return (branch.areas.map(\.code) + branch.centers.map(\.nodeId)).joined(separator: " ")
        }
        // The area, what lies below it, what lies above it, and the centres attached below.
        #expect(try shape(["D1"]) == "C11 D1 P \(HubFixture.nodeA)")
        #expect(try shape(["C0", "D2"]) == "C0 C21 D2 P \(HubFixture.nodeB) \(HubFixture.nodeC)")
        #expect(try shape(["P"]) == "C0 C11 C21 D1 D2 P \(HubFixture.nodeA) \(HubFixture.nodeB) \(HubFixture.nodeC)")
        #expect(try shape([HubFixture.nodeB]) == "C21 D2 P \(HubFixture.nodeB)")  // a centre is an area too
        #expect(try shape(["nowhere"]) == "")
        // A report read from the branch names its area's path as the whole tree does.
        let report = try fixture.db.report(ReportQuery(.completion, area: "C11", by: .commune))
        #expect(report.filters.first?.value == "Tỉnh Thử Nghiệm › Huyện Một › Xã Một Một")
        #expect(report.column("area_code") == [.text("C11"), .text("")])
    }

    @Test(arguments: Backend.all)
    func inclusionSplitsByAgeBandAndGender(_ backend: Backend) throws {
        guard let fixture = try HubFixture(backend) else { return }
        defer { fixture.remove() }
        let report = try fixture.db.report(ReportQuery(.inclusion, language: .en, asOf: LocalDate("2025-06-30")))
        let rows = report.rows.map {
            "\($0[0].string ?? "") \($0[1].string ?? "") \(CSVRenderer.plain($0[3]))/\(CSVRenderer.plain($0[5]))"
        }
        #expect(
            rows == [
                "25–34 Women 1/1", "35–44 Men 1/0", "35–44 Women 1/0", "55–64 Men 1/1", "65+ Women 2/1", "Total  6/3",
            ])
    }
}
