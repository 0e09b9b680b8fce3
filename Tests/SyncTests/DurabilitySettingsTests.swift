import Foundation
import GRDB
import HubStoreSQLite
import TestSupport
import Testing

@testable import ProgressStore

/// What "acknowledged" rests on, read back from the connections that commit, not taken from the
/// stores' own start-up checks: every writer runs in WAL mode with `synchronous=FULL`, so a
/// commit is on disk before an answer is shown as saved or a receipt is signed.
@Suite("Durability settings of every writer connection")
struct DurabilitySettingsTests {
    /// `PRAGMA journal_mode` and `PRAGMA synchronous` as one connection sees them.
    static func settings(_ db: Database) throws -> (journal: String?, synchronous: Int?) {
        (
            try String.fetchOne(db, sql: "PRAGMA journal_mode"),
            try Int.fetchOne(db, sql: "PRAGMA synchronous")
        )
    }

    @Test func theCentreWriterIsWALAndFull() throws {
        let folder = try TemporaryFolder("durability")
        let path = folder.path("centre.sqlite")
        // Made new, then opened again as every later command opens it.
        for mode in [CentreStore.OpenMode.createIfMissing, .existing] {
            let store = try CentreStore(path: path, mode: mode)
            let seen = try store.pool.writeWithoutTransaction { try Self.settings($0) }
            #expect(seen.journal == "wal")
            #expect(seen.synchronous == 2)  // FULL
        }
    }

    @Test func theHubWriterIsWALAndFull() throws {
        let folder = try TemporaryFolder("durability")
        for _ in 0..<2 {  // made new, then reopened
            let store = try SQLiteHubStore(path: folder.path("hub.sqlite"))
            let seen = try store.write { try Self.settings($0) }
            #expect(seen.journal == "wal")
            #expect(seen.synchronous == 2)  // FULL
        }
    }
}
