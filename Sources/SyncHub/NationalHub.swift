import Foundation
import HubStore
import LearnerEvents
import SyncWire
import Synchronization

/// A national hub: its accounts, areas and nodes in an ordinary hub store, its report numbers
/// from the provinces' latest roll-ups. Places are area codes (communes), not centres.
///
/// Completion, activity by week or month, and inclusion come out as at the province. What needs
/// single learners or answers — item analysis, needs-help, lesson funnels, daily activity — is
/// refused with a sentence saying it stays at the province hubs.
public final class NationalHub: HubStore, ReportSource, Sendable {
    /// Where accounts, areas, nodes and the roll-ups themselves are kept.
    public let base: any HubStore & ReportSource
    private let cache = Mutex<(key: [String], rollups: [Rollup])>((key: [], rollups: []))

    /// Answers from the roll-ups kept in `base`.
    public init(_ base: any HubStore & ReportSource) { self.base = base }

    /// The latest roll-up of each province, decoded once per set of versions.
    func rollups() throws -> [Rollup] {
        let stored = try base.latestRollups()
        let key = stored.map { "\($0.province)/\($0.period)/\($0.version)" }
        if let hit = cache.withLock({ $0.key == key ? $0.rollups : nil }) { return hit }
        let decoded = try stored.map { try SignedRollup.decode(Data($0.document.utf8), what: $0.province).rollup }
        cache.withLock { $0 = (key, decoded) }
        return decoded
    }

    /// The milliseconds at which a cohort week starts (Monday 00:00 in Vietnam).
    static func weekStart(_ week: Int) -> Int64 { Int64(week) * 86_400_000 - 25_200_000 }

    func cohorts(_ filter: AggregateFilter) throws -> [CohortCount] {
        let courses = Set(filter.courses)
        return try rollups().flatMap(\.cohorts).filter {
            courses.contains($0.course) && (filter.places?.contains($0.place) ?? true)
                && Self.weekStart($0.week) >= filter.from && Self.weekStart($0.week) < filter.to
        }
    }

    static let provincial = HubStoreError(.notFound, HubSyncText.staysProvincial)

    // MARK: ReportSource, from roll-ups

    /// Nothing to do: roll-ups arrive whole.
    public func refreshAggregates() throws {}
    /// Nothing to do: roll-ups are kept as they arrived.
    public func rebuildAggregates() throws {}
    /// Kept in the base store.
    public func saveOutlines(_ outlines: [CourseOutline]) throws { try base.saveOutlines(outlines) }
    /// Kept in the base store.
    public func outlines(only course: String?) throws -> [String: CourseOutline] { try base.outlines(only: course) }

    /// Courses any province counted.
    public func coursesSeen(only course: String?) throws -> [String] {
        let seen = Set(try rollups().flatMap { $0.cohorts.map(\.course) })
        return seen.filter { course == nil || $0 == course }.sorted()
    }

    /// The latest activity any province counted.
    public func latestActivity() throws -> Int64? { try rollups().compactMap(\.latestActivity).max() }

    /// Every area with counts.
    public func places() throws -> [String] {
        var areas: Set<String> = []
        for rollup in try rollups() {
            areas.formUnion(rollup.cohorts.map(\.place))
            areas.formUnion(rollup.activity.map(\.area))
            areas.formUnion(rollup.registrations.map(\.area))
        }
        return areas.sorted()
    }

    /// Per course and area: cohorts of the weeks in the window, milestones as the provinces
    /// last counted them, and completion times of every cohort.
    public func completion(_ filter: AggregateFilter) throws -> [CompletionCount] {
        var tally = CompletionTally()
        for c in try cohorts(filter) {
            tally.add(
                course: c.course, place: c.place, hours: nil, enrolled: c.enrolled, started: c.started,
                completed: c.completed, passed: c.passed)
        }
        let courses = Set(filter.courses)
        for h in try rollups().flatMap(\.hours)
        where courses.contains(h.course) && (filter.places?.contains(h.area) ?? true) {
            tally.add(course: h.course, place: h.area, hours: h.hours, learners: h.learners)
        }
        return tally.counts
    }

    /// Weekly or monthly activity per area; daily activity stays at the province.
    public func activity(places: Set<String>?, fromDay: Int, toDay: Int, period: ReportPeriod) throws
        -> [ActivityCount]
    {
        guard period != .day else { throw Self.provincial }
        return try rollups().flatMap(\.activity).filter {
            $0.period == period && $0.day >= fromDay && $0.day <= toDay && (places?.contains($0.area) ?? true)
        }.map { ActivityCount(day: $0.day, place: $0.area, learners: $0.learners, answers: $0.answers) }
    }

    /// Stays at the province.
    public func lessonCompletions(_ filter: AggregateFilter) throws -> [LessonCompletions] { throw Self.provincial }
    /// Stays at the province.
    public func answerTallies(_ filter: AggregateFilter, days: ClosedRange<Int>?) throws -> [AnswerTally] {
        throw Self.provincial
    }
    /// Stays at the province.
    public func strugglingLearners(
        _ filter: AggregateFilter, activeFrom: Int64, activeTo: Int64, wrongRun: Int, stalledBefore: Int64
    ) throws -> [StrugglingLearner] { throw Self.provincial }

    /// The cohorts by birth year and gender.
    public func demographics(_ filter: AggregateFilter) throws -> [DemographicCount] {
        var sums: [String: DemographicCount] = [:]
        for c in try cohorts(filter) {
            let key = "\(c.birthYear.map(String.init) ?? "")|\(c.gender ?? "")"
            var row =
                sums[key]
                ?? DemographicCount(
                    birthYear: c.birthYear, gender: c.gender, enrolled: 0, started: 0, completed: 0, passed: 0)
            row.enrolled += c.enrolled
            row.started += c.started
            row.completed += c.completed
            row.passed += c.passed
            sums[key] = row
        }
        return Array(sums.values)
    }

