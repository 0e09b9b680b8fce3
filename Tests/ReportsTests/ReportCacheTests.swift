import Foundation
import HubBackends
import HubStore
import Reports
import Synchronization
import Testing

@testable import Dashboard

/// The dashboard's report cache: one build for many waiting requests, kept reports answered at
/// once, stale ones rebuilt in the background, failures never kept, and the same numbers as the
/// reports built directly.
@Suite struct ReportCacheTests {
    /// Counts the builds a test's closures ran.
    final class Builds: Sendable {
        let count = Mutex(0)
        func next() -> Int {
            count.withLock {
                $0 += 1
                return $0
            }
        }
        var total: Int { count.withLock { $0 } }
    }

    static func cache(maxAge: Duration) throws -> (ReportCache, HubFixture)? {
        guard let fixture = try HubFixture(.sqlite) else { return nil }
        return (ReportCache(fixture.db.reports, maxAge: maxAge), fixture)
    }

    @Test func requestsForAReportNobodyHasBuiltWaitForOneBuild() async throws {
        guard let (cache, fixture) = try Self.cache(maxAge: .seconds(60)) else { return }
        defer { fixture.remove() }
        let builds = Builds()
        let key = ReportCache.Key.report(ReportQuery(.completion))
        let answers = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await Task.detached {
                        try cache.value(key) {
                            Thread.sleep(forTimeInterval: 0.3)
                            return builds.next()
                        }
                    }.value
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(builds.total == 1)
        #expect(answers == Array(repeating: 1, count: 8))
    }

    @Test func aStaleReportAnswersAtOnceWhileOneRebuildRunsInTheBackground() throws {
        guard let (cache, fixture) = try Self.cache(maxAge: .milliseconds(200)) else { return }
        defer { fixture.remove() }
        let builds = Builds()
        let key = ReportCache.Key.areaTree
        let slowBuild: @Sendable () throws -> Int = {
            let n = builds.next()
            if n > 1 { Thread.sleep(forTimeInterval: 0.5) }
            return n
        }
        #expect(try cache.value(key, build: slowBuild) == 1)
        #expect(try cache.value(key, build: slowBuild) == 1)
        Thread.sleep(forTimeInterval: 0.3)
        // Stale: answered from the kept value without waiting for the slow rebuild, which starts once.
        let clock = ContinuousClock()
        let started = clock.now
        for _ in 0..<5 { #expect(try cache.value(key, build: slowBuild) == 1) }
        #expect(clock.now - started < .milliseconds(400))
        // Once the rebuild is done, its value answers.
        let deadline = clock.now + .seconds(10)
        while try cache.value(key, build: slowBuild) == 1 && clock.now < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(try cache.value(key, build: slowBuild) == 2)
        #expect(builds.total == 2)
    }

    @Test func aFailedBuildIsNotKept() throws {
        guard let (cache, fixture) = try Self.cache(maxAge: .seconds(60)) else { return }
        defer { fixture.remove() }
        struct Refused: Error {}
        let builds = Builds()
        let key = ReportCache.Key.courses(.vi)
        #expect(throws: Refused.self) {
            try cache.value(key) { () throws -> Int in
                _ = builds.next()
                throw Refused()
            }
        }
        #expect(try cache.value(key) { builds.next() } == 2)
        #expect(try cache.value(key) { builds.next() } == 2)
    }

    @Test func maxAgeZeroBuildsForEveryRequest() throws {
        guard let (cache, fixture) = try Self.cache(maxAge: .zero) else { return }
        defer { fixture.remove() }
        let builds = Builds()
        for n in 1...3 { #expect(try cache.value(.areaTree) { builds.next() } == n) }
    }

    @Test func keptReportsAreTheReportsBuiltDirectlyUntilTheyAge() throws {
        guard let fixture = try HubFixture(.sqlite) else { return }
        defer { fixture.remove() }
        let cache = ReportCache(fixture.db.reports, maxAge: .seconds(60))
        let fresh = ReportCache(fixture.db.reports, maxAge: .zero)
        for kind in [ReportKind.completion, .activity, .inclusion, .items, .funnel] {
            let query = ReportQuery(kind, course: kind == .items || kind == .funnel ? "k" : nil, language: .en)
            #expect(try cache.report(query) == fixture.db.report(query), "\(kind)")
        }
        #expect(try cache.areaTree().nodes.count == fixture.db.areaTree().nodes.count)
        #expect(try cache.courses(language: .vi).map(\.id) == ["k"])

        // A new learner completes: the kept report still shows the old count, a fresh one the new.
        let query = ReportQuery(.completion, by: .province, language: .en)
        let before = try cache.report(query)
        var b = EventBuilder()
        b.seqs[HubFixture.nodeC] = 1_000
        b.learner(HubFixture.nodeC, "C2", "Vũ Văn Hải", 1999, "nam", at: HubFixture.t0)
        b.complete(HubFixture.nodeC, "C2", at: HubFixture.t0, days: 1)
        try fixture.insert(b.events)
        #expect(try cache.report(query) == before)
        let now = try fresh.report(query)
        #expect(now != before)
        #expect(now == (try fixture.db.report(query)))
    }
}
