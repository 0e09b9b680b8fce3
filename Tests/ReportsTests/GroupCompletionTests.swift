import Foundation
import HubBackends
import HubStore
import LearnerEvents
import Testing

@testable import Reports

/// Completion by the centres' study groups (`hocso-hub report completion --by group`) on both
/// backends: the groups come from the centres' `group.*` events, a member taken out no longer
/// counts, and the events change no other count.
@Suite struct GroupCompletionTests {
    /// The fixture's events, and at centre A a group with A1, A2 and A3 (A3 later taken out),
    /// at centre B a group with B1.
    static func events() -> [Event] {
        var b = EventBuilder()
        b.events = HubFixture.allEvents()
        for event in b.events { b.seqs[event.nodeId] = max(b.seqs[event.nodeId] ?? 0, event.seq) }
        let at = HubFixture.t0 + 5 * 86_400_000
        b.add(
            HubFixture.nodeA, "-", "group.created", at: at, course: nil,
            payload: #"{"facilitator":"Chị Hoa","group":"chieu-ba","name":"Chiều thứ Ba"}"#)
        for code in ["A1", "A2", "A3"] {
            b.add(
                HubFixture.nodeA, code, "group.member.added", at: at + 1, course: nil, payload: #"{"group":"chieu-ba"}"#
            )
        }
        b.add(
            HubFixture.nodeA, "-", "group.assignment.added", at: at + 2, course: "k",
            payload: #"{"due":"2026-12-15","group":"chieu-ba"}"#)
        b.add(
            HubFixture.nodeA, "A3", "group.member.removed", at: at + 3, course: nil, payload: #"{"group":"chieu-ba"}"#)
        b.add(
            HubFixture.nodeB, "-", "group.created", at: at, course: nil,
            payload: #"{"facilitator":"Anh Nam","group":"sang","name":"Buổi sáng"}"#)
        b.add(HubFixture.nodeB, "B1", "group.member.added", at: at + 1, course: nil, payload: #"{"group":"sang"}"#)
        return b.events
    }

    @Test(arguments: Backend.all)
    func completionByStudyGroup(_ backend: Backend) throws {
        guard let fixture = try HubFixture(backend, events: false) else { return }
        defer { fixture.remove() }
        try fixture.insert(Self.events())
        let ids = ["area_code", "group_id", "group", "enrolled", "started", "completed", "passed", "completion_rate"]
        func rows(_ query: ReportQuery) throws -> [[String]] {
            let report = try fixture.db.report(query)
            return report.rows.map { row in
                ids.map { id in
                    report.columns.firstIndex { $0.id == id }.map { CSVRenderer.plain(row[$0]) } ?? ""
                }
            }
        }
        var query = ReportQuery(.completion, by: .center)
        query.byStudyGroup = true
        let expected = [
            [HubFixture.nodeA, "chieu-ba", "Chiều thứ Ba", "2", "1", "1", "1", "50"],
            [HubFixture.nodeB, "sang", "Buổi sáng", "1", "1", "1", "1", "100"],
        ]
        #expect(try rows(query) == expected)
        // A rebuild from the events alone counts the same.
        try fixture.db.rebuild()
        #expect(try rows(query) == expected)
        // The group events make no learner and no course start: by centre, nothing changed.
        let byCentre = try rows(ReportQuery(.completion, area: "P", by: .center)).map { [$0[0], $0[3], $0[4]] }
        #expect(byCentre.contains([HubFixture.nodeA, "3", "2"]))
        #expect(byCentre.last == ["", "6", "5"])
    }
}
