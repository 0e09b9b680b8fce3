import Foundation
import HubStore
import LearnerEvents
import Localization
import NIOConcurrencyHelpers
import PostgresNIO

/// The hub database on PostgreSQL, for a province or the nation: several `hocso-hub serve`
/// processes and importers may share one database.
///
/// Every method is one transaction on a pooled connection. Inserts share one transaction-level
/// advisory lock around the statements that give events their arrival positions; whoever reads
/// events by position (the fold, pushing upstream) first takes it exclusively for a moment to
/// learn how far positions are settled, since importers side by side commit them out of order.
/// The primary key keeps each event once whoever wins; reading the bundles, checking signatures
/// and writing the rows of the copy run before any lock. The aggregates are folded beside the
/// imports in shards, one fold per shard at a time under a lock of its own.
public final class PostgresHubStore: HubStore, @unchecked Sendable {
    /// Where the database is.
    public let location: PostgresLocation
    let pool: ConnectionPool
    /// `report_nodes` as last read (see `readNodes`).
    let reportNodes = NIOLockedValueBox(ReportNodes())
    /// The advisory lock key of the insert path ("hocso" in ASCII).
    static let insertLock: Int64 = 0x686F_6373_6F
    /// The transaction lock one fold of shard 0 at a time holds; shard N's is `foldLock + N`
    /// (`insertLock + 1` guards migrations).
    static let foldLock: Int64 = insertLock + 2
    /// The first key of the per-node locks around merging held ranges (the second is a hash
    /// of the node id); two-key advisory locks never clash with the one-key locks above.
    static let nodeLock: Int32 = 0x6873_6E64

    /// Connects (creating the schema and migrating when needed) to the database at `url`.
    public convenience init(url: String, connections: Int = 4) throws {
        guard let location = PostgresLocation(url: url) else {
            throw HubStoreError(.cannotOpen, PostgresText.badURL(url))
        }
        try self.init(location: location, connections: connections)
    }

    /// Connects to the database at `location`.
    public init(location: PostgresLocation, connections: Int = 4) throws {
        self.location = location
        pool = ConnectionPool(location: location, limit: connections) { try await Self.setUpSession($0, $1) }
        do {
            let applied = try migrate()
            if !applied.isDisjoint(with: PostgresSchema.rebuildsAggregates) { try rebuildAggregates() }
        } catch {
            // The pool closes with the store (deinit runs for a class whose init throws this late).
            throw PostgresFailure.storeError(error, place: location.description, opening: true)
        }
    }

    deinit { pool.close() }

    /// Each new connection's settings: notices below warnings (`IF NOT EXISTS`) stay quiet.
    static func setUpSession(_ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query("SET client_min_messages = warning", logger: logger)
    }

    /// Makes this connection's staging tables for imports and folds (emptied at every commit)
    /// unless it has them: only those need them, and making them on every connection cost each
    /// report a few milliseconds.
    static func createImportTables(_ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query(
            """
            CREATE TEMP TABLE IF NOT EXISTS import_staging (
                node_id text, seq bigint, kind text, learner text, occurred_at bigint, recorded_at bigint,
                course_id text, course_version bigint, lesson_id text, item_id text, attempt bigint, payload text
            ) ON COMMIT DELETE ROWS
            """, logger: logger)
        try await connection.query(
            """
            CREATE TEMP TABLE IF NOT EXISTS import_new (
                position bigint, node_id text, seq bigint, kind text, learner text, occurred_at bigint,
                course_id text, lesson_id text, item_id text, attempt bigint, payload json
            ) ON COMMIT DELETE ROWS
            """, logger: logger)
    }

    // MARK: Running statements

