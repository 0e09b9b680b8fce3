import Foundation
import GRDB
import Testing

@testable import ProgressStore

@Suite("Learners")
struct LearnerTests {
    @Test func addNormalisesAndRecordsAnEvent() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let nfdName = "  Trần   Văn Đức ".decomposedStringWithCanonicalMapping
        let added = try store.addLearner(
            NewLearner(code: "duc7", displayName: nfdName, birthYear: 1955, gender: .nam, commune: "Phường Hoà Bình"))
        #expect(added.code == "DUC7")
        #expect(Array(added.displayName.utf8) == Array("Trần Văn Đức".precomposedStringWithCanonicalMapping.utf8))
        #expect(try store.learner(code: "duc7") == added)
        let events = try store.events(afterSeq: 0, limit: 10)
        #expect(events.map(\.kind) == [.learnerRegistered])
        #expect(events[0].learner == "DUC7")
        // Public facts only: no name, no PIN.
        #expect(!events[0].payload.json.contains("Đức") && !events[0].payload.json.contains("pin"))
        #expect(events[0].learnerFacts?.birthYear == 1955)
    }

    @Test(arguments: [
        (NewLearner(code: "AB", displayName: "A", birthYear: 1990, commune: "X"), "code"),
        (NewLearner(code: "ABCDEFGHI", displayName: "A", birthYear: 1990, commune: "X"), "code"),
        (NewLearner(code: "LAN-1", displayName: "A", birthYear: 1990, commune: "X"), "code"),
        (NewLearner(code: "LÂN1", displayName: "A", birthYear: 1990, commune: "X"), "code"),
        (NewLearner(code: "LAN1", displayName: "   ", birthYear: 1990, commune: "X"), "name"),
        (NewLearner(code: "LAN1", displayName: "A", birthYear: 1899, commune: "X"), "birth_year"),
        (NewLearner(code: "LAN1", displayName: "A", birthYear: 2027, commune: "X"), "birth_year"),
        (NewLearner(code: "LAN1", displayName: "A", birthYear: 1990, commune: ""), "commune"),
        (NewLearner(code: "LAN1", displayName: "A", birthYear: 1990, commune: "X", pin: "123"), "pin"),
        (NewLearner(code: "LAN1", displayName: "A", birthYear: 1990, commune: "X", pin: "1234567"), "pin"),
        (NewLearner(code: "LAN1", displayName: "A", birthYear: 1990, commune: "X", pin: "12a4"), "pin"),
    ])
    func rejectsInvalidFields(learner: NewLearner, field: String) throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()  // the clock says 2026
        let error = #expect(throws: ProgressStoreError.self) { try store.addLearner(learner) }
        #expect(error?.kind == .invalidLearner)
        #expect(error?.field == field)
        #expect(try store.learners().isEmpty)
        #expect(try store.eventCount == 0)
    }

    @Test func codesAreUniqueCaseInsensitively() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        try store.addLearner(Sample.learner("LAN24"))
        let error = #expect(throws: ProgressStoreError.self) { try store.addLearner(Sample.learner("lan24")) }
        #expect(error?.kind == .duplicateCode)
        #expect(try store.eventCount == 1)
    }

    @Test func pinIsHashedAndVerified() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        try store.addLearner(Sample.learner("MINH7", name: "Lê Minh", pin: "2468"))
        try store.addLearner(Sample.learner("HOA1", name: "Hoa"))
        let stored = try store.pool.read {
            try String.fetchOne($0, sql: "SELECT pin_hash FROM learners WHERE code = 'MINH7'")
        }
        #expect(stored?.hasPrefix("pbkdf2-sha256$210000$") == true)
        #expect(stored?.contains("2468") == false)
        #expect(try store.verifyPIN(code: "minh7", pin: "2468"))
        #expect(try !store.verifyPIN(code: "MINH7", pin: "2469"))
        #expect(try !store.verifyPIN(code: "MINH7", pin: nil))
        #expect(try store.verifyPIN(code: "HOA1", pin: nil))  // no PIN set
        #expect(try !store.verifyPIN(code: "NOBODY", pin: "2468"))
        #expect(try store.learner(code: "MINH7")?.hasPIN == true)
    }

    @Test func updateChangesFactsAndRecordsAnEvent() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        try store.addLearner(Sample.learner("LAN1", pin: "1234"))
        let changed = try store.updateLearner(code: "lan1", LearnerChange(commune: "Xã Mới", removePIN: true))
        #expect(changed.commune == "Xã Mới" && !changed.hasPIN)
        let events = try store.events(afterSeq: 0, limit: 10)
        #expect(events.map(\.kind) == [.learnerRegistered, .learnerUpdated])
        #expect(events[1].learnerFacts?.commune == "Xã Mới")
    }

    @Test(arguments: [
        ("Nguyễn Thị Lan", ["LAN1", "LAN2", "LAN3"]),
        ("Trần Văn Đức", ["DUC1", "DUC2", "DUC3"]),
        ("Ý", ["Y10", "Y11", "Y12"]),
        ("Phạm Nguyễn Khánh Huyền", ["HUYEN1", "HUYEN2", "HUYEN3"]),
        ("!!!", ["HV1", "HV2", "HV3"]),
    ])
    func suggestsFreeEasyCodes(name: String, expected: [String]) throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        var got: [String] = []
        for _ in expected {
            let code = try store.suggestCode(for: name)
            got.append(code)
            try store.addLearner(NewLearner(code: nil, displayName: name, birthYear: 1970, commune: "X"))
        }
        #expect(got == expected)
        #expect(try store.learners().map(\.code).sorted() == expected.sorted())
    }

    @Test func demoLearnerIsCreatedOnce() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let demo = try store.ensureDemoLearner()
        #expect(demo.code == "DEMO" && demo.displayName == "Người học thử")
        #expect(try store.ensureDemoLearner() == demo)
        #expect(try store.learners().count == 1)
        #expect(try store.eventCount == 1)
    }
}
