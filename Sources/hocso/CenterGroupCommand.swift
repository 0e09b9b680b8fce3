import ArgumentParser
import CSVText
import CommandSupport
import Foundation
import Localization
import ProgressStore

/// `hocso center group …`: study groups, their members and what they are asked to study.
struct CenterGroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "group",
        abstract: "Nhóm học: tạo, thêm người học, giao bài. Study groups: create, add learners, assign.",
        subcommands: [Create.self, Add.self, Remove.self, Assign.self, Unassign.self, List.self, Show.self])

    /// `hocso center group create NAME --facilitator F [--schedule S]`.
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "Tạo một nhóm học. Create a study group.")

        @OptionGroup var common: CenterCommand.Common
        @Argument(help: "Tên nhóm. The group's name.") var name: String
        @Option(help: "Người phụ trách. Who runs its sessions.") var facilitator: String
        @Option(help: "Lịch sinh hoạt (ví dụ \"thứ Ba 14:00\"). When it meets.") var schedule: String?

        func run() throws {
            let lang = common.language.language
            try reportingFailures(lang) {
                let group = try common.open().createGroup(name: name, facilitator: facilitator, schedule: schedule)
                Console.say(GroupCommandText.created(group), lang)
            }
        }
    }

    /// `hocso center group add G CODE… | --csv FILE | --signed-in-today`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract:
                "Thêm người học vào nhóm: theo mã, từ tệp CSV, hoặc những ai đã đăng nhập hôm nay. Add learners to a group."
        )

        @OptionGroup var common: CenterCommand.Common
        @Argument(help: "Tên hoặc mã nhóm. The group's name or id.") var group: String
        @Argument(help: "Mã người học. Learner codes.") var codes: [String] = []
        @Option(help: "Tệp CSV có cột mã người học (ma hoặc code). A CSV file with a code column.") var csv: String?
        @Flag(
            name: .customLong("signed-in-today"), help: "Những ai đã đăng nhập hôm nay. Everyone who signed in today.")
        var signedInToday = false

        func validate() throws {
            if codes.isEmpty && csv == nil && !signedInToday { throw ValidationError(GroupCommandText.nobodyToAdd.en) }
        }

        func run() throws {
            let lang = common.language.language
            try reportingFailures(lang) {
                let store = try common.open()
                var all = codes
                if let csv { all += try GroupCommandText.codes(inCSV: csv) }
                if signedInToday { all += try store.learnersSignedIn(since: ConsoleClock.startOfToday()) }
                let added = try store.addMembers(all, to: group)
                let target = try store.group(group)
                Console.say(GroupCommandText.added(added, to: target), lang)
            }
        }
    }

    /// `hocso center group remove G CODE…`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Đưa người học ra khỏi nhóm. Take learners out of a group.")

        @OptionGroup var common: CenterCommand.Common
        @Argument(help: "Tên hoặc mã nhóm. The group's name or id.") var group: String
        @Argument(help: "Mã người học. Learner codes.") var codes: [String]

        func run() throws {
            let lang = common.language.language
            try reportingFailures(lang) {
                let store = try common.open()
                let removed = try store.removeMembers(codes, from: group)
                Console.say(GroupCommandText.removed(removed, from: try store.group(group)), lang)
            }
        }
    }

    /// `hocso center group assign G COURSE[/LESSON] [--due DATE]`.
    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assign", abstract: "Giao một khoá học hoặc một bài cho nhóm. Assign a course or lesson.")

        @OptionGroup var common: CenterCommand.Common
        @Argument(help: "Tên hoặc mã nhóm. The group's name or id.") var group: String
        @Argument(help: "KHOÁ_HỌC hoặc KHOÁ_HỌC/BÀI. COURSE or COURSE/LESSON.") var target: String
        @Option(help: "Hạn, NĂM-THÁNG-NGÀY. Due day, YYYY-MM-DD.") var due: String?

        func validate() throws {
            guard GroupAssignment.target(target) != nil else {
                throw ValidationError(GroupCommandText.badTarget(target).en)
            }
        }

        func run() throws {
            let lang = common.language.language
            try reportingFailures(lang) {
                guard let (course, lesson) = GroupAssignment.target(target) else { return }
                let store = try common.open()
                let assignment = try store.assign(course: course, lesson: lesson, due: due, to: group)
                Console.say(GroupCommandText.assigned(assignment, to: try store.group(group)), lang)
            }
        }
    }

    /// `hocso center group unassign G COURSE[/LESSON]`.
    struct Unassign: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unassign", abstract: "Bỏ một bài đã giao. Take an assignment back.")

        @OptionGroup var common: CenterCommand.Common
        @Argument(help: "Tên hoặc mã nhóm. The group's name or id.") var group: String
        @Argument(help: "KHOÁ_HỌC hoặc KHOÁ_HỌC/BÀI. COURSE or COURSE/LESSON.") var target: String

        func run() throws {
            let lang = common.language.language
            try reportingFailures(lang) {
                guard let (course, lesson) = GroupAssignment.target(target) else {
                    throw Failure(GroupCommandText.badTarget(target))
                }
                let removed = try common.open().unassign(course: course, lesson: lesson, from: group)
                Console.say(GroupCommandText.unassigned(target, found: removed), lang)
            }
        }
    }

    /// `hocso center group list [--json]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Liệt kê nhóm. List groups.")

        @OptionGroup var common: CenterCommand.Common
        @Flag(help: "In dạng JSON. Print JSON.") var json = false

        func run() throws {
            let lang = common.language.language
            try reportingFailures(lang) {
                let groups = try common.open().groups()
                if json { return Console.out(try GroupCommandText.json(groups)) }
                if groups.isEmpty { return Console.say(GroupCommandText.noGroups, lang) }
                for group in groups { Console.say(GroupCommandText.listLine(group), lang) }
            }
        }
    }

    /// `hocso center group show G [--json]`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Xem một nhóm: thành viên và bài được giao. Show a group.")

        @OptionGroup var common: CenterCommand.Common
        @Argument(help: "Tên hoặc mã nhóm. The group's name or id.") var group: String
        @Flag(help: "In dạng JSON. Print JSON.") var json = false

        func run() throws {
            let lang = common.language.language
            try reportingFailures(lang) {
                let store = try common.open()
                let found = try store.group(group)
                let members = try store.members(of: found.id)
                let assignments = try store.assignments(of: found.id)
                if json {
                    return Console.out(
                        try GroupCommandText.json(
                            GroupDetail(group: found, members: members.map(\.code), assignments: assignments)))
                }
                for line in GroupCommandText.detail(found, members: members, assignments: assignments) {
                    Console.say(line, lang)
                }
            }
        }
    }
}

/// A group as `group show --json` prints it.
struct GroupDetail: Encodable {
    var group: StudyGroup
    var members: [String]
    var assignments: [GroupAssignment]
}

/// The local day as the centre's clock sees it.
enum ConsoleClock {
    /// Midnight today on this machine, in ms since 1970 UTC.
    static func startOfToday(now: Date = Date()) -> Int64 {
        Int64(Calendar.current.startOfDay(for: now).timeIntervalSince1970 * 1000)
    }
}
