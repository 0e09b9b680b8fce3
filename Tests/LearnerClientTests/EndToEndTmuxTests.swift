import Foundation
import TestSupport
import Testing

/// The real `hocso learn` in a real terminal (tmux), walked through by the two people issue 19
/// describes: a 62-year-old farmer who has used a phone but never a keyboard, at 60×20 on the
/// commune centre's shared computer (a kiosk), and a 19-year-old worker at 100×30 on her own.
/// Each walk asserts that the problems the issue found are gone, and prints how many keys each
/// question kind took.
@Suite(.serialized)
struct EndToEndTmuxTests {
    @Test func aFarmerAtTheSharedComputerNeverGetsLost() throws {
        guard RequiredTool.available("tmux") else { return }
        let centre = try SampleCentre()
        defer { centre.remove() }
        let added = try centre.hocso([
            "center", "learners", "add", "--code", "BAY62", "--name", "Trần Văn Bảy", "--birth-year", "1964",
            "--commune", "Xã Tân Phú", "--pin", "2468",
        ])
        #expect(added.status == 0, "\(added.stderr)")
        let w = try Walkthrough(
            persona: "farmer", command: centre.command("--kiosk --lang vi"), width: 60, height: 20)
        defer { w.close() }

        // A name typed where the code goes is explained, never turned into a code.
        try w.see("Mã học viên:")
        try w.type("Trần Văn Bảy")
        try w.press("Enter")
        try w.see("giống một cái tên")
        try w.notSee("TRNVNBY")
        // A mistyped PIN, then Esc: back to the code, which can be corrected.
        try w.press("Escape")
        try w.type("bay62")
        try w.press("Enter")
        try w.see("Mã PIN:")
        try w.type("1111")
        try w.press("Enter")
        try w.see("Mã PIN chưa đúng")
        try w.press("Escape")
        try w.see("Mã học viên: BAY62")
        try w.notSee("Mã PIN:")
        try w.press("Enter")
        try w.see("Mã PIN:")
        try w.type("2468")
        try w.press("Enter")
        try w.see("Xin chào, Trần Văn Bảy!")

        // The lessons open in order; a locked one says why.
        try w.press("Enter")
        try w.see("⊘ 2. Kiểm tra cuối khoá")
        try w.press("Down", "Enter")
        try w.see("Bài 2 đang khoá")
        try w.press("Up", "Enter")
        try w.see("Bước 1/2")
        try w.press("Enter")
        try w.see("Bước 2/2")
        try w.press("Left")
        try w.see("Bước 1/2")
        try w.press("Enter", "Enter")
        try w.see("Bài kiểm tra có 7 câu")
        try w.press("Enter")

        // Single choice: a stray Enter answers nothing; a digit chooses, Enter answers.
        var screen = try w.see("Câu 1/7")
        try w.press("Enter")
        try w.see("Hãy chọn một đáp án trước")
        w.question("single choice")
        try w.type(try Walkthrough.number(of: "Chỉ mình bạn", in: screen))
        try w.press("Enter")
        try w.see("Đúng rồi!")
        w.answered()
        try w.see("bạn chọn — đúng")

        // One Enter too many never answers the next question.
        try w.press("Enter")
        screen = try w.see("Câu 2/7")
        try w.press("Enter")
        try w.notSee("Đúng rồi")
        w.question("true/false")
        try w.type(try Walkthrough.number(of: "Đúng", in: screen))
        try w.press("Enter")
        try w.see("Đúng rồi!")
        w.answered()

        // Letters do nothing on a question, Esc asks, and nothing closes the kiosk.
        try w.press("Enter")
        screen = try w.see("Câu 3/7")
        try w.type("q")
        try w.notSee("EXITED")
        try w.press("Escape")
        try w.see("Bạn muốn dừng bài kiểm tra?")
        try w.type("1")
        try w.see("Câu 3/7")
        w.question("multiple answer")
        try w.type(try Walkthrough.number(of: "Đòi chuyển tiền gấp", in: screen))
        try w.type(try Walkthrough.number(of: "Hỏi mã OTP", in: screen))
        try w.press("Enter")
        try w.see("Đúng rồi!")
        w.answered()

        try w.press("Enter")
        try w.see("Câu 4/7")
        try w.see("F2 Kiểu gõ: Telex")
        w.question("short answer")
        try w.type("Vieetj Nam")
        try w.see("Câu trả lời: Việt Nam")
        try w.press("Enter")
        try w.see("Đúng rồi!")
        w.answered()

        try w.press("Enter")
        try w.see("Câu 5/7")
        w.question("numeric")
        try w.type("2,5")
        try w.press("Enter")
        try w.see("Đúng rồi!")
        w.answered()

        // An incomplete order is refused with a sentence; the full one goes in.
        try w.press("Enter")
        screen = try w.see("Câu 6/7")
        try w.type(try Walkthrough.number(of: "Khoá thẻ", in: screen))
        try w.press("End", "Enter")
        try w.see("Bạn mới xếp 1 trên 3 mục.")
        try w.press("BSpace")
        w.question("ordering")
        for item in ["Khoá thẻ", "Báo ngân hàng", "Báo công an"] {
            try w.type(try Walkthrough.number(of: item, in: screen))
        }
        try w.press("Enter")
        try w.see("Đúng rồi!")
        w.answered()

        // An incomplete matching is refused; each pair is marked after answering.
        try w.press("Enter")
        screen = try w.see("Câu 7/7")
        screen = try w.see("Các câu để ghép:")
        let otp = try Walkthrough.number(of: "Mã dùng một lần", in: screen)
        let vneid = try Walkthrough.number(of: "Định danh điện tử", in: screen)
        try w.type(otp)
        try w.press("End", "Enter")
        try w.see("Bạn mới ghép 1 trên 2 cặp.")
        try w.press("Home")
        w.question("matching")
        try w.type(otp)
        try w.type(vneid)
        try w.press("Enter")
        try w.see("✓ OTP → Mã dùng một lần")
        w.answered()

        try w.press("Enter")
        try w.see("Bạn trả lời đúng 7 trên 7 câu.")
        try w.see("ĐẠT")

        // Signing out returns to the sign-in screen, never to a shell; only the operator leaves.
        try w.press("F9")
        try w.see("Đã đăng xuất. Mọi câu trả lời đã được lưu.")
        try w.press("C-c")
        try w.see("Máy này dùng chung")
        try w.notSee("EXITED")
        try w.press("C-q")
        try w.see("EXITED 0")
        #expect(try w.see("MODE ").contains("MODE icanon"), "the terminal is restored")
        print(w.report())
        for (kind, keys) in w.keysPerKind where kind == "single choice" || kind == "true/false" {
            #expect(keys <= 3, "\(kind) took \(keys) keys")
        }
    }

