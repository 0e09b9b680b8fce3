import ArgumentParser
import CommandSupport
import Foundation
import HubStore
import Localization
import SyncHub
import SyncWire

/// `hocso-hub init [--db] [--name] [--export-registration FILE]`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Tạo mã nút và khoá ký của trạm (một lần). Make the hub's node id and key once.")

    @OptionGroup var database: HubDatabase
    @OptionGroup var language: LanguageOption
    @Option(name: .long, help: "Tên trạm. The hub's name.") var name: String?
    @Option(
        name: .customLong("export-registration"),
        help: "Ghi tệp đăng ký của trạm cho trạm cấp trên. Write this hub's registration file for an upstream hub.")
    var exportRegistration: String?
    @Flag(
        name: .long,
        help: "Trạm quốc gia: nhận số liệu tổng hợp của trạm tỉnh. A national hub: takes the provinces' roll-ups.")
    var national = false

    func run() throws {
        let lang = language.language
        try reportingFailures(lang) {
            let store = try database.open()
            if national { try HubRollups.markNational(store) }
            let (identity, created) = try HubIdentity.initialise(store, name: name)
            for line in HubCLIText.identity(identity) { Console.say(line, lang) }
            if !created { Console.error(HubCLIText.keyKept(lang)) }
            if let path = exportRegistration {
                try RegistrationFile(node: identity.registration, key: identity.key).write(
                    to: URL(fileURLWithPath: path))
                Console.say(HubCLIText.registrationWritten(path), lang)
            }
        }
    }
}

/// `hocso-hub centers add|list|revoke|export`.
struct CentersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "centers",
        abstract: "Các trung tâm (và trạm cấp dưới) được chấp nhận. Registered centres and lower hubs.",
        subcommands: [Add.self, List.self, Revoke.self, Export.self])

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    /// `hocso-hub centers add FILE | --node-id --public-key --name [--commune] [--hub]`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Đăng ký trung tâm bằng khoá công khai. Register a centre by its public key.")

        @OptionGroup var database: HubDatabase
        @OptionGroup var language: LanguageOption
        @Argument(help: "Tệp đăng ký của trung tâm. The centre's registration file.") var file: String?
        @Option(name: .customLong("node-id"), help: "Mã nút. Node id.") var nodeId: String?
        @Option(name: .customLong("public-key"), help: "Khoá công khai (base64). Public key.") var publicKey: String?
        @Option(name: .long, help: "Tên. Name.") var name: String?
        @Option(name: .long, help: "Mã xã. Commune code.") var commune: String?
        @Flag(name: .long, help: "Đây là một trạm cấp dưới. The node is a lower hub.") var hub = false

        func validate() throws {
            if file == nil && (nodeId == nil || publicKey == nil || name == nil) {
                throw ValidationError(HubCLIText.registrationNeeded)
            }
        }

        func run() throws {
            let lang = language.language
            try reportingFailures(lang) {
                var registration: NodeRegistration
                if let file {
                    registration = try RegistrationFile.read(URL(fileURLWithPath: file)).node
                } else {
                    registration = NodeRegistration(
                        nodeId: nodeId ?? "", name: name ?? "", role: hub ? .hub : .centre, publicKey: publicKey ?? "")
                }
                if let commune { registration.communeCode = commune }
                if let name { registration.name = name }
                let center = try HubCenters.add(registration, to: try database.open(), at: CentersCommand.now())
                Console.say(HubCLIText.registered(center), lang)
            }
        }
    }

    /// `hocso-hub centers list [--json]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Liệt kê. List registered nodes.")

        @OptionGroup var database: HubDatabase
        @OptionGroup var language: LanguageOption
        @Flag(name: .long, help: "In JSON. Print JSON.") var json = false

        func run() throws {
            try reportingFailures(language.language) {
                let centers = try database.open().centers()
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                    Console.out(String(decoding: try encoder.encode(centers), as: UTF8.self))
                    return
                }
                for c in centers {
                    let via = c.vouchedBy.map { " via \($0)" } ?? ""
                    let name = ControlCharacters.replaced(in: c.name)
                    Console.out(
                        "\(c.nodeId)\t\(HubCLIText.role(c.role))\t\(c.status.rawValue)\t\(c.communeCode ?? "-")\t\(name)\(via)"
                    )
                }
            }
        }
    }

    /// `hocso-hub centers revoke NODE`.
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke", abstract: "Thu hồi: từ chối mọi dữ liệu mới của nút. Refuse a node from now on.")

        @OptionGroup var database: HubDatabase
        @OptionGroup var language: LanguageOption
        @Argument(help: "Mã nút. Node id.") var node: String

        func run() throws {
            let lang = language.language
            try reportingFailures(lang) {
                let center = try HubCenters.revoke(node, in: try database.open(), at: CentersCommand.now())
                Console.say(HubCLIText.revoked(center), lang)
            }
        }
    }

    /// `hocso-hub centers export NODE -o FILE`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Ghi tệp đăng ký (kèm khoá của trạm) cho trung tâm. Write the registration file a centre imports."
        )

        @OptionGroup var database: HubDatabase
        @OptionGroup var language: LanguageOption
        @Argument(help: "Mã nút. Node id.") var node: String
        @Option(name: .shortAndLong, help: "Tệp ghi ra. Output file.") var output: String

        func run() throws {
            try reportingFailures(language.language) {
                let store = try database.open()
                try HubCenters.exportRegistration(
                    for: node, store: store, identity: try HubIdentity.load(store), to: URL(fileURLWithPath: output))
                Console.out(output)
            }
        }
    }
}

/// `hocso-hub upstreams add FILE`.
struct UpstreamsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upstreams", abstract: "Trạm cấp trên. Upstream hubs.", subcommands: [Add.self])

    /// `hocso-hub upstreams add FILE`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Thêm trạm cấp trên từ tệp đăng ký của nó. Add an upstream hub from its registration file.")

        @OptionGroup var database: HubDatabase
        @OptionGroup var language: LanguageOption
        @Argument(help: "Tệp đăng ký. Registration file.") var file: String
        @Flag(
            name: .long,
            help:
                "Gửi số liệu tổng hợp thay vì sự kiện (trạm quốc gia). Send roll-ups instead of events (a national hub)."
        )
        var rollups = false

        func run() throws {
            let lang = language.language
            try reportingFailures(lang) {
                let store = try database.open()
                let hub = try HubPush.addUpstream(from: URL(fileURLWithPath: file), to: store)
                if rollups { try HubRollups.sendRollups(to: hub.nodeId, store: store) }
                Console.say(HubCLIText.upstreamAdded(hub), lang)
            }
        }
    }
}
