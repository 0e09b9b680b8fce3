import ArgumentParser

/// `hocso hub areas …`: the province → district → commune hierarchy. Owned by the reports work.
struct HubAreasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "areas", abstract: "Địa bàn. Areas.", subcommands: [])
}
