import GRDB
import GRDBSQLite

/// The bulk-import hot path binds values straight through SQLite's C API: GRDB's argument
/// arrays cost more than SQLite itself at a million rows (platform notes: raw ~1.0 M rows/s,
/// GRDB statements ~0.4 M).
struct RawInsert {
    /// SQLite copies the bytes before the call returns.
    static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    let statement: SQLiteStatement
    let connection: SQLiteConnection

    /// The outcome of one row.
    enum Outcome { case inserted, duplicate, rejected }

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

    /// Runs the bound statement once.
    func step() throws -> Outcome {
        let code = sqlite3_step(statement)
        defer { sqlite3_reset(statement) }
        // GRDB turns on extended result codes: SQLITE_CONSTRAINT_CHECK and friends share the low byte.
        switch code & 0xFF {
        case SQLITE_DONE: return sqlite3_changes(connection) == 1 ? .inserted : .duplicate
        case SQLITE_CONSTRAINT: return .rejected
        default:
            let message = sqlite3_errmsg(connection).map { String(cString: $0) } ?? "unknown"
            throw HubStoreError(.storage, "SQLite error \(code): \(message)")
        }
    }
}
