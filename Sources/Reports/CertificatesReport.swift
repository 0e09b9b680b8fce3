import HubStore

/// Certificates per course and area: issued in the date range, revoked since, still valid.
enum CertificatesReport {
    static func build(_ c: ReportContext, _ store: any HubStore) throws -> Report {
        let t = c.text
        var report = c.courseByAreaReport(
            .certificates,
            [
                ReportColumn("issued", t.pick("Đã cấp", "Issued"), .integer),
                ReportColumn("revoked", t.pick("Đã thu hồi", "Revoked"), .integer),
                ReportColumn("valid", t.pick("Còn hiệu lực", "Valid"), .integer),
            ])
        report.notes = [
            t.pick(
                "Đếm chứng nhận cấp trong khoảng thời gian lọc (theo ngày cấp), theo địa bàn của trung tâm cấp. Chứng nhận đã thu hồi vẫn tính vào cột “Đã cấp”.",
                "Counts certificates issued within the date filter (by the day of issue), by the area of the issuing centre. Revoked certificates still count as issued."
            )
        ]
        guard !c.countsNothing else { return report }
        var counts: [String: [String: (issued: Int, revoked: Int)]] = [:]
        for x in try store.certificateCounts(issuedFrom: c.query.fromMillis, before: c.query.toMillis)
        where c.query.course == nil || x.courseId == c.query.course {
            let sum = counts[x.courseId, default: [:]][x.place, default: (0, 0)]
            counts[x.courseId, default: [:]][x.place] = (sum.issued + x.issued, sum.revoked + x.revoked)
        }
        let courses = c.courseOrder + counts.keys.filter { !c.courseOrder.contains($0) }.sorted()
        var labels: [String] = []
        var valid: [Double] = []
        for course in courses {
            guard let byCentre = counts[course] else { continue }
            var groups: [String: (node: AreaNode, issued: Int, revoked: Int)] = [:]
            for (centre, count) in byCentre {
                guard let g = c.group(centre) else { continue }
                let sum = groups[g.code] ?? (g, 0, 0)
                groups[g.code] = (g, sum.issued + count.issued, sum.revoked + count.revoked)
            }
            guard !groups.isEmpty else { continue }
            let title = c.courseTitle(course)
            for (code, g) in groups.sorted(by: { c.tree.sortKey($0.key) < c.tree.sortKey($1.key) }) {
                report.append(
                    row(title, code, g.node.name, t.level(g.node.level), g.issued, g.revoked), key: "\(course)|\(code)")
            }
            let issued = groups.values.reduce(0) { $0 + $1.issued }
            let revoked = groups.values.reduce(0) { $0 + $1.revoked }
            report.append(row(title, "", t.total, "", issued, revoked), key: "\(course)|*")
            labels.append(title)
            valid.append(Double(issued - revoked))
        }
        if !labels.isEmpty {
            report.charts.append(
                ReportChart(
                    title: t.pick("Chứng nhận còn hiệu lực theo khoá học", "Valid certificates by course"),
                    style: .bars,
                    unit: .integer, labels: labels,
                    series: [ChartSeries(name: t.pick("Còn hiệu lực", "Valid"), values: valid)]))
        }
        return report

        func row(_ course: String, _ code: String, _ name: String, _ level: String, _ issued: Int, _ revoked: Int)
            -> [ReportValue]
        {
            [
                .text(course), .text(code), .text(name), .text(level), .integer(issued), .integer(revoked),
                .integer(issued - revoked),
            ]
        }
    }
}
