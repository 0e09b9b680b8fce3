import Foundation
import HubStore
import LearnerEvents
import SyncWire

/// The national tier: a province hub makes signed roll-ups of its report aggregates; a national
/// hub checks and keeps them, and answers its reports from them.
public enum HubRollups {
    /// The `hub_meta` key marking a national hub (reports from roll-ups, no events).
    public static let tierKey = "tier"
    /// The value of `tierKey` on a national hub.
    public static let national = "national"
    /// The `hub_meta` key saying an upstream takes roll-ups instead of events.
    static func modeKey(_ upstream: String) -> String { "upstream-mode:\(upstream)" }

    /// Whether the hub in `store` answers from roll-ups.
    public static func isNational(_ store: any HubStore) throws -> Bool {
        try hubStoreErrors { try store.meta(tierKey) } == national
    }

    /// Makes this hub a national hub (before any event or roll-up arrives).
    public static func markNational(_ store: any HubStore) throws {
        guard try hubStoreErrors({ try store.eventCount() }) == 0 else {
            throw SyncError(.forbidden, HubSyncText.nationalHoldsEvents)
        }
        _ = try hubStoreErrors { try store.setMetaIfAbsent(tierKey, national) }
    }

    /// Records that the upstream `hub` takes roll-ups (`upstreams add … --rollups`).
    public static func sendRollups(to hub: String, store: any HubStore) throws {
        _ = try hubStoreErrors { try store.setMetaIfAbsent(modeKey(hub), "rollups") }
    }

    /// Whether the upstream `hub` takes roll-ups.
    public static func takesRollups(_ hub: String, store: any HubStore) throws -> Bool {
        try hubStoreErrors { try store.meta(modeKey(hub)) } == "rollups"
    }

    // MARK: Province: making a roll-up

    /// This province's counts through local day `period`, signed with the hub's key. Centres
    /// count under their commune; centres attached to none under the province's own area.
    public static func make(
        store: any HubStore & ReportSource, identity: HubIdentity, period: Int, version: Int64
    ) throws -> SignedRollup {
        try hubStoreErrors {
            try store.refreshAggregates()
            let areas = try store.areas()
            let fallback = areas.first { $0.level == .province }?.code ?? identity.nodeId
            var communeOf: [String: String] = [:]
            for centre in try store.centers() { communeOf[centre.nodeId] = centre.communeCode ?? fallback }
            func area(_ place: String) -> String { communeOf[place] ?? fallback }

            struct CohortKey: Hashable {
                var area: String, course: String, birthYear: Int?, gender: String?, week: Int
            }
            var cohorts: [CohortKey: CohortCount] = [:]
            for c in try store.cohorts() {
                let key = CohortKey(
                    area: area(c.place), course: c.course, birthYear: c.birthYear, gender: c.gender, week: c.week)
                var row =
                    cohorts[key]
                    ?? CohortCount(
                        place: key.area, course: key.course, birthYear: key.birthYear, gender: key.gender,
                        week: key.week, enrolled: 0, started: 0, completed: 0, passed: 0)
                row.enrolled += c.enrolled
                row.started += c.started
                row.completed += c.completed
                row.passed += c.passed
                cohorts[key] = row
            }

            struct HoursKey: Hashable { var area: String, course: String, hours: Int }
            var hours: [HoursKey: Int] = [:]
            for c in try store.completion(AggregateFilter(places: nil, courses: try store.coursesSeen(only: nil))) {
                for (h, learners) in c.hours {
                    hours[HoursKey(area: area(c.place), course: c.course, hours: h), default: 0] += learners
                }
            }

            // Learners belong to one centre, so distinct learners add up across an area's centres.
            struct ActivityKey: Hashable { var period: ReportPeriod, day: Int, area: String }
            var activity: [ActivityKey: (learners: Int, answers: Int)] = [:]
            for period in [ReportPeriod.week, .month] {
                for a in try store.activity(places: nil, fromDay: .min, toDay: .max, period: period) {
                    let key = ActivityKey(period: period, day: a.day, area: area(a.place))
                    let sum = activity[key] ?? (0, 0)
                    activity[key] = (sum.learners + a.learners, sum.answers + a.answers)
                }
            }

            struct RegistrationKey: Hashable { var area: String, birthYear: Int?, gender: String? }
            var registrations: [RegistrationKey: Int] = [:]
            for r in try store.registrations(places: nil) {
                registrations[
                    RegistrationKey(area: area(r.place), birthYear: r.birthYear, gender: r.gender), default: 0] +=
                    r.learners
            }

            let rollup = Rollup(
                province: identity.nodeId, period: period, version: version, areas: areas,
                outlines: try store.outlines(only: nil).values.sorted { $0.id < $1.id },
                latestActivity: try store.latestActivity(),
                cohorts: cohorts.values.sorted { Self.order($0) < Self.order($1) },
                hours: hours.map {
                    Rollup.Hours(area: $0.key.area, course: $0.key.course, hours: $0.key.hours, learners: $0.value)
                }
                .sorted { ($0.area, $0.course, $0.hours) < ($1.area, $1.course, $1.hours) },
                activity: activity.map {
                    Rollup.Activity(
                        period: $0.key.period, day: $0.key.day, area: $0.key.area, learners: $0.value.learners,
                        answers: $0.value.answers)
                }.sorted { ($0.period.rawValue, $0.day, $0.area) < ($1.period.rawValue, $1.day, $1.area) },
                registrations: registrations.map {
                    Rollup.Registration(
                        area: $0.key.area, birthYear: $0.key.birthYear, gender: $0.key.gender, learners: $0.value)
                }.sorted {
                    "\($0.area)|\($0.birthYear ?? 0)|\($0.gender ?? "")"
                        < "\($1.area)|\($1.birthYear ?? 0)|\($1.gender ?? "")"
                }
            )
            return try SignedRollup(rollup, key: identity.key)
        }
    }

