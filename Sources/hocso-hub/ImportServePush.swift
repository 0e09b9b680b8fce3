import ArgumentParser
import CommandSupport
import Foundation
import HubServer
import HubStore
import Localization
import SyncHub
import SyncWire

/// `hocso-hub import BUNDLE... [--db] [--receipts DIR]`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập gói từ trung tâm, ghi biên nhận. Import centre bundles and write signed receipts.")

    @OptionGroup var database: HubDatabase
    @OptionGroup var language: LanguageOption
    @Argument(help: "Tệp gói .hsbundle. Bundle files.") var bundles: [String]
    @Option(
        name: .long, help: "Thư mục ghi biên nhận (mặc định: cạnh gói). Receipts folder (default: beside the bundles).")
    var receipts: String?

    func run() throws {
        let lang = language.language
        let report = try reportingFailures(lang) {
            let store = try database.open()
            return try HubImport.run(
                bundles: bundles.map { URL(fileURLWithPath: $0) }, store: store, identity: try HubIdentity.load(store),
                receiptsDirectory: receipts.map { URL(fileURLWithPath: $0) })
        }
        for bundle in report.bundles {
            // A bundle refused before any event was stored has only its sentence.
            if bundle.refusal == nil || bundle.counts != InsertCounts() {
                Console.say(HubCLIText.bundleLine(bundle.file.lastPathComponent, bundle.counts), lang)
            }
            if let refusal = bundle.refusal { Self.printFailure(Failure(refusal), lang) }
        }
        Console.say(HubCLIText.total(report.totals), lang)
        for held in report.holdings { Console.say(HubCLIText.holdings(held), lang) }
        for url in report.receipts { Console.say(HubCLIText.receipt(url.path), lang) }
        if report.hasRefusals { throw ExitCode.failure }
    }
}

/// `hocso-hub serve [--db] [--port] [--host] [--packs DIR] [--dashboard-max-age S]`: the sync
/// endpoints, the pack catalogue and the coordinators' dashboard.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Chạy máy chủ của trạm và bảng điều phối. Run the hub's server and dashboard.")

    @OptionGroup var database: HubDatabase
    @OptionGroup var language: LanguageOption
    @Option(name: .long, help: "Địa chỉ. Address to bind.") var host: String = "127.0.0.1"
    @Option(name: .long, help: "Cổng (0: tự chọn). Port (0: any free one).") var port: Int = 8470
    @Option(name: .long, help: "Thư mục gói khoá học phục vụ. Folder of packs to serve.") var packs: String?
    @Option(name: .customLong("max-request-bytes"), help: "Kích thước yêu cầu tối đa. Largest request body.")
    var maxRequestBytes: Int = 8 << 20
    @Option(name: .customLong("rate"), help: "Số yêu cầu mỗi giây cho mỗi nút. Requests per second per node.")
    var rate: Double = 50
    @Option(
        name: .customLong("dashboard-max-age"),
        help:
            "Số giây giữ một báo cáo đã lập cho bảng điều phối (0: lập lại mỗi lần). Seconds a dashboard report is kept (0: built for every request)."
    )
    var dashboardMaxAge: Int = 30

    func validate() throws {
        guard dashboardMaxAge >= 0 else {
            throw ValidationError(
                "--dashboard-max-age cần số giây từ 0 trở lên. --dashboard-max-age needs a number of seconds, 0 or more."
            )
        }
    }

    func run() async throws {
        let lang = language.language
        let (store, identity) = try reportingFailures(lang) {
            let store = try database.open()
            return (store, try HubIdentity.load(store))
        }
        let configuration = HubServerConfiguration(
            host: host, port: port, packsDirectory: packs.map { URL(fileURLWithPath: $0) },
            maxRequestBytes: maxRequestBytes, requestsPerSecond: rate, burst: max(1, Int(rate * 2)),
            dashboardMaxAge: .seconds(dashboardMaxAge))
        try await reportingFailures(lang) {
            do {
                try await HubServer.run(store: store, identity: identity, configuration: configuration) { port in
                    Console.say(HubCLIText.listening(configuration.host, port), lang)
                }
            } catch {
                throw Failure(HubCLIText.serverStopped + .verbatim(": ") + ServerFailure.phrase(for: error))
            }
        }
    }
}

/// `hocso-hub push --upstream URL [--db] [--chunk N]`.
struct PushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push", abstract: "Gửi dữ liệu lên trạm cấp trên. Push everything held to an upstream hub.")

    @OptionGroup var database: HubDatabase
    @OptionGroup var language: LanguageOption
    @Option(name: .long, help: "Địa chỉ trạm cấp trên. The upstream hub's URL.") var upstream: String
    @Option(name: .long, help: "Số sự kiện mỗi lần gửi. Events per request.") var chunk: Int = 2000

    func validate() throws {
        guard let url = URL(string: upstream), url.scheme == "http" || url.scheme == "https" else {
            throw ValidationError(HubCLIText.notHTTP(upstream))
        }
        guard chunk >= 1 else { throw ValidationError("--chunk must be at least 1") }
    }

    func run() async throws {
        let lang = language.language
        guard let url = URL(string: upstream) else { throw ValidationError(HubCLIText.notHTTP(upstream)) }
        try await reportingFailures(lang) {
            let store = try database.open()
            let identity = try HubIdentity.load(store)
            // A national hub takes this province's roll-up, not its events.
            let transport = HTTPClientTransport()
            if let hub = try? await RollupPush.upstreamId(at: url, transport: transport),
                try HubRollups.takesRollups(hub, store: store)
            {
                let outcome = try await RollupPush.run(
                    store: store, identity: identity, upstream: url, hub: hub, transport: transport)
                Console.say(HubCLIText.rollupPushed(outcome), lang)
                return
            }
            let pusher = EventPusher(hub: url, node: identity.nodeId, key: identity.key)
            let report = try await HubPush.run(store: store, identity: identity, pusher: pusher, chunk: chunk)
            Console.say(HubCLIText.pushed(report), lang)
            for (node, count) in report.heldBack.sorted(by: { $0.key < $1.key }) {
                Console.say(HubCLIText.heldBack(node: node, events: count), lang)
            }
        }
    }
}