    @Test func aYoungWorkerTypesEnglishWordsPastesAndComesBack() throws {
        guard RequiredTool.available("tmux") else { return }
        let centre = try SampleCentre()
        defer { centre.remove() }
        var w = try Walkthrough(
            persona: "worker", command: centre.command("--lang vi"), width: 100, height: 30)
        try w.see("Mã học viên:")
        try w.type("demo")
        try w.press("Enter", "Enter", "Enter")
        try w.see("Bước 1/2")
        try w.press("Enter", "Enter", "Enter")

        // Arrows alone answer a choice: ↓ to the option, Enter chooses it, Enter answers.
        var screen = try w.see("Câu 1/7")
        let right = Int(try Walkthrough.number(of: "Chỉ mình bạn", in: screen)) ?? 1
        w.question("single choice (arrows)")
        for _ in 0..<right { try w.press("Down") }
        try w.press("Enter", "Enter")
        try w.see("Đúng rồi!")
        w.answered()
        try w.press("Enter")
        screen = try w.see("Câu 2/7")
        w.question("true/false")
        try w.type(try Walkthrough.number(of: "Đúng", in: screen))
        try w.press("Enter")
        try w.see("Đúng rồi!")
        w.answered()
        try w.press("Enter")
        screen = try w.see("Câu 3/7")
        w.question("multiple answer")
        try w.type(try Walkthrough.number(of: "Đòi chuyển tiền gấp", in: screen))
        try w.type(try Walkthrough.number(of: "Hỏi mã OTP", in: screen))
        try w.press("Enter")
        try w.see("Đúng rồi!")
        w.answered()
        try w.press("Enter")
        try w.see("Câu 4/7")

        // Telex is on, and English words come out as typed.
        let english = "password deepfake Wi-Fi email app OTP Zalo"
        try w.type(english)
        try w.see("Câu trả lời: \(english)")
        try w.tmux.keys("-N", "\(english.count)", "BSpace")
        // A pasted paragraph wraps at word breaks, is never taken as Enter, and leaves no marks.
        let pasted =
            "Kẻ gian giả danh công an gọi điện thoại\nrồi đòi chuyển tiền gấp vào tài khoản lạ ngay trong đêm nay"
        try w.tmux.paste(pasted)
        screen = try w.see("tài khoản lạ ngay trong đêm nay")
        try w.notSee("Bạn trả lời")
        #expect(!screen.contains("thoạirồi"), "the line break became a space")
        try w.tmux.keys("-N", "\(pasted.count)", "BSpace")

        // Leaving with Ctrl-C on a personal computer keeps every answer and restores the terminal.
        try w.press("C-c")
        try w.see("EXITED 0")
        #expect(try w.see("MODE ").contains("MODE icanon"), "the terminal is restored after Ctrl-C")
        let firstReport = w.keysPerKind
        w.close()

        w = try Walkthrough(
            persona: "worker", command: centre.command("--lang vi"), width: 100, height: 30)
        defer { w.close() }
        try w.see("Mã học viên:")
        try w.type("demo")
        try w.press("Enter")
        try w.see("làm tiếp từ câu 4")
        try w.press("Enter")
        try w.see("Câu 4/7")
        w.question("short answer")
        try w.type("Vieetj Nam")
        try w.press("Enter")
        try w.see("Đúng rồi!")
        w.answered()
        try w.press("Enter")
        try w.see("Câu 5/7")
        w.question("numeric")
        try w.type("2,5")
        try w.press("Enter")
        try w.see("Đúng rồi!")
        w.answered()
        try w.press("Enter")
        screen = try w.see("Câu 6/7")
        w.question("ordering")
        for item in ["Khoá thẻ", "Báo ngân hàng", "Báo công an"] {
            try w.type(try Walkthrough.number(of: item, in: screen))
        }
        try w.press("Enter")
        try w.see("Đúng rồi!")
        w.answered()
        try w.press("Enter")
        screen = try w.see("Các câu để ghép:")
        w.question("matching")
        try w.type(try Walkthrough.number(of: "Mã dùng một lần", in: screen))
        try w.type(try Walkthrough.number(of: "Định danh điện tử", in: screen))
        try w.press("Enter")
        try w.see("Đúng rồi!")
        w.answered()
        try w.press("Enter")
        try w.see("Bạn trả lời đúng 7 trên 7 câu.")
        // Sign out, then leave from the sign-in screen.
        try w.press("F9")
        try w.see("Đã đăng xuất")
        try w.press("Escape")
        try w.see("EXITED 0")
        print(
            firstReport.map {
                "worker 100×30  \($0.kind.padding(toLength: 22, withPad: " ", startingAt: 0)) \($0.keys) keys"
            }
            .joined(separator: "\n"))
        print(w.report())

        let rows = try sqlite(
            centre.db,
            "SELECT count(*) FROM events WHERE kind = 'answer.submitted' AND payload LIKE '%\"correct\":true%'")
        #expect(rows == ["7"])
        let typed = try sqlite(centre.db, "SELECT payload FROM events WHERE item_id = 'viet-short'")
        #expect(typed.first?.contains("Việt Nam") == true, "the Telex answer is stored composed (NFC): \(typed)")
        for (kind, keys) in firstReport + w.keysPerKind where kind == "single choice" || kind == "true/false" {
            #expect(keys <= 3, "\(kind) took \(keys) keys")
        }
    }

