import CourseModel
import Foundation
import GRDB
import LearnerEvents
import Localization

extension CentreStore {
    /// Makes a group and records `group.created`. Its id comes from the name
    /// (`Hội Phụ nữ thôn 3` → `hoi-phu-nu-thon-3`); a name whose id is taken is refused.
    @discardableResult
    public func createGroup(name: String, facilitator: String, schedule: String? = nil) throws -> StudyGroup {
        let name = NewLearner.cleaned(name)
        let facilitator = NewLearner.cleaned(facilitator)
        let schedule = schedule.map(NewLearner.cleaned).flatMap { $0.isEmpty ? nil : $0 }
        guard (1...100).contains(name.count), !ControlCharacters.found(in: name) else {
            throw ProgressStoreError(.invalidGroup, field: "name", ProgressStoreText.badGroupName)
        }
        guard (1...100).contains(facilitator.count), !ControlCharacters.found(in: facilitator) else {
            throw ProgressStoreError(.invalidGroup, field: "facilitator", ProgressStoreText.badFacilitator)
        }
        if let schedule, schedule.count > 100 || ControlCharacters.found(in: schedule) {
            throw ProgressStoreError(.invalidGroup, field: "schedule", ProgressStoreText.badSchedule)
        }
        let id = Identifier.slug(name, limit: 40)
        guard !id.isEmpty else {
            throw ProgressStoreError(.invalidGroup, field: "name", ProgressStoreText.badGroupName)
        }
        return try storageErrors {
            try writeImmediate { db in
                if try Row.fetchOne(db, sql: "SELECT 1 FROM groups WHERE id = ?", arguments: [id]) != nil {
                    throw ProgressStoreError(.invalidGroup, field: "name", ProgressStoreText.groupExists(id))
                }
                let at = now()
                let facts = GroupFacts(group: id, name: name, facilitator: facilitator, schedule: schedule)
                _ = try append(.groupCreated(facts, at: at), recordedAt: at, db)
                return StudyGroup(id: id, name: name, facilitator: facilitator, schedule: schedule, createdAt: at)
            }
        }
    }

    /// Every group, by name.
    public func groups() throws -> [StudyGroup] {
        try storageErrors {
            try pool.read { db in try Row.fetchAll(db, sql: Self.groupSQL + " ORDER BY g.name, g.id").map(Self.group) }
        }
    }

    /// The group whose id or name is `reference` (names compared without regard to case).
    public func group(_ reference: String) throws -> StudyGroup {
        try storageErrors { try pool.read { db in try Self.group(reference, db) } }
    }

    /// Adds learners to a group, one `group.member.added` each, in one transaction: all or none.
    /// Returns the codes added; those already in the group are left as they are.
    @discardableResult
    public func addMembers(_ codes: [String], to reference: String) throws -> [String] {
        try storageErrors {
            try writeImmediate { db in
                let group = try Self.group(reference, db)
                let at = now()
                var added: [String] = []
                for code in codes.map({ $0.trimmingCharacters(in: .whitespaces).uppercased() }) {
                    guard try Row.fetchOne(db, sql: "SELECT 1 FROM learners WHERE code = ?", arguments: [code]) != nil
                    else { throw ProgressStoreError(.unknownLearner, ProgressStoreText.unknownLearnerCode(code)) }
                    let member = try Row.fetchOne(
                        db, sql: "SELECT 1 FROM group_members WHERE group_id = ? AND learner = ?",
                        arguments: [group.id, code])
                    guard member == nil, !added.contains(code) else { continue }
                    _ = try append(.groupMemberAdded(group: group.id, learner: code, at: at), recordedAt: at, db)
                    added.append(code)
                }
                return added
            }
        }
    }

    /// Takes learners out of a group, one `group.member.removed` each; returns the codes removed.
    @discardableResult
    public func removeMembers(_ codes: [String], from reference: String) throws -> [String] {
        try storageErrors {
            try writeImmediate { db in
                let group = try Self.group(reference, db)
                let at = now()
                var removed: [String] = []
                for code in codes.map({ $0.trimmingCharacters(in: .whitespaces).uppercased() }) {
                    let member = try Row.fetchOne(
                        db, sql: "SELECT 1 FROM group_members WHERE group_id = ? AND learner = ?",
                        arguments: [group.id, code])
                    guard member != nil else { continue }
                    _ = try append(.groupMemberRemoved(group: group.id, learner: code, at: at), recordedAt: at, db)
                    removed.append(code)
                }
                return removed
            }
        }
    }

    /// The learners in a group, by name.
    public func members(of reference: String) throws -> [Learner] {
        try storageErrors {
            try pool.read { db in
                let group = try Self.group(reference, db)
                return try Row.fetchAll(
                    db,
                    sql: """
                        SELECT l.* FROM group_members m JOIN learners l ON l.code = m.learner
                        WHERE m.group_id = ? ORDER BY l.display_name, l.code
                        """, arguments: [group.id]
                ).map(Self.learner(from:))
            }
        }
    }

    /// Assigns a course (or one lesson) to a group, due on `due` (`YYYY-MM-DD`) when given, and
    /// records `group.assignment.added`. Assigning it again changes the due day.
    @discardableResult
    public func assign(course: String, lesson: String? = nil, due: String? = nil, to reference: String) throws
        -> GroupAssignment
    {
        guard Identifier.isValid(course), lesson.map(Identifier.isValid) ?? true else {
            throw ProgressStoreError(.invalidGroup, field: "course", ProgressStoreText.badAssignmentTarget)
        }
        if let due, !GroupAssignment.isDay(due) {
            throw ProgressStoreError(.invalidGroup, field: "due", ProgressStoreText.badDueDay(due))
        }
        return try storageErrors {
            try writeImmediate { db in
                let group = try Self.group(reference, db)
                let at = now()
                _ = try append(
                    .groupAssignmentAdded(group: group.id, course: course, lesson: lesson, due: due, at: at),
                    recordedAt: at, db)
                return GroupAssignment(group: group.id, course: course, lesson: lesson, due: due)
            }
        }
    }

