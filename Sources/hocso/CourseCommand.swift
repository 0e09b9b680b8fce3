import ArgumentParser

/// `hocso course …`: the author's tools.
struct CourseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course",
        abstract: "Soạn và kiểm tra khoá học. Author and check courses.",
        subcommands: [
            CourseCheck.self, CourseNew.self, CoursePreview.self, CourseFacts.self, CourseImport.self,
            CourseExport.self,
        ])
}
