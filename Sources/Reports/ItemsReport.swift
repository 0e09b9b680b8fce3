import Foundation
import HubStore

/// Per question: attempts, right at first try, common wrong answers, hints, and flags for
/// questions that look broken.
enum ItemsReport {
    /// Below this share right at first try, a question is flagged as almost nobody right.
    static let hardShare = 20.0
    /// Flags need at least this many first tries, so a handful of answers flags nothing.
    static let minimumFirstTries = 20

    /// What one question collected.
    struct Counts {
        var attempts = 0
        var firstTries = 0
        var firstRight = 0
        var right = 0
        var withHints = 0
        var wrong: [String: Int] = [:]

        /// Adds another run of rows of the same question.
        mutating func add(_ other: Counts) {
            attempts += other.attempts
            firstTries += other.firstTries
            firstRight += other.firstRight
            right += other.right
            withHints += other.withHints
            wrong.merge(other.wrong, uniquingKeysWith: +)
        }
    }

    static func build(_ c: ReportContext, _ source: any ReportSource) throws -> Report {
        let t = c.text
        let q = c.query
        var report = Report(
            kind: .items, language: q.language, title: t.title(.items), filters: c.filters(),
            columns: [
                ReportColumn("course", t.pick("Khoá học", "Course"), .text),
                ReportColumn("lesson", t.pick("Bài", "Lesson"), .text),
                ReportColumn("question", t.pick("Mã câu", "Question"), .text),
                ReportColumn("prompt", t.pick("Câu hỏi", "Prompt"), .text),
                ReportColumn("attempts", t.pick("Lượt trả lời", "Attempts"), .integer),
                ReportColumn("first_tries", t.pick("Lần đầu", "First tries"), .integer),
                ReportColumn("first_try_correct", t.pick("Đúng lần đầu", "Right first try"), .percent),
                ReportColumn("hints_used", t.pick("Dùng gợi ý", "Used hints"), .percent),
                ReportColumn("common_wrong", t.pick("Sai nhiều nhất", "Most common wrong answers"), .text),
                ReportColumn("flags", t.pick("Cảnh báo", "Flags"), .text),
            ])
        report.notes = [
            t.pick(
                "Lượt trả lời: mọi câu trả lời được chấm (không tính luyện tập). Đúng lần đầu: tỉ lệ đúng ở lượt làm bài thứ nhất. Dùng gợi ý: tỉ lệ câu trả lời có xem ít nhất một gợi ý.",
                "Attempts: every graded answer (practice excluded). Right first try: share right in the learner's first attempt at the quiz. Used hints: share of answers after at least one hint."
            ),
            t.pick(
                "Cảnh báo khi có từ \(minimumFirstTries) lượt đầu trở lên: dưới \(Int(hardShare))% đúng lần đầu (hầu như không ai đúng), hoặc một câu trả lời sai được chọn nhiều hơn đáp án đúng.",
                "Flags, with at least \(minimumFirstTries) first tries: under \(Int(hardShare))% right at first try (almost nobody right), or one wrong answer given more often than the right one."
            ),
        ]
        guard !c.courseOrder.isEmpty, !c.countsNothing else { return report }
        // Without dates the whole history counts; with dates, the answers given on those days.
        let days = q.from == nil && q.to == nil ? nil : (q.from?.day ?? Int.min)...(q.to?.day ?? Int.max)
        let counts = tally(try source.answerTallies(c.filter, days: days))
        // Rows in course order, then in the outline's question order, then unknown ids.
        var ordered: [(Item, String, String)] = []
        for course in c.courseOrder {
            let outline = c.outlines[course]
            let order = Dictionary(
                (outline?.lessons.flatMap(\.questions).map(\.id) ?? []).enumerated().map { ($1, $0) },
                uniquingKeysWith: { a, _ in a })
            let mine = counts.keys.filter { $0.course == course }
            ordered += mine.sorted {
                (order[$0.question] ?? Int.max, $0.question) < (order[$1.question] ?? Int.max, $1.question)
            }.map { ($0, course, $0.question) }
        }
        var labels: [String] = []
        var shares: [Double] = []
        for (item, course, questionId) in ordered {
            guard let x = counts[item] else { continue }
            let found = c.outlines[course]?.question(questionId)
            let wrongSorted = x.wrong.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            let common = wrongSorted.prefix(3).map { "\(label($0.key, found?.question)) (\(t.integer($0.value)))" }
            let share = ReportValue.percent(x.firstRight, of: x.firstTries)
            var flags: [String] = []
            if x.firstTries >= minimumFirstTries {
                if let s = share.double, s < hardShare {
                    flags.append(t.pick("hầu như không ai đúng", "almost nobody right"))
                }
                if let top = wrongSorted.first, top.value > x.right {
                    flags.append(
                        t.pick("đáp án sai được chọn nhiều hơn đáp án đúng", "a wrong answer beats the right one"))
                }
            }
            report.append(
                [
                    .text(c.courseTitle(course)), .text(found?.lesson.title ?? ""), .text(questionId),
                    .text(shorten(found?.question.prompt ?? "", 70)), .integer(x.attempts), .integer(x.firstTries),
                    share,
                    .percent(x.withHints, of: x.attempts), .text(common.joined(separator: "; ")),
                    .text(flags.joined(separator: "; ")),
                ], key: "\(course)|\(questionId)")
            labels.append(questionId)
            shares.append(share.double ?? 0)
        }
        report.charts.append(
            ReportChart(
                title: t.pick("Tỉ lệ đúng lần đầu theo câu hỏi", "Right at first try, by question"), style: .bars,
                unit: .percent, labels: labels,
                series: [ChartSeries(name: t.pick("Đúng lần đầu", "Right first try"), values: shares)]))
        return report
    }