    /// Takes an assignment back (`group.assignment.removed`); false when it was not assigned.
    @discardableResult
    public func unassign(course: String, lesson: String? = nil, from reference: String) throws -> Bool {
        try storageErrors {
            try writeImmediate { db in
                let group = try Self.group(reference, db)
                let found = try Row.fetchOne(
                    db, sql: "SELECT 1 FROM group_assignments WHERE group_id = ? AND course_id = ? AND lesson_id = ?",
                    arguments: [group.id, course, lesson ?? ""])
                guard found != nil else { return false }
                let at = now()
                _ = try append(
                    .groupAssignmentRemoved(group: group.id, course: course, lesson: lesson, at: at), recordedAt: at,
                    db)
                return true
            }
        }
    }

    /// A group's assignments: the soonest due first, then those without a day, by course.
    public func assignments(of reference: String) throws -> [GroupAssignment] {
        try storageErrors {
            try pool.read { db in
                let group = try Self.group(reference, db)
                return try Row.fetchAll(
                    db, sql: "SELECT * FROM group_assignments WHERE group_id = ? " + Self.assignmentOrder,
                    arguments: [group.id]
                ).map(Self.assignment)
            }
        }
    }

    /// What a learner's groups are assigned, soonest due first; one row per course or lesson
    /// (the earliest due day when two groups assign the same).
    public func assignments(learner code: String) throws -> [GroupAssignment] {
        try storageErrors {
            try pool.read { db in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT a.* FROM group_assignments a JOIN group_members m ON m.group_id = a.group_id
                        WHERE m.learner = ?
                        """ + Self.assignmentOrder, arguments: [code.uppercased()])
                var seen: Set<String> = []
                return rows.map(Self.assignment).filter { seen.insert($0.target).inserted }
            }
        }
    }

    /// The codes of learners who signed in (`session.started`) at or after `since` (ms since
    /// 1970 UTC), in the order they first did.
    public func learnersSignedIn(since: Int64) throws -> [String] {
        try storageErrors {
            try pool.read { db in
                let first = try Self.firstSeq(recordedAtOrAfter: since, node: nodeId, db)
                let codes = try String.fetchAll(
                    db,
                    sql: """
                        SELECT learner FROM events
                        WHERE node_id = ? AND seq >= ? AND kind = 'session.started' AND occurred_at >= ?
                        ORDER BY seq
                        """, arguments: [nodeId, first, since])
                var seen: Set<String> = []
                return codes.filter { seen.insert($0).inserted }
            }
        }
    }

    /// The first seq recorded at or after `time` (one past the last when none was): a binary search
    /// down the primary key, since recording times never run backwards against seq.
    static func firstSeq(recordedAtOrAfter time: Int64, node: String, _ db: Database) throws -> Int64 {
        let last =
            try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM events WHERE node_id = ?", arguments: [node])
            ?? 0
        var low: Int64 = 1
        var high = last + 1
        let probe = try db.cachedStatement(sql: "SELECT recorded_at FROM events WHERE node_id = ? AND seq = ?")
        while low < high {
            let middle = low + (high - low) / 2
            let recorded = try Int64.fetchOne(probe, arguments: [node, middle]) ?? Int64.max
            if recorded >= time { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private static let groupSQL = """
        SELECT g.*, (SELECT count(*) FROM group_members m WHERE m.group_id = g.id) AS members,
            (SELECT count(*) FROM group_assignments a WHERE a.group_id = g.id) AS assignments
        FROM groups g
        """

    private static let assignmentOrder = "ORDER BY due IS NULL, due, course_id, lesson_id"

    static func group(_ reference: String, _ db: Database) throws -> StudyGroup {
        let cleaned = NewLearner.cleaned(reference)
        if let row = try Row.fetchOne(db, sql: groupSQL + " WHERE g.id = ?", arguments: [cleaned]) {
            return group(from: row)
        }
        // Names: Swift compares, so `ộ` and `Ộ` match as SQLite's ASCII-only lower() would not.
        let rows = try Row.fetchAll(db, sql: groupSQL)
        if let row = rows.first(where: { ($0["name"] as String).lowercased() == cleaned.lowercased() }) {
            return group(from: row)
        }
        throw ProgressStoreError(.invalidGroup, field: "group", ProgressStoreText.unknownGroup(reference))
    }

    private static func group(from row: Row) -> StudyGroup {
        StudyGroup(
            id: row["id"], name: row["name"], facilitator: row["facilitator"], schedule: row["schedule"],
            createdAt: row["created_at"], memberCount: row["members"], assignmentCount: row["assignments"])
    }

    private static func assignment(from row: Row) -> GroupAssignment {
        let lesson: String = row["lesson_id"]
        return GroupAssignment(
            group: row["group_id"], course: row["course_id"], lesson: lesson.isEmpty ? nil : lesson, due: row["due"])
    }
}

extension CentreStore {
    /// The first seq this centre recorded at or after `time` (ms since 1970 UTC); one past the
    /// last when nothing was. Cheap: about twenty lookups whatever the log's length.
    public func firstSeq(recordedAtOrAfter time: Int64) throws -> Int64 {
        try storageErrors { try pool.read { db in try Self.firstSeq(recordedAtOrAfter: time, node: nodeId, db) } }
    }
}
