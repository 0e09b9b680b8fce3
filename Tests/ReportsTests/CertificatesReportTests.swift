import Foundation
import HubBackends
import HubStore
import Localization
import Testing

@testable import Reports

/// The certificates report: per course and area, issued in the date range, revoked, still valid,
/// the same on every backend. The fixture's three finishers got certificates (A1 on 4 June, C1 on
/// 5 June, B1 on 7 June) and B1's was revoked.
@Suite struct CertificatesReportTests {
    /// (area code, issued, revoked, valid) per row.
    func rows(_ fixture: HubFixture, _ query: ReportQuery) throws -> [[String]] {
        let report = try fixture.db.report(query)
        return report.rows.map { row in
            ["area_code", "issued", "revoked", "valid"].map { id in
                CSVRenderer.plain(row[report.columns.firstIndex { $0.id == id } ?? 0])
            }
        }
    }

    @Test(arguments: Backend.all)
    func countsIssuedRevokedAndValidPerArea(_ backend: Backend) throws {
        guard let fixture = try HubFixture(backend) else { return }
        defer { fixture.remove() }
        #expect(
            try rows(fixture, ReportQuery(.certificates, by: .district)) == [
                ["C0", "1", "0", "1"], ["D1", "1", "0", "1"], ["D2", "1", "1", "0"], ["", "3", "1", "2"],
            ])
        // Scoped to a district: only its centres' certificates.
        #expect(
            try rows(fixture, ReportQuery(.certificates, area: "D2", by: .commune)) == [
                ["C21", "1", "1", "0"], ["", "1", "1", "0"],
            ])
        // Dates filter by the day of issue.
        #expect(
            try rows(fixture, ReportQuery(.certificates, from: LocalDate("2025-06-05"), to: LocalDate("2025-06-06")))
                == [["C0", "1", "0", "1"], ["", "1", "0", "1"]])
        #expect(try rows(fixture, ReportQuery(.certificates, from: LocalDate("2025-07-01"), course: "k")) == [])
    }

    @Test(arguments: Backend.all)
    func aHubWithoutCertificatesSaysSoInEveryLanguage(_ backend: Backend) throws {
        guard let fixture = try HubFixture(backend, events: false) else { return }
        defer { fixture.remove() }
        for language in [Language.vi, .en] {
            let report = try fixture.db.report(ReportQuery(.certificates, language: language))
            #expect(report.rows.isEmpty)
            #expect(report.title == ReportText(language).title(.certificates))
            #expect(!(report.notes.first ?? "").isEmpty)
        }
    }
}
