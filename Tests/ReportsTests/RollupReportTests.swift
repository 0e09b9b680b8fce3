import Foundation
import HubBackends
import HubStore
import Localization
import SyncHub
import SyncWire
import Testing

@testable import Reports

/// The national tier: a province hub counting events and a national hub counting only that
/// province's signed roll-up give the same completion, activity and inclusion numbers.
@Suite("national roll-ups")
struct RollupReportTests {
    /// A national hub on `backend` that knows the province hub `province`.
    static func nationalHub(_ backend: Backend, knowing province: HubIdentity) throws -> (OpenedHub, NationalHub)? {
        guard let hub = try backend.open() else { return nil }
        try HubRollups.markNational(hub.store)
        _ = try hub.store.register(
            Center(
                nodeId: province.nodeId, publicKey: province.publicKey, name: province.name, role: .hub,
                registeredAt: 0))
        return (hub, NationalHub(hub.store))
    }

    static let queries: [ReportQuery] = [
        ReportQuery(.completion, by: .province), ReportQuery(.completion, by: .district),
        ReportQuery(.completion, by: .commune), ReportQuery(.completion, area: "D1", by: .commune),
        ReportQuery(.activity, by: .commune, period: .week), ReportQuery(.activity, by: .district, period: .month),
        ReportQuery(.inclusion, asOf: LocalDate("2025-06-30")),
        ReportQuery(.inclusion, area: "D2", asOf: LocalDate("2025-06-30")),
    ]

    @Test(arguments: Backend.all)
    func aNationalHubOnRollUpsCountsWhatTheProvinceCounts(_ backend: Backend) throws {
        guard let province = try HubFixture(backend) else { return }
        defer { province.remove() }
        let identity = try HubIdentity.initialise(province.store, name: "Tỉnh Thử Nghiệm").identity
        guard let pair = try Self.nationalHub(backend, knowing: identity) else { return }
        let (hub, national) = pair
        defer { hub.remove() }

        let signed = try HubRollups.make(store: province.store, identity: identity, period: 20_300, version: 1)
        #expect(try HubRollups.accept(signed, store: national))
        #expect(try !HubRollups.accept(signed, store: national), "the same roll-up again changes nothing")

        for query in Self.queries {
            let atProvince = try province.db.report(query)
            let atNation = try HubReports(national).report(query)
            #expect(atNation.rows == atProvince.rows, "\(query.kind) by \(query.by) in \(query.area ?? "all")")
            #expect(!atNation.rows.isEmpty)
        }
        // No learner leaves the province: the document holds no learner code or name.
        let document = String(decoding: try signed.encoded(), as: UTF8.self)
        for secret in ["A1", "B2", "Nguyễn Thị An", "Đỗ Thị Giang", HubFixture.nodeA] {
            #expect(!document.contains("\"\(secret)\""))
        }
    }

    @Test(arguments: Backend.all)
    func itemsAndNeedsHelpSayTheyStayProvincial(_ backend: Backend) throws {
        guard let province = try HubFixture(backend) else { return }
        defer { province.remove() }
        let identity = try HubIdentity.initialise(province.store, name: "Tỉnh").identity
        guard let pair = try Self.nationalHub(backend, knowing: identity) else { return }
        let (hub, national) = pair
        defer { hub.remove() }
        _ = try HubRollups.accept(
            try HubRollups.make(store: province.store, identity: identity, period: 20_300, version: 1), store: national)
        for kind in [ReportKind.items, .needsHelp] {
            do {
                _ = try HubReports(national).report(ReportQuery(kind, course: "k"))
                Issue.record("\(kind) answered at the national hub")
            } catch let error as any PhrasedError {
                #expect(error.phrase.en.contains("stay at the province hubs"), "\(error.phrase.en)")
                #expect(error.phrase.vi.contains("chỉ có ở trạm tỉnh"))
            }
        }
    }

    @Test func aLaterVersionReplacesAnEarlierOne() throws {
        guard let province = try HubFixture(.sqlite) else { return }
        defer { province.remove() }
        let identity = try HubIdentity.initialise(province.store, name: "Tỉnh").identity
        guard let pair = try Self.nationalHub(.sqlite, knowing: identity) else { return }
        let (hub, national) = pair
        defer { hub.remove() }
        let early = try HubRollups.make(store: province.store, identity: identity, period: 20_300, version: 1)
        var fewer = early.rollup
        fewer.version = 0
        fewer.cohorts = []
        _ = try HubRollups.accept(early, store: national)
        _ = try HubRollups.accept(try SignedRollup(fewer, key: identity.key), store: national)
        #expect(try national.latestRollups().map(\.version) == [1])
        #expect(try !national.cohorts().isEmpty)
    }
}
