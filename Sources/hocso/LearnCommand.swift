import ArgumentParser
import LearnerClient

/// `hocso learn` (and plain `hocso`): the learner client. Owned by the learner-client work.
struct LearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Mở chương trình học. Open the learner client.")

    @Option(
        name: .long,
        help: "Cơ sở dữ liệu của điểm học. The centre database (default: $HOCSO_DB or the user's data folder).")
    var db: String?

    @Option(
        name: .long, help: "Kho khoá học đã cài. The content store (default: $HOCSO_STORE or the user's data folder).")
    var store: String?

    @Option(
        name: .long, help: "Ngôn ngữ giao diện: vi hoặc en. Interface language: vi or en (default: from the locale).")
    var lang: String?

    @Option(name: .long, help: "Đăng nhập ngay bằng mã này. Sign this learner code in at once.")
    var learner: String?

    @Flag(name: .customLong("first-screen-and-exit"), help: .hidden)
    var firstScreenAndExit = false

    func validate() throws {
        if let lang, !["vi", "en"].contains(lang.lowercased()) {
            throw ValidationError("--lang must be 'vi' or 'en', not '\(lang)'")
        }
    }

    func run() throws {
        try reportingFailures {
            try LearnerClientMain.run(
                LearnerClientOptions(
                    databasePath: db, storePath: store, language: lang, learner: learner,
                    firstScreenAndExit: firstScreenAndExit))
        }
    }
}
