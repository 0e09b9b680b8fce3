import Foundation
import Packs
import TestSupport
import Testing

/// `hocso center doctor` checks the search index against the installed courses, and
/// `--repair` rebuilds it.
struct SearchDoctorTests {
    @Test("doctor says the index lacks deleted courses, --repair rebuilds it, then doctor says it is whole")
    func doctorRepairsTheIndex() throws {
        let centre = try SearchCentre()
        let db = centre.folder.path("centre.sqlite").path
        #expect(try Program.hocso.run(["center", "demo", "--db", db]).status == 0)
        let store = centre.store.root.path
        let doctor = ["center", "doctor", "--db", db, "--store", store]

        let whole = try Program.hocso.run(doctor)
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(whole.stdout.contains("Lesson search index: all 3 installed courses are in it."), "\(whole.stdout)")

        try FileManager.default.removeItem(at: centre.store.searchIndexURL)
        let stale = try Program.hocso.run(doctor)
        #expect(stale.status == 0, "an out-of-date index is not a failure: \(stale.stderr)")
        #expect(stale.stdout.contains("3 courses missing or out of date"), "\(stale.stdout)")
        #expect(!FileManager.default.fileExists(atPath: centre.store.searchIndexURL.path), "checking wrote nothing")

        let repaired = try Program.hocso.run(doctor + ["--repair"])
        #expect(repaired.status == 0, "\(repaired.stderr)")
        #expect(repaired.stdout.contains("Rebuilt the lesson search index: 3 courses."), "\(repaired.stdout)")
        #expect(try centre.store.searchIndexStaleness() == (0, 0))

        let vietnamese = try Program.hocso.run(doctor, environment: ["HOCSO_LANG": "vi"])
        #expect(vietnamese.stdout.contains("Chỉ mục tìm bài học: đủ 3 khoá học đã cài."), "\(vietnamese.stdout)")
    }
}
