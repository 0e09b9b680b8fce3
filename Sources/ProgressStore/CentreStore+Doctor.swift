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

    /// Checks the database: SQLite integrity, foreign keys, gap-free seqs, and that derived progress
    /// equals a rebuild from the log. The rebuild runs in a scratch copy (a consistent snapshot
    /// taken with SQLite's backup API), so learners keep working meanwhile. With `repair`,
    /// differing derived tables are rebuilt in place.
    public func doctor(repair: Bool) throws -> DoctorReport {
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
            let differences = try compareWithRebuild()
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

    /// Copies the database to a scratch file, rebuilds derived tables there from its log, and
    /// compares them with the copy's live derived tables (both from one snapshot).
    private func compareWithRebuild() throws -> [DoctorReport.Difference] {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("hocso-doctor-\(UUID().uuidString).sqlite")
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                try? FileManager.default.removeItem(atPath: scratch.path + suffix)
            }
        }
        let copy = try DatabaseQueue(path: scratch.path)
        try pool.backup(to: copy)
        return try copy.writeWithoutTransaction { db in
            for table in Schema.derivedTables {
                try db.execute(sql: "CREATE TEMP TABLE live_\(table) AS SELECT * FROM main.\(table)")
            }
            try db.inTransaction {
                try DerivedProgress.rebuild(db)
                return .commit
            }
            return try Schema.derivedTables.compactMap { table in
                let unexpected =
                    try Int.fetchOne(
                        db,
                        sql:
                            "SELECT count(*) FROM (SELECT * FROM temp.live_\(table) EXCEPT SELECT * FROM main.\(table))"
                    ) ?? 0
                let missing =
                    try Int.fetchOne(
                        db,
                        sql:
                            "SELECT count(*) FROM (SELECT * FROM main.\(table) EXCEPT SELECT * FROM temp.live_\(table))"
                    ) ?? 0
                return unexpected + missing == 0
                    ? nil : DoctorReport.Difference(table: table, unexpectedRows: unexpected, missingRows: missing)
            }
        }
    }
}
