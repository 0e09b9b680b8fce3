import CSVText
import Foundation
import HubBackends
import LearnerEvents
import Localization
import TestSupport
import Testing

@testable import Reports

/// The four forms of a report carry the same numbers: each form is read back and compared
/// with the model, cell by cell.
@Suite struct RenderingTests {
    static let cases: [(Backend, ReportKind, Language)] = Backend.all.flatMap { backend in
        ReportKind.allCases.flatMap { [(backend, $0, .vi), (backend, $0, .en)] }
    }

    @Test(arguments: cases)
    func everyFormCarriesTheSameNumbers(_ backend: Backend, _ kind: ReportKind, _ language: Language) throws {
        guard let fixture = try HubFixture(backend) else { return }
        defer { fixture.remove() }
        let report = try fixture.db.report(ReportQuery(kind, language: language, asOf: LocalDate("2025-06-30")))
        #expect(!report.rows.isEmpty)
        let numeric = report.columns.indices.filter { report.columns[$0].type != .text }
        let expected: [[Double?]] = report.rows.map { row in numeric.map { row[$0].double } }

        // CSV: BOM, header, then plain numbers.
        let csv = CSVRenderer().render(report)
        #expect(csv.hasPrefix("\u{FEFF}"))
        let csvRows = try CSVText.records(csv).dropFirst().map { row in numeric.map { Double(row.fields[$0]) } }
        #expect(csvRows == expected)

        // JSON: numbers by column id.
        let json = try JSONSerialization.jsonObject(with: Data(JSONRenderer().render(report).utf8)) as? [String: Any]
        let jsonRows = (json?["rows"] as? [[String: Any]] ?? []).map { row in
            numeric.map { (row[report.columns[$0].id] as? NSNumber)?.doubleValue }
        }
        #expect(jsonRows == expected)

        // Terminal table: the cells under each header, read in the report's language.
        let table = TableRenderer(maxTextWidth: 200).render(report).split(
            separator: "\n", omittingEmptySubsequences: false)
        let rule = table.firstIndex { $0.hasPrefix("---") } ?? 0
        let widths = table[rule].split(separator: " ", omittingEmptySubsequences: true).map(\.count)
        let tableRows = table[(rule + 1)..<(rule + 1 + report.rows.count)].map { line -> [Double?] in
            let cells = Self.cut(String(line), widths)
            return numeric.map { Self.read(cells[$0], language) }
        }
        #expect(tableRows == expected)

        // HTML: the text of each numeric cell.
        let html = HTMLRenderer().render(report)
        #expect(html.contains("@page { size: A4"))
        #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        let htmlRows = html.components(separatedBy: "<tr data-key=").dropFirst().map { row -> [Double?] in
            numeric.map { i in
                let marker = "data-col=\"\(report.columns[i].id)\" class=\"num\">"
                guard let start = row.range(of: marker) else { return nil }
                let text = row[start.upperBound...].prefix { $0 != "<" }
                return Self.read(String(text), language)
            }
        }
        #expect(htmlRows == expected)
    }

    /// Splits a table line into cells by the column widths (two spaces between columns).
    static func cut(_ line: String, _ widths: [Int]) -> [String] {
        var cells: [String] = []
        var rest = Substring(line)
        for w in widths {
            var cell = ""
            var used = 0
            while let ch = rest.first, used < w {
                cell.append(ch)
                used += DisplayWidth.of(ch)
                rest = rest.dropFirst()
            }
            cells.append(cell.trimmingCharacters(in: .whitespaces))
            rest = rest.dropFirst(2)
        }
        return cells
    }

    /// A number as people read it: `1.234,5%` (vi) or `1,234.5%` (en); `–` is none.
    static func read(_ text: String, _ language: Language) -> Double? {
        var s = text.replacingOccurrences(of: "%", with: "")
        if language == .vi {
            s = s.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        } else {
            s = s.replacingOccurrences(of: ",", with: "")
        }
        return Double(s)
    }

    @Test func csvQuotesFieldsAndDefusesFormulas() {
        #expect(CSVRenderer.field("Xã \"Mới\", thôn 2") == "\"Xã \"\"Mới\"\", thôn 2\"")
        #expect(CSVRenderer.field("=HYPERLINK(1)") == "'=HYPERLINK(1)")
        #expect(CSVRenderer.field("-12") == "-12")
        #expect(CSVRenderer.field("a\nb") == "\"a\nb\"")
    }

    @Test(arguments: [("Nguyễn", 6), ("Nguye\u{0302}\u{0303}n", 6), ("漢字", 4), ("", 0)])
    func displayWidthCountsColumns(_ text: String, _ width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    /// Golden files: the completion report as people read it, in both languages and as CSV.
    @Test(
        arguments: Backend.all.flatMap { backend in
            [
                (backend, "completion-district-vi.txt", Language.vi, "table"),
                (backend, "completion-district-en.txt", .en, "table"),
                (backend, "completion-district-vi.csv", .vi, "csv"), (backend, "items-vi.txt", .vi, "items"),
            ]
        })
    func golden(_ backend: Backend, _ name: String, _ language: Language, _ form: String) throws {
        guard let fixture = try HubFixture(backend) else { return }
        defer { fixture.remove() }
        let text: String
        if form == "items" {
            text = TableRenderer().render(try fixture.db.report(ReportQuery(.items, course: "k", language: language)))
        } else {
            let report = try fixture.db.report(ReportQuery(.completion, by: .district, language: language))
            text = form == "csv" ? CSVRenderer().render(report) : TableRenderer().render(report)
        }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/reports/\(name)")
        // Compared as bytes: the CSV's byte-order mark counts.
        Golden.check(text, against: url)
    }
}
