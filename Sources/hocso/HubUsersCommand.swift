import ArgumentParser

/// `hocso hub users …`: coordinator accounts. Owned by the reports work.
struct HubUsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "users", abstract: "Tài khoản điều phối. Coordinator accounts.", subcommands: [])
}
