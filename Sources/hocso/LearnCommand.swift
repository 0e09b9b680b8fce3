import ArgumentParser
import CommandSupport
import LearnerClient

/// `hocso learn` (and plain `hocso`): the learner client.
struct LearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn", abstract: "Mở chương trình học. Open the learner client.")

    @Option(
        name: .long,
        help: "Cơ sở dữ liệu của điểm học. The centre database (default: $HOCSO_DB or the user's data folder).")
    var db: String?

    @Option(
        name: .long, help: "Kho khoá học đã cài. The content store (default: $HOCSO_STORE or the user's data folder).")
    var store: String?

    @OptionGroup var language: LanguageOption

    @Option(name: .long, help: "Đăng nhập ngay bằng mã này. Sign this learner code in at once.")
    var learner: String?

    @Flag(
        inversion: .prefixedNo,
        help:
            "Chạy như máy dùng chung: đăng xuất về màn hình đăng nhập, chỉ nhân viên thoát được (Ctrl-Q). Run as a kiosk on a shared computer: signing out returns to the sign-in screen, only staff can leave (Ctrl-Q). Default: the centre's setting."
    )
    var kiosk: Bool?

    @Option(
        name: .customLong("idle-minutes"),
        help:
            "Tự đăng xuất sau số phút không dùng máy. Sign out after this many idle minutes (default: the centre's setting)."
    )
    var idleMinutes: Double?

    @Flag(name: .customLong("first-screen-and-exit"), help: .hidden)
    var firstScreenAndExit = false

    /// Opens the lesson search with this text typed (with `--learner`; tools/bench-search times it).
    @Option(name: .long, help: .hidden)
    var search: String?

    func validate() throws {
        if let idleMinutes, !(idleMinutes > 0 && idleMinutes <= 240) {
            throw ValidationError("--idle-minutes: 0–240 phút. 0–240 minutes.")
        }
    }

    func run() throws {
        try reportingFailures(language.language) {
            try LearnerClientMain.run(
                LearnerClientOptions(
                    databasePath: db, storePath: store, language: language.language, learner: learner, kiosk: kiosk,
                    idleMinutes: idleMinutes, firstScreenOnly: firstScreenAndExit, search: search))
        }
    }
}
