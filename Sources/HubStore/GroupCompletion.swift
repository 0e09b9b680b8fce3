/// One course in one centre's study group: the group's members who first opened the course in
/// the window, and their milestones (as `CompletionCount` counts them).
public struct GroupCompletionCount: Sendable, Equatable {
    /// The course.
    public var course: String
    /// The place (the centre's node id).
    public var place: String
    /// The group's id at that centre.
    public var group: String
    /// The group's name.
    public var groupName: String
    /// Members who first opened the course in the window.
    public var enrolled: Int
    /// Of those, learners who read or answered something.
    public var started: Int
    /// Of those, learners who completed the course.
    public var completed: Int
    /// Of those, learners who passed the final quiz.
    public var passed: Int

    /// Makes a count.
    public init(
        course: String, place: String, group: String, groupName: String, enrolled: Int, started: Int, completed: Int,
        passed: Int
    ) {
        self.course = course
        self.place = place
        self.group = group
        self.groupName = groupName
        self.enrolled = enrolled
        self.started = started
        self.completed = completed
        self.passed = passed
    }
}

/// Where a study group's membership stands after one `group.*` event, as both backends fold it.
public enum GroupFold {
    /// The `group.*` kinds that change membership or names (assignments do not).
    public static let kinds = ["group.created", "group.member.added", "group.member.removed"]
}

extension ReportSource {
    /// No study groups: a source that holds only roll-ups (a national hub) knows none.
    public func groupCompletion(_ filter: AggregateFilter) throws -> [GroupCompletionCount] { [] }
}
