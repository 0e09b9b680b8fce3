import ArgumentParser

/// `hocso course preview DIR [LESSON]`. Owned by the terminal-rendering work.
struct CoursePreview: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "preview", abstract: "Preview a lesson.")
    @Argument(help: "Course folder.") var directory: String
    @Argument(help: "Lesson id or file.") var lesson: String?
    func run() throws { throw Failure("course preview is not implemented yet") }
}
