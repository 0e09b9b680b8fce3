import ArgumentParser

/// `hocso report …`: coordinator reports. Owned by the reports work.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Báo cáo. Reports.", subcommands: [])
}
