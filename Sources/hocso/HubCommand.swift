import ArgumentParser
import Foundation
import HubServer
import HubStore
import Sync

/// `hocso hub …`: district and province hubs. Owned by the sync work.
struct HubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub", abstract: "Trạm tổng hợp huyện, tỉnh. District and province hubs.",
        subcommands: [
            Init.self, Centers.self, Import.self, Serve.self, Push.self, Upstreams.self, HubAreasCommand.self,
            HubUsersCommand.self,
        ])

    /// The hub database option shared by the subcommands.
    struct DatabaseOption: ParsableArguments {
        @Option(name: .long, help: "Cơ sở dữ liệu của trạm. The hub database.") var db: String?

        func open() throws -> SQLiteHubStore {
            try SQLiteHubStore(path: db.map { URL(fileURLWithPath: $0) } ?? SQLiteHubStore.defaultPath)
        }
    }

    /// `hocso hub init [--db] [--name] [--export-registration FILE]`.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Tạo mã nút và khoá ký của trạm (một lần). Make the hub's node id and key once.")

        @OptionGroup var database: DatabaseOption

        @Option(name: .long, help: "Tên trạm. The hub's name.") var name: String?

        @Option(
            name: .customLong("export-registration"),
            help: "Ghi tệp đăng ký của trạm cho trạm cấp trên. Write this hub's registration file for an upstream hub.")
        var exportRegistration: String?

        func run() throws {
            try reportingFailures {
                let store = try database.open()
                let (identity, created) = try HubIdentity.initialise(store, name: name)
                print("node id: \(identity.nodeId)")
                print("name: \(identity.name)")
                print("public key: \(identity.publicKey)")
                if !created { Console.error("hocso: the hub's key already existed; it was kept") }
                if let path = exportRegistration {
                    try RegistrationFile(node: identity.registration).write(to: URL(fileURLWithPath: path))
                    print("registration: \(path)")
                }
            }
        }
    }

    /// `hocso hub centers add|list|revoke|export`.
    struct Centers: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "centers",
            abstract: "Các trung tâm (và trạm cấp dưới) được chấp nhận. Registered centres and lower hubs.",
            subcommands: [Add.self, List.self, Revoke.self, Export.self])

        /// `hocso hub centers add FILE | --node-id --public-key --name [--commune]`.
        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "add",
                abstract: "Đăng ký trung tâm bằng khoá công khai. Register a centre by its public key.")

            @OptionGroup var database: DatabaseOption

            @Argument(help: "Tệp đăng ký của trung tâm. The centre's registration file.") var file: String?

            @Option(name: .customLong("node-id"), help: "Mã nút. Node id.") var nodeId: String?

            @Option(name: .customLong("public-key"), help: "Khoá công khai (base64). Public key.") var publicKey:
                String?

            @Option(name: .long, help: "Tên. Name.") var name: String?

            @Option(name: .long, help: "Mã xã. Commune code.") var commune: String?

            @Flag(name: .long, help: "Đây là một trạm cấp dưới. The node is a lower hub.") var hub = false

            func validate() throws {
                if file == nil && (nodeId == nil || publicKey == nil || name == nil) {
                    throw ValidationError("give a registration FILE, or --node-id, --public-key and --name")
                }
            }

            func run() throws {
                try reportingFailures {
                    var registration: NodeRegistration
                    if let file {
                        registration = try RegistrationFile.read(URL(fileURLWithPath: file)).node
                    } else {
                        registration = NodeRegistration(
                            nodeId: nodeId ?? "", name: name ?? "", role: hub ? .hub : .centre,
                            publicKey: publicKey ?? "")
                    }
                    if let commune { registration.communeCode = commune }
                    if let name { registration.name = name }
                    let center = try HubCenters.add(registration, to: try database.open(), at: Self.now())
                    print("registered \(center.role.rawValue) \(center.nodeId) (\(center.name))")
                }
            }

            static func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
        }

        /// `hocso hub centers list [--json]`.
        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list", abstract: "Liệt kê. List registered nodes.")

            @OptionGroup var database: DatabaseOption

            @Flag(name: .long, help: "In JSON. Print JSON.") var json = false

            func run() throws {
                try reportingFailures {
                    let centers = try database.open().centers()
                    if json {
                        let encoder = JSONEncoder()
                        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                        print(String(decoding: try encoder.encode(centers), as: UTF8.self))
                        return
                    }
                    for c in centers {
                        let via = c.vouchedBy.map { " via \($0)" } ?? ""
                        print(
                            "\(c.nodeId)\t\(c.role.rawValue)\t\(c.status.rawValue)\t\(c.communeCode ?? "-")\t\(c.name)\(via)"
                        )
                    }
                }
            }
        }

        /// `hocso hub centers revoke NODE`.
        struct Revoke: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "revoke", abstract: "Thu hồi: từ chối mọi dữ liệu mới của nút. Refuse a node from now on.")

            @OptionGroup var database: DatabaseOption

            @Argument(help: "Mã nút. Node id.") var node: String

            func run() throws {
                try reportingFailures {
                    let center = try HubCenters.revoke(node, in: try database.open(), at: Add.now())
                    print("revoked \(center.nodeId) (\(center.name))")
                }
            }
        }

        /// `hocso hub centers export NODE -o FILE`.
        struct Export: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "export",
                abstract:
                    "Ghi tệp đăng ký (kèm khoá của trạm) cho trung tâm. Write the registration file a centre imports.")

            @OptionGroup var database: DatabaseOption

            @Argument(help: "Mã nút. Node id.") var node: String

            @Option(name: .shortAndLong, help: "Tệp ghi ra. Output file.") var output: String

            func run() throws {
                try reportingFailures {
                    let store = try database.open()
                    try HubCenters.exportRegistration(
                        for: node, store: store, identity: try HubIdentity.load(store), to: URL(fileURLWithPath: output)
                    )
                    print(output)
                }
            }
        }
    }

    /// `hocso hub import BUNDLE... [--db] [--receipts DIR]`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Nhập gói từ trung tâm, ghi biên nhận. Import centre bundles and write signed receipts.")

        @OptionGroup var database: DatabaseOption

        @Argument(help: "Tệp gói .hsbundle. Bundle files.") var bundles: [String]

        @Option(
            name: .long,
            help: "Thư mục ghi biên nhận (mặc định: cạnh gói). Receipts folder (default: beside the bundles).")
        var receipts: String?

        func run() throws {
            let report = try reportingFailures {
                let store = try database.open()
                return try HubImport.run(
                    bundles: bundles.map { URL(fileURLWithPath: $0) }, store: store,
                    identity: try HubIdentity.load(store),
                    receiptsDirectory: receipts.map { URL(fileURLWithPath: $0) })
            }
            for bundle in report.bundles {
                let c = bundle.counts
                let line =
                    "\(bundle.file.lastPathComponent): \(c.new) new, \(c.duplicate) duplicate, \(c.rejected) rejected"
                if let refusal = bundle.refusal {
                    print(line)
                    Console.error("hocso: error: \(refusal)")
                } else {
                    print(line)
                }
            }
            let t = report.totals
            print("total: \(t.new) new, \(t.duplicate) duplicate, \(t.rejected) rejected")
            for held in report.holdings {
                let gaps =
                    held.gaps.isEmpty ? "no gaps" : "missing " + held.gaps.map(\.description).joined(separator: ", ")
                let start =
                    held.contiguousThrough > 0 ? "holds 1–\(held.contiguousThrough) without a break" : "lacks seq 1"
                print("\(held.node): \(start); \(gaps)")
            }
            for url in report.receipts { print("receipt: \(url.path)") }
            if report.hasRefusals { throw ExitCode.failure }
        }
    }

    /// `hocso hub serve [--db] [--port] [--host] [--packs DIR]`.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve", abstract: "Chạy máy chủ của trạm. Run the hub's HTTP server.")

        @OptionGroup var database: DatabaseOption

        @Option(name: .long, help: "Địa chỉ. Address to bind.") var host: String = "127.0.0.1"

        @Option(name: .long, help: "Cổng (0: tự chọn). Port (0: any free one).") var port: Int = 8470

        @Option(name: .long, help: "Thư mục gói khoá học phục vụ. Folder of packs to serve.") var packs: String?

        @Option(name: .customLong("max-request-bytes"), help: "Kích thước yêu cầu tối đa. Largest request body.")
        var maxRequestBytes: Int = 8 << 20

        @Option(name: .customLong("rate"), help: "Số yêu cầu mỗi giây cho mỗi nút. Requests per second per node.")
        var rate: Double = 50

        func run() async throws {
            let (store, identity) = try reportingFailures {
                let store = try database.open()
                return (store, try HubIdentity.load(store))
            }
            let configuration = HubServerConfiguration(
                host: host, port: port, packsDirectory: packs.map { URL(fileURLWithPath: $0) },
                maxRequestBytes: maxRequestBytes,
                requestsPerSecond: rate, burst: max(1, Int(rate * 2)))
            do {
                try await HubServer.run(store: store, identity: identity, configuration: configuration) { port in
                    // The first line on stdout says where the hub listens (tests and scripts read it).
                    print("listening on http://\(configuration.host):\(port)")
                    fflush(nil)
                }
            } catch {
                Console.error("hocso: error: the hub server stopped: \(error)")
                throw ExitCode.failure
            }
        }
    }

    /// `hocso hub push --upstream URL [--db] [--chunk N]`.
    struct Push: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "push", abstract: "Gửi dữ liệu lên trạm cấp trên. Push everything held to an upstream hub.")

        @OptionGroup var database: DatabaseOption

        @Option(name: .long, help: "Địa chỉ trạm cấp trên. The upstream hub's URL.") var upstream: String

        @Option(name: .long, help: "Số sự kiện mỗi lần gửi. Events per request.") var chunk: Int = 2000

        func run() async throws {
            guard let url = URL(string: upstream), url.scheme == "http" || url.scheme == "https" else {
                throw ValidationError("'\(upstream)' is not an http(s) URL")
            }
            let (store, identity) = try reportingFailures {
                let store = try database.open()
                return (store, try HubIdentity.load(store))
            }
            do {
                let pusher = EventPusher(hub: url, node: identity.nodeId, key: identity.key)
                let report = try await HubPush.run(store: store, identity: identity, pusher: pusher, chunk: chunk)
                print(
                    "upstream \(report.hub): \(report.sent) events sent in \(report.batches) requests, \(report.counts.new) new, \(report.counts.duplicate) duplicate, \(report.counts.rejected) rejected"
                )
            } catch {
                Console.error("hocso: error: \(error)")
                throw ExitCode.failure
            }
        }
    }

    /// `hocso hub upstreams add FILE`.
    struct Upstreams: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "upstreams", abstract: "Trạm cấp trên. Upstream hubs.", subcommands: [Add.self])

        /// `hocso hub upstreams add FILE`.
        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "add",
                abstract: "Thêm trạm cấp trên từ tệp đăng ký của nó. Add an upstream hub from its registration file.")

            @OptionGroup var database: DatabaseOption

            @Argument(help: "Tệp đăng ký. Registration file.") var file: String

            func run() throws {
                try reportingFailures {
                    let hub = try HubPush.addUpstream(from: URL(fileURLWithPath: file), to: try database.open())
                    print("upstream \(hub.nodeId) (\(hub.name)) added")
                }
            }
        }
    }
}
