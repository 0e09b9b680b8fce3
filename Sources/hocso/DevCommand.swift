import ArgumentParser

/// `hocso dev …`: developer tools (generated data). Owned by the reports work.
struct DevCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dev", abstract: "Công cụ phát triển. Developer tools.", subcommands: [])
}
