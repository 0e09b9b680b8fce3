import Foundation
import TestSupport
import Testing

/// A Moodle question bank through the real binary: imported, checked, packed, installed and
/// played in the learner client (line mode, as when its input is not a terminal), then exported.
@Suite("GIFT import end to end", .serialized)
struct GiftImportEndToEndTests {
    static let bank = """
        // Ngân hàng câu hỏi thử cho kiểm thử đầu-cuối.
        $CATEGORY: $course$/top/Kiểm tra nhanh

        ::Ứng dụng::Ứng dụng định danh điện tử quốc gia tên là gì? {=VNeID#Đúng rồi.}

        ::Phí::Phí 5% của 50 triệu đồng là bao nhiêu triệu đồng? {#2.5:0.05}

        """

    @Test func importedBankPacksInstallsAndPlays() throws {
        let work = try temporaryDirectory("e2e")
        defer { try? FileManager.default.removeItem(at: work) }
        let gift = work.appendingPathComponent("ngan-hang.gift")
        try Data(Self.bank.utf8).write(to: gift)

        let imported = try Program.hocso.run(
            ["course", "import", gift.path, "--into", "Courses", "--lang", "en"], in: work)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("wrote 2 questions in 1 lesson to Courses/ngan-hang"), "\(imported.stdout)")
        let check = try Program.hocso.run(["course", "check", "Courses/ngan-hang"], in: work)
        // Only the facts register's reminders may remain (amounts in the bank not yet marked with a source).
        #expect(check.status == 0 && check.stderr.contains("0 errors"), "\(check.stderr)")

        let build = try Program.hocso.run(["pack", "build", "Courses/ngan-hang", "-o", "packs"], in: work)
        #expect(build.status == 0, "\(build.stderr)")
        let install = try Program.hocso.run(
            ["pack", "install", "packs/ngan-hang-1.hspack", "--store", "store"], in: work)
        #expect(install.status == 0 && install.stdout.contains("installed ngan-hang version 1"), "\(install.stderr)")

        // The centre's database with its demo learner, then line mode: open the course and its
        // lesson, start the quiz, answer both questions, leave.
        #expect(try Program.hocso.run(["center", "demo", "--db", "centre.sqlite"], in: work).status == 0)
        let session = try Program.hocso.run(
            ["learn", "--store", "store", "--db", "centre.sqlite", "--learner", "DEMO", "--lang", "vi"], in: work,
            input: "1\n1\n\nVNeID\n\n2,5\n\nq\n")
        #expect(session.status == 0, "\(session.stderr)")
        #expect(session.stdout.contains("Ứng dụng định danh điện tử quốc gia tên là gì?"), "\(session.stdout)")
        #expect(session.stdout.contains("Đúng rồi."), "the imported feedback is shown")
        #expect(session.stdout.contains("Bạn trả lời đúng 2 trên 2 câu."), "\(session.stdout.suffix(600))")

        let export = try Program.hocso.run(["course", "export", "Courses/ngan-hang", "-o", "back.gift"], in: work)
        #expect(export.status == 0, "\(export.stderr)")
        let back = try String(contentsOf: work.appendingPathComponent("back.gift"), encoding: .utf8)
        #expect(back.contains("=%100%VNeID#Đúng rồi."))
        #expect(back.contains("{#\n\t=%100%2.5:0.05\n}"))
    }

    @Test func brokenQuestionsAreDiagnosedAndTheRestImports() throws {
        let work = try temporaryDirectory("e2e")
        defer { try? FileManager.default.removeItem(at: work) }
        let gift = work.appendingPathComponent("hong.gift")
        try Data("Q1 {=a ~b}\n\nHỏng {=x ~y\n\nQ3 {T}\n".utf8).write(to: gift)
        let result = try Program.hocso.run(["course", "import", gift.path, "--into", ".", "--lang", "en"], in: work)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(gift.path):3:6: error: unclosed '{'"), "\(result.stderr)")
        #expect(result.stdout.contains("wrote 2 questions"))
        let check = try Program.hocso.run(["course", "check", "hong"], in: work)
        #expect(check.status == 0, "\(check.stderr)")
        // A second import never writes over the first.
        let again = try Program.hocso.run(["course", "import", gift.path, "--into", ".", "--lang", "vi"], in: work)
        #expect(again.status == 1 && again.stderr.contains("thư mục './hong' đã có tệp"), "\(again.stderr)")
    }

    @Test func usageErrorsExit64() throws {
        let result = try Program.hocso.run(["course", "import", "x.gift", "--into", ".", "--format", "xml"])
        #expect(result.status == 64, "\(result.stderr)")
    }
}