    @Test func anIdleKioskSignsItsLearnerOut() throws {
        guard RequiredTool.available("tmux") else { return }
        let centre = try SampleCentre()
        defer { centre.remove() }
        let w = try Walkthrough(
            persona: "idle", command: centre.command("--kiosk --idle-minutes 0.05 --lang vi"), width: 80, height: 24)
        defer { w.close() }
        try w.see("Mã học viên:")
        try w.type("demo")
        try w.press("Enter", "Enter")
        try w.see("Dấu hiệu lừa đảo")
        try w.see("không được dùng trong 1 phút")
        try w.notSee("EXITED")
    }

    @Test func aTerminatedClientRestoresTheTerminalAndKeepsTheAnswer() throws {
        guard RequiredTool.available("tmux") else { return }
        let centre = try SampleCentre()
        defer { centre.remove() }
        let w = try Walkthrough(
            persona: "kill", command: centre.command("--learner DEMO"), width: 80, height: 24)
        defer { w.close() }
        try w.see("Khoá mẫu")
        try w.press("Enter", "Enter", "Enter", "Enter", "Enter")
        let screen = try w.see("Câu 1/7")
        try w.type(try Walkthrough.number(of: "Công an gọi điện", in: screen))
        try w.press("Enter")
        try w.see("Chưa đúng")
        let pid = try #require(try w.tmux.clientPID(), "the client's process id")
        kill(pid, SIGTERM)
        try w.see("EXITED")
        #expect(try w.see("MODE ").contains("MODE icanon"), "the terminal is restored after SIGTERM")
        #expect(try sqlite(centre.db, "SELECT item_id FROM events WHERE kind = 'answer.submitted'") == ["otp-single"])
    }

