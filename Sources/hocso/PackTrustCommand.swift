import ArgumentParser
import CommandSupport
import Foundation
import Localization
import Packs

/// `hocso pack trust add|list|remove`: the publishers' keys this centre trusts, kept in its
/// content store and used by `pack install`, `pack verify` and `sync pull`.
struct PackTrustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust",
        abstract:
            "Danh sách khoá tin cậy của điểm học. The keys this centre trusts: once one is trusted, only packs signed by a trusted key install.",
        subcommands: [Add.self, List.self, Remove.self])

    /// `hocso pack trust add KEY.pub [--name NAME] [--store DIR]`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Tin một khoá công khai (NAME.pub). Trust a public key file (NAME.pub).")

        @Argument(help: "Tệp khoá công khai. The public key file.") var key: String

        @Option(
            name: .long, help: "Tên hiển thị (mặc định: tên tệp). The name to list it by (default: the file name).")
        var name: String?

        @Option(name: .long, help: "Kho khoá học. The content store.") var store: String?

        @OptionGroup var language: LanguageOption

        func validate() throws {
            if let name, name.trimmingCharacters(in: .whitespaces).isEmpty || ControlCharacters.found(in: name) {
                throw ValidationError(
                    "--name phải có chữ và không chứa ký tự điều khiển. --name needs text and no control characters.")
            }
        }

        func run() throws {
            let lang = language.language
            try reportingFailures(lang) {
                let contentStore = ContentStore.at(store)
                let url = URL(fileURLWithPath: key)
                let publicKey = try PublicKey(contentsOf: url)
                let label = name ?? url.deletingPathExtension().lastPathComponent
                let first = try contentStore.trustedKeys().isEmpty
                if try contentStore.trust(publicKey, name: ControlCharacters.replaced(in: label)) {
                    Console.say(PackCommandText.trustAdded(label, publicKey, first: first), lang)
                } else {
                    Console.say(PackCommandText.trustAlready(publicKey), lang)
                }
            }
        }
    }

    /// `hocso pack trust list [--store DIR]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Liệt kê các khoá tin cậy. List the trusted keys.")

        @Option(name: .long, help: "Kho khoá học. The content store.") var store: String?

        @OptionGroup var language: LanguageOption

        func run() throws {
            let lang = language.language
            try reportingFailures(lang) {
                let contentStore = ContentStore.at(store)
                let keys = try contentStore.trustedKeys()
                if keys.isEmpty { Console.say(PackCommandText.trustListEmpty(contentStore.root.path), lang) }
                for key in keys { Console.say(PackCommandText.trustLine(key), lang) }
            }
        }
    }

    /// `hocso pack trust remove KEY.pub|NAME|BASE64 [--store DIR]`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract:
                "Thôi tin một khoá (tệp .pub, tên trong danh sách hoặc chuỗi khoá). Stop trusting a key (its .pub file, its listed name or the key text)."
        )

        @Argument(help: "Tệp .pub, tên hoặc khoá. A .pub file, a listed name or a key.") var key: String

        @Option(name: .long, help: "Kho khoá học. The content store.") var store: String?

        @OptionGroup var language: LanguageOption

        func run() throws {
            let lang = language.language
            try reportingFailures(lang) {
                let contentStore = ContentStore.at(store)
                let keys = try contentStore.trustedKeys()
                let found: TrustedKey?
                if FileManager.default.fileExists(atPath: key) {
                    let publicKey = try PublicKey(contentsOf: URL(fileURLWithPath: key))
                    found = keys.first { $0.publicKey == publicKey.base64 }
                } else {
                    found = keys.first { $0.name == key || $0.publicKey == key }
                }
                guard let found, let publicKey = PublicKey(base64: found.publicKey),
                    try contentStore.untrust(publicKey)
                else {
                    throw Failure(PackCommandText.trustNotFound(key))
                }
                Console.say(PackCommandText.trustRemoved(found.name, remaining: keys.count - 1), lang)
            }
        }
    }
}

extension ContentStore {
    /// The store at `path` (a `--store` option), else the default one.
    static func at(_ path: String?) -> ContentStore {
        ContentStore(root: path.map { URL(fileURLWithPath: $0) } ?? ContentStore.defaultRoot)
    }
}
