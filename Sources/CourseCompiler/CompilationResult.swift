import CourseModel
import Foundation

/// What compiling a course folder gives: the course (when error-free), every diagnostic, the files read.
public struct CompilationResult: Sendable {
    /// The compiled course; `nil` when any error was found.
    public var course: Course?
    /// Every problem, in file and line order.
    public var diagnostics: [Diagnostic]
    /// `course.yaml`, the lessons and the assets that were read.
    public var sourceFiles: [URL]

    /// Makes a result.
    public init(course: Course?, diagnostics: [Diagnostic], sourceFiles: [URL]) {
        self.course = course
        self.diagnostics = diagnostics
        self.sourceFiles = sourceFiles
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
