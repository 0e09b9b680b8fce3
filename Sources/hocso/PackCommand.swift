import ArgumentParser
import CommandSupport
import CourseCompiler
import Foundation
import Localization
import Packs

/// `hocso pack …`: build, verify, install, list and show course packs.
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Đóng gói, kiểm tra và cài đặt khoá học. Build, verify and install course packs.",
        subcommands: [Build.self, Verify.self, Install.self, List.self, Show.self])

    /// `hocso pack build COURSE... [-o Packs/] [--sign KEYFILE]`.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build",
            abstract: "Biên dịch và đóng gói khoá học thành <id>-<version>.hspack. Compile course folders into packs.")

        @Argument(help: "Thư mục khoá học. Course folders.") var courses: [String]

        @Option(name: .shortAndLong, help: "Thư mục ghi gói. Output folder.") var output: String = "Packs"

        @Option(name: .long, help: "Ký bằng khoá bí mật này (NAME.key). Sign with this private key.") var sign: String?

        @OptionGroup var interface: InterfaceLanguage

        func run() throws {
            let language = interface.language
            let printer = DiagnosticPrinter(
                color: Console.stderrIsTerminal && Console.colorOnStdout, language: language)
            let key = try reportingFailures { try sign.map { try SigningKey(contentsOf: URL(fileURLWithPath: $0)) } }
            var builder = PackBuilder(builtBy: "hocso \(HocSoVersion.current)")
            if Console.stderrIsTerminal { builder.progress = Progress.bytes }
            var failed = false
            for (index, folder) in courses.enumerated() {
                Progress.line("[\(index + 1)/\(courses.count)] \(folder)")
                let result = CourseCompiler().compile(courseAt: URL(fileURLWithPath: folder))
                for diagnostic in result.diagnostics { Console.error(printer.format(diagnostic)) }
                guard let course = result.course, !result.hasErrors else {
                    Console.error(CourseText.notPacked(folder)(language))
                    failed = true
                    continue
                }
                do {
                    let pack = try reportingFailures {
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

    /// `hocso pack verify PACK [--trust PUBFILE...]`.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract:
                "Kiểm tra chữ ký, mã băm và phiên bản định dạng của gói. Check a pack's signature, hashes and format.")

        @Argument(help: "Tệp gói. The pack file.") var pack: String

        @Option(
            name: .long, parsing: .singleValue,
            help: "Khoá công khai được tin (NAME.pub); có thể lặp lại. A trusted public key; repeatable.")
        var trust: [String] = []

        @Flag(
            name: .customLong("require-signature"),
            help: "Từ chối gói không có chữ ký tin cậy. Refuse a pack no trusted key signed.")
        var requireSignature = false

        func run() throws {
            try reportingFailures {
                let keys = try trust.map { try PublicKey(contentsOf: URL(fileURLWithPath: $0)) }
                let result = try PackVerifier().inspect(
                    pack: URL(fileURLWithPath: pack), trustedKeys: keys, requireSignature: requireSignature)
                let m = result.manifest
                print(
                    "ok: \(pack): \(m.course.id) version \(m.course.version), \(m.files.count) files, \(signatureState(result.signer, trusted: result.isTrusted))"
                )
            }
        }
    }

    /// `hocso pack install PACK... [--store DIR] [--trust PUBFILE...] [--require-signature]`.
    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract:
                "Kiểm tra rồi cài gói vào kho khoá học của điểm học. Verify packs and install them into the centre's content store."
        )

        @Argument(help: "Tệp gói. Pack files.") var packs: [String]

        @Option(
            name: .long,
            help: "Kho khoá học (mặc định: $HOCSO_STORE hoặc thư mục dữ liệu người dùng). The content store.")
        var store: String?

        @Option(
            name: .long, parsing: .singleValue,
            help: "Khoá công khai được tin (NAME.pub); có thể lặp lại. A trusted public key; repeatable.")
        var trust: [String] = []

        @Flag(
            name: .customLong("require-signature"),
            help: "Từ chối gói không có chữ ký tin cậy. Refuse a pack no trusted key signed.")
        var requireSignature = false

        @Flag(
            name: .customLong("allow-downgrade"),
            help: "Cho phép thay bằng phiên bản cũ hơn. Let an older version replace a newer one.")
        var allowDowngrade = false

        func run() throws {
            let keys = try reportingFailures { try trust.map { try PublicKey(contentsOf: URL(fileURLWithPath: $0)) } }
            let contentStore = ContentStore(root: store.map { URL(fileURLWithPath: $0) } ?? ContentStore.defaultRoot)
            let policy = InstallPolicy(
                trustedKeys: keys, requireSignature: requireSignature, allowDowngrade: allowDowngrade)
            var failed = false
            for (index, pack) in packs.enumerated() {
                Progress.line("[\(index + 1)/\(packs.count)] \(pack)")
                do {
                    let installed = try reportingFailures {
                        try contentStore.install(pack: URL(fileURLWithPath: pack), policy: policy)
                    }
                    Progress.clear()
                    print("installed \(installed.id) version \(installed.version)")
                } catch {
                    failed = true
                }
            }
            Progress.clear()
            if failed { throw ExitCode.failure }
        }
    }

    /// `hocso pack list [--store DIR] [--json]`; also what plain `hocso` showed before the learner client.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Liệt kê khoá học đã cài. List installed courses.")

        @Option(name: .long, help: "Kho khoá học. The content store.") var store: String?

        @Flag(help: "In dạng JSON. Print JSON.") var json = false

        /// Whether the options came from the command line (a directly made `List()` has defaults).
        private var parsed = false

        private enum CodingKeys: String, CodingKey { case store, json }

        init() {}

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            _store = try container.decode(Option<String?>.self, forKey: .store)
            _json = try container.decode(Flag<Bool>.self, forKey: .json)
            parsed = true
        }

        func run() throws {
            let (storePath, asJSON) = parsed ? (store, json) : (nil, false)
            try reportingFailures {
                let contentStore = ContentStore(
                    root: storePath.map { URL(fileURLWithPath: $0) } ?? ContentStore.defaultRoot)
                let courses = try contentStore.installedCourses()
                if asJSON {
                    print(try jsonText(courses.map(CourseListing.init)))
                } else if courses.isEmpty {
                    print("Chưa cài khoá học nào trong \(contentStore.root.path). No courses installed.")
                } else {
                    for course in courses {
                        let m = course.manifest
                        print(
                            "\(m.course.id)  v\(m.course.version)  \(m.course.title)  — \(m.lessons.count) bài / lessons, \(m.questionCount) câu hỏi / questions, \(course.signer == nil ? "unsigned" : "signed")"
                        )
                    }
                }
            }
        }
    }

    /// `hocso pack show PACK|COURSE-ID [--json]`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Xem nội dung một gói hoặc khoá học đã cài. Show what a pack or an installed course holds.")

        @Argument(help: "Tệp gói hoặc mã khoá học đã cài. A pack file or an installed course id.") var target: String

        @Option(name: .long, help: "Kho khoá học. The content store.") var store: String?

        @Option(name: .long, parsing: .singleValue, help: "Khoá công khai được tin (NAME.pub). A trusted public key.")
        var trust: [String] = []

        @Flag(help: "In dạng JSON. Print JSON.") var json = false

        func run() throws {
            try reportingFailures {
                let listing: CourseListing
                if FileManager.default.fileExists(atPath: target) {
                    let keys = try trust.map { try PublicKey(contentsOf: URL(fileURLWithPath: $0)) }
                    let result = try PackVerifier().inspect(pack: URL(fileURLWithPath: target), trustedKeys: keys)
                    listing = CourseListing(
                        manifest: result.manifest, signature: signatureState(result.signer, trusted: result.isTrusted),
                        location: target)
                } else {
                    let contentStore = ContentStore(
                        root: store.map { URL(fileURLWithPath: $0) } ?? ContentStore.defaultRoot)
                    guard let course = contentStore.installedCourse(id: target) else {
                        throw Failure(
                            Phrase(
                                vi:
                                    "'\(target)' không phải tệp gói cũng không phải khoá học đã cài trong '\(contentStore.root.path)'",
                                en:
                                    "'\(target)' is neither a pack file nor a course installed in '\(contentStore.root.path)'"
                            ))
                    }
                    listing = CourseListing(course)
                }
                print(json ? try jsonText(listing) : listing.text)
            }
        }
    }
}

