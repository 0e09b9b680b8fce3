import ArgumentParser
import Foundation
import HubStore
import ProgressStore
import Sync

/// `hocso sync …`: a centre's results to hubs. Owned by the sync work.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Gửi kết quả học lên trạm. Send results to hubs.",
        subcommands: [Export.self, Ack.self, Status.self, Hubs.self])

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
                let bundles = try BundleExporter(maxBundleBytes: maxBytes).export(from: store, to: URL(fileURLWithPath: to))
                if bundles.isEmpty { print("nothing to export: every event is acknowledged") }
                for bundle in bundles {
                    print("\(bundle.url.path): events \(bundle.firstSeq)–\(bundle.lastSeq) (\(bundle.eventCount)), \(bundle.bytes) bytes")
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
            commandName: "status", abstract: "Sự kiện cần gửi, đã gửi, đã xác nhận. Events to export, exported, acknowledged.")

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
                    print("hub \(hub.hubId) (\(hub.name)): acknowledged 1–\(hub.acknowledgedThrough), last heard from this centre \(heard)")
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
                commandName: "add", abstract: "Thêm trạm từ tệp đăng ký trạm xuất. Add a hub from the registration file it exported.")

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
}
