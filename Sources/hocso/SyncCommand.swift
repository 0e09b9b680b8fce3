import ArgumentParser
import CommandSupport
import Foundation
import Localization
import Packs
import ProgressStore
import SyncCentre
import SyncWire

/// `hocso sync …`: a centre's results to hubs, and new packs from them.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Gửi kết quả học lên trạm. Send results to hubs.",
        subcommands: [Export.self, Ack.self, Status.self, Hubs.self, Push.self, Pull.self])

    /// `hocso sync export [--db] [--to DIR]`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Ghi các sự kiện chưa được xác nhận ra gói (USB). Write unacknowledged events as signed bundles.")

        @OptionGroup var common: CenterCommand.Common
        @Option(name: .long, help: "Thư mục đích, ví dụ USB. Target folder, e.g. a USB stick.") var to: String = "."
        @Option(name: .customLong("max-bytes"), help: "Kích thước tối đa mỗi tệp. Largest bundle file in bytes.")
        var maxBytes: Int64 = BundleFormat.defaultMaxBundleBytes

        func run() throws {
            let lang = common.language.language
            try reportingFailures(lang) {
                let bundles = try BundleExporter(maxBundleBytes: maxBytes).export(
                    from: try common.open(), to: URL(fileURLWithPath: to))
                if bundles.isEmpty { Console.say(CentreText.nothingToExport, lang) }
                for bundle in bundles { Console.say(CentreText.exported(bundle), lang) }
            }
        }
    }

    /// `hocso sync ack RECEIPT...`.
    struct Ack: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ack", abstract: "Ghi nhận biên nhận của trạm. Record a hub's signed receipt.")

        @OptionGroup var common: CenterCommand.Common
        @Argument(help: "Tệp biên nhận. Receipt files.") var receipts: [String]

        func run() throws {
            let lang = common.language.language
            try reportingFailures(lang) {
                let store = try common.open()
                for path in receipts {
                    let signed = try SignedReceipt.read(URL(fileURLWithPath: path))
                    let through = try CentreSync.acknowledge(signed, store: store)
                    Console.say(CentreText.acknowledged(by: signed.receipt.hub, through: through), lang)
                }
            }
        }
    }

    /// `hocso sync status`.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Sự kiện cần gửi, đã gửi, đã xác nhận. Events to export, exported, acknowledged.")

        @OptionGroup var common: CenterCommand.Common

        func run() throws {
            let lang = common.language.language
            try reportingFailures(lang) {
                let store = try common.open()
                let status = try store.syncStatus()
                for line in CentreText.status(node: store.nodeId, status) { Console.say(line, lang) }
                for hub in status.hubs {
                    Console.say(CentreText.hubStatus(hub, heard: hub.lastHeardAt.map(Self.format)), lang)
                }
            }
        }

        static func format(_ ms: Int64) -> String {
            ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
        }
    }

    /// `hocso sync hubs add FILE | list`.
    struct Hubs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hubs", abstract: "Các trạm mà trung tâm gửi về. The hubs this centre reports to.",
            subcommands: [Add.self, List.self])

        /// `hocso sync hubs add FILE`.
        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "add",
                abstract: "Thêm trạm từ tệp đăng ký trạm xuất. Add a hub from the registration file it exported.")

            @OptionGroup var common: CenterCommand.Common
            @Argument(help: "Tệp đăng ký. Registration file.") var file: String

            func run() throws {
                let lang = common.language.language
                try reportingFailures(lang) {
                    let hub = try CentreSync.addHub(from: URL(fileURLWithPath: file), to: try common.open())
                    Console.say(CentreText.hubAdded(hub), lang)
                }
            }
        }

        /// `hocso sync hubs list`.
        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "Liệt kê trạm. List hubs.")

            @OptionGroup var common: CenterCommand.Common

            func run() throws {
                let lang = common.language.language
                try reportingFailures(lang) {
                    for hub in try common.open().syncHubs() { Console.say(CentreText.hubLine(hub), lang) }
                }
            }
        }
    }

    /// `hocso sync push --hub URL [--db] [--chunk N]`.
    struct Push: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "push",
            abstract: "Gửi sự kiện chưa xác nhận lên trạm qua mạng. Push unacknowledged events to a hub.")

        @OptionGroup var common: CenterCommand.Common
        @Option(name: .long, help: "Địa chỉ trạm, ví dụ http://10.0.0.5:8470. The hub's URL.") var hub: String
        @Option(name: .long, help: "Số sự kiện mỗi lần gửi. Events per request.") var chunk: Int = 2000

        func validate() throws {
            guard let url = URL(string: hub), url.scheme == "http" || url.scheme == "https" else {
                throw ValidationError(CentreText.notHTTP(hub))
            }
            guard chunk >= 1 else { throw ValidationError("--chunk must be at least 1") }
        }

        func run() async throws {
            let lang = common.language.language
            guard let url = URL(string: hub) else { throw ValidationError(CentreText.notHTTP(hub)) }
            try await reportingFailures(lang) {
                let store = try common.open()
                let identity = try CentreSync.identity(store)
                let pusher = EventPusher(hub: url, node: identity.nodeId, key: try CentreSync.signingKey(store))
                let report = try await CentrePush.run(store: store, pusher: pusher, chunk: chunk)
                Console.say(CentreText.pushed(report), lang)
            }
        }
    }

    /// `hocso sync pull --hub URL [--store DIR] [--allow-untrusted]`: trust comes from the store's list.
    struct Pull: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pull",
            abstract: "Tải và cài gói khoá học mới từ trạm. Fetch and install new packs from a hub.")

        @OptionGroup var language: LanguageOption
        @Option(name: .long, help: "Địa chỉ trạm. The hub's URL.") var hub: String
        @Option(name: .long, help: "Kho nội dung. The content store folder.") var store: String?
        @Flag(
            name: .customLong("allow-untrusted"),
            help:
                "Cài cả gói không ký hoặc ký bằng khoá ngoài danh sách tin cậy ('hocso pack trust'). Install packs outside the trust list too."
        )
        var allowUntrusted = false

        func validate() throws {
            guard let url = URL(string: hub), url.scheme == "http" || url.scheme == "https" else {
                throw ValidationError(CentreText.notHTTP(hub))
            }
        }

        func run() async throws {
            let lang = language.language
            guard let url = URL(string: hub) else { throw ValidationError(CentreText.notHTTP(hub)) }
            try await reportingFailures(lang) {
                let contentStore = ContentStore(
                    root: store.map { URL(fileURLWithPath: $0) } ?? ContentStore.defaultRoot)
                let pulled = try await PackPuller(hub: url).pull(
                    into: contentStore, policy: InstallPolicy(allowUntrusted: allowUntrusted))
                if pulled.isEmpty { Console.say(CentreText.noPacksOffered, lang) }
                for pack in pulled { Console.say(CentreText.pulled(pack), lang) }
            }
        }
    }
}
