import LearnerEvents
import ProgressStore

extension LearnerApp {
    /// The signed-in learner's assignments by course id, each with its place in the order the
    /// backend gave (soonest due first); a course assigned twice keeps its first.
    func assignedCourses() -> [String: (order: Int, assignment: GroupAssignment)] {
        guard let learner, let list = try? backend.assignments(learner: learner.code) else { return [:] }
        var byCourse: [String: (order: Int, assignment: GroupAssignment)] = [:]
        for (order, assignment) in list.enumerated() where byCourse[assignment.course] == nil {
            byCourse[assignment.course] = (order, assignment)
        }
        return byCourse
    }

    /// Where a course goes in the list: assigned ones first in their order, then the rest, self-checks last.
    func rank(_ listing: CourseListing, _ assigned: [String: (order: Int, assignment: GroupAssignment)]) -> Int {
        if let order = assigned[listing.id]?.order { return order - 1_000_000 }
        return listing.isSelfCheck ? 1 : 0
    }
}
