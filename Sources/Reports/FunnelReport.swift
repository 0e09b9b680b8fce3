import HubStore

/// Per course: opened → each lesson completed → final quiz passed.
enum FunnelReport {
    static func build(_ c: ReportContext, _ source: any ReportSource) throws -> Report {
        let t = c.text
        let q = c.query
        var report = Report(
            kind: .funnel, language: q.language, title: t.title(.funnel), filters: c.filters(),
            columns: [
                ReportColumn("course", t.pick("Khoá học", "Course"), .text),
                ReportColumn("step", t.pick("Bước", "Step"), .integer),
                ReportColumn("stage", t.pick("Giai đoạn", "Stage"), .text),
                ReportColumn("learners", t.pick("Người học", "Learners"), .integer),
                ReportColumn("of_opened", t.pick("% so với mở", "% of opened"), .percent),
                ReportColumn("of_previous", t.pick("% so với bước trước", "% of previous"), .percent),
            ])
        report.notes = [
            t.pick(
                "Nhóm người học: những người mở khoá học lần đầu trong khoảng thời gian lọc; mỗi bước đếm người đã qua bước đó trước ngày cuối. Bài không có trong nội dung khoá hiện tại được xếp sau cùng.",
                "Cohort: learners who first opened the course within the date filter; each stage counts those who reached it by the last day. Lessons not in the current course outline come last."
            )
        ]
        guard !c.countsNothing else { return report }
        var opened: [String: Int] = [:]
        var passed: [String: Int] = [:]
        for x in try source.completion(c.filter) {
            opened[x.course, default: 0] += x.enrolled
            passed[x.course, default: 0] += x.passed
        }
        var lessons: [String: [String: Int]] = [:]
        for x in try source.lessonCompletions(c.filter) {
            lessons[x.course, default: [:]][x.lesson, default: 0] += x.learners
        }
        for course in c.courseOrder {
            let outline = c.outlines[course] ?? CourseOutline(bareId: course)
            let title = c.courseTitle(course)
            let start = opened[course] ?? 0
            var stages: [(String, String, Int)] = [("opened", t.pick("Mở khoá học", "Opened the course"), start)]
            let done = lessons[course] ?? [:]
            var known = Set<String>()
            for (i, lesson) in outline.lessons.enumerated() {
                known.insert(lesson.id)
                let label = t.pick("Xong bài \(i + 1): \(lesson.title)", "Lesson \(i + 1) done: \(lesson.title)")
                stages.append((lesson.id, label, done[lesson.id] ?? 0))
            }
            for id in done.keys.sorted() where !known.contains(id) {
                stages.append((id, t.pick("Xong bài \(id)", "Lesson \(id) done"), done[id] ?? 0))
            }
            stages.append(("passed", t.pick("Đạt kiểm tra cuối khoá", "Passed the final quiz"), passed[course] ?? 0))
            var previous = start
            var labels: [String] = []
            var values: [Double] = []
            for (n, stage) in stages.enumerated() {
                report.append(
                    [
                        .text(title), .integer(n), .text(stage.1), .integer(stage.2), .percent(stage.2, of: start),
                        n == 0 ? .none : .percent(stage.2, of: previous),
                    ], key: "\(course)|\(stage.0)")
                previous = stage.2
                labels.append(stage.1)
                values.append(Double(stage.2))
            }
            report.charts.append(
                ReportChart(
                    title: title, style: .bars, unit: .integer, labels: labels,
                    series: [ChartSeries(name: t.pick("Người học", "Learners"), values: values)]))
        }
        return report
    }
}
