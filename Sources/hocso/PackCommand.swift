import ArgumentParser

/// `hocso pack …`: build, verify, install and list packs. Owned by the packs work.
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Đóng gói và cài đặt khoá học. Build, verify and install course packs.",
        subcommands: [List.self])

    /// `hocso pack list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List installed packs.")
        func run() throws { throw Failure("pack list is not implemented yet") }
    }
}
