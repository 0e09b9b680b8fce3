import ArgumentParser
import CommandSupport
import Foundation
import Localization
import Packs

/// `hocso keys …`: Ed25519 signing keys for packs.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Tạo khoá ký gói khoá học. Manage the keys that sign packs.",
        subcommands: [Generate.self])

    /// `hocso keys generate NAME [--dir D]`.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract:
                "Tạo cặp khoá Ed25519 NAME.key (bí mật) và NAME.pub (công khai). Make an Ed25519 key pair NAME.key (private) and NAME.pub (public).",
            discussion: """
                Giữ NAME.key bí mật; gửi NAME.pub cho các điểm học để họ tin gói bạn ký.
                Keep NAME.key secret; give NAME.pub to centres so they trust the packs you sign.
                """)

        @Argument(help: "Tên khoá, ví dụ tên tỉnh hoặc người soạn. Key name, e.g. a province or author.")
        var name: String

        @Option(
            name: .long,
            help: "Thư mục lưu khoá (mặc định: thư mục hiện tại). Folder for the key files (default: current folder).")
        var dir: String = "."

        @OptionGroup var language: LanguageOption

        func validate() throws {
            guard !name.isEmpty, !name.contains("/"), !name.hasPrefix("."), !ControlCharacters.found(in: name) else {
                throw ValidationError(PackCommandText.badKeyName(name))
            }
        }

        func run() throws {
            let lang = language.language
            try reportingFailures(lang) {
                let directory = URL(fileURLWithPath: dir)
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                let key = SigningKey.generate()
                let files = try key.write(name: name, in: directory)
                Console.error(PackCommandText.privateKeyWritten(files.privateKey.path)(lang))
                Console.error(PackCommandText.publicKeyWritten(files.publicKey.path)(lang))
                print(key.publicKey.base64)
            }
        }
    }
}
