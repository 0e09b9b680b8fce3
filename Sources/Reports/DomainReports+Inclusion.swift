import CourseModel
import HubStore

extension DomainReports {
    /// Inclusion per domain: for each domain, its enrolments by age band and gender.
    static func inclusion(_ c: ReportContext, _ source: any ReportSource) throws -> Report {
        let t = c.text
        let year = try InclusionReport.referenceYear(c.query, source)
        var report = Report(
            kind: .inclusion, language: c.query.language, title: t.domainTitle(.inclusion),
            filters: c.filters(extra: [
                ReportFilter(label: t.pick("Tuổi tính theo năm", "Ages as of"), value: String(year))
            ]),
            columns: [
                ReportColumn("domain_code", t.pick("Mã miền", "Domain no."), .text),
                ReportColumn("domain", t.pick("Miền năng lực số", "Competence domain"), .text),
                ReportColumn("age_band", t.pick("Nhóm tuổi", "Age band"), .text),
                ReportColumn("gender", t.pick("Giới", "Gender"), .text),
                ReportColumn("enrolled", t.pick("Ghi danh", "Enrolled"), .integer),
                ReportColumn("started", t.pick("Bắt đầu", "Started"), .integer),
                ReportColumn("completed", t.pick("Hoàn thành", "Completed"), .integer),
                ReportColumn("passed", t.pick("Đạt KT cuối", "Passed"), .integer),
                ReportColumn("completion_rate", t.pick("Tỉ lệ HT", "Completion"), .percent),
            ])
        let groups = groups(c)
        report.notes = [
            countingNote(t),
            t.pick(
                "Định nghĩa các cột như báo cáo hoàn thành; tuổi = năm tính − năm sinh. Số người đã đăng ký không chia được theo miền nên không có ở đây (xem báo cáo hoà nhập theo tuổi và giới).",
                "Columns are defined as in the completion report; age = reference year − birth year. Registered learners cannot be split by domain, so they are left out here (see the inclusion report by age and gender)."
            ),
            coursesNote(c, groups),
        ]
        guard !c.countsNothing else { return report }
        var chart: [String: [Double]] = ["nu": [], "nam": []]
        var labels: [String] = []
        for (domain, courses) in groups {
            var filter = c.filter
            filter.courses = courses
            var tallies: [InclusionReport.Key: Tally] = [:]
            for row in try source.demographics(filter) {
                let k = InclusionReport.Key(row.birthYear, row.gender, year: year)
                tallies[k] =
                    (tallies[k] ?? Tally())
                    + Tally(enrolled: row.enrolled, started: row.started, completed: row.completed, passed: row.passed)
            }
            let name = t.domainName(domain)
            var total = Tally()
            var byGender: [String: Tally] = [:]
            for (k, x) in tallies.sorted(by: { $0.key < $1.key }) {
                total = total + x
                byGender[k.gender] = (byGender[k.gender] ?? Tally()) + x
                report.append(
                    row(domain, name, k.bandText(t), k.genderText(t), x), key: "\(key(domain))|\(k.band)|\(k.gender)")
            }
            report.append(row(domain, name, t.total, "", total), key: "\(key(domain))|*")
            labels.append(t.domain(domain))
            for g in ["nu", "nam"] {
                let x = byGender[g] ?? Tally()
                chart[g, default: []].append(ReportValue.percent(x.completed, of: x.enrolled).double ?? 0)
            }
        }
        report.charts.append(
            ReportChart(
                title: t.pick("Tỉ lệ hoàn thành theo miền năng lực số và giới", "Completion rate by domain and gender"),
                style: .bars, unit: .percent, labels: labels,
                series: ["nu", "nam"].map { ChartSeries(name: t.gender($0), values: chart[$0] ?? []) }))
        return report

        func row(_ domain: CompetenceDomain?, _ name: String, _ band: String, _ gender: String, _ x: Tally)
            -> [ReportValue]
        {
            [
                .text(domain?.code ?? ""), .text(name), .text(band), .text(gender), .integer(x.enrolled),
                .integer(x.started), .integer(x.completed), .integer(x.passed), .percent(x.completed, of: x.enrolled),
            ]
        }
    }
}
