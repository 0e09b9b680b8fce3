import ArgumentParser
import Foundation
import HubStore
import Packs
import ProgressStore
import Sync

/// `hocso sync …`: a centre's results to hubs. Owned by the sync work.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Gửi kết quả học lên trạm. Send results to hubs.",
        subcommands: [Export.self, Ack.self, Status.self, Hubs.self, Push.self, Pull.self])

    /// The centre database option shared by the subcommands.
    struct DatabaseOption: ParsableArguments {
        @Option(name: .long, help: "Cơ sở dữ liệu trung tâm. The centre database.") var db: String?

        func open() throws -> CentreStore {
            try CentreStore(path: db.map { URL(fileURLWithPath: $0) } ?? CentreStore.defaultPath)
        }
    }

    /// `hocso sync export [--db] [--to DIR]`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Ghi các sự kiện chưa được xác nhận ra gói (USB). Write unacknowledged events as signed bundles.")

        @OptionGroup var database: DatabaseOption

        @Option(name: .long, help: "Thư mục đích, ví dụ USB. Target folder, e.g. a USB stick.") var to: String = "."

        @Option(name: .customLong("max-bytes"), help: "Kích thước tối đa mỗi tệp. Largest bundle file in bytes.")
        var maxBytes: Int64 = BundleFormat.defaultMaxBundleBytes

        func run() throws {
            try reportingFailures {
                let store = try database.open()
                let bundles = try BundleExporter(maxBundleBytes: maxBytes).export(
                    from: store, to: URL(fileURLWithPath: to))
                if bundles.isEmpty { print("nothing to export: every event is acknowledged") }
                for bundle in bundles {
                    print(
                        "\(bundle.url.path): events \(bundle.firstSeq)–\(bundle.lastSeq) (\(bundle.eventCount)), \(bundle.bytes) bytes"
                    )
                }
            }
        }
    }

    /// `hocso sync ack RECEIPT...`.
    struct Ack: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ack", abstract: "Ghi nhận biên nhận của trạm. Record a hub's signed receipt.")

        @OptionGroup var database: DatabaseOption

        @Argument(help: "Tệp biên nhận. Receipt files.") var receipts: [String]

        func run() throws {
            try reportingFailures {
                let store = try database.open()
                for path in receipts {
                    let signed = try SignedReceipt.read(URL(fileURLWithPath: path))
                    let through = try CentreSync.acknowledge(signed, store: store)
                    print("acknowledged by \(signed.receipt.hub): events 1–\(through)")
                }
            }
        }
    }

    /// `hocso sync status [--json]`.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Sự kiện cần gửi, đã gửi, đã xác nhận. Events to export, exported, acknowledged.")

        @OptionGroup var database: DatabaseOption

        func run() throws {
            try reportingFailures {
                let store = try database.open()
                let status = try store.syncStatus()
                print("node: \(store.nodeId)")
                print("events recorded: \(status.lastSeq)")
                print("to export: \(status.toExport)")
                print("exported, not acknowledged: \(status.exportedNotAcknowledged)")
                print("acknowledged: \(status.acknowledgedThrough)")
                for hub in status.hubs {
                    let heard = hub.lastHeardAt.map(Self.format) ?? "never"
                    print(
                        "hub \(hub.hubId) (\(hub.name)): acknowledged 1–\(hub.acknowledgedThrough), last heard from this centre \(heard)"
                    )
                }
            }
        }

        static func format(_ ms: Int64) -> String {
            let formatter = ISO8601DateFormatter()
            return formatter.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
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

            @OptionGroup var database: DatabaseOption

            @Argument(help: "Tệp đăng ký. Registration file.") var file: String

            func run() throws {
                try reportingFailures {
                    let hub = try CentreSync.addHub(from: URL(fileURLWithPath: file), to: try database.open())
                    print("hub \(hub.nodeId) (\(hub.name)) added")
                }
            }
        }

        /// `hocso sync hubs list`.
        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "Liệt kê trạm. List hubs.")

            @OptionGroup var database: DatabaseOption

            func run() throws {
                try reportingFailures {
                    for hub in try database.open().syncHubs() {
                        print("\(hub.hubId)\t\(hub.name)\tacknowledged 1–\(hub.acknowledgedThrough)")
                    }
                }
            }
        }
    }

    /// `hocso sync push --hub URL [--db] [--chunk N]`.
    struct Push: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "push",
            abstract: "Gửi sự kiện chưa xác nhận lên trạm qua mạng. Push unacknowledged events to a hub.")

        @OptionGroup var database: DatabaseOption

        @Option(name: .long, help: "Địa chỉ trạm, ví dụ http://10.0.0.5:8470. The hub's URL.") var hub: String

        @Option(name: .long, help: "Số sự kiện mỗi lần gửi. Events per request.") var chunk: Int = 2000

        func run() async throws {
            guard let url = URL(string: hub), url.scheme == "http" || url.scheme == "https" else {
                throw ValidationError("'\(hub)' is not an http(s) URL")
            }
            guard chunk >= 1 else { throw ValidationError("--chunk must be at least 1") }
            let (store, identity) = try reportingFailures {
                let store = try database.open()
                return (store, try CentreSync.identity(store))
            }
            do {
                let pusher = EventPusher(hub: url, node: identity.nodeId, key: try NodeKey(base64: identity.privateKey))
                let report = try await CentrePush.run(store: store, pusher: pusher, chunk: chunk)
                print(
                    "hub \(report.hub): \(report.sent) events sent in \(report.batches) requests, \(report.counts.new) new, \(report.counts.duplicate) duplicate; acknowledged 1–\(report.acknowledgedThrough)"
                )
            } catch {
                Console.error("hocso: error: \(error)")
                throw ExitCode.failure
            }
        }
    }

    /// `hocso sync pull --hub URL [--store DIR] [--trust PUB]`.
    struct Pull: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pull",
            abstract: "Tải và cài gói khoá học mới từ trạm. Fetch and install new packs from a hub.")

        @Option(name: .long, help: "Địa chỉ trạm. The hub's URL.") var hub: String

        @Option(name: .long, help: "Kho nội dung. The content store folder.") var store: String?

        @Option(
            name: .long, parsing: .singleValue,
            help: "Khoá công khai được tin (NAME.pub); có thể lặp lại. A trusted key; repeatable.")
        var trust: [String] = []

        func run() async throws {
            guard let url = URL(string: hub), url.scheme == "http" || url.scheme == "https" else {
                throw ValidationError("'\(hub)' is not an http(s) URL")
            }
            let keys = try reportingFailures { try trust.map { try PublicKey(contentsOf: URL(fileURLWithPath: $0)) } }
            let contentStore = ContentStore(root: store.map { URL(fileURLWithPath: $0) } ?? ContentStore.defaultRoot)
            do {
                let pulled = try await PackPuller(hub: url).pull(
                    into: contentStore, policy: InstallPolicy(trustedKeys: keys, requireSignature: !keys.isEmpty))
                if pulled.isEmpty { print("the hub offers no packs") }
                for pack in pulled {
                    print("\(pack.entry.id) \(pack.entry.version): \(pack.outcome)")
                }
            } catch {
                Console.error("hocso: error: \(error)")
                throw ExitCode.failure
            }
        }
    }
}
