import ArgumentParser
import CommandSupport
import FacilitatorConsole
import Foundation
import LearnerClient
import Localization
import Packs
import ProgressStore
import TerminalText

/// `hocso center board [--group G]`: the live board of who is where and who needs a hand.
struct CenterBoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract:
            "Bảng theo dõi buổi học: ai đang học, đang ở đâu, ai cần giúp (q để thoát). The live session board (q leaves)."
    )

    @OptionGroup var common: CenterCommand.Common
    @Option(help: "Chỉ hiện một nhóm (tên hoặc mã). Show one group only (name or id).") var group: String?
    @Option(
        name: .customLong("stuck-minutes"),
        help: "Số phút đứng yên trước khi báo cần giúp (mặc định 5). Minutes without a move before flagging.")
    var stuckMinutes = 5
    @Option(help: "Kho khoá học đã cài, để hiện tên bài. The content store, for lesson titles.") var store: String?
    @Flag(help: "In bảng một lần rồi thoát. Print the board once and leave.") var once = false

    func validate() throws {
        guard (1...240).contains(stuckMinutes) else { throw ValidationError("--stuck-minutes: 1–240") }
    }

    func run() throws {
        let lang = common.language.language
        let environment = ProcessInfo.processInfo.environment
        let (source, view) = try reportingFailures(lang) { () throws -> (BoardSource, BoardView) in
            let source = try BoardSource(
                databaseAt: common.path, group: group, since: ConsoleClock.startOfToday())
            let content = ContentStore(root: store.map { URL(fileURLWithPath: $0) } ?? ContentStore.defaultRoot)
            let interactive = isatty(STDIN_FILENO) == 1 && Console.stdoutIsTerminal && !once
            let styler = Styler(mode: .automatic(isTerminal: interactive, environment: environment))
            return (
                source,
                BoardView(
                    language: lang, styler: styler, names: CourseNames(content: content), stuckMinutes: stuckMinutes)
            )
        }
        if once {
            let width = environment["COLUMNS"].flatMap(Int.init) ?? 80
            for line in BoardRunner.once(source: source, view: view, width: width) { Console.out(line) }
            return
        }
        guard isatty(STDIN_FILENO) == 1, Console.stdoutIsTerminal else {
            try reportingFailures(lang) { throw Failure(GroupCommandText.boardNeedsTerminal) }
            return
        }
        let terminal = RawTerminal()
        BoardRunner.run(source: source, view: view, terminal: terminal)
        terminal.restore()
    }
}

/// `hocso center sheet --group G [--date D] [-o FILE] [--csv]`: the session's printable sheet.
struct CenterSheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract:
            "Phiếu điểm danh và tiến độ của nhóm (HTML in khổ A4, hoặc CSV). A group's attendance and progress sheet.")

    @OptionGroup var common: CenterCommand.Common
    @Option(help: "Nhóm (tên hoặc mã). The group (name or id).") var group: String
    @Option(help: "Ngày, NĂM-THÁNG-NGÀY (mặc định hôm nay). The day, YYYY-MM-DD (default today).") var date: String?
    @Option(name: .shortAndLong, help: "Tệp ghi ra (mặc định in ra màn hình). Output file (default stdout).")
    var output: String?
    @Flag(help: "Ghi CSV (UTF-8 có BOM) thay vì HTML. Write CSV (UTF-8 with BOM) instead of HTML.") var csv = false
    @Option(help: "Kho khoá học đã cài, để hiện tên bài. The content store, for lesson titles.") var store: String?

    func validate() throws {
        if let date, !GroupAssignment.isDay(date) { throw ValidationError("--date: YYYY-MM-DD") }
    }

    func run() throws {
        let lang = common.language.language
        try reportingFailures(lang) {
            let day = date.flatMap(Self.localMidnight) ?? Calendar.current.startOfDay(for: Date())
            let content = ContentStore(root: store.map { URL(fileURLWithPath: $0) } ?? ContentStore.defaultRoot)
            let sheet = try SessionSheet.make(
                databaseAt: common.path, group: group, dayStart: day, names: CourseNames(content: content),
                language: lang)
            let now = Date()
            let text = csv ? sheet.csv(lang) : sheet.html(lang, printedAt: Self.stamp(now))
            // Written as is: the text ends its own last line (CRLF in a CSV).
            guard let output else { return FileHandle.standardOutput.write(Data(text.utf8)) }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw Failure(GroupCommandText.cannotWrite(output))
            }
            Console.say(GroupCommandText.wrote(output), lang)
        }
    }

    /// Midnight of `YYYY-MM-DD` on this machine's clock.
    static func localMidnight(_ iso: String) -> Date? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return Calendar.current.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }

    private static func stamp(_ date: Date) -> String {
        let c = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%02d:%02d %02d/%02d/%04d", c.hour ?? 0, c.minute ?? 0, c.day ?? 0, c.month ?? 0, c.year ?? 0)
    }
}
