import ArgumentParser
import CommandSupport
import Foundation
import HubStoreSQLite

/// `--db`, which every hub command takes: the hub database (`$HOCSO_HUB_DB`, else the data folder).
struct HubDatabase: ParsableArguments {
    @Option(name: .long, help: "Cơ sở dữ liệu của trạm. The hub database.") var db: String?

    /// Opens (creating when new) the hub database.
    func open() throws -> SQLiteHubStore {
        try SQLiteHubStore(path: db.map { URL(fileURLWithPath: $0) } ?? SQLiteHubStore.defaultPath)
    }
}
