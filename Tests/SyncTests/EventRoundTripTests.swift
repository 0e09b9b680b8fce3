import Certificates
import CourseModel
import Foundation
import HubStore
import HubStoreSQLite
import LearnerClient
import LearnerEvents
import Packs
import ProgressStore
import Reports
import TestSupport
import Testing

@testable import SyncCentre
@testable import SyncHub
@testable import SyncWire

/// One event model end to end: every kind a centre records goes from the client's backend into
/// the centre database, out in a signed bundle, into a hub database, and into a report — and the
/// hub holds exactly the bytes the centre stored.
@Suite struct EventRoundTripTests {
    @Test func everyKindRoundTripsFromTheClientToAReport() throws {
        let dir = try temporaryDirectory("roundtrip")
        defer { try? FileManager.default.removeItem(at: dir) }
        let centre = try TestCentre(in: dir, name: "xa")
        let hub = try TestHub(in: dir, name: "huyen")
        try hub.enrol(centre)
        _ = try centre.store.updateLearner(code: "LAN1", LearnerChange(commune: "Xã Tân Phú Mới"))

        // The client's seam records what the learner does, as the screens do.
        let backend = CentreBackend(
            store: centre.store, content: ContentStore(root: dir.appendingPathComponent("store")))
        let (c, v, l, t) = ("an-toan", 1, "bai-1", Int64(1_760_000_000_000))
        let answer = RecordedAnswer(
            questionId: "q1", response: .text("tôi đi chợ"), correct: true, score: 1, maxScore: 1, hintsUsed: 1,
            elapsedMs: 4_200)
        try backend.noteSession(learner: "LAN1", started: true, at: t - 1)
        try backend.record([.lessonOpened(learner: "LAN1", course: c, version: v, lesson: l, at: t)])
        try backend.record([.stepRead(learner: "LAN1", course: c, version: v, lesson: l, step: "s1", at: t + 1)])
        try backend.record([.quizStarted(learner: "LAN1", course: c, version: v, lesson: l, attempt: 1, at: t + 2)])
        try backend.record([
            .answerSubmitted(learner: "LAN1", course: c, version: v, lesson: l, attempt: 1, answer: answer, at: t + 3),
            .quizFinished(
                learner: "LAN1", course: c, version: v, lesson: l, attempt: 1,
                outcome: QuizOutcome(
                    score: 1, maxScore: 1, passed: true, mastery: MasteryRecord(.passMark(0.8)), wrong: [],
                    isFinal: true),
                at: t + 4),
            .lessonCompleted(learner: "LAN1", course: c, version: v, lesson: l, at: t + 5),
            .courseCompleted(learner: "LAN1", course: c, version: v, at: t + 6),
        ])
        try backend.noteSession(learner: "LAN1", started: false, at: t + 7)
        // The facilitator's groups: events too, some about no learner.
        let group = try centre.store.createGroup(name: "Nhóm thứ Ba", facilitator: "Chị Hoa")
        try centre.store.addMembers(["LAN1"], to: group.id)
        try centre.store.assign(course: c, lesson: l, due: "2026-12-15", to: group.id)
        try centre.store.unassign(course: c, lesson: l, from: group.id)
        try centre.store.removeMembers(["LAN1"], from: group.id)
        // The course is not installed here, so its certificate is issued as `hocso cert issue` does.
        let achievement = CourseAchievement(
            courseId: c, version: v, title: "An toàn", titleEnglish: nil, areas: [], areasEnglish: [])
        #expect(try centre.store.issueCertificate(learner: "LAN1", achievement: achievement) != nil)
        let recorded = try centre.store.events(afterSeq: 0, limit: 100)
        #expect(Set(recorded.map(\.kind)) == Set(EventKind.known), "every kind this build knows was recorded")

        // Out in a bundle, into the hub.
        let bundle = try #require(try BundleExporter().export(from: centre.store, to: dir).first)
        let report = try HubImport.run(bundles: [bundle.url], store: hub.store, identity: hub.identity)
        #expect(report.bundles.map(\.counts) == [InsertCounts(new: recorded.count)])

        // The hub holds the same events, payload bytes and all.
        let held = try hub.store.events(afterPosition: 0, limit: 100).map(\.event)
        #expect(held == recorded)
        #expect(held.map(\.payload.json) == recorded.map(\.payload.json))
        #expect(held.contains { $0.learner == Occurrence.noLearner })
        #expect(try hub.store.learner(node: centre.nodeId, code: "LAN1")?.commune == "Xã Tân Phú Mới")

        // And a report counts them.
        let reports = HubReports(hub.store)
        let completion = try reports.report(ReportQuery(.completion, by: .center))
        #expect(completion.column("completed").last == .integer(1))
        #expect(completion.column("passed").last == .integer(1))
        let items = try reports.report(ReportQuery(.items, course: c))
        #expect(items.column("attempts") == [.integer(1)])
        let activity = try reports.report(ReportQuery(.activity, period: .day))
        // The certificate, issued today rather than on the day studied, may add a day of its own.
        #expect(activity.column("answers").contains(.integer(1)))
    }
}
