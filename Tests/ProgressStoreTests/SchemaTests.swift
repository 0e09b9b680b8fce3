import Foundation
import GRDB
import LearnerEvents
import Testing

@testable import ProgressStore

@Suite("Schema and opening")
struct SchemaTests {
    @Test func anEmptyFileIsReplacedByANewDatabase() throws {
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
        let applied = try second.pool.read { try Schema.migrator(keyFile: nil).appliedIdentifiers($0) }
        #expect(
            applied == [
                "v1-centre", "v2-sync", "v3-answers-from-log", "v4-event-checks-without-lists", "v5-event-kinds-table",
                "v6-key-out-of-database",
                "v7-kiosk-and-pin-attempts", "v8-groups-and-assignments", "v9-certificates",
            ])
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

    /// Rows the events table must refuse, each breaking one invariant (v4 and v5 keep v1's invariants).
    @Test(arguments: [
        ("an unknown kind", "'lesson.skipped'", "'c'", "'l'", "NULL", "NULL"),
        ("an answer without an item", "'answer.submitted'", "'c'", "'l'", "NULL", "1"),
        ("a step without an item", "'step.read'", "'c'", "'l'", "NULL", "NULL"),
        ("an answer without an attempt", "'answer.submitted'", "'c'", "'l'", "'q1'", "NULL"),
        ("a finished quiz without an attempt", "'quiz.finished'", "'c'", "'l'", "NULL", "NULL"),
        ("a started quiz without an attempt", "'quiz.started'", "'c'", "'l'", "NULL", "NULL"),
        ("a lesson event without a course", "'lesson.opened'", "NULL", "'l'", "NULL", "NULL"),
        ("a lesson event without a lesson", "'lesson.opened'", "'c'", "NULL", "NULL", "NULL"),
    ])
    func eventsRefuseBrokenRows(
        _ what: String, kind: String, course: String, lesson: String, item: String, attempt: String
    ) throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        try store.addLearner(Sample.learner("LAN1"))
        let sql = """
            INSERT INTO events VALUES
                (?, 99, \(kind), 'LAN1', 1, 1, \(course), 1, \(lesson), \(item), \(attempt), '{}')
            """
        let error = #expect(throws: DatabaseError.self, "\(what) was stored") {
            try store.pool.write { try $0.execute(sql: sql, arguments: [store.nodeId]) }
        }
        // Kinds are rows of `event_kinds` (the list comes from `EventKind.known`): an unknown one
        // fails the foreign key; every other broken row fails a CHECK.
        #expect(
            error?.extendedResultCode
                == (what == "an unknown kind" ? .SQLITE_CONSTRAINT_FOREIGNKEY : .SQLITE_CONSTRAINT_CHECK))
        #expect(try store.eventCount == 1)
    }

    @Test func eventChecksBuildNoTemporaryTables() throws {
        // A regression pin: `kind IN (…)` in a CHECK made every insert build and drop a b-tree.
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let opcodes = try store.pool.read { conn in
            try Row.fetchAll(
                conn, sql: "EXPLAIN \(CentreStore.insertEventSQL)",
                arguments: StatementArguments([DatabaseValue](repeating: .null, count: 12))
            ).map { $0["opcode"] as String }
        }
        #expect(!opcodes.isEmpty)
        #expect(!opcodes.contains("OpenEphemeral"))
    }

    @Test func v4KeepsTheEventsOfAnEarlierDatabase() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        // A centre database as v3 left it, with a learner and a few events.
        do {
            let queue = try DatabaseQueue(path: db.path.path)
            try Schema.migrator(keyFile: nil).migrate(queue, upTo: "v3-answers-from-log")
            try queue.write { conn in
                let node = try String.fetchOne(conn, sql: "SELECT value FROM meta WHERE key = 'node_id'") ?? ""
                try conn.execute(
                    sql: """
                        INSERT INTO learners VALUES ('LAN1', 'Lan', 1968, 'nu', 'Tân Phú', NULL, 1, 1);
                        INSERT INTO events VALUES
                            (?1, 1, 'learner.registered', 'LAN1', 1, 1, NULL, NULL, NULL, NULL, NULL, '{"birthYear":1968}'),
                            (?1, 2, 'quiz.started', 'LAN1', 2, 2, 'c', 1, 'l', NULL, 1, '{}'),
                            (?1, 3, 'answer.submitted', 'LAN1', 3, 3, 'c', 1, 'l', 'q1', 1,
                             '{"correct":true,"maxScore":1,"response":{"choice":"a"},"score":1}');
                        """, arguments: [node])
                try DerivedProgress.rebuild(conn)
            }
        }
        let before = try DatabaseQueue(path: db.path.path).read {
            try Row.fetchAll($0, sql: "SELECT * FROM events ORDER BY seq")
        }
        let store = try db.open()
        let after = try store.pool.read { try Row.fetchAll($0, sql: "SELECT * FROM events ORDER BY seq") }
        #expect(after == before)
        #expect(try store.answers(learner: "LAN1", course: "c", lesson: "l", attempt: 1).map(\.questionId) == ["q1"])
        #expect(throws: DatabaseError.self) { try store.pool.write { try $0.execute(sql: "DELETE FROM events") } }
        #expect(try store.doctor(repair: false, folder: db.folder).isHealthy)
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
