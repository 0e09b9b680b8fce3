import Foundation
import GRDB
import Testing

@testable import ProgressStore

@Suite("Schema and opening")
struct SchemaTests {
    @Test func migratesAnEmptyFile() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        #expect(FileManager.default.createFile(atPath: db.path.path, contents: Data()))
        let store = try db.open()
        #expect(NodeId.isValid(store.nodeId))
        try store.pool.read { conn in
            let tables = try String.fetchSet(conn, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            for table in ["meta", "learners", "events", "course_progress", "lesson_progress", "hub_acknowledgements"] {
                #expect(tables.contains(table), "missing \(table)")
            }
            #expect(try String.fetchOne(conn, sql: "PRAGMA journal_mode") == "wal")
            #expect(try Int.fetchOne(conn, sql: "PRAGMA synchronous") == 2)  // FULL
            #expect(try Int.fetchOne(conn, sql: "PRAGMA foreign_keys") == 1)
            #expect(try Int.fetchOne(conn, sql: "PRAGMA busy_timeout") ?? 0 >= 10_000)
        }
    }

    @Test func reopeningKeepsTheNodeIdAndSchema() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let first = try db.open().nodeId
        let second = try db.open()
        #expect(second.nodeId == first)
        let applied = try second.pool.read { try Schema.migrator.appliedIdentifiers($0) }
        #expect(applied == ["v1-centre", "v2-sync", "v3-answers-from-log"])
    }

    @Test func writerConnectionIsAlsoFull() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let level = try store.pool.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        #expect(level == 2)
    }

    @Test func eventsAreAppendOnly() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        try store.addLearner(Sample.learner("LAN1"))
        #expect(throws: DatabaseError.self) {
            try store.pool.write { try $0.execute(sql: "UPDATE events SET learner = 'LAN1'") }
        }
        #expect(throws: DatabaseError.self) {
            try store.pool.write { try $0.execute(sql: "DELETE FROM events") }
        }
        #expect(try store.eventCount == 1)
    }

    @Test func defaultPathFollowsTheEnvironmentOrder() {
        // HOCSO_DB wins when set (the CLI relies on it); otherwise a path under a data folder.
        let path = CentreStore.defaultPath.path
        if let explicit = ProcessInfo.processInfo.environment["HOCSO_DB"], !explicit.isEmpty {
            #expect(path == URL(fileURLWithPath: explicit).path)
        } else {
            #expect(path.hasSuffix("hocso/centre.sqlite"))
        }
    }
}
