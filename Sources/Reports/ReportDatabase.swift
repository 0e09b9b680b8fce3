import Foundation
import GRDB
import HubStore

/// The hub database as the reports read it: the shared tables plus the derived `report_*` tables.
///
/// Every query first brings the derived tables up to date from a high-water rowid on `events`
/// (`refresh`), so a report always counts every event the hub holds. Reports are SQL, so they
/// need the SQLite store; a PostgreSQL store would bring its own `ReportDatabase`.
public struct ReportDatabase: Sendable {
    /// The hub store underneath.
    public let store: SQLiteHubStore

    /// Reports over an open hub store.
    public init(_ store: SQLiteHubStore) {
        self.store = store
    }

    /// Reports over any hub store; throws when the store is not SQL-backed.
    public init(store: any HubStore) throws {
        guard let sqlite = store as? SQLiteHubStore else {
            throw ReportError(.invalid, "reports need the SQLite hub store")
        }
        self.init(sqlite)
    }

    /// Opens (creating and migrating when needed) the hub database at `path`.
    public init(path: URL) throws {
        do {
            self.init(try SQLiteHubStore(path: path))
        } catch let error as HubStoreError {
            throw ReportError(.storage, error.message)
        }
    }

    /// Runs `body` in a read transaction, turning store failures into `ReportError.storage`.
    ///
    /// The store wraps every error thrown inside a transaction as its own, so a `ReportError`
    /// (forbidden, not found) is carried out beside it and thrown again here.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        var carried: ReportError?
        do {
            return try store.read { db in
                do { return try body(db) } catch let error as ReportError {
                    carried = error
                    throw error
                }
            }
        } catch {
            throw Self.unwrap(error, carried)
        }
    }

    /// Runs `body` in one write transaction (rolled back when it throws), with the same errors.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        var carried: ReportError?
        do {
            return try store.write { db in
                do { return try body(db) } catch let error as ReportError {
                    carried = error
                    throw error
                }
            }
        } catch {
            throw Self.unwrap(error, carried)
        }
    }

    private static func unwrap(_ error: any Error, _ carried: ReportError?) -> ReportError {
        if let carried { return carried }
        if let error = error as? HubStoreError { return ReportError(.storage, error.message) }
        return ReportError(.storage, "the hub database failed")
    }
}
