import Foundation
import GRDB
import GRDBSQLite

/// A statement GRDB prepared and caches, bound and stepped through SQLite's C API.
///
/// Recording an answer is the hot path (one per commit, see `tools/bench-answers`): there GRDB's
/// argument arrays, row objects and per-statement bookkeeping cost more CPU than SQLite's own
/// work. GRDB still owns the statement (prepares it once, finalizes it when the connection
/// closes); this only skips its per-execution layers. Use it on the writer, inside
/// `writeWithoutTransaction`, and only for statements that need none of GRDB's observation.
struct RawStatement {
    /// SQLite copies the bytes before the bind call returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    private let statement: SQLiteStatement
    private let connection: SQLiteConnection

    /// The cached statement for `sql` on `db`'s connection.
    init(_ sql: String, _ db: Database) throws {
        guard let connection = db.sqliteConnection else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "connection is closed")
        }
        self.connection = connection
        statement = try db.cachedStatement(sql: sql).sqliteStatement
        // GRDB leaves a statement as its last step did, and SQLite refuses binds until a reset.
        sqlite3_reset(statement)
    }

    func bind(_ index: Int32, _ value: String?) {
        guard var value else {
            sqlite3_bind_null(statement, index)
            return
        }
        value.withUTF8 { buffer in
            _ = sqlite3_bind_text(
                statement, index, buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                Int32(buffer.count), Self.transient)
        }
    }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }

    func bind(_ index: Int32, _ value: Int?) { bind(index, value.map(Int64.init)) }

    /// Runs a statement that returns no rows (or whose rows do not matter) to its end.
    func run() throws {
        defer { sqlite3_reset(statement) }
        var code = sqlite3_step(statement)
        while code == SQLITE_ROW { code = sqlite3_step(statement) }
        guard code == SQLITE_DONE else { throw error(code) }
    }

    /// Steps to the first row and hands it to `read`; nil when there is none.
    func firstRow<T>(_ read: (Row) -> T) throws -> T? {
        defer { sqlite3_reset(statement) }
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return read(Row(statement: statement))
        case SQLITE_DONE: return nil
        case let code: throw error(code)
        }
    }

    /// The current row of a stepped statement, read column by column.
    struct Row {
        fileprivate let statement: SQLiteStatement

        func int64(_ column: Int32) -> Int64? {
            sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, column)
        }

        func int(_ column: Int32) -> Int? { int64(column).map { Int($0) } }

        /// Whether the column holds exactly the text `value` (compared as UTF-8 bytes).
        func text(_ column: Int32, equals value: StaticString) -> Bool {
            guard let bytes = sqlite3_column_text(statement, column) else { return false }
            let count = Int(sqlite3_column_bytes(statement, column))
            guard count == value.utf8CodeUnitCount else { return false }
            return memcmp(bytes, value.utf8Start, count) == 0
        }
    }

    /// SQLite's error as GRDB reports it, so callers match result codes alike on both paths.
    private func error(_ code: Int32) -> DatabaseError {
        let message = sqlite3_errmsg(connection).map { String(cString: $0) }
        return DatabaseError(
            resultCode: ResultCode(rawValue: code), message: message, sql: String(cString: sqlite3_sql(statement)))
    }
}
