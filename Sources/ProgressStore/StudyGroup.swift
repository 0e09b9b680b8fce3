import CourseModel
import Foundation

/// A study group at the centre: people who come to the same sessions with one facilitator.
public struct StudyGroup: Sendable, Equatable, Codable {
    /// Its id at the centre (`phu-nu-thon-3`), made from the name.
    public var id: String
    /// Its name (`Hội Phụ nữ thôn 3`).
    public var name: String
    /// Who runs its sessions.
    public var facilitator: String
    /// When it meets, in the facilitator's words.
    public var schedule: String?
    /// When it was made, ms since 1970 UTC.
    public var createdAt: Int64
    /// How many learners are in it.
    public var memberCount: Int
    /// How many courses or lessons it is assigned.
    public var assignmentCount: Int

    /// Makes a group value.
    public init(
        id: String, name: String, facilitator: String, schedule: String?, createdAt: Int64, memberCount: Int = 0,
        assignmentCount: Int = 0
    ) {
        self.id = id
        self.name = name
        self.facilitator = facilitator
        self.schedule = schedule
        self.createdAt = createdAt
        self.memberCount = memberCount
        self.assignmentCount = assignmentCount
    }
}

/// A course, or one lesson of it, assigned to a group.
public struct GroupAssignment: Sendable, Equatable, Hashable, Codable {
    /// The group's id.
    public var group: String
    /// The course.
    public var course: String
    /// The lesson, nil for the whole course.
    public var lesson: String?
    /// The day it is due (`2026-12-15`), when set.
    public var due: String?

    /// Makes an assignment.
    public init(group: String, course: String, lesson: String? = nil, due: String? = nil) {
        self.group = group
        self.course = course
        self.lesson = lesson
        self.due = due
    }

    /// `course` or `course/lesson`, as commands write it.
    public var target: String { lesson.map { "\(course)/\($0)" } ?? course }

    /// Reads `COURSE` or `COURSE/LESSON`; nil unless both parts are ids.
    public static func target(_ text: String) -> (course: String, lesson: String?)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), parts.allSatisfy(Identifier.isValid) else { return nil }
        return (parts[0], parts.count == 2 ? parts[1] : nil)
    }

    /// Whether `text` is a real calendar day written `YYYY-MM-DD`.
    public static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-").map(String.init)
        guard text.count == 10, parts.count == 3, parts.map(\.count) == [4, 2, 2],
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components) else { return false }
        return calendar.dateComponents([.year, .month, .day], from: date) == components
    }
}
