import ArgumentParser
import CommandSupport
import Dashboard
import Foundation
import HubStore
import Localization
import Reports

/// `hocso-hub areas …`: the province → district → commune hierarchy.
struct AreasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "areas", abstract: "Địa bàn. Areas.", subcommands: [Import.self, List.self, AttachCenter.self])

    /// `hocso-hub areas import FILE.csv`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract:
                "Nhập địa bàn từ CSV (ma,ten,cap,ma_cap_tren). Import areas from CSV (code,name,level,parent_code).")
        @OptionGroup var database: HubDatabase
        @OptionGroup var language: LanguageOption
        @Argument(help: "Tệp CSV, UTF-8 (có hoặc không BOM). The CSV file, UTF-8 with or without BOM.") var file: String

        func run() throws {
            let lang = language.language
            try reportingFailures(lang) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw Failure(HubCLIText.cannotRead(file))
                }
                guard let text = String(data: data, encoding: .utf8) else { throw Failure(HubCLIText.notUTF8(file)) }
                do {
                    let r = try AreaImport.run(csv: text, into: try database.open())
                    Console.say(
                        HubCLIText.areasImported(added: r.added, updated: r.updated, unchanged: r.unchanged), lang)
                } catch let error as ReportError where error.kind == .badInput {
                    for detail in error.details { Console.error("\(file):\(detail(lang))") }
                    throw Failure(error.phrase)
                }
            }
        }
    }

    /// `hocso-hub areas list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Liệt kê địa bàn và trung tâm. List areas and centres.")
        @OptionGroup var database: HubDatabase
        @OptionGroup var language: LanguageOption

        func run() throws {
            let lang = language.language
            try reportingFailures(lang) {
                let tree = try AreaTree.load(try database.open())
                let text = ReportText(lang)
                func walk(_ node: AreaNode, depth: Int) {
                    let label = text.level(node.level)
                    let name = ControlCharacters.replaced(in: node.name)
                    Console.out(String(repeating: "  ", count: depth) + "\(node.code)  \(name)  (\(label))")
                    for child in tree.children(of: node.code) { walk(child, depth: depth + 1) }
                }
                for root in tree.roots { walk(root, depth: 0) }
                let loose = tree.nodes.values.filter { $0.level == .center && $0.parent == nil }.sorted {
                    $0.code < $1.code
                }
                if !loose.isEmpty {
                    Console.say(HubCLIText.looseCentres, lang)
                    for c in loose { Console.out("  \(c.code)  \(ControlCharacters.replaced(in: c.name))") }
                }
            }
        }
    }

    /// `hocso-hub areas attach-center NODE COMMUNE`.
    struct AttachCenter: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "attach-center", abstract: "Gắn trung tâm vào xã. Attach a centre to a commune.")
        @OptionGroup var database: HubDatabase
        @OptionGroup var language: LanguageOption
        @Argument(help: "Mã nút của trung tâm. The centre's node id.") var node: String
        @Argument(help: "Mã xã. The commune code.") var commune: String

        func run() throws {
            let lang = language.language
            try reportingFailures(lang) {
                try AreaImport.attachCentre(node, toCommune: commune, in: try database.open())
                Console.say(HubCLIText.attached(node, commune), lang)
            }
        }
    }
}

/// `hocso-hub users …`: coordinator accounts.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Tài khoản điều phối. Coordinator accounts.",
        subcommands: [Add.self, List.self, Remove.self, LoginLink.self])

    /// `hocso-hub users add USERNAME --area CODE [--password-stdin]`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Thêm tài khoản cho một địa bàn. Add a coordinator for an area (and the areas below it).")
        @OptionGroup var database: HubDatabase
        @OptionGroup var language: LanguageOption
        @Argument(help: "Tên đăng nhập. Username.") var username: String
        @Option(name: .long, help: "Mã địa bàn. Area code.") var area: String
        @Option(name: .long, help: "Tên hiển thị. Display name.") var name: String?
        @Flag(
            name: .customLong("password-stdin"), help: "Đọc mật khẩu từ stdin. Read the password from standard input.")
        var passwordStdin = false
        @Flag(name: .long, help: "Thay tài khoản đã có. Replace an existing account.") var replace = false

        func run() throws {
            let lang = language.language
            try reportingFailures(lang) {
                let password: String
                if passwordStdin {
                    password = readLine(strippingNewline: true) ?? ""
                } else {
                    guard isatty(STDIN_FILENO) == 1, let typed = getpass("Mật khẩu / password: ") else {
                        throw Failure(HubCLIText.noTerminalForPassword)
                    }
                    password = String(cString: typed)
                }
                try Accounts(store: try database.open()).add(
                    username: username, password: password, area: area, displayName: name, replace: replace)
                Console.say(HubCLIText.userMaySee(Accounts.canonical(username) ?? username, area), lang)
            }
        }
    }

    /// `hocso-hub users list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Liệt kê tài khoản. List accounts.")
        @OptionGroup var database: HubDatabase
        @OptionGroup var language: LanguageOption

        func run() throws {
            try reportingFailures(language.language) {
                for user in try Accounts(store: try database.open()).users() {
                    let name = ControlCharacters.replaced(in: user.displayName ?? "")
                    Console.out("\(user.username)\t\(user.areaCode ?? "-")\t\(name)")
                }
            }
        }
    }

    /// `hocso-hub users remove USERNAME`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Xoá tài khoản. Remove an account.")
        @OptionGroup var database: HubDatabase
        @OptionGroup var language: LanguageOption
        @Argument(help: "Tên đăng nhập. Username.") var username: String

        func run() throws {
            let lang = language.language
            try reportingFailures(lang) {
                guard try Accounts(store: try database.open()).remove(username) else {
                    throw Failure(HubCLIText.noUser(username))
                }
                Console.say(HubCLIText.userRemoved(username), lang)
            }
        }
    }

    /// `hocso-hub users login-link USERNAME`: a one-time, expiring sign-in link.
    struct LoginLink: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "login-link",
            abstract: "Tạo liên kết đăng nhập dùng một lần. Make a one-time sign-in link (expires).")
        @OptionGroup var database: HubDatabase
        @OptionGroup var language: LanguageOption
        @Argument(help: "Tên đăng nhập. Username.") var username: String
        @Option(name: .long, help: "Số phút hiệu lực. Minutes it stays valid.")
        var minutes = Accounts.defaultLinkMinutes
        @Option(name: .long, help: "Trang mở sau khi đăng nhập. Page to open after signing in.") var next = "/dashboard"
        @Option(name: .customLong("base-url"), help: "Địa chỉ trạm. The hub's address.")
        var baseURL = "http://127.0.0.1:8470"

        func run() throws {
            try reportingFailures(language.language) {
                let token = try Accounts(store: try database.open()).makeLoginLink(
                    username: username, minutes: minutes, next: next)
                var base = baseURL
                while base.hasSuffix("/") { base.removeLast() }
                Console.out("\(base)/dashboard/link/\(token)")
            }
        }
    }
}
