import Foundation
import TestSupport
import Testing

/// The facilitator's board beside two learners, each in a real terminal (tmux): the board shows
/// where each one is within two seconds of their move, and a course the facilitator assigned to
/// their group comes first in their course list.
@Suite(.serialized)
struct FacilitatorBoardTmuxTests {
    @Test func theBoardFollowsTwoLearnersAndTheAssignedCourseComesFirst() throws {
        guard RequiredTool.available("tmux") else { return }
        let centre = try SampleCentre()
        defer { centre.remove() }
        try Self.installSecondCourse(centre)
        for (code, name) in [("LAN1", "Nguyễn Thị Lan"), ("BAY62", "Trần Văn Bảy")] {
            let added = try centre.hocso([
                "center", "learners", "add", "--code", code, "--name", name, "--birth-year", "1964", "--commune",
                "Xã Tân Phú",
            ])
            #expect(added.status == 0, "\(added.stderr)")
        }
        // The facilitator sets the session up from the terminal.
        for arguments in [
            [
                "center", "group", "create", "Nhóm chiều thứ Ba", "--facilitator", "Chị Hoa", "--schedule",
                "thứ Ba 14:00",
            ],
            ["center", "group", "add", "nhom-chieu-thu-ba", "LAN1", "BAY62"],
            ["center", "group", "assign", "nhom-chieu-thu-ba", "khoa-mau-hai", "--due", "2026-12-15"],
        ] {
            let result = try centre.hocso(arguments + ["--lang", "vi"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }

        let board = try TmuxSession(
            command: "\(centre.hocso.path) center board --db '\(centre.db.path)' --store '\(centre.store.path)' "
                + "--group 'Nhóm chiều thứ Ba' --lang vi; echo \"EXITED $?\"; "
                + "stty -a | tr ' ' '\\n' | grep -x -- '-*icanon' | sed 's/^/MODE /'; sleep 60")
        defer { board.close() }
        let lan = try TmuxSession(
            command: centre.command("--lang vi"))
        defer { lan.close() }
        let bay = try TmuxSession(
            command: centre.command("--lang vi"))
        defer { bay.close() }

        try board.waitFor("nhóm Nhóm chiều thứ Ba")
        try Self.row(of: "LAN1", on: board, contains: "chưa đến")

        // Lan signs in: the assigned course is first, with its due day.
        try lan.waitFor("Mã học viên:")
        try lan.type("LAN1")
        try lan.keys("Enter")
        let list = try lan.waitFor("Khoá mẫu hai")
        let first = list.split(separator: "\n").first { $0.contains("1. ") } ?? ""
        #expect(first.contains("Khoá mẫu hai") && first.contains("hạn ngày 15/12/2026"), "\(list)")
        var seconds = try Self.row(of: "LAN1", on: board, contains: "đang học")
        print("board: LAN1 signed in, shown after \(seconds) s")
        #expect(seconds < 2)

        try lan.press("Enter", until: "Dấu hiệu lừa đảo")
        try lan.press("Enter", until: "Bước 1/2")
        seconds = try Self.row(of: "LAN1", on: board, contains: "đọc bước 1/2")
        print("board: LAN1 opened a lesson, shown after \(seconds) s")
        #expect(seconds < 2)

        // Bảy, in the other terminal, reads both steps and starts the quiz.
        try bay.waitFor("Mã học viên:")
        try bay.type("BAY62")
        try bay.press("Enter", until: "Khoá mẫu hai")
        try bay.press("Enter", until: "Dấu hiệu lừa đảo")
        try bay.press("Enter", until: "Bước 1/2")
        try bay.press("Enter", until: "Bước 2/2")
        seconds = try Self.row(of: "BAY62", on: board, contains: "đọc bước 2/2")
        print("board: BAY62 on step 2, shown after \(seconds) s")
        #expect(seconds < 2)
        try bay.press("Enter", until: "Bài kiểm tra có 7 câu")
        try bay.press("Enter", until: "Câu 1/7")
        seconds = try Self.row(of: "BAY62", on: board, contains: "câu hỏi 1/7")
        print("board: BAY62 on question 1, shown after \(seconds) s")
        #expect(seconds < 2)
        // Lan is still where she was.
        try Self.row(of: "LAN1", on: board, contains: "đọc bước 1/2")

        // Every line fits the 80 columns; q gives the terminal back.
        for line in try board.screen().split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        try board.press("q", until: "EXITED 0")
        try board.waitFor("MODE icanon")

        // After the session: the sheet, as CSV with a BOM and as a printable page.
        let csv = try centre.hocso([
            "center", "sheet", "--group", "nhom-chieu-thu-ba", "--store", centre.store.path, "--csv", "--lang", "vi",
        ])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.hasPrefix("\u{FEFF}Mã,Họ tên,Có mặt,"))
        let lines = csv.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 3, "a header and a line per member: \(lines)")
        #expect(lines.contains { $0.hasPrefix("BAY62,Trần Văn Bảy,có,") && $0.contains("Dấu hiệu lừa đảo") })
        #expect(lines.contains { $0.hasPrefix("LAN1,Nguyễn Thị Lan,có,") && $0.hasSuffix(",0/1") })
        let page = centre.work.appendingPathComponent("phieu.html")
        let html = try centre.hocso([
            "center", "sheet", "--group", "Nhóm chiều thứ Ba", "--store", centre.store.path, "-o", page.path, "--lang",
            "en",
        ])
        #expect(html.status == 0 && html.stdout.contains("wrote"), "\(html.stderr)")
        let text = try String(contentsOf: page, encoding: .utf8)
        #expect(text.contains("@page { size: A4") && text.contains("Came: 2 of 2"))
    }

