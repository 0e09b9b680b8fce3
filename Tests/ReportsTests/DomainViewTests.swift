import CourseModel
import Foundation
import HubBackends
import HubStore
import LearnerEvents
import Localization
import SyncHub
import TestSupport
import Testing

@testable import Reports

/// The domain views of the completion and inclusion reports (issue 17): the fixture's course `k`
/// serves domain 4 (safety); a second course `ai` serves domains 4 and 6 (applying AI). A1
/// completes `ai` in 3 days at centre A; B2 only opens it at centre B.
@Suite struct DomainViewTests {
    static let safety: Course = {
        var course = HubFixture.course
        course.competences = [Competence(code: "4.2")!]
        return course
    }()

    static let ai: Course = {
        var course = HubFixture.course
        course.id = "ai"
        course.title = "Trí tuệ nhân tạo"
        course.titleEnglish = "Artificial intelligence"
        course.competences = [Competence(code: "6.1")!, Competence(code: "4.2")!]
        return course
    }()

    /// The fixture's events, then A1's and B2's in `ai`.
    static func events() -> [Event] {
        let events = HubFixture.allEvents()
        var b = EventBuilder()
        for node in [HubFixture.nodeA, HubFixture.nodeB] {
            b.seqs[node] = events.filter { $0.nodeId == node }.map(\.seq).max() ?? 0
        }
        b.complete(HubFixture.nodeA, "A1", at: HubFixture.t0 + 3 * HubFixture.day, days: 3, course: "ai")
        b.add(
            HubFixture.nodeB, "B2", "lesson.opened", at: HubFixture.t0 + 5 * HubFixture.day, course: "ai", lesson: "l1")
        return events + b.events
    }

    /// The fixture hub with both courses' outlines (`k`'s replacing the one without domains)
    /// and every event; nil when the backend is not available here.
    static func hub(_ backend: Backend, outlines: [Course] = [safety, ai]) throws -> HubFixture? {
        guard let fixture = try HubFixture(backend, events: false) else { return nil }
        try fixture.db.saveOutlines(outlines)
        try fixture.insert(events())
        return fixture
    }

    /// The cells of columns `ids`, in machine form, row by row.
    static func cells(_ report: Report, _ ids: [String]) -> [[String]] {
        report.rows.map { row in
            ids.map { id in CSVRenderer.plain(row[report.columns.firstIndex { $0.id == id } ?? 0]) }
        }
    }

    static let completionColumns = [
        "domain_code", "area_code", "enrolled", "started", "completed", "passed", "completion_rate", "median_days",
    ]

    @Test(arguments: Backend.all)
    func twoCoursesInDifferentDomainsGiveEachDomainItsCourses(_ backend: Backend) throws {
        guard let fixture = try Self.hub(backend) else { return }
        defer { fixture.remove() }
        let report = try fixture.db.report(ReportQuery(.completion, by: .district, view: .domain))
        // Domain 4 adds k (6 learners) and ai (A1, B2); domain 6 is ai alone.
        #expect(
            Self.cells(report, Self.completionColumns) == [
                ["4", "C0", "1", "1", "1", "1", "100", "1"],
                ["4", "D1", "4", "3", "2", "2", "50", "2.5"],
                ["4", "D2", "3", "2", "1", "1", "33.3", "4"],
                ["4", "", "8", "6", "4", "4", "50", "2.5"],
                ["6", "D1", "1", "1", "1", "1", "100", "3"],
                ["6", "D2", "1", "0", "0", "0", "0", ""],
                ["6", "", "2", "1", "1", "1", "50", "3"],
            ])
        #expect(report.rowKeys == ["4|C0", "4|D1", "4|D2", "4|*", "6|D1", "6|D2", "6|*"])
        #expect(report.column("domain").first == .text("An toàn"))
        #expect(report.charts.first?.labels == ["4. An toàn", "6. Ứng dụng trí tuệ nhân tạo"])
        #expect(report.title == "Hoàn thành khoá học theo miền năng lực số")

