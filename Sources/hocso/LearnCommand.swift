import ArgumentParser

/// `hocso learn` (and plain `hocso`): the learner client. Owned by the learner-client work.
struct LearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Mở chương trình học. Open the learner client.")

    func run() throws {
        // Until the learner client lands, show what is installed so a newcomer sees the courses.
        let list = PackCommand.List()
        try list.run()
    }
}
