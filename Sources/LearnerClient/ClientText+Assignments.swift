import Localization
import ProgressStore

extension ClientText {
    /// Said beside a course the learner's group was asked to study, with its due day when set.
    static func assigned(_ assignment: GroupAssignment) -> Phrase {
        guard let due = assignment.due, let day = dayMonthYear(due) else {
            return p("nhóm của bạn được giao học", "assigned to your group")
        }
        return p("nhóm của bạn được giao, hạn ngày \(day)", "assigned to your group, due \(day)")
    }

    /// `2026-12-15` as `15/12/2026`, the way dates are written in Vietnam.
    private static func dayMonthYear(_ iso: String) -> String? {
        let parts = iso.split(separator: "-")
        guard parts.count == 3 else { return nil }
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }
}