    static func order(_ c: CohortCount) -> String {
        "\(c.place)|\(c.course)|\(c.week)|\(c.birthYear ?? 0)|\(c.gender ?? "")"
    }

    // MARK: Nation: receiving a roll-up

    /// Checks a roll-up against the registered key of the province hub it names and keeps it;
    /// false when this (province, period, version) was already kept. The province's areas and
    /// course outlines are stored with it, so reports and coordinators' scopes can use them.
    public static func accept(_ signed: SignedRollup, store: any HubStore & ReportSource) throws -> Bool {
        guard try isNational(store) else { throw SyncError(.forbidden, HubSyncText.notNational) }
        let claimed = signed.rollup.province
        guard let node = try hubStoreErrors({ try store.center(claimed) }) else {
            throw SyncError(.unknownNode, HubSyncText.unknownCentre(claimed))
        }
        guard node.status == .active else { throw SyncError(.revokedNode, HubSyncText.rollupFromRevoked(claimed)) }
        guard node.role == .hub else { throw SyncError(.forbidden, HubSyncText.rollupFromCentre(claimed)) }
        let rollup = try signed.verified(province: node.nodeId, publicKey: node.publicKey)
        let document = String(decoding: try signed.encoded(), as: UTF8.self)
        return try hubStoreErrors {
            let fresh = try store.saveRollup(
                StoredRollup(
                    province: rollup.province, period: rollup.period, version: rollup.version, document: document))
            if fresh {
                try store.saveAreas(rollup.areas)
                try store.saveOutlines(rollup.outlines)
            }
            return fresh
        }
    }
}

/// A province hub's push of its roll-up to a national hub over HTTP: `POST /api/v1/rollups`
/// with the signed document as the body. The document's own signature authenticates it, and
/// the national hub keeps each (province, period, version) once, so a resend is harmless.
public enum RollupPush {
    /// The path of the endpoint.
    public static let path = "/api/v1/rollups"

    /// What the upstream said.
    public struct Outcome: Sendable, Equatable {
        /// The national hub's node id.
        public var hub: String
        /// False when it already had this roll-up.
        public var stored: Bool
        /// Cohort rows sent.
        public var cohorts: Int
    }

    /// The upstream's node id, from its health answer.
    public static func upstreamId(at url: URL, transport: any SyncTransport) async throws -> String {
        let response = try await transport.send(
            TransportRequest(method: "GET", url: url.appendingPathComponent("healthz")))
        guard response.status == 200,
            let answer = try? JSONDecoder().decode([String: String].self, from: response.body), let hub = answer["hub"]
        else { throw EventPusher.refusal(response) }
        return hub
    }

    /// Makes this hub's roll-up through today and sends it to the national hub at `url`, which
    /// must be registered here as an upstream taking roll-ups.
    public static func run(
        store: any HubStore & ReportSource, identity: HubIdentity, upstream url: URL, hub: String,
        transport: any SyncTransport = HTTPClientTransport(), clock: @escaping SyncClock = systemSyncClock
    ) async throws -> Outcome {
        guard try hubStoreErrors({ try store.meta(HubPush.metaKey(hub)) }) != nil else {
            throw SyncError(.unknownNode, HubSyncText.unknownUpstream(hub, at: url.absoluteString))
        }
        let now = clock()
        let today = Int((now / 1000 + 25_200) / 86_400)
        let signed = try HubRollups.make(store: store, identity: identity, period: today, version: now)
        let response = try await transport.send(
            TransportRequest(
                method: "POST", url: url.appendingPathComponent(String(path.dropFirst())),
                headers: ["Content-Type": "application/json"], body: try signed.encoded()))
        guard response.status == 200,
            let answer = try? JSONDecoder().decode([String: String].self, from: response.body)
        else { throw EventPusher.refusal(response) }
        return Outcome(hub: hub, stored: answer["stored"] == "true", cohorts: signed.rollup.cohorts.count)
    }
}
