import Foundation
import GRDB
import GRDBSQLite

/// A statement GRDB prepared, bound and stepped through SQLite's C API.
///
/// For the hub's hot paths only — bulk event import (`tools/bench-sync`) and adding up a course's
/// item counts (`tools/bench-reports`): there GRDB's argument arrays, row objects and
/// per-statement bookkeeping cost more CPU than SQLite's own work (platform notes). GRDB still
/// owns the statement (prepares it, finalizes it when the connection closes); this only skips its
/// per-execution layers, so use it for statements that need none of GRDB's observation. The
/// methods are inlinable so that a bind is a direct C call in the caller's module.
public struct RawStatement {
    /// SQLite copies the bytes before the bind call returns.
    @usableFromInline static let transient = unsafeBitCast(
        OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    @usableFromInline let statement: SQLiteStatement
    @usableFromInline let connection: SQLiteConnection

    /// The cached statement for `sql` on `db`'s connection.
    public init(_ sql: String, _ db: Database) throws {
        try self.init(db.cachedStatement(sql: sql), db)
    }

    /// A statement GRDB made, with any arguments GRDB already bound to it.
    public init(_ statement: Statement, _ db: Database) throws {
        guard let connection = db.sqliteConnection else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "connection is closed")
        }
        self.connection = connection
        self.statement = statement.sqliteStatement
        // GRDB leaves a statement as its last step did; a reset keeps bound arguments and lets
        // SQLite accept new binds.
        sqlite3_reset(self.statement)
    }

    /// Binds text, or NULL.
    @inlinable public func bind(_ index: Int32, _ value: String?) {
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

    /// Binds an integer, or NULL.
    @inlinable public func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }

    /// Binds an integer, or NULL.
    @inlinable public func bind(_ index: Int32, _ value: Int?) { bind(index, value.map(Int64.init)) }

    /// Runs a statement that returns no rows (or whose rows do not matter) to its end.
    @inlinable public func run() throws {
        defer { sqlite3_reset(statement) }
        var code = sqlite3_step(statement)
        while code == SQLITE_ROW { code = sqlite3_step(statement) }
        guard code == SQLITE_DONE else { throw error(code) }
    }

    /// Steps to the first row and hands it to `read`; nil when there is none.
    @inlinable public func firstRow<T>(_ read: (Row) -> T) throws -> T? {
        defer { sqlite3_reset(statement) }
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return read(Row(statement: statement))
        case SQLITE_DONE: return nil
        case let code: throw error(code)
        }
    }

    /// Hands every row to `read`, in the statement's order.
    @inlinable public func forEachRow(_ read: (Row) throws -> Void) throws {
        defer { sqlite3_reset(statement) }
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_ROW: try read(Row(statement: statement))
            case SQLITE_DONE: return
            case let code: throw error(code)
            }
        }
    }

    /// What one run of an `INSERT … ON CONFLICT DO NOTHING` did.
    public enum InsertOutcome: Sendable {
        /// The row was added.
        case inserted
        /// A row with the same key was there already.
        case duplicate
        /// A CHECK or foreign key refused the row; SQLite backed out this statement only.
        case rejected
    }

    /// Runs an `INSERT … ON CONFLICT DO NOTHING` once; a refused row is an outcome, not an error.
    @inlinable public func insert() throws -> InsertOutcome {
        defer { sqlite3_reset(statement) }
        let code = sqlite3_step(statement)
        // GRDB turns on extended result codes: SQLITE_CONSTRAINT_CHECK and friends share the low byte.
        switch code & 0xFF {
        case SQLITE_DONE: return sqlite3_changes(connection) == 1 ? .inserted : .duplicate
        case SQLITE_CONSTRAINT: return .rejected
        default: throw error(code)
        }
    }

    /// The current row of a stepped statement, read column by column.
    public struct Row {
        @usableFromInline let statement: SQLiteStatement

        @usableFromInline init(statement: SQLiteStatement) { self.statement = statement }

        /// The column as an integer; nil for NULL.
        @inlinable public func int64(_ column: Int32) -> Int64? {
            sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, column)
        }

        /// The column as an integer; nil for NULL.
        @inlinable public func int(_ column: Int32) -> Int? { int64(column).map { Int($0) } }

        /// The column as text; nil for NULL.
        @inlinable public func text(_ column: Int32) -> String? {
            sqlite3_column_text(statement, column).map { String(cString: $0) }
        }

        /// Whether the column holds exactly the text `value` (compared as UTF-8 bytes, no String made).
        @inlinable public func text(_ column: Int32, equals value: StaticString) -> Bool {
            guard let bytes = sqlite3_column_text(statement, column) else { return false }
            let count = Int(sqlite3_column_bytes(statement, column))
            guard count == value.utf8CodeUnitCount else { return false }
            return memcmp(bytes, value.utf8Start, count) == 0
        }
    }

    /// SQLite's error as GRDB reports it, so callers match result codes alike on both paths.
    @usableFromInline func error(_ code: Int32) -> DatabaseError {
        let message = sqlite3_errmsg(connection).map { String(cString: $0) }
        return DatabaseError(
            resultCode: ResultCode(rawValue: code), message: message, sql: String(cString: sqlite3_sql(statement)))
    }
}
