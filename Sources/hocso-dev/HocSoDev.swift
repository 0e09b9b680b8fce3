import ArgumentParser
import CommandSupport

/// `hocso-dev`: developer tools that are not part of the product — a generated province, the
/// dashboard alone, and the engine side of the answers benchmark.
@main
struct HocSoDev: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hocso-dev", abstract: "Công cụ phát triển HocSo. HocSo developer tools.",
        version: HocSoVersion.current, subcommands: [SeedCommand.self, DashboardCommand.self, BenchRecordCommand.self])
}
