import CourseCompiler
import CourseModel
import Foundation

/// What an export did.
public struct ExportReport: Sendable {
    /// The GIFT text, `nil` when the course does not compile.
    public var gift: String?
    /// The compiler's diagnostics of the course folder.
    public var compilerDiagnostics: [Diagnostic]
    /// What GIFT could not hold, at the question or step it concerns.
    public var losses: [InterchangeDiagnostic]
    /// Questions written.
    public var questionCount: Int
}

/// Exports a course folder as GIFT.
public enum CourseExporter {
    /// Compiles `folder` and writes it as GIFT; losses point at the options comment of each question.
    public static func exportGIFT(courseAt folder: URL) -> ExportReport {
        let result = CourseCompiler().compile(courseAt: folder)
        guard let course = result.course, !result.hasErrors else {
            return ExportReport(gift: nil, compilerDiagnostics: result.diagnostics, losses: [], questionCount: 0)
        }
        let (text, losses, written) = GiftWriter.write(course)
        let lessonFiles = result.sourceFiles.filter { $0.pathExtension == "md" }
        var root = folder.relativePath
        while root.count > 1, root.hasSuffix("/") { root.removeLast() }
        let located = losses.map { loss -> InterchangeDiagnostic in
            guard loss.lesson < lessonFiles.count else {
                return InterchangeDiagnostic(.warning, file: root, at: .fileStart, loss.message)
            }
            let url = lessonFiles[loss.lesson]
            let name = root.isEmpty || root == "." ? url.lastPathComponent : root + "/" + url.lastPathComponent
            return InterchangeDiagnostic(
                .warning, file: name, at: position(of: loss.id, in: url), loss.message)
        }
        return ExportReport(
            gift: text, compilerDiagnostics: result.diagnostics, losses: located, questionCount: written)
    }

    /// The line of `<!-- id: <id>` in a lesson file, else the file's start.
    static func position(of id: String, in file: URL) -> TextPosition {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return .fileStart }
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if line.contains("<!--"), line.range(of: "id: \(id)") != nil,
                line.range(of: "id: \(id);") != nil || line.range(of: "id: \(id) ") != nil
                    || line.range(of: "id: \(id)-->") != nil
            {
                return TextPosition(line: index + 1, column: 1)
            }
        }
        return .fileStart
    }
}
