import CSVText
import CommandSupport
import Foundation
import Localization
import ProgressStore

/// What `hocso center group …` says, in Vietnamese and English.
enum GroupCommandText {
    static let nobodyToAdd = Phrase(
        vi: "hãy ghi mã người học, --csv TỆP hoặc --signed-in-today",
        en: "give learner codes, --csv FILE or --signed-in-today")
    static let noGroups = Phrase(
        vi: "chưa có nhóm nào; tạo bằng `hocso center group create TÊN --facilitator NGƯỜI`",
        en: "no groups yet; create one with `hocso center group create NAME --facilitator PERSON`")

    static let boardNeedsTerminal = Phrase(
        vi: "bảng theo dõi cần một cửa sổ dòng lệnh; dùng --once để in một lần",
        en: "the board needs a terminal window; use --once to print it once")
    static func cannotWrite(_ path: String) -> Phrase {
        Phrase(vi: "không ghi được tệp '\(path)'", en: "cannot write the file '\(path)'")
    }
    static func wrote(_ path: String) -> Phrase { Phrase(vi: "đã ghi \(path)", en: "wrote \(path)") }

    static func created(_ group: StudyGroup) -> Phrase {
        Phrase(
            vi: "đã tạo nhóm \(safe(group.name)) (mã \(group.id)), người phụ trách: \(safe(group.facilitator))",
            en: "created the group \(safe(group.name)) (id \(group.id)), facilitator: \(safe(group.facilitator))")
    }

    static func added(_ codes: [String], to group: StudyGroup) -> Phrase {
        let list = codes.isEmpty ? "" : ": " + codes.joined(separator: ", ")
        return Phrase(
            vi:
                "đã thêm \(codes.count) người học vào nhóm \(safe(group.name))\(list); nhóm có \(group.memberCount) người",
            en: "added \(codes.count) learner(s) to \(safe(group.name))\(list); the group has \(group.memberCount)")
    }

    static func removed(_ codes: [String], from group: StudyGroup) -> Phrase {
        Phrase(
            vi: "đã đưa \(codes.count) người học ra khỏi nhóm \(safe(group.name)); nhóm còn \(group.memberCount) người",
            en: "took \(codes.count) learner(s) out of \(safe(group.name)); the group has \(group.memberCount) left")
    }

    static func assigned(_ assignment: GroupAssignment, to group: StudyGroup) -> Phrase {
        let dueVi = assignment.due.map { ", hạn \($0)" } ?? ""
        let dueEn = assignment.due.map { ", due \($0)" } ?? ""
        return Phrase(
            vi: "đã giao \(assignment.target) cho nhóm \(safe(group.name))\(dueVi)",
            en: "assigned \(assignment.target) to \(safe(group.name))\(dueEn)")
    }

    static func unassigned(_ target: String, found: Bool) -> Phrase {
        found
            ? Phrase(vi: "đã bỏ bài giao \(target)", en: "took back the assignment \(target)")
            : Phrase(vi: "nhóm không được giao \(target)", en: "the group was not assigned \(target)")
    }

    static func badTarget(_ text: String) -> Phrase {
        Phrase(
            vi: "'\(safe(text))' không phải KHOÁ_HỌC hoặc KHOÁ_HỌC/BÀI (mã chữ thường không dấu)",
            en: "'\(safe(text))' is not COURSE or COURSE/LESSON (lowercase ids)")
    }

    static func listLine(_ group: StudyGroup) -> Phrase {
        let schedule = group.schedule.map { " — \(safe($0))" } ?? ""
        return Phrase(
            vi:
                "\(group.id)\t\(safe(group.name))\t\(safe(group.facilitator))\t\(group.memberCount) người, \(group.assignmentCount) bài giao\(schedule)",
            en:
                "\(group.id)\t\(safe(group.name))\t\(safe(group.facilitator))\t\(group.memberCount) learner(s), \(group.assignmentCount) assignment(s)\(schedule)"
        )
    }

    static func detail(_ group: StudyGroup, members: [Learner], assignments: [GroupAssignment]) -> [Phrase] {
        var lines = [
            Phrase(vi: "Nhóm: \(safe(group.name)) (mã \(group.id))", en: "Group: \(safe(group.name)) (id \(group.id))"),
            Phrase(vi: "Người phụ trách: \(safe(group.facilitator))", en: "Facilitator: \(safe(group.facilitator))"),
        ]
        if let schedule = group.schedule {
            lines.append(Phrase(vi: "Lịch: \(safe(schedule))", en: "Schedule: \(safe(schedule))"))
        }
        lines.append(Phrase(vi: "Thành viên (\(members.count)):", en: "Members (\(members.count)):"))
        for learner in members { lines.append(.verbatim("  \(learner.code)\t\(safe(learner.displayName))")) }
        lines.append(Phrase(vi: "Bài được giao (\(assignments.count)):", en: "Assignments (\(assignments.count)):"))
        for a in assignments {
            lines.append(
                Phrase(
                    vi: "  \(a.target)" + (a.due.map { "\thạn \($0)" } ?? ""),
                    en: "  \(a.target)" + (a.due.map { "\tdue \($0)" } ?? "")))
        }
        return lines
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The learner codes in a CSV file: the column headed `ma`/`mã`/`code`, else the first column.
    static func codes(inCSV path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(CentreText.cannotRead(path))
        }
        let records: [CSVText.Record]
        do {
            records = try CSVText.records(data)
        } catch {
            throw Failure(
                Phrase(
                    vi: "\(path): tệp không phải CSV UTF-8 đọc được", en: "\(path): the file is not readable UTF-8 CSV")
            )
        }
        guard let header = records.first else { return [] }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if let column = names.firstIndex(where: { ["ma", "mã", "code", "ma_hoc_vien"].contains($0) }) {
            return records.dropFirst().compactMap { $0.fields.indices.contains(column) ? $0.fields[column] : nil }
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        return records.compactMap(\.fields.first).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    private static func safe(_ text: String) -> String { ControlCharacters.replaced(in: text) }
}