    /// A question of a course.
    struct Item: Hashable {
        var course: String
        var question: String
    }

    /// Adds up the tallies per question. They come in runs of one question (the backend reads
    /// them in key order), so the dictionary is touched once per run, not once per row.
    static func tally(_ rows: [AnswerTally]) -> [Item: Counts] {
        var counts: [Item: Counts] = [:]
        var item: Item?
        var x = Counts()
        for row in rows {
            if item?.question != row.question || item?.course != row.course {
                if let item { counts[item, default: Counts()].add(x) }
                item = Item(course: row.course, question: row.question)
                x = Counts()
            }
            let n = row.answers
            x.attempts += n
            if row.firstTry { x.firstTries += n }
            if row.firstTry && row.correct { x.firstRight += n }
            if row.correct { x.right += n }
            if row.hinted { x.withHints += n }
            if !row.correct { x.wrong[row.response, default: 0] += n }
        }
        if let item { counts[item, default: Counts()].add(x) }
        return counts
    }

    /// A stored response (`{"choice":"id"}`, …) in the course's words.
    static func label(_ json: String, _ question: CourseOutline.Question?) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return shorten(json, 40)
        }
        let words = question?.labels ?? [:]
        func name(_ id: String) -> String { shorten(words[id] ?? id, 40) }
        if let id = object["choice"] as? String { return name(id) }
        if let ids = object["choices"] as? [String] {
            return ids.isEmpty ? "∅" : ids.map(name).joined(separator: " + ")
        }
        if let text = object["text"] as? String { return "“\(shorten(text, 40))”" }
        if let ids = object["order"] as? [String] {
            return ids.map { shorten(words[$0] ?? $0, 16) }.joined(separator: " → ")
        }
        if let pairs = object["pairs"] as? [String: String] {
            return pairs.keys.sorted().map {
                "\(shorten(words[$0] ?? $0, 14))=\(shorten(words[pairs[$0] ?? ""] ?? pairs[$0] ?? "", 14))"
            }
            .joined(separator: ", ")
        }
        return shorten(json, 40)
    }

    /// At most `limit` characters, with an ellipsis when cut.
    static func shorten(_ s: String, _ limit: Int) -> String {
        s.count <= limit ? s : String(s.prefix(limit - 1)) + "…"
    }
}
