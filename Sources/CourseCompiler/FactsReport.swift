import CourseModel
import Foundation
import Localization

extension FactDate {
    /// The calendar day it is somewhere on Earth right now (UTC+14, where each day starts first),
    /// so a date an author wrote today, in any time zone, is never "in the future".
    public static func today(now: Date = Date()) -> FactDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 14 * 3600) ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return FactDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? FactDate(year: 2000, month: 1, day: 1)!
    }
}

/// What `hocso course facts` prints: every marked fact of some courses, with its place, sources
/// and age, and the warnings about facts.
public struct FactsReport: Sendable {
    /// One fact of one course, judged on the report's day.
    public struct Entry: Sendable, Equatable {
        /// The course it belongs to.
        public var course: String
        /// The fact.
        public var fact: Fact
        /// Whole months since it was checked.
        public var ageMonths: Int
        /// Days since it was checked.
        public var ageDays: Int
        /// Past its own limit (`max-age`, `facts_max_age`, or 12 months).
        public var isOverdue: Bool
        /// Older than the `--older-than` limit, when one was given.
        public var isOlderThanLimit: Bool
    }

    /// The day the facts are judged on.
    public var today: FactDate
    /// `--older-than`, in months.
    public var olderThanMonths: Int?
    /// Every fact, course by course in the order given.
    public var entries: [Entry]
    /// Diagnostics about facts (markers, ages, unmarked candidates), and every error of a course
    /// that could not be compiled.
    public var diagnostics: [Diagnostic]
    /// How many course folders were read.
    public var courseCount: Int

    /// Compiles every folder and collects its facts.
    public init(checking folders: [URL], today: FactDate = .today(), olderThanMonths: Int? = nil) {
        self.today = today
        self.olderThanMonths = olderThanMonths
        entries = []
        diagnostics = []
        courseCount = folders.count
        let compiler = CourseCompiler(today: today)
        for folder in folders {
            let result = compiler.compile(courseAt: folder)
            diagnostics += result.diagnostics.filter { $0.concernsFacts || $0.severity == .error }
            guard let course = result.course else { continue }
            for fact in course.facts {
                entries.append(
                    Entry(
                        course: course.id, fact: fact, ageMonths: fact.checked.months(until: today),
                        ageDays: fact.checked.days(until: today), isOverdue: fact.isOverdue(on: today),
                        isOlderThanLimit: olderThanMonths.map { fact.isOlder(thanMonths: $0, on: today) } ?? false))
            }
        }
    }

    /// Months in an age such as `6m`, `1y`, `18 tháng`.
    public static func months(_ text: String) -> Int? { FactAge.months(text) }

    /// Whether the command fails: an error, or a fact past its limit or older than `--older-than`.
    public var failed: Bool {
        diagnostics.contains { $0.severity == .error } || entries.contains { $0.isOverdue || $0.isOlderThanLimit }
    }

    /// `45 facts in 9 courses; 0 past their limit`.
    public var summaryLine: Phrase {
        let due = entries.filter { $0.isOverdue || $0.isOlderThanLimit }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let errors = diagnostics.filter { $0.severity == .error }.count
        func counted(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return Phrase(
            vi:
                "\(entries.count) dữ kiện trong \(courseCount) khoá học; \(due) quá hạn kiểm lại; \(errors) lỗi, \(warnings) cảnh báo",
            en:
                "\(counted(entries.count, "fact")) in \(counted(courseCount, "course")); \(due) past their limit; \(counted(errors, "error")), \(counted(warnings, "warning"))"
        )
    }
}