        // One course asked for: only its domains, only its numbers.
        let one = try fixture.db.report(ReportQuery(.completion, course: "k", by: .province, view: .domain))
        #expect(Self.cells(one, ["domain_code", "area_code", "enrolled"]) == [["4", "P", "6"], ["4", "", "6"]])
    }

    @Test(arguments: Backend.all)
    func inclusionByDomainSplitsEachDomainByAgeAndGender(_ backend: Backend) throws {
        guard let fixture = try Self.hub(backend) else { return }
        defer { fixture.remove() }
        let report = try fixture.db.report(
            ReportQuery(.inclusion, language: .en, asOf: LocalDate("2025-06-30"), view: .domain))
        let rows = Self.cells(report, ["domain_code", "age_band", "gender", "enrolled", "completed"]).map {
            "\($0[0]) \($0[1]) \($0[2]) \($0[3])/\($0[4])"
        }
        #expect(
            rows == [
                "4 25–34 Women 1/1", "4 35–44 Men 1/0", "4 35–44 Women 1/0", "4 55–64 Men 1/1", "4 65+ Women 4/2",
                "4 Total  8/4", "6 65+ Women 2/1", "6 Total  2/1",
            ])
        #expect(report.column("domain").last == .text("Applying artificial intelligence"))
        #expect(report.charts.first?.series.map(\.values) == [[50, 50], [50, 0]])
    }

    /// Outlines stored before they carried domains (course `k` as the fixture saves it): they
    /// still read, and their enrolments are shown apart rather than dropped.
    @Test(arguments: Backend.all)
    func anOutlineWithoutDomainsStillReadsAndIsCountedApart(_ backend: Backend) throws {
        guard let fixture = try Self.hub(backend, outlines: [Self.ai]) else { return }
        defer { fixture.remove() }
        #expect(try fixture.store.outlines(only: "k")["k"]?.title == "Khoá Thử")
        #expect(try fixture.store.outlines(only: "k")["k"]?.domains == [])
        #expect(try fixture.store.outlines(only: "ai")["ai"]?.domains == [.safety, .artificialIntelligence])
        let report = try fixture.db.report(ReportQuery(.completion, by: .province, language: .en, view: .domain))
        #expect(
            Self.cells(report, ["domain_code", "domain", "area_code", "enrolled"]) == [
                ["4", "Safety", "P", "2"], ["4", "Safety", "", "2"],
                ["6", "Applying artificial intelligence", "P", "2"],
                ["6", "Applying artificial intelligence", "", "2"],
                ["", "(courses declaring no domain)", "P", "6"], ["", "(courses declaring no domain)", "", "6"],
            ])
        #expect(report.rowKeys.last == "-|*")
    }

    @Test func outlineJSONWithoutDomainsDecodesAndEmptyDomainsAreLeftOut() throws {
        let old = #"{"id":"k","lessons":[],"title":"Khoá Thử","version":1}"#
        let outline = try JSONDecoder().decode(CourseOutline.self, from: Data(old.utf8))
        #expect(outline.domains == [])
        // Re-encoded, an old outline is the very JSON it was (a roll-up signed before still verifies).
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(outline), as: UTF8.self) == old)
        let withDomains = CourseOutline(Self.ai)
        let json = String(decoding: try encoder.encode(withDomains), as: UTF8.self)
        #expect(json.contains(#""domains":[4,6]"#))
        #expect(try JSONDecoder().decode(CourseOutline.self, from: Data(json.utf8)) == withDomains)
        // A domain this version does not know is skipped, not the whole outline.
        let newer = #"{"id":"k","version":2,"title":"K","lessons":[],"domains":[6,9]}"#
        #expect(
            try JSONDecoder().decode(CourseOutline.self, from: Data(newer.utf8)).domains == [.artificialIntelligence])
    }

    @Test(arguments: Backend.all)
    func aNationalHubShowsTheDomainsOfTheProvinceRollUp(_ backend: Backend) throws {
        guard let province = try Self.hub(backend) else { return }
        defer { province.remove() }
        let identity = try HubIdentity.initialise(province.store, name: "Tỉnh Thử Nghiệm").identity
        guard let pair = try RollupReportTests.nationalHub(backend, knowing: identity) else { return }
        let (hub, national) = pair
        defer { hub.remove() }
        let signed = try HubRollups.make(store: province.store, identity: identity, period: 20_300, version: 1)
        #expect(try HubRollups.accept(signed, store: national))
        for query in [
            ReportQuery(.completion, by: .district, view: .domain),
            ReportQuery(.inclusion, asOf: LocalDate("2025-06-30"), view: .domain),
        ] {
            let atNation = try HubReports(national).report(query)
            #expect(atNation.rows == (try province.db.report(query)).rows)
            #expect(atNation.rowKeys.contains("6|*"))
        }
    }

    /// `hocso-hub report completion|inclusion --view domain`, in both languages.
    @Test(arguments: Backend.all.flatMap { backend in [(backend, Language.vi), (backend, .en)] })
    func theHubCommandPrintsTheDomainView(_ backend: Backend, _ language: Language) throws {
        guard let fixture = try Self.hub(backend) else { return }
        defer { fixture.remove() }
        let db = fixture.hub.location
        let lang = language.rawValue
        let completion = try Program.hub.run([
            "report", "completion", "--view", "domain", "--by", "district", "--db", db, "--lang", lang,
        ])
        #expect(completion.status == 0, "\(completion.stderr)")
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/reports/completion-domain-district-\(lang).txt")
        Golden.check(completion.stdout, against: url)

        let inclusion = try Program.hub.run([
            "report", "inclusion", "--view", "domain", "--to", "2025-06-30", "--db", db, "--lang", lang,
        ])
        #expect(inclusion.status == 0, "\(inclusion.stderr)")
        let expected =
            language == .vi
            ? ["Hoà nhập: theo miền năng lực số, tuổi và giới", "Ứng dụng trí tuệ nhân tạo", "65+", "Nữ"]
            : ["Inclusion: by competence domain, age and gender", "Applying artificial intelligence", "Women"]
        for text in expected { #expect(inclusion.stdout.contains(text), "missing \(text)") }

        let bad = try Program.hub.run(["report", "completion", "--view", "age", "--db", db])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--view must be course or domain (not 'age')"))
    }
}
