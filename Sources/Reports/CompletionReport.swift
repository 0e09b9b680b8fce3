import HubStore

/// Completion per course and area: enrolled, started, completed, passed, rate, median time.
enum CompletionReport {
    /// Counts per (course, place) over the cohort that first opened the course in the range.
    static func tallies(_ c: ReportContext, _ source: any ReportSource) throws -> [String: [String: Tally]] {
        var out: [String: [String: Tally]] = [:]
        guard !c.courseOrder.isEmpty, !c.countsNothing else { return out }
        for x in try source.completion(c.filter) {
            out[x.course, default: [:]][x.place] = Tally(
                enrolled: x.enrolled, started: x.started, completed: x.completed, passed: x.passed, hours: x.hours)
        }
        return out
    }

    static func build(_ c: ReportContext, _ source: any ReportSource) throws -> Report {
        let t = c.text
        var report = c.courseByAreaReport(
            .completion,
            [
                ReportColumn("enrolled", t.pick("Ghi danh", "Enrolled"), .integer),
                ReportColumn("started", t.pick("Bắt đầu", "Started"), .integer),
                ReportColumn("completed", t.pick("Hoàn thành", "Completed"), .integer),
                ReportColumn("passed", t.pick("Đạt KT cuối", "Passed"), .integer),
                ReportColumn("completion_rate", t.pick("Tỉ lệ HT", "Completion"), .percent),
                ReportColumn("median_days", t.pick("Trung vị (ngày)", "Median days"), .decimal),
            ])
        let tallies = try tallies(c, source)
        var chartLabels: [String] = []
        var chartValues: [Double] = []
        // Each centre's group once for all courses (a nation has thousands of centres); a centre
        // the query may not count has none.
        let centres = Set(tallies.values.flatMap(\.keys))
        let groupOf = Dictionary(
            uniqueKeysWithValues: centres.compactMap { centre in c.group(centre).map { (centre, $0) } })
        for course in c.courseOrder {
            let byCentre = tallies[course] ?? [:]
            var groups: [String: (node: AreaNode, tally: Tally)] = [:]
            for (centre, tally) in byCentre {
                guard let g = groupOf[centre] else { continue }
                groups[g.code, default: (g, Tally())].tally = groups[g.code, default: (g, Tally())].tally + tally
            }
            let title = c.courseTitle(course)
            let total = groups.values.reduce(Tally()) { $0 + $1.tally }
            // The codes are sorted, not the (area, tally) pairs: at national size a course has
            // thousands of rows, and moving the pairs cost more than comparing their keys.
            for (_, code) in groups.keys.map({ (c.tree.sortKey($0), $0) }).sorted(by: <) {
                guard let entry = groups[code] else { continue }
                report.append(
                    row(title, code, entry.node.name, t.level(entry.node.level), entry.tally), key: "\(course)|\(code)")
            }
            report.append(row(title, "", t.total, "", total), key: "\(course)|*")
            chartLabels.append(title)
            chartValues.append(ReportValue.percent(total.completed, of: total.enrolled).double ?? 0)
        }
        report.charts.append(
            ReportChart(
                title: t.pick("Tỉ lệ hoàn thành theo khoá học", "Completion rate by course"), style: .bars,
                unit: .percent,
                labels: chartLabels, series: [ChartSeries(name: t.pick("Tỉ lệ HT", "Completion"), values: chartValues)])
        )
        report.notes = notes(t)
        return report

        func row(_ course: String, _ code: String, _ name: String, _ level: String, _ x: Tally) -> [ReportValue] {
            [
                .text(course), .text(code), .text(name), .text(level), .integer(x.enrolled), .integer(x.started),
                .integer(x.completed), .integer(x.passed), .percent(x.completed, of: x.enrolled),
                .decimal(x.medianDays),
            ]
        }
    }

    static func notes(_ t: ReportText) -> [String] {
        [
            t.pick(
                "Ghi danh: đã mở khoá học (lần đầu trong khoảng thời gian lọc). Bắt đầu: đã đọc hoặc trả lời ít nhất một mục. Hoàn thành: xong mọi bài của khoá. Đạt KT cuối: đạt bài kiểm tra cuối khoá (không tính luyện tập).",
                "Enrolled: opened the course (first time within the date filter). Started: read or answered at least one item. Completed: finished every lesson. Passed: passed the final quiz (practice excluded)."
            ),
            t.pick(
                "Tỉ lệ HT = hoàn thành ÷ ghi danh. Trung vị: số ngày từ lần mở đầu tiên đến khi hoàn thành, tính theo giờ tròn.",
                "Completion = completed ÷ enrolled. Median: days from first opening to completion, counted in whole hours."
            ),
        ]
    }
}