    /// Waits until the board's row for `code` contains `text`; returns how long that took.
    @discardableResult
    static func row(of code: String, on board: TmuxSession, contains text: String, timeout: TimeInterval = 6) throws
        -> Double
    {
        let start = Date()
        var screen = ""
        while Date().timeIntervalSince(start) < timeout {
            screen = (try? board.screen()) ?? screen
            let row = screen.split(separator: "\n").first { $0.hasPrefix(code + " ") } ?? ""
            if row.contains(text) { return (Date().timeIntervalSince(start) * 100).rounded() / 100 }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxError(message: "the board's row for \(code) never showed “\(text)”; the board was:\n\(screen)")
    }

    /// Builds and installs a copy of the sample course as `khoa-mau-hai` ("Khoá mẫu hai").
    static func installSecondCourse(_ centre: SampleCentre) throws {
        let parent = centre.work.appendingPathComponent("second")
        let folder = try SampleCourse.write(into: parent)
        let renamed = parent.appendingPathComponent("khoa-mau-hai")
        try FileManager.default.moveItem(at: folder, to: renamed)
        let yaml = renamed.appendingPathComponent("course.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8)
            .replacingOccurrences(of: "id: khoa-mau\n", with: "id: khoa-mau-hai\n")
            .replacingOccurrences(of: "title: Khoá mẫu\n", with: "title: Khoá mẫu hai\n")
            .replacingOccurrences(of: "title_en: Sample course\n", with: "title_en: Second sample course\n")
        try text.write(to: yaml, atomically: true, encoding: .utf8)
        let packs = centre.work.appendingPathComponent("packs2")
        for arguments in [
            ["pack", "build", renamed.path, "--output", packs.path],
            [
                "pack", "install", packs.appendingPathComponent("khoa-mau-hai-3.hspack").path, "--store",
                centre.store.path,
            ],
        ] {
            let result = try Program.hocso.run(arguments)
            guard result.status == 0 else {
                throw TmuxError(message: "hocso \(arguments.joined(separator: " ")) failed: \(result.stderr)")
            }
        }
    }
}

extension URL {
    /// The folder, made if missing (each tmux server gets its own socket folder).
    fileprivate func created() throws -> URL {
        try FileManager.default.createDirectory(at: self, withIntermediateDirectories: true)
        return self
    }
}
