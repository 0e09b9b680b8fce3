import Foundation
import GRDB
import SQLiteSupport

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

    static func build(_ c: ReportContext, _ db: Database) throws -> Report {
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
        var items: [Int: (course: String, question: String)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, course_id, question_id FROM report_items") {
            let course: String = row[1]
            if c.courseOrder.contains(course) { items[row[0]] = (course, row[2]) }
        }
        guard !items.isEmpty, !c.allowed.isEmpty else { return report }
        let itemList = items.keys.sorted().map(String.init).joined(separator: ",")
        // Without dates the per-centre counts answer it; with dates, the answers themselves. The
        // counts are read in primary-key order and added up here rather than by GROUP BY, which
        // would sort every centre's rows of the course in a temporary B-tree first.
        let statement =
            q.from == nil && q.to == nil
            ? try db.makeStatement(
                sql: """
                    SELECT item, first_try, correct, hinted, response, answers FROM report_item_counts
                    WHERE item IN (\(itemList)) AND \(c.nodeFilter("node"))
                    """)
            : try db.makeStatement(
                sql: """
                    SELECT item, first_try, correct, hints > 0, ifnull(response, ''), count(*) FROM report_answers
                    WHERE item IN (\(itemList)) AND \(c.nodeFilter("node")) AND day >= ? AND day <= ?
                    GROUP BY item, first_try, correct, hints > 0, response
                    """)
        if q.from != nil || q.to != nil {
            statement.arguments = [q.from?.day ?? Int.min, q.to?.day ?? Int.max]
        }
        let counts = try tally(statement, db)
        // Rows in course order, then in the outline's question order, then unknown ids.
        var ordered: [(Int, String, String)] = []
        for course in c.courseOrder {
            let outline = c.outlines[course]
            let order = Dictionary(
                (outline?.lessons.flatMap(\.questions).map(\.id) ?? []).enumerated().map { ($1, $0) },
                uniquingKeysWith: { a, _ in a })
            let mine = items.filter { $0.value.course == course && counts[$0.key] != nil }
            ordered += mine.sorted {
                (order[$0.value.question] ?? Int.max, $0.value.question) < (
                    order[$1.value.question] ?? Int.max, $1.value.question
                )
            }.map { ($0.key, course, $0.value.question) }
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

    /// Adds up rows of (item, first try, correct, hinted, response, answers) per item, stepping
    /// the statement through SQLite's C API: a course has tens of thousands of such rows in a
    /// province, and decoding each through GRDB's `Row` costs more than SQLite reading it.
    static func tally(_ statement: Statement, _ db: Database) throws -> [Int: Counts] {
        var counts: [Int: Counts] = [:]
        var item = Int.min
        var x = Counts()
        try RawStatement(statement, db).forEachRow { row in
            let rowItem = row.int(0) ?? 0
            if rowItem != item {
                if item != Int.min { counts[item, default: Counts()].add(x) }
                item = rowItem
                x = Counts()
            }
            let firstTry = row.int64(1) != 0
            let correct = row.int64(2) != 0
            let hinted = row.int64(3) != 0
            let n = row.int(5) ?? 0
            x.attempts += n
            if firstTry { x.firstTries += n }
            if firstTry && correct { x.firstRight += n }
            if correct { x.right += n }
            if hinted { x.withHints += n }
            if !correct { x.wrong[row.text(4) ?? "", default: 0] += n }
        }
        if item != Int.min { counts[item, default: Counts()].add(x) }
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
