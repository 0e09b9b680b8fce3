import CourseCompiler
import CourseInterchange
import CourseModel
import Foundation

/// Where the test material is, and small helpers every suite uses.
enum Fixtures {
    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Moodle's GIFT files, read in place: their licence is for testing, not shipping, so they are not copied.
    static let shared = packageRoot.appendingPathComponent("../shared/fixtures/gift").standardizedFileURL
    /// Moodle's import fixtures.
    static let moodle = shared.appendingPathComponent("moodle")
    /// Files written for these tests, and copies of the GIFT grammar project's (MIT; PROVENANCE.tsv beside them).
    static let own = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/gift")
    /// The grammar project's edge cases with their expected parses.
    static let grammar = own.appendingPathComponent("gift-grammar-pegjs")

    /// The grammar project's `.gift` files that have a `.json` beside them, sorted.
    static func grammarFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: grammar.path)) ?? []
        return names.filter { $0.hasSuffix(".gift") && names.contains(String($0.dropLast(5)) + ".json") }.sorted()
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hocso-gift-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Imports GIFT text, writes the course, compiles it: the compiled course and every diagnostic.
    static func importAndCompile(
        _ data: Data, format: QuestionFormat = .gift, id: String = "nhap-thu", language: String = "vi",
        oneLesson: Bool = false
    ) throws -> (course: Course?, diagnostics: [InterchangeDiagnostic], compiler: [Diagnostic]) {
        let options = ImportOptions(courseID: id, title: "Nhập thử", language: language, oneLesson: oneLesson)
        let (course, diagnostics) = CourseImporter.course(
            from: data, format: format, file: "bank.gift", options: options)
        guard !course.lessons.isEmpty else { return (nil, diagnostics, []) }
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent(id)
        try CourseWriter.write(course, to: folder)
        let compiled = CourseCompiler().compile(courseAt: folder)
        // The facts register's reminders (an amount, a phone number not yet marked with its
        // source) are the trainer's to answer after an import; the tests judge the conversion.
        return (compiled.course, diagnostics, compiled.diagnostics.filter { !$0.concernsFacts })
    }

    /// Text normalised for comparing parses: white space collapsed, none before punctuation.
    static func normalized(_ text: String?) -> String? {
        guard let text else { return nil }
        var out = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        for mark in [".", ",", ";", ":", "!", "?"] { out = out.replacingOccurrences(of: " " + mark, with: mark) }
        return out
    }
}