    /// Registered learners per area, birth year and gender.
    public func registrations(places: Set<String>?) throws -> [RegistrationCount] {
        try rollups().flatMap(\.registrations).filter { places?.contains($0.area) ?? true }
            .map {
                RegistrationCount(place: $0.area, birthYear: $0.birthYear, gender: $0.gender, learners: $0.learners)
            }
    }

    /// The provinces' cohorts, by area (a tier above could roll these up again).
    public func cohorts() throws -> [CohortCount] {
        try rollups().flatMap(\.cohorts)
    }

    // MARK: HubStore, from the base store

    /// Forwarded.
    public func meta(_ key: String) throws -> String? { try base.meta(key) }
    /// Forwarded.
    public func setMetaIfAbsent(_ key: String, _ value: String) throws -> String {
        try base.setMetaIfAbsent(key, value)
    }
    /// Forwarded.
    public func center(_ nodeId: String) throws -> Center? { try base.center(nodeId) }
    /// Forwarded.
    public func centers() throws -> [Center] { try base.centers() }
    /// Forwarded.
    public func register(_ center: Center) throws -> Center { try base.register(center) }
    /// Forwarded.
    public func revoke(_ nodeId: String, at: Int64) throws -> Center { try base.revoke(nodeId, at: at) }
    /// Forwarded.
    public func touch(_ nodeId: String, at: Int64) throws { try base.touch(nodeId, at: at) }
    /// Forwarded.
    public func attachCentre(_ nodeId: String, toCommune commune: String) throws {
        try base.attachCentre(nodeId, toCommune: commune)
    }
    /// Forwarded (a national hub takes no events; the base refuses none, the importer does).
    public func insert(_ events: [Event], via: String, receivedAt: Int64) throws -> InsertCounts {
        throw HubStoreError(.invalid, HubSyncText.nationalTakesNoEvents)
    }
    /// Forwarded.
    public func holdings(_ nodeId: String) throws -> Holdings { try base.holdings(nodeId) }
    /// Forwarded.
    public func events(afterPosition position: Int64, limit: Int) throws -> [StoredEvent] {
        try base.events(afterPosition: position, limit: limit)
    }
    /// Forwarded.
    public func eventCount() throws -> Int { try base.eventCount() }
    /// Forwarded.
    public func recordNonce(_ nonce: String, node: String, at: Int64, forgetBefore: Int64) throws -> Bool {
        try base.recordNonce(nonce, node: node, at: at, forgetBefore: forgetBefore)
    }
    /// Forwarded.
    public func upstreamCursor(_ upstreamId: String) throws -> UpstreamCursor { try base.upstreamCursor(upstreamId) }
    /// Forwarded.
    public func advanceUpstreamCursor(_ upstreamId: String, to position: Int64, at: Int64) throws {
        try base.advanceUpstreamCursor(upstreamId, to: position, at: at)
    }
    /// Forwarded.
    public func learner(node: String, code: String) throws -> HubLearner? { try base.learner(node: node, code: code) }
    /// Forwarded.
    public func areas() throws -> [Area] { try base.areas() }
    /// Forwarded.
    public func areaBranch(_ roots: Set<String>) throws -> AreaBranch { try base.areaBranch(roots) }
    /// Forwarded.
    public func saveAreas(_ areas: [Area]) throws { try base.saveAreas(areas) }
    /// Forwarded.
    public func users() throws -> [HubUser] { try base.users() }
    /// Forwarded.
    public func user(_ username: String) throws -> HubUser? { try base.user(username) }
    /// Forwarded.
    public func saveUser(_ user: HubUser) throws { try base.saveUser(user) }
    /// Forwarded.
    public func removeUser(_ username: String) throws -> Bool { try base.removeUser(username) }
    /// Forwarded.
    public func saveLoginLink(_ link: LoginLink, now: Int64) throws { try base.saveLoginLink(link, now: now) }
    /// Forwarded.
    public func useLoginLink(tokenHash: String, now: Int64) throws -> LoginLink? {
        try base.useLoginLink(tokenHash: tokenHash, now: now)
    }
    /// Forwarded.
    public func secret(_ name: String, orStore fresh: [UInt8]) throws -> [UInt8] {
        try base.secret(name, orStore: fresh)
    }
    /// Forwarded.
    public func saveRollup(_ rollup: StoredRollup) throws -> Bool { try base.saveRollup(rollup) }
    /// Forwarded.
    public func latestRollups() throws -> [StoredRollup] { try base.latestRollups() }
    /// Forwarded (a national hub holds the certificates its provinces pushed, if any).
    public func certificates(idPrefix: String?, limit: Int) throws -> [HubCertificate] {
        try base.certificates(idPrefix: idPrefix, limit: limit)
    }
    /// Forwarded.
    public func certificateCounts(issuedFrom from: Int64, before to: Int64) throws -> [CertificateCount] {
        try base.certificateCounts(issuedFrom: from, before: to)
    }
    /// Forwarded.
    public func revokeCertificate(id: String, reason: String, at: Int64) throws -> HubCertificate? {
        try base.revokeCertificate(id: id, reason: reason, at: at)
    }
    /// Forwarded.
    public func certificateRevocations(node: String?) throws -> [CertificateRevocation] {
        try base.certificateRevocations(node: node)
    }
}
