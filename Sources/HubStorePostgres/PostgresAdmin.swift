import Foundation
import HubStore
import PostgresNIO

/// Creating and dropping whole databases on a server (tests, `hocso-hub migrate`, tools/run-hub).
public enum PostgresAdmin {
    /// Creates the database `name` on the server at `server` (connected through its own database),
    /// unless it exists. Names are letters, digits and `_` only.
    public static func createDatabase(_ name: String, on server: PostgresLocation) throws {
        try checkName(name)
        try onServer(server) { connection, logger in
            let exists = try await !connection.query(
                "SELECT 1 FROM pg_database WHERE datname = \(name)", logger: logger
            ).collect().isEmpty
            if !exists {
                try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
            }
        }
    }

    /// Drops the database `name`, closing whatever is still connected to it.
    public static func dropDatabase(_ name: String, on server: PostgresLocation) throws {
        try checkName(name)
        try onServer(server) { connection, logger in
            try await connection.query(
                PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
        }
    }

    /// Runs one SQL statement and returns the first column of each row as text (for checks
    /// such as the migration's counts).
    public static func texts(_ sql: String, at location: PostgresLocation) throws -> [String?] {
        try onServer(location) { connection, logger in
            var out: [String?] = []
            for try await value in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
                .decode(String?.self)
            {
                out.append(value)
            }
            return out
        }
    }

    private static func checkName(_ name: String) throws {
        guard !name.isEmpty, name.utf8.count <= 63,
            name.unicodeScalars.allSatisfy({ $0 == "_" || ($0.isASCII && CharacterSet.alphanumerics.contains($0)) })
        else { throw HubStoreError(.invalid, PostgresText.badURL(name)) }
    }

    @discardableResult
    private static func onServer<T: Sendable>(
        _ location: PostgresLocation, _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T
    ) throws -> T {
        let pool = ConnectionPool(location: location, limit: 1) { _, _ in }
        defer { pool.close() }
        let logger = pool.logger
        do {
            return try pool.withConnection { try await body($0, logger) }
        } catch {
            throw PostgresFailure.storeError(error, place: location.description)
        }
    }
}
