import CourseModel
import Foundation
import TestSupport
import Testing

/// The real `hocso` binary in a real terminal (tmux, 80×24): sign in, read, answer one question
/// of every kind (typed answers in Telex), quit mid-quiz with Ctrl-C, resume, finish; then the
/// centre database holds exactly those events.
@Suite(.serialized)
struct EndToEndTmuxTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func learnerSessionInARealTerminal() throws {
        guard RequiredTool.available("tmux") else { return }
        let (hocso, work, store, db) = try sampleCentre()
        defer { try? FileManager.default.removeItem(at: work) }

        // After the client, the shell reports its status and whether the terminal is back in
        // canonical mode (`icanon`, not raw mode's `-icanon`).
        let command =
            "\(hocso.path) learn --db '\(db.path)' --store '\(store.path)' --lang vi; echo \"EXITED $?\"; "
            + "stty -a | tr ' ' '\\n' | grep -x -- '-*icanon' | sed 's/^/MODE /'; sleep 60"

        // First sitting: read the lesson, answer three questions, leave with Ctrl-C.
        do {
            let tmux = try TmuxSession(command: command, directory: work)
            defer { tmux.close() }
            try tmux.waitFor("Mã học viên của bạn:")
            try tmux.type("DEMO")
            try tmux.keys("Enter")
            try tmux.waitFor("An toàn trên mạng (mẫu)")
            try tmux.keys("Enter")
            try tmux.waitFor("○ 1. Dấu hiệu lừa đảo")
            try tmux.keys("Enter")
            try tmux.waitFor("Bước 1/2")
            try tmux.keys("Right")
            try tmux.waitFor("Bước 2/2")
            try tmux.keys("Enter")
            try tmux.waitFor("Bài kiểm tra có 7 câu")
            try tmux.keys("Enter")

            var screen = try tmux.waitFor("Câu 1/7")
            try tmux.type(try number(of: "Chỉ mình bạn", in: screen))
            try tmux.waitFor("Đúng rồi!")
            try tmux.keys("Enter")

            // True/false with the arrows: ↓ reaches option 2; ↑ comes back when "Đúng" is option 1.
            screen = try tmux.waitFor("Câu 2/7")
            try tmux.keys("Down")
            if try number(of: "Đúng", in: screen) == "1" { try tmux.keys("Up") }
            try tmux.keys("Enter")
            try tmux.waitFor("Đúng rồi!")
            try tmux.keys("Enter")

            screen = try tmux.waitFor("Câu 3/7")
            try tmux.type(try number(of: "Đòi chuyển tiền gấp", in: screen))
            try tmux.type(try number(of: "Hỏi mã OTP", in: screen))
            try tmux.keys("Enter")
            try tmux.waitFor("Đúng rồi!")
            try tmux.keys("Enter")
            try tmux.waitFor("Câu 4/7")
            try tmux.keys("C-c")
            try tmux.waitFor("EXITED 0")
            screen = try tmux.waitFor("MODE ")
            #expect(screen.contains("Đã lưu mọi câu trả lời"))
            #expect(screen.contains("MODE icanon"), "the terminal is restored after Ctrl-C")
        }

        // Second sitting: straight back to question 4; Telex for the typed answers; finish.
        do {
            let tmux = try TmuxSession(command: command, directory: work)
            defer { tmux.close() }
            try tmux.waitFor("Mã học viên của bạn:")
            try tmux.type("DEMO")
            try tmux.keys("Enter")
            try tmux.waitFor("Câu 4/7")
            try tmux.waitFor("Kiểu gõ: Telex")
            try tmux.type("Vieetj Nam")
            try tmux.waitFor("Trả lời: Việt Nam")
            try tmux.keys("Enter")
            try tmux.waitFor("Đúng rồi!")
            try tmux.keys("Enter")

            try tmux.waitFor("Câu 5/7")
            try tmux.type("2,5")
            try tmux.keys("Enter")
            try tmux.waitFor("Đúng rồi!")
            try tmux.keys("Enter")

            var screen = try tmux.waitFor("Câu 6/7")
            // Move each item up into place, as a learner would with ↓ and `u`.
            var cursor = 1
            for (offset, item) in ["Khoá thẻ", "Báo ngân hàng", "Báo công an"].enumerated() {
                let target = offset + 1
                let position = try Int(number(of: item, in: screen)) ?? target
                for _ in 0..<abs(position - cursor) { try tmux.keys(position > cursor ? "Down" : "Up") }
                for _ in 0..<(position - target) { try tmux.keys("u") }
                cursor = target
                screen = try tmux.waitFor("\(target). \(item)")
            }
            try tmux.keys("Enter")
            try tmux.waitFor("Đúng rồi!")
            try tmux.keys("Enter")

            screen = try tmux.waitFor("Câu 7/7")
            // Pick a left item by its number, then its partner by its letter.
            for (left, right) in [("OTP", "Mã dùng một lần"), ("VNeID", "Định danh điện tử")] {
                let letter = try letter(of: right, in: screen)
                try tmux.type(try number(of: left, in: screen, suffix: " → "))
                try tmux.type(letter)
                screen = try tmux.waitFor("\(left) → \(letter). \(right)")
            }
            try tmux.keys("Enter")
            try tmux.waitFor("Đúng rồi!")
            try tmux.keys("Enter")
            try tmux.waitFor("ĐẠT")
            // The lesson list now reads its status back from the centre database.
            try tmux.keys("Enter")
            try tmux.waitFor("✓ 1. Dấu hiệu lừa đảo")
            try tmux.waitFor("đã xong 1/2 bài")
            try tmux.keys("q")
            try tmux.waitFor("EXITED 0")
            #expect(try tmux.waitFor("MODE ").contains("MODE icanon"), "the terminal is restored after q")
        }

