import Foundation
import GRDB

/// What `doctor` found.
public struct DoctorReport: Sendable, Equatable {
    /// A derived table whose live rows differ from a rebuild.
    public struct Difference: Sendable, Equatable {
        /// The table.
        public var table: String
        /// Rows live but not in the rebuild (wrong or extra).
        public var unexpectedRows: Int
        /// Rows in the rebuild but not live (missing).
        public var missingRows: Int
    }

    /// `PRAGMA integrity_check` lines; `["ok"]` when sound.
    public var integrity: [String]
    /// `PRAGMA foreign_key_check` violations.
    public var foreignKeyViolations: Int
    /// Events counted.
    public var eventCount: Int
    /// Whether the sequence numbers run 1…n without gaps.
    public var sequenceIsGapFree: Bool
    /// Derived tables that differ from a rebuild from the log.
    public var differences: [Difference]
    /// Whether derived progress was rebuilt.
    public var repaired: Bool

    /// Whether everything is sound (after any repair).
    public var isHealthy: Bool {
        integrity == ["ok"] && foreignKeyViolations == 0 && sequenceIsGapFree && (differences.isEmpty || repaired)
    }
}

extension CentreStore {
    /// Recomputes every derived table from the event log alone, in one transaction.
    public func rebuildDerived() throws {
        try storageErrors { try writeImmediate { db in try DerivedProgress.rebuild(db) } }
    }

    /// Where `doctor` keeps what it rebuilt last time: `$XDG_CACHE_HOME/hocso`, else `~/.cache/hocso`.
    public static var defaultDoctorFolder: URL {
        let env = ProcessInfo.processInfo.environment
        if let cache = env["XDG_CACHE_HOME"], !cache.isEmpty {
            return URL(fileURLWithPath: cache).appendingPathComponent("hocso")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/hocso")
    }

    /// Checks the database: SQLite integrity, foreign keys, gap-free seqs, and that derived
    /// progress equals a rebuild from the log. Learners keep working meanwhile.
    ///
    /// The rebuild is kept between runs in a cache file under `folder`: each run applies only
    /// the events recorded since the last one, then compares every derived row, so the time grows
    /// with the new events, not the log (the log's older events cannot change: they are
    /// append-only). `full` starts the rebuild from the first event. With `repair`, differing
    /// derived tables are rebuilt in place.
    public func doctor(repair: Bool, full: Bool = false, folder: URL = CentreStore.defaultDoctorFolder) throws
        -> DoctorReport
    {
        try storageErrors {
            let (integrity, fkViolations, count, maxSeq) = try pool.read { db in
                (
                    try String.fetchAll(db, sql: "PRAGMA integrity_check"),
                    try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count,
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM events WHERE node_id = ?", arguments: [nodeId])
                        ?? 0,
                    try Int.fetchOne(
                        db, sql: "SELECT coalesce(max(seq), 0) FROM events WHERE node_id = ?", arguments: [nodeId]) ?? 0
                )
            }
            let differences = try DoctorShadow(store: self, folder: folder).compare(full: full)
            var repaired = false
            if repair && !differences.isEmpty {
                try rebuildDerived()
                repaired = true
            }
            return DoctorReport(
                integrity: integrity, foreignKeyViolations: fkViolations, eventCount: count,
                sequenceIsGapFree: count == maxSeq, differences: differences, repaired: repaired)
        }
    }
}

/// The derived tables as the log alone makes them, kept in a cache file between doctor runs.
///
/// The cache holds only the derived tables and where it stands: the last seq applied and that
/// event's row, so a database restored from a backup, or another copy with the same node id,
/// is noticed and the rebuild starts again from the first event.
struct DoctorShadow {
    let store: CentreStore
    let file: URL

    init(store: CentreStore, folder: URL) {
        self.store = store
        // One cache per database file: copies of one centre do not share a rebuild.
        let tag = String(store.path.standardized.path.stableHash, radix: 36)
        file = folder.appendingPathComponent("doctor-\(store.nodeId)-\(tag).sqlite")
    }

    /// Brings the cached rebuild up to the live log's latest event and returns the derived
    /// tables whose live rows differ from it (both read from one snapshot).
    func compare(full: Bool) throws -> [DoctorReport.Difference] {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        if full { removeCache() }
        do {
            return try compareOnce()
        } catch {
            // A damaged or outdated cache is only a cache: start it again once.
            removeCache()
            return try compareOnce()
        }
    }

