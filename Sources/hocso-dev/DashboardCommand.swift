import ArgumentParser
import CommandSupport
import Dashboard
import Foundation
import HubStoreSQLite
import Hummingbird
import Localization
import Reports

/// `hocso-dev dashboard --db PATH [--port N]`: the dashboard alone, for trying it and for
/// screenshots (`hocso-hub serve` mounts the same routes).
struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard", abstract: "Chạy riêng bảng điều phối. Serve only the dashboard (127.0.0.1).")

    @Option(name: .long, help: "CSDL trạm. The hub database.") var db: String?
    @Option(name: .long, help: "Cổng. Port.") var port = 8090

    func run() async throws {
        let store = try reportingFailures(.en) {
            try SQLiteHubStore(path: db.map { URL(fileURLWithPath: $0) } ?? SQLiteHubStore.defaultPath)
        }
        let router = Router(context: AddressedRequestContext.self)
        Dashboard.addRoutes(to: router, reports: HubReports(store))
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
        Console.error("hocso-dev dashboard: http://127.0.0.1:\(port)/dashboard")
        try await app.runService()
    }
}
