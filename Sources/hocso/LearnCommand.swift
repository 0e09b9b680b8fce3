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

    func run() throws {
        try reportingFailures(language.language) {
            try LearnerClientMain.run(
                LearnerClientOptions(databasePath: db, storePath: store, language: language.language, learner: learner))
        }
    }
}
