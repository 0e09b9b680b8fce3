import Foundation
import GRDB
import Testing

@testable import ProgressStore

/// The kiosk settings and the wrong-PIN limit, kept in the centre database so that closing the
/// client or moving to another terminal changes nothing.
@Suite("Kiosk settings and PIN attempts")
struct KioskAndPINTests {
    final class Clock: @unchecked Sendable {
        var now: Int64 = 1_772_323_200_000
    }

    @Test(arguments: [
        (1, 0), (4, 0), (5, 30_000), (6, 60_000), (7, 120_000), (10, 960_000), (11, 1_800_000), (40, 1_800_000),
    ])
    func theWaitGrowsAfterFiveWrongPINs(failures: Int, delayMs: Int64) {
        #expect(PINLockPolicy.delayMs(afterFailures: failures) == delayMs)
    }

    @Test func fifteenWrongPINsInARowMeetALimitThatSurvivesARestart() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let clock = Clock()
        var store = try db.open(clock: { clock.now })
        try store.addLearner(Sample.learner("LAN1", pin: "1234"))
        for attempt in 1...4 {
            #expect(try store.attemptPIN(code: "lan1", pin: "0000") == .wrong(failures: attempt, lockedUntil: nil))
        }
        #expect(try store.attemptPIN(code: "LAN1", pin: "0000") == .wrong(failures: 5, lockedUntil: clock.now + 30_000))
        // A new client (another process) sees the same wait; the right PIN is not even checked.
        store = try db.open(clock: { clock.now })
        #expect(try store.attemptPIN(code: "LAN1", pin: "1234") == .locked(until: clock.now + 30_000))
        clock.now += 30_001
        #expect(try store.attemptPIN(code: "LAN1", pin: "9999") == .wrong(failures: 6, lockedUntil: clock.now + 60_000))
        clock.now += 60_001
        #expect(try store.attemptPIN(code: "LAN1", pin: "1234") == .accepted)
        #expect(try store.pinFailures(code: "LAN1") == 0)
    }

    @Test func theStaffResetClearsTheWaitAndSetsOrRemovesThePIN() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        try store.addLearner(Sample.learner("LAN1", pin: "1234"))
        for _ in 1...6 { _ = try store.attemptPIN(code: "LAN1", pin: "0000") }
        #expect(try store.pinFailures(code: "LAN1") == 5, "the sixth came during the wait and was not checked")
        try store.resetPIN(code: "LAN1", newPIN: "5678")
        #expect(try store.pinFailures(code: "LAN1") == 0)
        #expect(try store.attemptPIN(code: "LAN1", pin: "5678") == .accepted)
        let removed = try store.resetPIN(code: "LAN1", remove: true)
        #expect(!removed.hasPIN)
        #expect(try store.attemptPIN(code: "LAN1", pin: "") == .accepted)
        #expect(throws: ProgressStoreError.self) { try store.resetPIN(code: "LAN1", newPIN: "12") }
        #expect(throws: ProgressStoreError.self) { try store.resetPIN(code: "NOBODY") }
    }

    @Test func anUnknownCodeIsSaidSo() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        #expect(try db.open().attemptPIN(code: "NOBODY", pin: "1234") == .unknownLearner)
    }

    @Test func kioskSettingsStartStandardAndChange() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        #expect(try store.clientSettings() == .standard)
        #expect(try store.verifyOperatorCode("anything"))
        let set = try store.setClientSettings(kiosk: true, idleMinutes: 15, operatorCode: "2468")
        #expect(set == ClientSettings(kiosk: true, idleMinutes: 15, hasOperatorCode: true))
        #expect(try store.verifyOperatorCode("2468"))
        #expect(try !store.verifyOperatorCode("1357"))
        #expect(try store.setClientSettings(operatorCode: "").hasOperatorCode == false)
        #expect(throws: ProgressStoreError.self) { try store.setClientSettings(idleMinutes: 0) }
        #expect(throws: ProgressStoreError.self) { try store.setClientSettings(operatorCode: "12ab") }
        // The database's own checks hold even without the store's.
        #expect(throws: DatabaseError.self) {
            try store.pool.write { try $0.execute(sql: "UPDATE client_settings SET idle_minutes = 999") }
        }
    }
}
