import ArgumentParser
import CommandSupport
import CourseCompiler
import Foundation
import Localization
import Packs

/// `hocso pack …`: build, verify, install, list and show course packs, and the trust list.
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Đóng gói, kiểm tra và cài đặt khoá học. Build, verify and install course packs.",
        subcommands: [Build.self, Verify.self, Install.self, List.self, Show.self, PackTrustCommand.self])

    /// `hocso pack build COURSE... [-o Packs/] [--sign KEYFILE]`.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build",
            abstract: "Biên dịch và đóng gói khoá học thành <id>-<version>.hspack. Compile course folders into packs.")

        @Argument(help: "Thư mục khoá học. Course folders.") var courses: [String]

        @Option(name: .shortAndLong, help: "Thư mục ghi gói. Output folder.") var output: String = "Packs"

        @Option(name: .long, help: "Ký bằng khoá bí mật này (NAME.key). Sign with this private key.") var sign: String?

        @OptionGroup var language: LanguageOption

        func run() throws {
            let lang = language.language
            let printer = DiagnosticPrinter(color: Console.stderrIsTerminal && Console.colorOnStdout, language: lang)
            let key = try reportingFailures(lang) {
                try sign.map { try SigningKey(contentsOf: URL(fileURLWithPath: $0)) }
            }
            var builder = PackBuilder(builtBy: "hocso \(HocSoVersion.current)")
            if Console.stderrIsTerminal { builder.progress = Progress.bytes }
            var failed = false
            for (index, folder) in courses.enumerated() {
                Progress.line("[\(index + 1)/\(courses.count)] \(folder)")
                let result = CourseCompiler().compile(courseAt: URL(fileURLWithPath: folder))
                for diagnostic in result.diagnostics { Console.error(printer.format(diagnostic)) }
                guard let course = result.course, !result.hasErrors else {
                    Console.error(CourseText.notPacked(folder)(lang))
                    failed = true
                    continue
                }
                do {
                    let pack = try reportingFailures(lang) {
                        try builder.build(
                            course: course, courseFolder: URL(fileURLWithPath: folder),
                            into: URL(fileURLWithPath: output), signingKey: key)
                    }
                    Progress.clear()
                    print(pack.relativePath)
                } catch {
                    failed = true
                }
            }
            Progress.clear()
            if failed { throw ExitCode.failure }
        }
    }

    /// `hocso pack verify PACK [--store DIR] [--trust PUBFILE...] [--allow-untrusted]`.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract:
                "Kiểm tra gói như khi cài: chữ ký, danh sách tin cậy, mã băm, định dạng. Check a pack as install would: signature, trust list, hashes, format."
        )

        @Argument(help: "Tệp gói. The pack file.") var pack: String

        @OptionGroup var trust: TrustOptions

        @Option(
            name: .customLong("trust"), parsing: .singleValue,
            help:
                "Tin thêm khoá công khai này khi kiểm tra (NAME.pub); có thể lặp lại. Also trust this public key for this check; repeatable."
        )
        var extraKeys: [String] = []

        @OptionGroup var language: LanguageOption

        func run() throws {
            let lang = language.language
            try reportingFailures(lang) {
                var policy = try trust.policy()
                policy.trustedKeys += try extraKeys.map { try PublicKey(contentsOf: URL(fileURLWithPath: $0)) }
                let result = try PackVerifier().verify(pack: URL(fileURLWithPath: pack), trust: policy)
                let signature = PackCommandText.signature(result.signer, trusted: result.isTrusted)
                Console.say(PackCommandText.verified(pack, result.manifest, signature), lang)
            }
        }
    }

    /// `hocso pack install PACK... [--store DIR] [--allow-untrusted] [--allow-downgrade]`.
    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract:
                "Kiểm tra rồi cài gói vào kho khoá học của điểm học. Verify packs and install them into the centre's content store."
        )

        @Argument(help: "Tệp gói. Pack files.") var packs: [String]

        @OptionGroup var trust: TrustOptions

        @Flag(
            name: .customLong("allow-downgrade"),
            help: "Cho phép thay bằng phiên bản cũ hơn. Let an older version replace a newer one.")
        var allowDowngrade = false

        @OptionGroup var language: LanguageOption

        func run() throws {
            let lang = language.language
            let contentStore = trust.contentStore
            let policy = InstallPolicy(allowUntrusted: trust.allowUntrusted, allowDowngrade: allowDowngrade)
            var failed = false
            for (index, pack) in packs.enumerated() {
                Progress.line("[\(index + 1)/\(packs.count)] \(pack)")
                do {
                    let installed = try reportingFailures(lang) {
                        try contentStore.install(pack: URL(fileURLWithPath: pack), policy: policy)
                    }
                    Progress.clear()
                    Console.say(PackCommandText.installed(installed), lang)
                    if trust.allowUntrusted, !installed.isTrusted {
                        Console.error(PackCommandText.untrustedAllowed(pack)(lang))
                    }
                } catch {
                    failed = true
                }
            }
            Progress.clear()
            if failed { throw ExitCode.failure }
        }
    }
}

/// `--store DIR` and `--allow-untrusted`: where the trust list is, and the operator's override.
struct TrustOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "Kho khoá học, nơi giữ danh sách khoá tin cậy (mặc định: $HOCSO_STORE hoặc thư mục dữ liệu người dùng). The content store, which keeps the trust list."
    )
    var store: String?

    @Flag(
        name: .customLong("allow-untrusted"),
        help:
            "Nhận cả gói không ký hoặc ký bằng khoá ngoài danh sách tin cậy, chỉ lần này. Accept an unsigned pack, or one signed by a key outside the trust list, this once."
    )
    var allowUntrusted = false

    /// The store named by `--store`, else the default one.
    var contentStore: ContentStore {
        ContentStore(root: store.map { URL(fileURLWithPath: $0) } ?? ContentStore.defaultRoot)
    }

    /// The store's trust list with the override.
    func policy() throws -> TrustPolicy {
        try contentStore.trustPolicy(allowUntrusted: allowUntrusted)
    }
}

/// Progress on standard error, only when it is a terminal; quiet otherwise.
enum Progress {
    static func line(_ text: String) {
        guard Console.stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(ControlCharacters.replaced(in: text))".utf8))
    }

    static func clear() {
        guard Console.stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    static let bytes: @Sendable (Int64, Int64) -> Void = { done, total in
        // Only packs big enough to take a while are worth a counter.
        guard total > 8_000_000 else { return }
        line("  \(done * 100 / max(total, 1))% · \(total / 1_000_000) MB")
    }
}
