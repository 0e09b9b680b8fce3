import Foundation
import GRDB
import LearnerEvents
import Testing

@testable import ProgressStore

@Suite("Study groups and assignments: events in the log, derived tables rebuilt from it")
struct GroupTests {
    @Test func groupsAndAssignmentsAreEventsAndRebuildFromTheLog() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        for code in ["LAN1", "MINH2", "HOA3"] { try store.addLearner(Sample.learner(code)) }

        let group = try store.createGroup(name: "Hội Phụ nữ thôn 3", facilitator: "Chị Hoa", schedule: "thứ Ba 14:00")
        #expect(group.id == "hoi-phu-nu-thon-3")
        #expect(try store.addMembers(["lan1", "MINH2", "LAN1"], to: "hội phụ nữ thôn 3") == ["LAN1", "MINH2"])
        #expect(try store.addMembers(["LAN1", "HOA3"], to: group.id) == ["HOA3"])
        try store.removeMembers(["HOA3"], from: group.id)
        try store.assign(course: "an-toan-mang", due: "2026-12-20", to: group.id)
        try store.assign(course: "vneid", lesson: "muc-2", due: "2026-12-10", to: group.id)
        try store.assign(course: "zalo", to: group.id)
        try store.assign(course: "cu", to: group.id)
        #expect(try store.unassign(course: "cu", from: group.id))
        #expect(try !store.unassign(course: "cu", from: group.id))

        #expect(try store.members(of: group.id).map(\.code) == ["LAN1", "MINH2"])
        let expected = [
            GroupAssignment(group: group.id, course: "vneid", lesson: "muc-2", due: "2026-12-10"),
            GroupAssignment(group: group.id, course: "an-toan-mang", due: "2026-12-20"),
            GroupAssignment(group: group.id, course: "zalo"),
        ]
        #expect(try store.assignments(of: group.id) == expected)
        #expect(try store.assignments(learner: "lan1") == expected)
        #expect(try store.assignments(learner: "HOA3").isEmpty)
        #expect(try store.groups().map(\.memberCount) == [2])

        // Events about the group carry no learner; membership events carry the member.
        let events = try store.events(afterSeq: 0, limit: 100).filter(\.kind.isAboutGroup)
        #expect(events.first?.kind == .groupCreated)
        #expect(events.first?.learner == Occurrence.noLearner)
        #expect(events.first?.groupFacts?.facilitator == "Chị Hoa")
        #expect(events.filter { $0.kind == .groupMemberAdded }.map(\.learner) == ["LAN1", "MINH2", "HOA3"])
        #expect(events.filter { $0.kind.hasNoLearner }.allSatisfy { $0.learner == Occurrence.noLearner })

        // The derived tables are the log's: a rebuild and the doctor agree.
        let before = try store.assignments(of: group.id)
        try store.rebuildDerived()
        #expect(try store.assignments(of: group.id) == before)
        #expect(try store.members(of: group.id).map(\.code) == ["LAN1", "MINH2"])
        let report = try store.doctor(repair: false, full: true, folder: db.folder)
        #expect(report.isHealthy, "\(report)")
    }

    @Test(arguments: [
        ("a taken name", "Hội Phụ nữ thôn 3", "exists"),
        ("an unknown group", "nhom-khac", "no group"),
        ("an unknown learner", "unknown-learner", "ZZZ9"),
        ("an impossible due day", "bad-day", "2026-02-30"),
        ("a course id with capitals", "bad-target", "COURSE"),
    ])
    func refusals(_ name: String, _ action: String, _ words: String) throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        try store.addLearner(Sample.learner("LAN1"))
        let group = try store.createGroup(name: "Hội Phụ nữ thôn 3", facilitator: "Chị Hoa")
        let before = try store.eventCount
        let error = #expect(throws: ProgressStoreError.self, "\(name)") {
            switch action {
            case "nhom-khac": try store.addMembers(["LAN1"], to: action)
            case "unknown-learner": try store.addMembers(["LAN1", "ZZZ9"], to: group.id)
            case "bad-day": try store.assign(course: "c", due: "2026-02-30", to: group.id)
            case "bad-target": try store.assign(course: "Khoa", to: group.id)
            default: try store.createGroup(name: action, facilitator: "Anh Nam")
            }
        }
        #expect(error?.phrase.en.contains(words) == true, "\(String(describing: error?.phrase.en))")
        // All or none: a refused change records nothing (LAN1 was not added alone).
        #expect(try store.eventCount == before)
    }

    @Test func learnersSignedInSinceAMomentAreFoundByTheirSessions() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let clock = ManualClock(1_772_323_200_000)
        let store = try db.open(clock: { clock.now })
        var now: Int64 { clock.now }
        for code in ["LAN1", "MINH2", "HOA3"] { try store.addLearner(Sample.learner(code)) }
        try store.record(.sessionStarted(learner: "HOA3", at: now))
        clock.now += 3_600_000
        let since = now
        try store.record(.sessionStarted(learner: "MINH2", at: now))
        try store.record(.sessionEnded(learner: "MINH2", at: now + 10))
        try store.record(.sessionStarted(learner: "LAN1", at: now + 20))
        try store.record(.sessionStarted(learner: "MINH2", at: now + 30))
        #expect(try store.learnersSignedIn(since: since) == ["MINH2", "LAN1"])
        #expect(try store.firstSeq(recordedAtOrAfter: since) == 5)
        #expect(try store.firstSeq(recordedAtOrAfter: now + 1) == 9, "nothing recorded after: one past the last")
    }
}

/// A clock a test moves by hand.
final class ManualClock: @unchecked Sendable {
    var now: Int64
    init(_ now: Int64) { self.now = now }
}
