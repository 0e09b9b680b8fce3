/// The facts of a `group.created` event: the group's id, its name and who runs it.
public struct GroupFacts: Sendable, Hashable, Codable {
    /// The group's id at its centre: lowercase ASCII letters, digits and hyphens (`phu-nu-thon-3`).
    public var group: String
    /// The name people call it (`Hội Phụ nữ thôn 3`).
    public var name: String
    /// Who runs its sessions.
    public var facilitator: String
    /// When it meets, in the facilitator's words (`thứ Ba 14:00`), when given.
    public var schedule: String?

    /// Makes the facts.
    public init(group: String, name: String, facilitator: String, schedule: String? = nil) {
        self.group = group
        self.name = name
        self.facilitator = facilitator
        self.schedule = schedule
    }
}

/// The facts of a `group.member.*` or `group.assignment.*` event: which group, and a due date.
public struct GroupReference: Sendable, Hashable, Codable {
    /// The group's id.
    public var group: String
    /// The day an assignment is due (`2026-12-15`), for `group.assignment.added`.
    public var due: String?

    /// Makes the reference.
    public init(group: String, due: String? = nil) {
        self.group = group
        self.due = due
    }
}

extension Occurrence {
    /// The `learner` of an event about no learner (a group made, a course assigned): not a
    /// learner code, so it never names a learner at a centre or a hub.
    public static let noLearner = "-"

    /// A learner signed in at a client.
    public static func sessionStarted(learner: String, at: Int64) -> Occurrence {
        Occurrence(kind: .sessionStarted, learner: learner, occurredAt: at)
    }

    /// A learner signed out (or the client closed while signed in).
    public static func sessionEnded(learner: String, at: Int64) -> Occurrence {
        Occurrence(kind: .sessionEnded, learner: learner, occurredAt: at)
    }

    /// A group was made.
    public static func groupCreated(_ facts: GroupFacts, at: Int64) -> Occurrence {
        Occurrence(kind: .groupCreated, learner: noLearner, occurredAt: at, payload: .encoding(facts))
    }

    /// A learner joined `group`.
    public static func groupMemberAdded(group: String, learner: String, at: Int64) -> Occurrence {
        Occurrence(
            kind: .groupMemberAdded, learner: learner, occurredAt: at, payload: .encoding(GroupReference(group: group)))
    }

    /// A learner left `group`.
    public static func groupMemberRemoved(group: String, learner: String, at: Int64) -> Occurrence {
        Occurrence(
            kind: .groupMemberRemoved, learner: learner, occurredAt: at,
            payload: .encoding(GroupReference(group: group)))
    }

    /// A course, or one lesson of it, was assigned to `group`, due on `due` (ISO day) when given.
    public static func groupAssignmentAdded(
        group: String, course: String, lesson: String?, due: String?, at: Int64
    ) -> Occurrence {
        Occurrence(
            kind: .groupAssignmentAdded, learner: noLearner, occurredAt: at, courseId: course, lessonId: lesson,
            payload: .encoding(GroupReference(group: group, due: due)))
    }

    /// An assignment was taken back.
    public static func groupAssignmentRemoved(group: String, course: String, lesson: String?, at: Int64)
        -> Occurrence
    {
        Occurrence(
            kind: .groupAssignmentRemoved, learner: noLearner, occurredAt: at, courseId: course, lessonId: lesson,
            payload: .encoding(GroupReference(group: group)))
    }

    /// The facts of a `group.created` event.
    public var groupFacts: GroupFacts? {
        guard kind == .groupCreated else { return nil }
        return try? payload.decode(GroupFacts.self)
    }

    /// The group (and due day) a `group.member.*` or `group.assignment.*` event is about.
    public var groupReference: GroupReference? {
        guard kind.isAboutGroup, kind != .groupCreated else { return nil }
        return try? payload.decode(GroupReference.self)
    }

    /// Whether `id` has the form of a group id: 1–40 lowercase ASCII letters, digits or hyphens.
    public static func isGroupId(_ id: String) -> Bool {
        (1...40).contains(id.utf8.count)
            && id.utf8.allSatisfy {
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (48...57).contains($0)
                    || $0 == UInt8(ascii: "-")
            }
    }
}
