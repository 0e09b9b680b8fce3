import ArgumentParser
import CommandSupport
import Foundation
import HubStore
import HubStorePostgres
import HubStoreSQLite
import SyncHub

/// `--db`, which every hub command takes: a SQLite file (the default: `$HOCSO_HUB_DB`, else the
/// data folder) or a PostgreSQL database given as a `postgres://` URL.
struct HubDatabase: ParsableArguments {
    @Option(
        name: .long,
        help: "Cơ sở dữ liệu của trạm: tệp SQLite hoặc postgres://… The hub database: a SQLite file or postgres://…")
    var db: String?

    /// Opens (creating when new) the hub database.
    func open() throws -> any HubStore & ReportSource { try Self.open(db) }

    /// What `--db` names, else `$HOCSO_HUB_DB`, else the default SQLite file.
    static func location(_ db: String?) -> String {
        if let db, !db.isEmpty { return db }
        // Read here, not through SQLiteHubStore.defaultPath, which would take a URL for a file name.
        if let env = ProcessInfo.processInfo.environment["HOCSO_HUB_DB"], !env.isEmpty { return env }
        return SQLiteHubStore.defaultPath.path
    }

    /// Opens the database `text` names: a `postgres://` URL or a SQLite path.
    static func open(_ text: String?) throws -> any HubStore & ReportSource {
        let location = location(text)
        let store: any HubStore & ReportSource =
            PostgresLocation.isURL(location)
            ? try PostgresHubStore(url: location) : try SQLiteHubStore(path: URL(fileURLWithPath: location))
        // A national hub answers its reports from the provinces' roll-ups.
        return try HubRollups.isNational(store) ? NationalHub(store) : store
    }
}
