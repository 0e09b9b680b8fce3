import Foundation
import TestSupport
import Testing

/// The lesson search in the real `hocso learn`, in tmux: the three search fixtures built into
/// packs and installed with the real commands, a learner presses `/`, types `vneid muc 2`
/// without diacritics, and Enter opens the step.
@Suite(.serialized)
struct SearchTmuxTests {
    @Test func aLearnerFindsTheLevelTwoStepByTypingWithoutDiacritics() throws {
        guard RequiredTool.available("tmux") else { return }
        let work = try temporaryDirectory("search-e2e")
        defer { try? FileManager.default.removeItem(at: work) }
        let store = work.appendingPathComponent("store")
        let db = work.appendingPathComponent("centre.sqlite")
        let packs = work.appendingPathComponent("packs")
        for id in ["dinh-danh", "an-toan", "mat-khau-en"] {
            let folder = Program.packageRoot.appendingPathComponent("Tests/Fixtures/search/\(id)")
            for arguments in [
                ["pack", "build", folder.path, "--output", packs.path],
                ["pack", "install", packs.appendingPathComponent("\(id)-1.hspack").path, "--store", store.path],
            ] {
                let result = try Program.hocso.run(arguments)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
            }
        }
        #expect(try Program.hocso.run(["center", "demo", "--db", db.path]).status == 0)
        // The install wrote the index: the client only reads it.
        #expect(FileManager.default.fileExists(atPath: store.appendingPathComponent("search.sqlite").path))

        let command =
            "\(Program.hocso.url.path) learn --db '\(db.path)' --store '\(store.path)' --learner DEMO --lang vi; "
            + "echo \"EXITED $?\"; sleep 60"
        let w = try Walkthrough(persona: "searcher", command: command, width: 80, height: 24)
        defer { w.close() }
        try w.see("/ Tìm bài")
        try w.press("/")
        try w.see("Tìm bài học")
        try w.type("vneid muc 2")
        try w.see("Định danh điện tử VNeID › Định danh điện tử mức 2 › Mức 1 và mức 2")
        try w.see("4 kết quả")
        try w.press("Enter")
        try w.see("Tài khoản mức 2 dùng được cho nhiều dịch vụ công hơn tài khoản mức 1.")
        try w.see("Bước 1/3")
        // Back to the course list, and the search again with a word that is nowhere.
        try w.press("Escape")
        try w.press("Escape")
        try w.see("/ Tìm bài")
        try w.press("/")
        try w.type("xyzzy")
        try w.see("Không tìm thấy bài nào có “xyzzy”.")
        try w.press("Escape")
        try w.see("/ Tìm bài")
    }
}
