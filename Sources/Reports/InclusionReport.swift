import HubStore

/// Completion by age band and gender: are the elderly and women reached?
enum InclusionReport {
    /// Lower bounds of the age bands (the last is open-ended).
    static let bands = [15, 25, 35, 45, 55, 65]

    /// The band of an age: `15–24`, …, `65+`; ages under 15 join the first band.
    static func band(age: Int?) -> Int? {
        guard let age else { return nil }
        return bands.last { age >= $0 } ?? bands[0]
    }

    static func bandLabel(_ band: Int?, _ t: ReportText) -> String {
        guard let band, let i = bands.firstIndex(of: band) else { return t.pick("Không rõ tuổi", "Age unknown") }
        return i + 1 < bands.count ? "\(band)–\(bands[i + 1] - 1)" : "\(band)+"
    }

    /// A row's age band and gender; unknown ones sort last.
    struct Key: Hashable, Comparable {
        /// The band's lower bound; `Int.max` for an unknown age.
        var band: Int
        /// `nu`, `nam`, `khac`; `~` for unknown.
        var gender: String

        init(_ birthYear: Int?, _ gender: String?, year: Int) {
            band = InclusionReport.band(age: birthYear.map { year - $0 }) ?? Int.max
            self.gender = ["nu", "nam", "khac"].contains(gender ?? "") ? gender ?? "" : "~"
        }

        static func < (a: Key, b: Key) -> Bool { (a.band, a.gender) < (b.band, b.gender) }

        /// The band as people read it.
        func bandText(_ t: ReportText) -> String { InclusionReport.bandLabel(band == Int.max ? nil : band, t) }
        /// The gender as people read it.
        func genderText(_ t: ReportText) -> String { t.gender(gender == "~" ? nil : gender) }
    }

    /// The year ages are counted at: `--as-of`, else `--to`, else the latest activity's.
    static func referenceYear(_ q: ReportQuery, _ source: any ReportSource) throws -> Int {
        let latest = try source.latestActivity().map(LocalDate.init(millis:))
        return (q.asOf ?? q.to ?? latest ?? LocalDate(day: 0)).components.year
    }

    static func build(_ c: ReportContext, _ source: any ReportSource) throws -> Report {
        let t = c.text
        let q = c.query
        let year = try referenceYear(q, source)
        var report = Report(
            kind: .inclusion, language: q.language, title: t.title(.inclusion),
            filters: c.filters(extra: [
                ReportFilter(label: t.pick("Tuổi tính theo năm", "Ages as of"), value: String(year))
            ]),
            columns: [
                ReportColumn("age_band", t.pick("Nhóm tuổi", "Age band"), .text),
                ReportColumn("gender", t.pick("Giới", "Gender"), .text),
                ReportColumn("registered", t.pick("Đã đăng ký", "Registered"), .integer),
                ReportColumn("enrolled", t.pick("Ghi danh", "Enrolled"), .integer),
                ReportColumn("started", t.pick("Bắt đầu", "Started"), .integer),
                ReportColumn("completed", t.pick("Hoàn thành", "Completed"), .integer),
                ReportColumn("passed", t.pick("Đạt KT cuối", "Passed"), .integer),
                ReportColumn("completion_rate", t.pick("Tỉ lệ HT", "Completion"), .percent),
            ])
        report.notes = [
            t.pick(
                "Đã đăng ký: người học đăng ký tại các trung tâm của địa bàn. Các cột khác đếm lượt ghi danh (một người học hai khoá được đếm hai lần), cùng định nghĩa như báo cáo hoàn thành. Tuổi = năm tính − năm sinh.",
                "Registered: learners registered at the area's centres. The other columns count enrolments (a learner in two courses counts twice), defined as in the completion report. Age = reference year − birth year."
            )
        ]
        guard !c.countsNothing else { return report }
        func key(_ birthYear: Int?, _ gender: String?) -> Key { Key(birthYear, gender, year: year) }
        var tallies: [Key: Tally] = [:]
        var registered: [Key: Int] = [:]
        for row in try source.registrations(places: c.allowed) {
            registered[key(row.birthYear, row.gender), default: 0] += row.learners
        }
        if !c.courseOrder.isEmpty {
            for row in try source.demographics(c.filter) {
                let k = key(row.birthYear, row.gender)
                tallies[k] =
                    (tallies[k] ?? Tally())
                    + Tally(enrolled: row.enrolled, started: row.started, completed: row.completed, passed: row.passed)
            }
        }
        let keys = Set(tallies.keys).union(registered.keys).sorted()
        var total = Tally()
        var chart: [String: [Int: Double]] = [:]
        for k in keys {
            let x = tallies[k] ?? Tally()
            total = total + x
            report.append(
                [
                    .text(k.bandText(t)), .text(k.genderText(t)), .integer(registered[k] ?? 0), .integer(x.enrolled),
                    .integer(x.started),
                    .integer(x.completed), .integer(x.passed), .percent(x.completed, of: x.enrolled),
                ], key: "\(k.band)|\(k.gender)")
            if k.band != Int.max, k.gender == "nu" || k.gender == "nam" {
                chart[k.gender, default: [:]][k.band] = ReportValue.percent(x.completed, of: x.enrolled).double ?? 0
            }
        }
        report.append(
            [
                .text(t.total), .text(""), .integer(registered.values.reduce(0, +)), .integer(total.enrolled),
                .integer(total.started), .integer(total.completed), .integer(total.passed),
                .percent(total.completed, of: total.enrolled),
            ], key: "*")
        report.charts.append(
            ReportChart(
                title: t.pick("Tỉ lệ hoàn thành theo nhóm tuổi và giới", "Completion rate by age band and gender"),
                style: .bars, unit: .percent, labels: bands.map { bandLabel($0, t) },
                series: ["nu", "nam"].map { g in
                    ChartSeries(name: t.gender(g), values: bands.map { chart[g]?[$0] ?? 0 })
                }))
        return report
    }
}