    private func compareOnce() throws -> [DoctorReport.Difference] {
        var config = Configuration()
        // The cache has no learners table: the derived rows' references are checked in the live database.
        config.foreignKeysEnabled = false
        config.busyMode = .timeout(CentreStore.busyTimeout)
        let cache = try DatabaseQueue(path: file.path, configuration: config)
        return try cache.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS live", arguments: [store.path.path])
            defer { try? db.execute(sql: "DETACH DATABASE live") }
            var differences: [DoctorReport.Difference] = []
            try db.inTransaction {
                // The first read of `live` fixes its snapshot for the rest of the transaction.
                let liveShape = try String.fetchAll(
                    db,
                    sql:
                        "SELECT sql FROM live.sqlite_schema WHERE tbl_name IN (\(Self.tableList)) AND sql IS NOT NULL ORDER BY type = 'table' DESC, name"
                )
                let node = store.nodeId
                let lastSeq =
                    try Int64.fetchOne(
                        db, sql: "SELECT coalesce(max(seq), 0) FROM live.events WHERE node_id = ?", arguments: [node])
                    ?? 0
                var through = try startingPoint(db, liveShape: liveShape)
                let moved =
                    through > 0 && through <= lastSeq ? try eventStamp(db, seq: through) != storedStamp(db) : false
                if through > lastSeq || moved {
                    try reset(db, liveShape: liveShape)
                    through = 0
                }
                let cursor = try Row.fetchCursor(
                    db, sql: "SELECT * FROM live.events WHERE node_id = ? AND seq > ? ORDER BY seq",
                    arguments: [node, through])
                while let row = try cursor.next() { try DerivedProgress.apply(CentreStore.event(from: row), db) }
                try db.execute(
                    sql: "INSERT OR REPLACE INTO doctor_state (key, value) VALUES ('through', ?), ('stamp', ?)",
                    arguments: [String(lastSeq), try eventStamp(db, seq: lastSeq)])
                for table in Schema.derivedTables {
                    let unexpected =
                        try Int.fetchOne(
                            db,
                            sql: "SELECT count(*) FROM (SELECT * FROM live.\(table) EXCEPT SELECT * FROM main.\(table))"
                        )
                        ?? 0
                    let missing =
                        try Int.fetchOne(
                            db,
                            sql: "SELECT count(*) FROM (SELECT * FROM main.\(table) EXCEPT SELECT * FROM live.\(table))"
                        )
                        ?? 0
                    if unexpected + missing > 0 {
                        differences.append(.init(table: table, unexpectedRows: unexpected, missingRows: missing))
                    }
                }
                return .commit
            }
            return differences
        }
    }

    /// The derived tables, quoted for an IN list.
    private static let tableList = Schema.derivedTables.map { "'\($0)'" }.joined(separator: ", ")

    /// Where the cache stands, resetting it when it is new or was made for another schema.
    private func startingPoint(_ db: Database, liveShape: [String]) throws -> Int64 {
        guard try db.tableExists("doctor_state", in: "main"),
            try String.fetchOne(db, sql: "SELECT value FROM doctor_state WHERE key = 'shape'")
                == liveShape.joined(separator: ";\n")
        else {
            try reset(db, liveShape: liveShape)
            return 0
        }
        return try String.fetchOne(db, sql: "SELECT value FROM doctor_state WHERE key = 'through'").flatMap(Int64.init)
            ?? 0
    }

    /// Empties the cache and makes the derived tables as the live database has them.
    private func reset(_ db: Database, liveShape: [String]) throws {
        let existing = try String.fetchAll(
            db, sql: "SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        for table in existing { try db.execute(sql: "DROP TABLE main.\"\(table)\"") }
        for sql in liveShape { try db.execute(sql: sql) }
        try db.execute(sql: "CREATE TABLE main.doctor_state (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")
        try db.execute(
            sql: "INSERT INTO main.doctor_state (key, value) VALUES ('shape', ?), ('through', '0')",
            arguments: [liveShape.joined(separator: ";\n")])
    }

    /// The live event at `seq`, as one text (empty for seq 0).
    private func eventStamp(_ db: Database, seq: Int64) throws -> String {
        try String.fetchOne(
            db,
            sql: """
                SELECT kind || '|' || learner || '|' || occurred_at || '|' || recorded_at || '|' || payload
                FROM live.events WHERE node_id = ? AND seq = ?
                """, arguments: [store.nodeId, seq]) ?? ""
    }

    private func storedStamp(_ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT value FROM doctor_state WHERE key = 'stamp'") ?? ""
    }

    private func removeCache() {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: file.path + suffix)
        }
    }
}

extension String {
    /// FNV-1a of the UTF-8 bytes: the same in every run (Swift's `hashValue` is seeded per process).
    fileprivate var stableHash: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }
}
