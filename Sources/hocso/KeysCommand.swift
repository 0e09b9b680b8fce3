import ArgumentParser

/// `hocso keys …`: signing keys. Owned by the packs work.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Tạo khoá ký. Manage signing keys.", subcommands: [])
}
