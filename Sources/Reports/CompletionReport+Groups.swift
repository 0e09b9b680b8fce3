import HubStore

extension CompletionReport {
    /// Completion per course, centre and study group (`--by group`): each group's current
    /// members who first opened the course in the range. No total row: one learner may be in
    /// two groups.
    static func buildByGroup(_ c: ReportContext, _ source: any ReportSource) throws -> Report {
        let t = c.text
        var report = Report(
            kind: .completion, language: c.query.language, title: t.title(.completion),
            filters: c.filters(extra: [
                ReportFilter(label: t.pick("Nhóm theo", "Grouped by"), value: t.pick("nhóm học", "study group"))
            ]),
            columns: [
                ReportColumn("course", t.pick("Khoá học", "Course"), .text),
                ReportColumn("area_code", t.pick("Mã", "Code"), .text),
                ReportColumn("area", t.pick("Trung tâm", "Centre"), .text),
                ReportColumn("group_id", t.pick("Mã nhóm", "Group id"), .text),
                ReportColumn("group", t.pick("Nhóm học", "Study group"), .text),
                ReportColumn("enrolled", t.pick("Ghi danh", "Enrolled"), .integer),
                ReportColumn("started", t.pick("Bắt đầu", "Started"), .integer),
                ReportColumn("completed", t.pick("Hoàn thành", "Completed"), .integer),
                ReportColumn("passed", t.pick("Đạt KT cuối", "Passed"), .integer),
                ReportColumn("completion_rate", t.pick("Tỉ lệ HT", "Completion"), .percent),
            ])
        let counts = c.courseOrder.isEmpty || c.countsNothing ? [] : try source.groupCompletion(c.filter)
        for course in c.courseOrder {
            let title = c.courseTitle(course)
            let rows = counts.filter { $0.course == course }.compactMap { x in c.group(x.place).map { (x, $0) } }
            let sorted = rows.sorted {
                (c.tree.sortKey($0.1.code), $0.0.groupName, $0.0.group) < (
                    c.tree.sortKey($1.1.code), $1.0.groupName, $1.0.group
                )
            }
            for (x, centre) in sorted {
                report.append(
                    [
                        .text(title), .text(centre.code), .text(centre.name), .text(x.group), .text(x.groupName),
                        .integer(x.enrolled), .integer(x.started), .integer(x.completed), .integer(x.passed),
                        .percent(x.completed, of: x.enrolled),
                    ], key: "\(course)|\(centre.code)|\(x.group)")
            }
        }
        report.notes =
            [notes(t)[0]] + [
                t.pick(
                    "Nhóm học do trung tâm lập (`hocso center group`); chỉ tính thành viên hiện tại của nhóm.",
                    "Study groups are made at the centres (`hocso center group`); only current members count.")
            ]
        return report
    }
}
