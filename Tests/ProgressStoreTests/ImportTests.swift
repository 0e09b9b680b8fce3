import Foundation
import Testing

@testable import ProgressStore

@Suite("Importing learner lists")
struct ImportTests {
    @Test func vietnameseFileWithBOMNFDAndBadRows() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let data = try Data(contentsOf: FixtureFiles.progress.appendingPathComponent("learners-vi-bom.csv"))
        let report = try store.importLearners(csv: data)

        #expect(report.imported.map(\.code) == ["LAN24", "MINH7", "THU1", "KHA2"])
        let minh = try #require(try store.learner(code: "MINH7"))
        #expect(Array(minh.displayName.utf8) == Array("Lê Văn Minh".precomposedStringWithCanonicalMapping.utf8))
        #expect(Array(minh.commune.utf8) == Array("Xã Hoà An".precomposedStringWithCanonicalMapping.utf8))
        #expect(minh.hasPIN)
        #expect(try store.verifyPIN(code: "MINH7", pin: "2468"))
        #expect(try store.learner(code: "THU1")?.commune == "Thôn 3, Xã Tân Phú")
        #expect(try store.learner(code: "THU1")?.gender == .nu)
        #expect(try store.learner(code: "KHA2")?.displayName == "Hà \"Bé\" Kha")
        #expect(try store.learner(code: "KHA2")?.commune == "Xã Tân Phú")

        let problems = report.problems.map { "\($0.line) \($0.field ?? "-") \($0.kind.rawValue)" }
        #expect(
            problems == [
                "5 code invalid-learner",
                "6 birth_year invalid-learner",
                "7 code duplicate-code",
                "8 gender invalid-learner",
                "9 pin invalid-learner",
            ])
        // No learner data in the messages: a row number and a field identify the problem.
        for problem in report.problems {
            for text in [problem.phrase.vi, problem.phrase.en] {
                #expect(!text.contains("Đỗ") && !text.contains("LAN24"))
            }
        }
        #expect(try store.eventCount == 4)
    }

    @Test func englishHeadersAndRowsAlreadyRegistered() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        try store.addLearner(Sample.learner("THU1"))
        let data = try Data(contentsOf: FixtureFiles.progress.appendingPathComponent("learners-en.csv"))
        let report = try store.importLearners(csv: data)
        #expect(report.imported.isEmpty)
        #expect(report.problems.map(\.line) == [2, 3])
        #expect(report.problems.map(\.kind) == [.duplicateCode, .invalidLearner])
    }

    @Test(arguments: [
        ("ma;ho_ten;nam_sinh;gioi_tinh;xa\nAN12;Bùi An;1990;nam;Xã X\n", ["AN12"]),
        ("Mã,Họ tên,Năm sinh,Giới tính,Xã\nAN12,Bùi An,1990,,Xã X\n", ["AN12"]),
        ("name,birth_year,commune\nBùi An,1990,Xã X\nBùi An,1991,Xã X\n", ["AN1", "AN2"]),
    ])
    func headerSpellingsAndSeparators(csv: String, codes: [String]) throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let report = try store.importLearners(csv: Data(csv.utf8))
        #expect(report.problems.isEmpty)
        #expect(report.imported.map(\.code) == codes)
    }

    @Test(arguments: [
        (Data("ma,ho_ten\nAN1,An\n".utf8), "birth_year"),
        (Data([0x6d, 0x61, 0xff, 0xfe, 0x0a]), "UTF-8"),
        (Data(), "empty"),
        (Data("ma,ho_ten,nam_sinh,xa\nAN1,\"An,1990,X\n".utf8), "never closed"),
    ])
    func unreadableFilesAreRefusedWhole(data: Data, mention: String) throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let error = #expect(throws: ProgressStoreError.self) { try store.importLearners(csv: data) }
        #expect(error?.kind == .invalidCSV)
        #expect(error?.phrase.en.contains(mention) == true)
        #expect(try store.learners().isEmpty)
    }

    /// `LearnerList.read` is the import's checking half (what the learners-csv fuzz target runs):
    /// it must judge every row as the import does, without a database.
    @Test func readingAListJudgesRowsAsTheImportDoes() throws {
        let data = try Data(contentsOf: FixtureFiles.progress.appendingPathComponent("learners-vi-bom.csv"))
        let list = try LearnerList.read(csv: data, currentYear: 2026)
        let db = try TestDatabase()
        defer { db.remove() }
        let report = try db.open().importLearners(csv: data)
        #expect(list.rows.count == report.imported.count)
        #expect(list.problems == report.problems)
        // Rows that name their code keep it; the others get one made by the import.
        #expect(Set(list.rows.compactMap(\.learner.code)).isSubset(of: Set(report.imported.map(\.code))))
    }
}
