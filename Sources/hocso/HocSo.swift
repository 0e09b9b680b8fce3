import ArgumentParser

/// `hocso`: one program, subcommands grouped by role (author, learner, centre operator, coordinator).
///
/// Every command names itself (`commandName:`): ArgumentParser otherwise derives a name with
/// `String(describing:)` at every start, for every command in the tree, and each of those is a
/// search through all ~12,000 protocol conformances of this binary (~2.5 ms of each start).
@main
struct HocSo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hocso",
        abstract: "HocSo — học số: học kỹ năng số không cần mạng. Offline digital-literacy learning.",
        version: HocSoVersion.current,
        subcommands: [
            LearnCommand.self, CourseCommand.self, PackCommand.self, KeysCommand.self,
            CenterCommand.self, SyncCommand.self, HubCommand.self, ReportCommand.self, DevCommand.self,
        ],
        defaultSubcommand: LearnCommand.self
    )
}

/// The version of this program, printed by `--version` and recorded in the packs it builds.
enum HocSoVersion {
    static let current = "0.1.0"
}
