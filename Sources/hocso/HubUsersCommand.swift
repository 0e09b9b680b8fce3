import ArgumentParser
import Dashboard
import Foundation
import HubStore

/// `hocso hub users …`: coordinator accounts. Owned by the reports work.
struct HubUsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Tài khoản điều phối. Coordinator accounts.",
        subcommands: [Add.self, List.self, Remove.self, LoginLink.self])

    struct DatabaseOption: ParsableArguments {
        @Option(name: .long, help: "Cơ sở dữ liệu của trạm. The hub database.") var db: String?
        func open() throws -> Accounts {
            Accounts(store: try SQLiteHubStore(path: db.map { URL(fileURLWithPath: $0) } ?? SQLiteHubStore.defaultPath))
        }
    }

    /// `hocso hub users add USERNAME --area CODE [--password-stdin]`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Thêm tài khoản cho một địa bàn. Add a coordinator for an area (and the areas below it).")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "Tên đăng nhập. Username.") var username: String
        @Option(name: .long, help: "Mã địa bàn. Area code.") var area: String
        @Option(name: .long, help: "Tên hiển thị. Display name.") var name: String?
        @Flag(
            name: .customLong("password-stdin"), help: "Đọc mật khẩu từ stdin. Read the password from standard input.")
        var passwordStdin = false
        @Flag(name: .long, help: "Thay tài khoản đã có. Replace an existing account.") var replace = false

        func run() throws {
            try reportingFailures {
                let password: String
                if passwordStdin {
                    password = readLine(strippingNewline: true) ?? ""
                } else {
                    guard isatty(STDIN_FILENO) == 1, let typed = getpass("Mật khẩu / password: ") else {
                        throw Failure("no terminal to type a password; use --password-stdin")
                    }
                    password = String(cString: typed)
                }
                try database.open().add(
                    username: username, password: password, area: area, displayName: name, replace: replace)
                print("user \(Accounts.canonical(username) ?? username) may see area \(area) and below")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Liệt kê tài khoản. List accounts.")
        @OptionGroup var database: DatabaseOption
        func run() throws {
            try reportingFailures {
                for user in try database.open().users() {
                    print("\(user.username)\t\(user.areaCode ?? "-")\t\(user.displayName ?? "")")
                }
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Xoá tài khoản. Remove an account.")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "Tên đăng nhập. Username.") var username: String
        func run() throws {
            try reportingFailures {
                guard try database.open().remove(username) else { throw Failure("no user '\(username)'") }
                print("user \(username) removed")
            }
        }
    }

    /// `hocso hub users login-link USERNAME`: a one-time, expiring sign-in link.
    struct LoginLink: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "login-link",
            abstract: "Tạo liên kết đăng nhập dùng một lần. Make a one-time sign-in link (expires).")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "Tên đăng nhập. Username.") var username: String
        @Option(name: .long, help: "Số phút hiệu lực. Minutes it stays valid.") var minutes = Accounts
            .defaultLinkMinutes
        @Option(name: .long, help: "Trang mở sau khi đăng nhập. Page to open after signing in.") var next = "/dashboard"
        @Option(name: .customLong("base-url"), help: "Địa chỉ trạm. The hub's address.") var baseURL =
            "http://127.0.0.1:8080"

        func run() throws {
            try reportingFailures {
                let token = try database.open().makeLoginLink(username: username, minutes: minutes, next: next)
                var base = baseURL
                while base.hasSuffix("/") { base.removeLast() }
                print("\(base)/dashboard/link/\(token)")
            }
        }
    }
}
