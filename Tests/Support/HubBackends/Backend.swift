import Foundation
import HubStore
import HubStorePostgres
import HubStoreSQLite
import TestSupport
import Testing

/// A hub-store backend the backend-neutral suite runs against: every hub test takes one as an
/// argument (`@Test(arguments: Backend.all)`) and runs unchanged on each.
public enum Backend: String, Sendable, CaseIterable, CustomStringConvertible {
    /// One SQLite file in a temporary folder.
    case sqlite
    /// A fresh database on the cluster named by `HOCSO_TEST_PG_URL` (tools/test starts one).
    case postgres

    /// Every backend.
    public static let all = allCases

    /// The name tests show.
    public var description: String { rawValue }

    /// The PostgreSQL server tests use: `$HOCSO_TEST_PG_URL`, nil when unset.
    public static var postgresServer: PostgresLocation? {
        ProcessInfo.processInfo.environment["HOCSO_TEST_PG_URL"].flatMap { PostgresLocation(url: $0) }
    }

    /// Opens a new, empty hub database of this kind; nil (with a known issue locally, a failure
    /// in CI) when PostgreSQL is wanted and `HOCSO_TEST_PG_URL` is not set.
    public func open(sourceLocation: SourceLocation = #_sourceLocation) throws -> OpenedHub? {
        switch self {
        case .sqlite:
            let folder = try temporaryDirectory("hub-sqlite")
            let store = try SQLiteHubStore(path: folder.appendingPathComponent("hub.sqlite"))
            let path = folder.appendingPathComponent("hub.sqlite")
            return OpenedHub(
                store: store, location: path.path, reopen: { try SQLiteHubStore(path: path) },
                cleanUp: { try? FileManager.default.removeItem(at: folder) })
        case .postgres:
            guard let server = Self.postgresServer else {
                let message = "HOCSO_TEST_PG_URL is not set (tools/test starts a PostgreSQL cluster and sets it)"
                if Golden.isCI {
                    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
                } else {
                    withKnownIssue(Comment(rawValue: message), isIntermittent: true) {
                        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
                    }
                }
                return nil
            }
            let name = "hocso_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try PostgresAdmin.createDatabase(name, on: server)
            let location = server.database(name)
            let store = try PostgresHubStore(location: location)
            return OpenedHub(
                store: store, location: Self.url(location), reopen: { try PostgresHubStore(location: location) },
                cleanUp: { try? PostgresAdmin.dropDatabase(name, on: server) })
        }
    }

    /// The `postgres://` URL of `location`, as `hocso-hub --db` takes it.
    public static func url(_ location: PostgresLocation) -> String {
        let user = location.user + (location.password.map { ":\($0)" } ?? "")
        if let folder = location.socketFolder {
            return "postgres://\(user)@/\(location.database)?host=\(folder)&port=\(location.port)"
        }
        return "postgres://\(user)@\(location.host ?? "127.0.0.1"):\(location.port)/\(location.database)"
    }
}

/// A hub database opened for one test, and how to remove it.
public final class OpenedHub: @unchecked Sendable {
    /// The store.
    public let store: any HubStore & ReportSource
    /// What `hocso-hub --db` takes to open the same database.
    public let location: String
    /// Opens the same database again, as another process would (its own connections).
    public let reopen: @Sendable () throws -> any HubStore & ReportSource
    private let cleanUp: @Sendable () -> Void

    /// Wraps a store already opened, with what reopens and removes it.
    public init(
        store: any HubStore & ReportSource, location: String,
        reopen: @escaping @Sendable () throws -> any HubStore & ReportSource,
        cleanUp: @escaping @Sendable () -> Void
    ) {
        self.store = store
        self.location = location
        self.reopen = reopen
        self.cleanUp = cleanUp
    }

    /// Removes the database (its folder, or the PostgreSQL database).
    public func remove() { cleanUp() }
}
