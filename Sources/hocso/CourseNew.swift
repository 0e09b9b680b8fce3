import ArgumentParser

/// `hocso course new`. Owned by the compiler work.
struct CourseNew: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Scaffold a course.")
    func run() throws { throw Failure("course new is not implemented yet") }
}
