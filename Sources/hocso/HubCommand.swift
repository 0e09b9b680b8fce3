import ArgumentParser

/// `hocso hub …`: district and province hubs. Owned by the sync work.
struct HubCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub", abstract: "Trạm tổng hợp huyện, tỉnh. District and province hubs.",
        subcommands: [HubAreasCommand.self, HubUsersCommand.self])
}
