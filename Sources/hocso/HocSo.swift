import ArgumentParser
import CommandSupport

/// `hocso`: trainers, centre operators and learners — courses, packs, the learner client, the
/// centre's database, sync to hubs, and reports on the centre's own data. Hubs run `hocso-hub`.
@main
struct HocSo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hocso",
        abstract: "HocSo — học số: học kỹ năng số không cần mạng. Offline digital-literacy learning.",
        version: HocSoVersion.current,
        subcommands: [
            LearnCommand.self, CourseCommand.self, PackCommand.self, KeysCommand.self, CenterCommand.self,
            SyncCommand.self, ReportCommand.self, CertCommand.self,
        ],
        defaultSubcommand: LearnCommand.self
    )
}
