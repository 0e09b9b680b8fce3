import CourseCompiler
import CourseModel
import Foundation

/// A course folder in a fresh temporary directory, for one test.
struct TestCourse {
    /// The temporary directory holding the course folder.
    let root: URL
    /// The course folder (named after the course id).
    let folder: URL

    static let defaultYAML = """
        id: khoa-thu
        title: Khoá thử
        lang: vi
        version: 1
        description: Một khoá học để thử trình biên dịch.
        lessons:
          - 01-bai.md

        """

    /// The front matter every test lesson starts with (5 lines, so the body starts on line 6).
    static let frontMatter = "---\nid: bai-thu\ntitle: Bài thử\nduration: 10m\n---\n"

    init(id: String = "khoa-thu", yaml: String? = TestCourse.defaultYAML, files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("hocso-compiler-\(UUID().uuidString)")
        folder = root.appendingPathComponent(id)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let yaml { try write("course.yaml", yaml) }
        for (name, text) in files { try write(name, text) }
    }

    /// A course whose single lesson `01-bai.md` has `lesson` as its whole text.
    static func lesson(_ lesson: String) throws -> TestCourse {
        try TestCourse(files: ["01-bai.md": lesson])
    }

    func write(_ name: String, _ text: String) throws {
        try write(name, Data(text.utf8))
    }

    func write(_ name: String, _ data: Data) throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Compiles the folder, as a user would name it: by its absolute path.
    func compile() -> CompilationResult {
        CourseCompiler().compile(courseAt: folder)
    }

    /// Compiles the folder judging facts on `today`.
    func compile(today: FactDate) -> CompilationResult {
        CourseCompiler(today: today).compile(courseAt: folder)
    }

    /// The display path of a file of the course, as diagnostics show it.
    func path(_ name: String) -> String { folder.path + "/" + name }

    /// Removes the temporary directory.
    func remove() { try? FileManager.default.removeItem(at: root) }
}

extension CompilationResult {
    /// Errors only.
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// Warnings only.
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
