import HubStore

/// Learners to follow up, per centre: a run of wrong answers, or stalled for N days.
enum NeedsHelpReport {
    /// Without `--from`, learners whose last activity is older than this are left out: they
    /// are gone, not stuck, and a list of thousands helps nobody.
    static let defaultWindowDays = 90

    static func build(_ c: ReportContext, _ source: any ReportSource) throws -> Report {
        let t = c.text
        let q = c.query
        let latest = try source.latestActivity().map(LocalDate.init(millis:))
        let asOf = q.asOf ?? q.to ?? latest ?? LocalDate(day: 0)
        let windowStart = q.from ?? asOf.adding(days: -defaultWindowDays)
        let stalledBefore = asOf.adding(days: 1 - q.stalledDays).startMillis
        var report = Report(
            kind: .needsHelp, language: q.language, title: t.title(.needsHelp),
            filters: c.filters(extra: [
                ReportFilter(label: t.pick("Tính đến ngày", "As of"), value: asOf.description),
                ReportFilter(
                    label: t.pick("Tiêu chí", "Criteria"),
                    value: t.pick(
                        "sai liên tiếp ≥ \(q.wrongRun) câu, hoặc không học ≥ \(q.stalledDays) ngày",
                        "≥ \(q.wrongRun) wrong answers in a row, or inactive ≥ \(q.stalledDays) days")),
            ]),
            columns: [
                ReportColumn("centre", t.pick("Trung tâm", "Centre"), .text),
                ReportColumn("commune", t.pick("Xã", "Commune"), .text),
                ReportColumn("learner", t.pick("Mã người học", "Learner code"), .text),
                ReportColumn("name", t.pick("Họ tên", "Name"), .text),
                ReportColumn("course", t.pick("Khoá học", "Course"), .text),
                ReportColumn("reason", t.pick("Lý do", "Reason"), .text),
                ReportColumn("wrong_in_a_row", t.pick("Sai liên tiếp", "Wrong in a row"), .integer),
                ReportColumn("days_inactive", t.pick("Số ngày không học", "Days inactive"), .integer),
                ReportColumn("last_active", t.pick("Lần học cuối", "Last active"), .text),
            ])
        report.notes = [
            t.pick(
                "Chỉ gồm người đã bắt đầu nhưng chưa hoàn thành khoá, có lần học cuối trong khoảng \(windowStart) – \(asOf). Sai liên tiếp: số câu trả lời sai liền nhau gần nhất trong khoá. Không học: số ngày từ lần học cuối đến ngày tính.",
                "Only learners who started but have not completed the course, last active between \(windowStart) and \(asOf). Wrong in a row: the latest run of wrong answers in the course. Inactive: days from the last activity to the as-of day."
            )
        ]
        guard !c.countsNothing, !c.courseOrder.isEmpty else { return report }
        let rows = try source.strugglingLearners(
            c.filter, activeFrom: windowStart.startMillis, activeTo: asOf.endMillis, wrongRun: q.wrongRun,
            stalledBefore: stalledBefore)
        struct Entry {
            var centre: AreaNode
            var commune: String
            var values: [ReportValue]
            var key: String
        }
        var entries: [Entry] = []
        for row in rows {
            let nodeId = row.place
            guard let centre = c.tree.nodes[nodeId] else { continue }
            let (code, name, course, wrong) = (row.learner, row.displayName, row.course, row.wrongStreak)
            let last = LocalDate(millis: row.lastActiveAt)
            let inactive = asOf.day - last.day
            var reasons: [String] = []
            if wrong >= q.wrongRun { reasons.append(t.pick("sai nhiều câu liên tiếp", "many wrong in a row")) }
            if inactive >= q.stalledDays { reasons.append(t.pick("ngừng học", "stalled")) }
            let commune = centre.parent.flatMap { c.tree.nodes[$0]?.name } ?? t.unattached
            entries.append(
                Entry(
                    centre: centre, commune: commune,
                    values: [
                        .text(centre.name), .text(commune), .text(code), .text(name ?? ""),
                        .text(c.courseTitle(course)),
                        .text(reasons.joined(separator: ", ")), .integer(wrong), .integer(inactive),
                        .text(last.description),
                    ], key: "\(nodeId)/\(code)|\(course)"))
        }
        entries.sort {
            (c.tree.sortKey($0.centre.code), $0.values[2].string ?? "", $0.key) < (
                c.tree.sortKey($1.centre.code), $1.values[2].string ?? "", $1.key
            )
        }
        var perCentre: [(String, Int)] = []
        for entry in entries {
            report.append(entry.values, key: entry.key)
            if perCentre.last?.0 == entry.centre.name {
                perCentre[perCentre.count - 1].1 += 1
            } else {
                perCentre.append((entry.centre.name, 1))
            }
        }
        let top = perCentre.sorted { $0.1 > $1.1 }.prefix(20)
        report.charts.append(
            ReportChart(
                title: t.pick(
                    "Số người cần hỗ trợ theo trung tâm (nhiều nhất)", "Learners needing help per centre (most)"),
                style: .bars, unit: .integer, labels: top.map(\.0),
                series: [ChartSeries(name: t.pick("Người học", "Learners"), values: top.map { Double($0.1) })]))
        return report
    }
}
