import CourseModel
import HubStore

/// The domain views of the completion and inclusion reports: the same aggregates, added up
/// over the courses that serve each domain of Circular 02/2025/TT-BGDĐT.
///
/// They count enrolments (learner × course), as the inclusion report always has: the aggregates
/// are per course, so a learner in two courses of a domain counts twice there, and a course
/// serving two domains counts in both (the domains' rows do not add up to all enrolments).
enum DomainReports {
    /// The shown courses under each domain they serve, in the circular's order; courses that
    /// declare none (or whose outline the hub lacks) last, under nil. Domains no shown course
    /// serves are left out.
    static func groups(_ c: ReportContext) -> [(domain: CompetenceDomain?, courses: [String])] {
        var out: [(domain: CompetenceDomain?, courses: [String])] = CompetenceDomain.allCases.map { domain in
            (domain, c.courseOrder.filter { c.outlines[$0]?.domains.contains(domain) ?? false })
        }
        out.append((nil, c.courseOrder.filter { c.outlines[$0]?.domains.isEmpty ?? true }))
        return out.filter { !$0.courses.isEmpty }
    }

    /// A domain's part of a row key: its number, `-` for courses without one.
    static func key(_ domain: CompetenceDomain?) -> String { domain?.code ?? "-" }

    /// Completion per domain and area: enrolled, started, completed, passed, rate, median time.
    static func completion(_ c: ReportContext, _ source: any ReportSource) throws -> Report {
        let t = c.text
        var report = Report(
            kind: .completion, language: c.query.language, title: t.domainTitle(.completion),
            filters: c.filters(extra: [
                ReportFilter(label: t.pick("Nhóm theo", "Grouped by"), value: t.level(c.query.by))
            ]),
            columns: [
                ReportColumn("domain_code", t.pick("Mã miền", "Domain no."), .text),
                ReportColumn("domain", t.pick("Miền năng lực số", "Competence domain"), .text),
                ReportColumn("area_code", t.pick("Mã", "Code"), .text),
                ReportColumn("area", t.pick("Địa bàn", "Area"), .text),
                ReportColumn("level", t.pick("Cấp", "Level"), .text),
                ReportColumn("enrolled", t.pick("Ghi danh", "Enrolled"), .integer),
                ReportColumn("started", t.pick("Bắt đầu", "Started"), .integer),
                ReportColumn("completed", t.pick("Hoàn thành", "Completed"), .integer),
                ReportColumn("passed", t.pick("Đạt KT cuối", "Passed"), .integer),
                ReportColumn("completion_rate", t.pick("Tỉ lệ HT", "Completion"), .percent),
                ReportColumn("median_days", t.pick("Trung vị (ngày)", "Median days"), .decimal),
            ])
        let groups = groups(c)
        let tallies = try CompletionReport.tallies(c, source)
        var chartLabels: [String] = []
        var chartValues: [Double] = []
        for (domain, courses) in groups {
            var areas: [String: (node: AreaNode, tally: Tally)] = [:]
            for course in courses {
                for (centre, tally) in tallies[course] ?? [:] {
                    guard let g = c.group(centre) else { continue }
                    areas[g.code, default: (g, Tally())].tally = areas[g.code, default: (g, Tally())].tally + tally
                }
            }
            let name = t.domainName(domain)
            let total = areas.values.reduce(Tally()) { $0 + $1.tally }
            for (code, entry) in areas.sorted(by: { c.tree.sortKey($0.key) < c.tree.sortKey($1.key) }) {
                report.append(
                    row(domain, name, code, entry.node.name, t.level(entry.node.level), entry.tally),
                    key: "\(key(domain))|\(code)")
            }
            report.append(row(domain, name, "", t.total, "", total), key: "\(key(domain))|*")
            chartLabels.append(t.domain(domain))
            chartValues.append(ReportValue.percent(total.completed, of: total.enrolled).double ?? 0)
        }
        report.charts.append(
            ReportChart(
                title: t.pick("Tỉ lệ hoàn thành theo miền năng lực số", "Completion rate by competence domain"),
                style: .bars, unit: .percent, labels: chartLabels,
                series: [ChartSeries(name: t.pick("Tỉ lệ HT", "Completion"), values: chartValues)]))
        report.notes = [countingNote(t)] + CompletionReport.notes(t) + [coursesNote(c, groups)]
        return report

        func row(
            _ domain: CompetenceDomain?, _ name: String, _ code: String, _ area: String, _ level: String, _ x: Tally
        ) -> [ReportValue] {
            [
                .text(domain?.code ?? ""), .text(name), .text(code), .text(area), .text(level), .integer(x.enrolled),
                .integer(x.started), .integer(x.completed), .integer(x.passed), .percent(x.completed, of: x.enrolled),
                .decimal(x.medianDays),
            ]
        }
    }

    /// What every domain view counts, said first under the table.
    static func countingNote(_ t: ReportText) -> String {
        t.pick(
            "Mỗi miền năng lực số (Thông tư 02/2025/TT-BGDĐT) cộng số liệu của các khoá học phục vụ miền đó: đếm lượt ghi danh (người học × khoá học), nên một người học hai khoá của cùng một miền được đếm hai lần, và một khoá phục vụ hai miền được đếm ở cả hai miền; cộng các miền lại sẽ lớn hơn tổng số lượt ghi danh.",
            "Each competence domain (Circular 02/2025/TT-BGDĐT) adds up the courses that serve it: it counts enrolments (learner × course), so a learner in two courses of one domain counts twice, and a course serving two domains counts in both; the domains added together exceed all enrolments."
        )
    }

    /// Which courses each domain's rows add up.
    static func coursesNote(_ c: ReportContext, _ groups: [(domain: CompetenceDomain?, courses: [String])]) -> String {
        let t = c.text
        let list = groups.map { domain, courses in
            "\(t.domain(domain)): " + courses.map(c.courseTitle).joined(separator: ", ")
        }.joined(separator: "; ")
        return t.pick("Khoá học của từng miền — ", "Courses of each domain — ") + list
    }
}
