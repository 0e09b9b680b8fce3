import Foundation
import GRDB
import Testing

@testable import ProgressStore

/// Issue 13: a learner name holding terminal escape sequences was stored and printed raw by
/// `center learners list` and the client's header.
@Suite struct ControlCharacterTests {
    static let hostile = ["Lan\u{1B}[2J", "Lan\u{7}", "Lan\u{9B}31m", "Lan\u{0}"]

    @Test(arguments: hostile)
    func learnerNamesWithEscapesReachedTheTerminal(name: String) throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let error = #expect(throws: ProgressStoreError.self) {
            try store.addLearner(NewLearner(code: "LAN1", displayName: name, birthYear: 1990, commune: "X"))
        }
        #expect(error?.kind == .invalidLearner)
        #expect(error?.field == "name")
        #expect(try store.learners().isEmpty)
        #expect(try store.eventCount == 0)
    }

    @Test func lineBreaksInANameBecomeOneSpace() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let added = try store.addLearner(
            NewLearner(code: "LAN1", displayName: "Lan\r\nHoa", birthYear: 1990, commune: "X"))
        #expect(added.displayName == "Lan Hoa")
    }

    @Test func aCommuneWithEscapesIsRefusedToo() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        #expect(throws: ProgressStoreError.self) {
            try store.addLearner(
                NewLearner(code: "LAN1", displayName: "Lan", birthYear: 1990, commune: "Xã\u{1B}]0;pwned\u{7}"))
        }
        #expect(try store.learners().isEmpty)
    }
}
