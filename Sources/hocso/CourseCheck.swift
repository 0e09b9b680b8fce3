import ArgumentParser

/// `hocso course check DIR...`. Owned by the compiler work.
struct CourseCheck: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Check course folders.")
    @Argument(help: "Course folders.") var directories: [String]
    func run() throws { throw Failure("course check is not implemented yet") }
}