        let rows = try sqlite(
            db,
            "SELECT kind, coalesce(item_id, ''), coalesce(attempt, '') FROM events WHERE kind NOT LIKE 'learner.%' ORDER BY seq"
        )
        let expected = [
            "lesson.opened||", "step.read|mo-dau|", "step.read|otp|", "quiz.started||1",
            "answer.submitted|otp-single|1", "answer.submitted|link-tf|1", "answer.submitted|signs-multi|1",
            "answer.submitted|viet-short|1", "answer.submitted|fee-numeric|1", "answer.submitted|steps-order|1",
            "answer.submitted|terms-match|1", "quiz.finished||1", "lesson.completed||",
        ]
        #expect(rows == expected)
        let typed = try sqlite(db, "SELECT payload FROM events WHERE item_id = 'viet-short'")
        #expect(typed.first?.contains("Việt Nam") == true, "the Telex answer is stored composed (NFC): \(typed)")
        #expect(
            try sqlite(
                db, "SELECT count(*) FROM events WHERE kind = 'answer.submitted' AND payload LIKE '%\"correct\":true%'")
                == ["7"])
    }

    @Test func terminatedClientRestoresTheTerminalAndKeepsTheAnswer() throws {
        guard RequiredTool.available("tmux") else { return }
        let (hocso, work, store, db) = try sampleCentre()
        defer { try? FileManager.default.removeItem(at: work) }
        let tmux = try TmuxSession(
            command:
                "\(hocso.path) learn --db '\(db.path)' --store '\(store.path)' --learner DEMO; echo \"EXITED $?\"; "
                + "stty -a | tr ' ' '\\n' | grep -x -- '-*icanon' | sed 's/^/MODE /'; sleep 60",
            directory: work)
        defer { tmux.close() }
        try tmux.waitFor("An toàn trên mạng (mẫu)")
        try tmux.keys("Enter")
        try tmux.keys("Enter")
        try tmux.waitFor("Bước 1/2")
        try tmux.keys("Enter")
        try tmux.keys("Enter")
        try tmux.keys("Enter")
        let screen = try tmux.waitFor("Câu 1/7")
        try tmux.type(try number(of: "Công an gọi điện", in: screen))
        try tmux.waitFor("Chưa đúng")
        let pid = try #require(try tmux.clientPID(), "the client's process id")
        kill(pid, SIGTERM)
        try tmux.waitFor("EXITED")
        #expect(try tmux.waitFor("MODE ").contains("MODE icanon"), "the terminal is restored after SIGTERM")
        #expect(try sqlite(db, "SELECT item_id FROM events WHERE kind = 'answer.submitted'") == ["otp-single"])
    }

    /// Writes the course fixture (the same course as `SampleCourse`, as an author writes it), builds
    /// its pack with `hocso pack build` and installs it with `hocso pack install --store`.
    /// The built binary and a fresh folder (the caller removes it) holding a content store with the
    /// sample course installed and the path of a centre database holding only the demo learner
    /// (made as an operator makes it: `hocso center demo`).
    func sampleCentre() throws -> (hocso: URL, work: URL, store: URL, db: URL) {
        let hocso = Program.hocso.url
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("hocso-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let store = work.appendingPathComponent("store")
        do {
            try installSampleCourse(hocso: hocso, work: work, store: store)
            try run(hocso, ["center", "demo", "--db", work.appendingPathComponent("centre.sqlite").path])
        } catch {
            try? FileManager.default.removeItem(at: work)
            throw error
        }
        return (hocso, work, store, work.appendingPathComponent("centre.sqlite"))
    }

    func installSampleCourse(hocso: URL, work: URL, store: URL) throws {
        let folder = work.appendingPathComponent("an-toan-mau")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in [
            ("course.yaml", Self.courseYAML), ("01-dau-hieu.md", Self.lessonOne), ("02-ket-thuc.md", Self.lessonTwo),
        ] {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let packs = work.appendingPathComponent("packs")
        try run(hocso, ["pack", "build", folder.path, "--output", packs.path])
        try run(
            hocso,
            ["pack", "install", packs.appendingPathComponent("an-toan-mau-3.hspack").path, "--store", store.path])
    }

    func run(_ executable: URL, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TmuxError(
                message: "hocso \(arguments.joined(separator: " ")) failed: \(String(decoding: data, as: UTF8.self))")
        }
    }

    static let courseYAML = """
        id: an-toan-mau
        title: An toàn trên mạng (mẫu)
        lang: vi
        version: 3
        description: Khoá học mẫu cho các bài kiểm thử.
        lessons:
          - 01-dau-hieu.md
          - 02-ket-thuc.md
        """

    static let lessonOne = """
        ---
        id: dau-hieu
        title: Dấu hiệu lừa đảo
        ---

        ## Mở đầu
        <!-- id: mo-dau -->

        Kẻ lừa đảo thường tạo cảm giác gấp gáp.

        ## Mã OTP
        <!-- id: otp -->

        Không bao giờ đọc mã **OTP** cho người khác.

        > [!WARNING]
        > Ngân hàng không gọi để hỏi mã.

        ## Kiểm tra

        ### Ai được phép biết mã OTP của bạn?
        <!-- id: otp-single -->

        - ( ) Nhân viên ngân hàng
          > Ngân hàng không bao giờ hỏi mã OTP.
        - (x) Chỉ mình bạn
        - ( ) Công an gọi điện

        > [!TIP]
        > OTP là mã dùng một lần.

        > [!TIP]
        > Không ai khác.

        > [!NOTE]
        > Mã OTP là chìa khoá: không đưa cho ai.

        ### Đường link lạ trong tin nhắn có thể là lừa đảo.
        <!-- id: link-tf -->

        - (x) Đúng
        - ( ) Sai

        ### Dấu hiệu nào là lừa đảo? (chọn tất cả)
        <!-- id: signs-multi -->

        - [x] Đòi chuyển tiền gấp
        - [x] Hỏi mã OTP
        - [ ] Chào hỏi lịch sự

        ### Gõ tên nước ta (hai chữ)
        <!-- id: viet-short -->

        - = Việt Nam

        ### Phí 2,5 nghìn đồng viết bằng số thập phân (nghìn)?
        <!-- id: fee-numeric -->

        - = 2,5 ± 0

        ### Sắp xếp các bước khi bị lừa
        <!-- id: steps-order -->

        1. Khoá thẻ
        2. Báo ngân hàng
        3. Báo công an

        ### Ghép thuật ngữ với nghĩa
        <!-- id: terms-match -->

        - OTP -> Mã dùng một lần
        - VNeID -> Định danh điện tử
        - -> Mạng xã hội
        """

    static let lessonTwo = """
        ---
        id: ket-thuc
        title: Tổng kết
        ---

        ## Tổng kết

        Hãy cẩn thận.
        """

    /// The number shown before `text` on the screen (`2. Chỉ mình bạn` → `2`).
    func number(of text: String, in screen: String, suffix: String = "") throws -> String {
        for line in screen.split(separator: "\n") {
            guard let range = line.range(of: ". \(text)\(suffix)") else { continue }
            let digits = line[..<range.lowerBound].reversed().prefix { $0.isNumber }
            if !digits.isEmpty { return String(digits.reversed()) }
        }
        throw TmuxError(message: "“\(text)” is not on the screen:\n\(screen)")
    }

    /// The letter shown before `text` in a matching question's right column.
    func letter(of text: String, in screen: String) throws -> String {
        for line in screen.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasSuffix(". \(text)"), let first = trimmed.first, first.isLetter,
                trimmed.dropFirst().hasPrefix(". ")
            {
                return String(first)
            }
        }
        throw TmuxError(message: "“\(text)” is not in the right column:\n\(screen)")
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
