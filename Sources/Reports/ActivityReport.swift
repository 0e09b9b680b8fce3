import HubStore

/// Active learners and answers per period (day, week, month) and area.
enum ActivityReport {
    static func build(_ c: ReportContext, _ source: any ReportSource) throws -> Report {
        let t = c.text
        let q = c.query
        var report = Report(
            kind: .activity, language: q.language, title: t.title(.activity),
            filters: c.filters(extra: [
                ReportFilter(label: t.pick("Nhóm theo", "Grouped by"), value: t.level(q.by)),
                ReportFilter(label: t.pick("Kỳ", "Period"), value: periodName(q.period, t)),
            ]),
            columns: [
                ReportColumn("period", t.pick("Kỳ", "Period"), .text),
                ReportColumn("area_code", t.pick("Mã", "Code"), .text),
                ReportColumn("area", t.pick("Địa bàn", "Area"), .text),
                ReportColumn("active_learners", t.pick("Người học hoạt động", "Active learners"), .integer),
                ReportColumn("answers", t.pick("Câu trả lời", "Answers"), .integer),
            ])
        report.notes = [
            t.pick(
                "Người học hoạt động: có ít nhất một sự kiện học tập trong kỳ (giờ Việt Nam). Câu trả lời: mọi câu đã nộp, kể cả luyện tập. Một người học thuộc đúng một trung tâm, nên số của địa bàn là tổng số của các trung tâm.",
                "Active learners: at least one learning event in the period (Vietnam time). Answers: every answer submitted, practice included. A learner belongs to one centre, so an area's figures are the sum of its centres'."
            )
        ]
        guard !c.countsNothing else { return report }
        if q.course != nil {
            report.notes.append(
                t.pick(
                    "Bộ lọc khoá học không áp dụng cho báo cáo này.", "The course filter does not apply to this report."
                ))
        }
        let counts = try source.activity(
            places: c.allowed, fromDay: q.from?.day ?? Int.min, toDay: q.to?.day ?? Int.max, period: q.period)
        var cells: [Int: [String: (node: AreaNode, learners: Int, answers: Int)]] = [:]
        var totals: [Int: (learners: Int, answers: Int)] = [:]
        for count in counts {
            let (bucket, learners, answers) = (count.day, count.learners, count.answers)
            guard let g = c.group(count.place) else { continue }
            var cell = cells[bucket, default: [:]][g.code] ?? (g, 0, 0)
            cell.learners += learners
            cell.answers += answers
            cells[bucket, default: [:]][g.code] = cell
            totals[bucket, default: (0, 0)].learners += learners
            totals[bucket, default: (0, 0)].answers += answers
        }
        var labels: [String] = []
        var active: [Double] = []
        for bucket in cells.keys.sorted() {
            let label = periodLabel(LocalDate(day: bucket), q.period)
            for (code, cell) in (cells[bucket] ?? [:]).sorted(by: { c.tree.sortKey($0.key) < c.tree.sortKey($1.key) }) {
                report.append(
                    [
                        .text(label), .text(code), .text(cell.node.name), .integer(cell.learners),
                        .integer(cell.answers),
                    ], key: code)
            }
            let total = totals[bucket] ?? (0, 0)
            report.append(
                [.text(label), .text(""), .text(t.total), .integer(total.learners), .integer(total.answers)], key: "*")
            labels.append(label)
            active.append(Double(total.learners))
        }
        report.charts.append(
            ReportChart(
                title: t.pick("Người học hoạt động theo kỳ", "Active learners per period"), style: .columns,
                unit: .integer,
                labels: labels,
                series: [ChartSeries(name: t.pick("Người học hoạt động", "Active learners"), values: active)]))
        return report
    }

    static func periodName(_ p: ReportPeriod, _ t: ReportText) -> String {
        switch p {
        case .day: t.pick("ngày", "day")
        case .week: t.pick("tuần", "week")
        case .month: t.pick("tháng", "month")
        }
    }

    /// `2025-04-07` for a day or the Monday of a week, `2025-04` for a month.
    static func periodLabel(_ d: LocalDate, _ p: ReportPeriod) -> String {
        switch p {
        case .day, .week: d.description
        case .month: String(d.description.prefix(7))
        }
    }
}
