import Foundation
import Localization
import ProgressStore

/// The attendance and progress sheet of one group's session day: who came and when, what each
/// finished, what to repeat next time, and how far each is with the group's assignments.
public struct SessionSheet: Sendable {
    /// One learner's line.
    public struct Row: Sendable, Equatable {
        /// The learner's code.
        public var code: String
        /// Their name.
        public var name: String
        /// Whether they came (signed in or studied that day).
        public var came: Bool
        /// First and last time seen, `HH:mm–HH:mm`, empty when absent.
        public var time: String
        /// Lessons (and courses) finished that day.
        public var finished: [String]
        /// Lessons to repeat or carry on next time.
        public var toRepeat: [String]
        /// Assignments done, of all the group's.
        public var assignmentsDone: Int
    }

    /// The group.
    public var group: StudyGroup
    /// The day, `YYYY-MM-DD`.
    public var day: String
    /// The group's assignments, with titles.
    public var assignments: [(target: String, title: String, due: String?)]
    /// One row per member, by code.
    public var rows: [Row]

    /// The sheet of `group` for the local day starting at `dayStart`, read from the centre
    /// database at `path` (read-only).
    public static func make(
        databaseAt path: URL, group reference: String, dayStart: Date, names: CourseNames, language: Language
    ) throws -> SessionSheet {
        let start = Int64(dayStart.timeIntervalSince1970 * 1000)
        let end = Int64(
            (Calendar.current.date(byAdding: .day, value: 1, to: dayStart) ?? dayStart)
                .timeIntervalSince1970 * 1000)
        let source = try BoardSource(databaseAt: path, group: reference, since: start, until: end)
        let store = source.store
        let group = try store.group(reference)
        let assignments = try store.assignments(of: group.id)
        let english = language == .en
        func title(_ key: String) -> String {
            let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return names.course(key, english: english) }
            return names.course(parts[0], english: english) + " › " + names.lesson(parts[1], in: parts[0])
        }
        var rows: [Row] = []
        for learner in source.shown {
            var finished = learner.lessonsDone.map(title)
            finished += learner.coursesDone.map { ConsoleText.courseDone(names.course($0, english: english))(language) }
            var toRepeat = learner.toRepeat.map(title)
            if let course = learner.course, let lesson = learner.lesson,
                !learner.lessonsDone.contains("\(course)/\(lesson)"),
                !learner.toRepeat.contains("\(course)/\(lesson)")
            {
                toRepeat.append(title("\(course)/\(lesson)"))
            }
            rows.append(
                Row(
                    code: learner.code, name: source.names[learner.code] ?? "", came: learner.came,
                    time: timeSpan(learner.firstSeenAt, learner.lastAt), finished: finished, toRepeat: toRepeat,
                    assignmentsDone: try doneCount(assignments, learner: learner.code, store)))
        }
        return SessionSheet(
            group: group, day: isoDay(dayStart),
            assignments: assignments.map { a in
                (
                    a.target, a.lesson.map { title("\(a.course)/\($0)") } ?? names.course(a.course, english: english),
                    a.due
                )
            }, rows: rows)
    }

    /// How many of `assignments` the learner has completed (a lesson, or a whole course).
    private static func doneCount(_ assignments: [GroupAssignment], learner: String, _ store: CentreStore) throws -> Int
    {
        let courses = try store.courseProgress(learner: learner)
        var done = 0
        for a in assignments {
            if let lesson = a.lesson {
                let lessons = try store.lessonProgress(learner: learner, course: a.course)
                if lessons.contains(where: { $0.lessonId == lesson && $0.status == .completed }) { done += 1 }
            } else if courses.contains(where: { $0.courseId == a.course && $0.status == .completed }) {
                done += 1
            }
        }
        return done
    }

    /// `YYYY-MM-DD` of a local day.
    public static func isoDay(_ date: Date) -> String {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    private static func timeSpan(_ from: Int64?, _ to: Int64?) -> String {
        guard let from, let to else { return "" }
        func hm(_ ms: Int64) -> String {
            let c = Calendar.current.dateComponents(
                [.hour, .minute], from: Date(timeIntervalSince1970: Double(ms) / 1000))
            return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
        }
        return "\(hm(from))–\(hm(to))"
    }
}