    @Test func anUnknownLearnerCodeExitsWithASentence() throws {
        let centre = try SampleCentre()
        defer { centre.remove() }
        let result = try Program.hocso.run([
            "learn", "--db", centre.db.path, "--store", centre.store.path, "--learner", "NOBODY",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("No learner has the code “NOBODY”"), "\(result.stderr)")
    }

    @Test func theStaffUnlockAPINAndSetTheKiosk() throws {
        let centre = try SampleCentre()
        defer { centre.remove() }
        _ = try centre.hocso([
            "center", "learners", "add", "--code", "BAY62", "--name", "Trần Văn Bảy", "--birth-year", "1964",
            "--commune", "Xã Tân Phú", "--pin", "2468",
        ])
        let reset = try centre.hocso(["center", "learners", "reset-pin", "BAY62", "--pin", "1357"])
        #expect(reset.status == 0, "\(reset.stderr)")
        #expect(reset.stdout.contains("Unlocked the PIN of BAY62"), "\(reset.stdout)")
        #expect(reset.stdout.contains("A new PIN is set."))
        let unknown = try centre.hocso(["center", "learners", "reset-pin", "NOBODY"])
        #expect(unknown.status == 1)
        let kiosk = try centre.hocso(["center", "kiosk", "on", "--idle-minutes", "15"])
        #expect(kiosk.stdout.contains("Kiosk: on; idle sign-out after 15 minutes"), "\(kiosk.stdout)\(kiosk.stderr)")
        let bad = try centre.hocso(["center", "kiosk", "maybe"])
        #expect(bad.status == 64)
    }

    func sqlite(_ db: URL, _ query: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RequiredTool.path("sqlite3") ?? "/usr/bin/sqlite3")
        process.arguments = [db.path, query]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
