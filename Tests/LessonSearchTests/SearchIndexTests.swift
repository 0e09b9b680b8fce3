import CourseModel
import Foundation
import LessonSearch
import Packs
import TestSupport
import Testing

/// The index in the content store: written at install, found with or without diacritics, brought
/// up to date or rebuilt when missing, damaged or stale.
struct SearchIndexTests {
    /// Where each hit is, as `course/lesson/step`.
    static func places(_ hits: [SearchHit]) -> [String] { hits.map { "\($0.courseID)/\($0.lessonID)/\($0.stepID)" } }

    @Test("pack install writes store/search.sqlite with one row per lesson step")
    func installWritesIndex() throws {
        let centre = try SearchCentre()
        #expect(FileManager.default.fileExists(atPath: centre.store.searchIndexURL.path))
        let index = try SearchIndex(url: centre.store.searchIndexURL)
        #expect(try index.stamps().keys.sorted() == ["an-toan", "dinh-danh", "mat-khau-en"])
        #expect(try index.stamps() == centre.store.searchStamps())
        let steps = SearchCentre.courses.flatMap(StepDocument.documents(of:)).count
        #expect(steps == 10)
        #expect(try centre.store.searchIndexStaleness() == (0, 0))
    }

    @Test(
        "Vietnamese with and without diacritics, in any case and Unicode form, finds the same steps",
        arguments: [
            ["mức 2", "muc 2", "MUC 2", "Mu\u{031B}\u{0301}c 2"],
            ["đường link", "duong link", "DUONG LINK", "Đường Link"],
            ["đà nẵng", "da nang", "Da Nang"],
        ])
    func diacriticsFold(_ spellings: [String]) throws {
        let centre = try SearchCentre()
        let index = try centre.store.searchIndex()
        let expected = Self.places(try index.search([spellings[0]]))
        #expect(!expected.isEmpty)
        for spelling in spellings.dropFirst() {
            #expect(Self.places(try index.search([spelling])) == expected, "\(spelling)")
        }
    }

    @Test("a query that matches nothing returns no result, and a query of no words none either")
    func noResult() throws {
        let centre = try SearchCentre()
        let index = try centre.store.searchIndex()
        #expect(try index.search(["xyzzy"]).isEmpty)
        #expect(try index.search(["muc 2 xyzzy"]).isEmpty)
        #expect(try index.search(["", "?!"]).isEmpty)
    }

    @Test("the result names course, lesson and step, and the line that matched as written")
    func hitDetails() throws {
        let centre = try SearchCentre()
        let index = try centre.store.searchIndex()
        let hits = try index.search(["ma otp"])
        let otp = try index.search(["otp"]).map(\.stepTitle)
        let hit = try #require(hits.first, "otp alone: \(otp)")
        #expect(hit.courseTitle == "An toàn trên mạng")
        #expect(hit.lessonTitle == "Đường link lạ và mã OTP")
        #expect(hit.stepTitle == "Mã OTP")
        #expect(hit.stepIndex == 1)
        #expect(hit.matchingLine == "Không bao giờ đọc mã OTP cho người khác, kể cả người xưng là nhân viên ngân hàng.")
    }

    @Test("a deleted index is rebuilt from the installed courses when opened")
    func missingIndexRebuilt() throws {
        let centre = try SearchCentre()
        try FileManager.default.removeItem(at: centre.store.searchIndexURL)
        #expect(try centre.store.searchIndexStaleness() == (3, 0))
        #expect(!(try centre.store.searchIndex().search(["otp"]).isEmpty))
        #expect(try centre.store.searchIndexStaleness() == (0, 0))
    }

    @Test("a damaged index file is replaced, not trusted and not fatal")
    func damagedIndexReplaced() throws {
        let centre = try SearchCentre()
        for suffix in ["-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: centre.store.searchIndexURL.path + suffix)
        }
        try Data(repeating: 0x5A, count: 8192).write(to: centre.store.searchIndexURL)
        #expect(Self.places(try centre.store.searchIndex().search(["otp"])).first == "an-toan/duong-link/ma-otp")
        // Replaced on disk, not only worked around in memory.
        let header = try Data(contentsOf: centre.store.searchIndexURL).prefix(15)
        #expect(String(decoding: header, as: UTF8.self) == "SQLite format 3")
    }

    @Test("installing a new version replaces the course's steps in the index")
    func reinstallUpdates() throws {
        let centre = try SearchCentre()
        let work = centre.folder.path("v2/an-toan")
        try FileManager.default.createDirectory(at: centre.folder.path("v2"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: SearchCentre.fixture("an-toan"), to: work)
        let yaml = work.appendingPathComponent("course.yaml")
        try String(contentsOf: yaml, encoding: .utf8).replacingOccurrences(of: "version: 1", with: "version: 2")
            .write(to: yaml, atomically: true, encoding: .utf8)
        let lesson = work.appendingPathComponent("01-duong-link.md")
        try String(contentsOf: lesson, encoding: .utf8).replacingOccurrences(of: "Mã OTP", with: "Mã xác thực")
            .replacingOccurrences(of: "mã OTP", with: "mã xác thực")
            .write(to: lesson, atomically: true, encoding: .utf8)
        try centre.install(SearchCentre.compile(work), from: work)
        // The install itself updated the file: a plain open (no refresh) already sees it.
        let index = try SearchIndex(url: centre.store.searchIndexURL)
        #expect(try index.search(["otp"]).isEmpty)
        #expect(Self.places(try index.search(["ma xac thuc"])).first == "an-toan/duong-link/ma-xac-thuc")
        #expect(try centre.store.searchIndexStaleness() == (0, 0))
    }
}