    /// Runs `body` on a connection outside any transaction.
    @discardableResult
    func run<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T) throws -> T {
        let logger = pool.logger
        do {
            return try pool.withConnection { try await body($0, logger) }
        } catch {
            throw PostgresFailure.storeError(error, place: location.description)
        }
    }

    /// Runs `body` in one transaction, tried again (up to five times) after a serialization
    /// failure or a deadlock, which PostgreSQL resolves by failing one of the transactions.
    @discardableResult
    func transaction<T: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T
    ) throws -> T {
        let logger = pool.logger
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try pool.withConnection { connection in
                    try await connection.query("BEGIN", logger: logger)
                    do {
                        let value = try await body(connection, logger)
                        try await connection.query("COMMIT", logger: logger)
                        return value
                    } catch {
                        _ = try? await connection.query("ROLLBACK", logger: logger)
                        throw error
                    }
                }
            } catch let refused as StraightCopyRefused {
                throw refused  // control flow of the insert, not a failure to translate
            } catch {
                if attempt < 5, let state = PostgresFailure.sqlState(error), PostgresFailure.retryable.contains(state) {
                    continue
                }
                throw PostgresFailure.storeError(error, place: location.description)
            }
        }
    }

    /// Applies the migrations not yet recorded, one transaction each, under an advisory lock so
    /// two processes opening a new database do not both create it. Returns the names applied now.
    @discardableResult
    func migrate() throws -> Set<String> {
        try run { connection, logger in
            // Usually every migration is in: one read, no lock (a report opens the store each time).
            if let applied = try? await Self.appliedMigrations(connection, logger),
                applied == Set(PostgresSchema.migrations.map(\.name))
            {
                return []
            }
            var newlyApplied: Set<String> = []
            try await connection.query("SELECT pg_advisory_lock(\(Self.insertLock + 1))", logger: logger)
            do {
                try await connection.query(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                    logger: logger)
                let applied = try await Self.appliedMigrations(connection, logger)
                let known = Set(PostgresSchema.migrations.map(\.name))
                if let unknown = applied.subtracting(known).sorted().first {
                    throw HubStoreError(.cannotOpen, PostgresText.newerSchema(unknown))
                }
                for migration in PostgresSchema.migrations where !applied.contains(migration.name) {
                    try await connection.query("BEGIN", logger: logger)
                    do {
                        for statement in migration.statements {
                            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                        }
                        try await connection.query(
                            "INSERT INTO schema_migrations (name) VALUES (\(migration.name))", logger: logger)
                        try await connection.query("COMMIT", logger: logger)
                        newlyApplied.insert(migration.name)
                    } catch {
                        _ = try? await connection.query("ROLLBACK", logger: logger)
                        throw error
                    }
                }
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.insertLock + 1))", logger: logger)
                throw error
            }
            try await connection.query("SELECT pg_advisory_unlock(\(Self.insertLock + 1))", logger: logger)
            return newlyApplied
        }
    }

    /// The names in `schema_migrations`.
    static func appliedMigrations(_ connection: PostgresConnection, _ logger: Logger) async throws -> Set<String> {
        var applied: Set<String> = []
        for try await name in try await connection.query("SELECT name FROM schema_migrations", logger: logger)
            .decode(String.self)
        {
            applied.insert(name)
        }
        return applied
    }

    // MARK: Meta

    /// A value from `hub_meta`.
    public func meta(_ key: String) throws -> String? {
        try run { connection, logger in
            try await connection.query("SELECT value FROM hub_meta WHERE key = \(key)", logger: logger)
                .collect().first?.decode(String.self)
        }
    }

    /// Stores `value` under `key` unless present; returns what is stored.
    public func setMetaIfAbsent(_ key: String, _ value: String) throws -> String {
        try transaction { connection, logger in
            try await connection.query(
                "INSERT INTO hub_meta (key, value) VALUES (\(key), \(value)) ON CONFLICT (key) DO NOTHING",
                logger: logger)
            return try await connection.query("SELECT value FROM hub_meta WHERE key = \(key)", logger: logger)
                .collect().first?.decode(String.self) ?? value
        }
    }

    // MARK: Replay protection and upstream cursors

    /// Records a nonce; false when already seen.
    public func recordNonce(_ nonce: String, node: String, at: Int64, forgetBefore: Int64) throws -> Bool {
        try transaction { connection, logger in
            try await connection.query("DELETE FROM request_nonces WHERE seen_at < \(forgetBefore)", logger: logger)
            let rows = try await connection.query(
                """
                INSERT INTO request_nonces (node_id, nonce, seen_at) VALUES (\(node), \(nonce), \(at))
                ON CONFLICT DO NOTHING RETURNING 1
                """, logger: logger
            ).collect()
            return rows.count == 1
        }
    }

    /// The push cursor for an upstream hub.
    public func upstreamCursor(_ upstreamId: String) throws -> UpstreamCursor {
        try run { connection, logger in
            let row = try await connection.query(
                "SELECT pushed_through, updated_at FROM upstream_cursors WHERE upstream_id = \(upstreamId)",
                logger: logger
            ).collect().first
            let (through, updated): (Int64, Int64?) = try row?.decode((Int64, Int64?).self) ?? (Int64(0), nil)
            return UpstreamCursor(upstreamId: upstreamId, pushedThrough: through, updatedAt: updated)
        }
    }

    /// Moves the push cursor forward.
    public func advanceUpstreamCursor(_ upstreamId: String, to position: Int64, at: Int64) throws {
        try transaction { connection, logger in
            try await connection.query(
                """
                INSERT INTO upstream_cursors (upstream_id, pushed_through, updated_at) VALUES (\(upstreamId), \(position), \(at))
                ON CONFLICT (upstream_id) DO UPDATE SET
                    pushed_through = greatest(upstream_cursors.pushed_through, excluded.pushed_through),
                    updated_at = excluded.updated_at
                """, logger: logger)
        }
    }
}

extension PostgresRowSequence {
    /// Every row, read to the end.
    func collect() async throws -> [PostgresRow] {
        var rows: [PostgresRow] = []
        for try await row in self { rows.append(row) }
        return rows
    }
}
