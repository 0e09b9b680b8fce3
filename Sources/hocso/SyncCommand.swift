import ArgumentParser

/// `hocso sync …`: a centre's results to hubs. Owned by the sync work.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Gửi kết quả học lên trạm. Send results to hubs.", subcommands: [])
}