/// What `list` and `show` print about a course, as text or JSON.
struct CourseListing: Encodable {
    var id: String
    var version: Int
    var title: String
    var titleEnglish: String?
    var language: String
    var lessons: [Lesson]
    var questions: Int
    var files: [PackManifest.FileRecord]
    var signature: String
    var location: String
    var builtBy: String

    struct Lesson: Encodable {
        var id: String
        var title: String
        var steps: Int
        var questions: Int
    }

    init(manifest m: PackManifest, signature: String, location: String) {
        id = m.course.id
        version = m.course.version
        title = m.course.title
        titleEnglish = m.course.titleEnglish
        language = m.course.language
        lessons = m.lessons.map {
            Lesson(id: $0.id, title: $0.title, steps: $0.steps.count, questions: $0.questions.count)
        }
        questions = m.questionCount
        files = m.files
        self.signature = signature
        self.location = location
        builtBy = m.builtBy
    }

    init(_ course: InstalledCourse) {
        self.init(
            manifest: course.manifest, signature: course.signer.map { "signed by \($0)" } ?? "unsigned",
            location: course.directory.path)
    }

    var text: String {
        var lines = ["\(id) version \(version): \(title)" + (titleEnglish.map { " (\($0))" } ?? "")]
        lines.append("  ngôn ngữ / language: \(language); \(signature); \(builtBy)")
        lines.append("  \(lessons.count) bài / lessons, \(questions) câu hỏi / questions:")
        for lesson in lessons {
            lines.append("    \(lesson.id): \(lesson.title) — \(lesson.steps) steps, \(lesson.questions) questions")
        }
        lines.append("  \(files.count) tệp / files:")
        for file in files { lines.append("    \(file.path)  \(file.size) bytes  sha256 \(file.sha256.prefix(16))…") }
        return lines.joined(separator: "\n")
    }
}

/// `signed by KEY (trusted)`, `signed by KEY (not in the trusted keys)` or `unsigned`.
func signatureState(_ signer: PublicKey?, trusted: Bool) -> String {
    guard let signer else { return "unsigned" }
    return "signed by \(signer.base64) (\(trusted ? "trusted" : "no trusted key given"))"
}

/// Sorted, pretty JSON for people and tools.
func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// Progress on standard error, only when it is a terminal; quiet otherwise.
enum Progress {
    static func line(_ text: String) {
        guard Console.stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    static func clear() {
        guard Console.stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    static let bytes: @Sendable (Int64, Int64) -> Void = { done, total in
        // Only packs big enough to take a while are worth a counter.
        guard total > 8_000_000 else { return }
        line("  \(done * 100 / max(total, 1))% of \(total / 1_000_000) MB")
    }
}
