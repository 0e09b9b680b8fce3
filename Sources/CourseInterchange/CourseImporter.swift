import CourseCompiler
import CourseModel
import Foundation

/// The question file formats HocSo imports.
public enum QuestionFormat: String, Sendable, CaseIterable {
    /// Moodle's GIFT.
    case gift
    /// Moodle's Aiken.
    case aiken

    /// The format a file is written in: `.gift` is GIFT; otherwise Aiken when it has an
    /// `ANSWER:` line and no `{`, else GIFT.
    public static func detect(_ data: Data, fileName: String) -> QuestionFormat {
        if fileName.lowercased().hasSuffix(".gift") { return .gift }
        let text = String(decoding: data, as: UTF8.self)
        let hasAnswerLine = text.split(whereSeparator: \.isNewline).contains {
            $0.trimmingCharacters(in: .whitespaces).uppercased().hasPrefix("ANSWER")
        }
        return hasAnswerLine && !text.contains("{") ? .aiken : .gift
    }
}

/// What an import did.
public struct ImportReport: Sendable {
    /// The folder written, `nil` when nothing could be imported.
    public var folder: URL?
    /// The course as the compiler reads the written folder, `nil` when nothing was written.
    public var course: Course?
    /// Problems in the imported file, in line order.
    public var diagnostics: [InterchangeDiagnostic]
    /// Problems the compiler found in the written folder (none are expected).
    public var compilerDiagnostics: [Diagnostic]

    /// Whether any problem is an error.
    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error } || compilerDiagnostics.contains { $0.severity == .error }
    }
}

/// Imports a GIFT or Aiken file as a HocSo course folder.
public enum CourseImporter {
    /// The course a file describes, and the problems found, without writing anything.
    public static func course(
        from data: Data, format: QuestionFormat, file: String, options: ImportOptions
    ) -> (course: Course, diagnostics: [InterchangeDiagnostic]) {
        let (document, readDiagnostics) =
            format == .gift ? GiftReader.read(data, file: file) : AikenReader.read(data, file: file)
        var mapping = GiftImport(options: options, log: DiagnosticLog(file: file))
        let course = mapping.course(from: document)
        var all = readDiagnostics + mapping.log.items
        if course.lessons.isEmpty, !all.contains(where: { $0.severity == .error }) {
            all.append(InterchangeDiagnostic(.error, file: file, at: .fileStart, InterchangeText.nothingImported))
        }
        let sorted = all.enumerated().sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }
        return (course, sorted.map(\.element))
    }

    /// Reads `file`, writes the course into `parent/<course id>` and compiles it.
    ///
    /// - Parameter displayName: the file as the user named it, for diagnostics.
    public static func importFile(
        _ file: URL, displayName: String, format: QuestionFormat?, into parent: URL, options: ImportOptions
    ) throws -> ImportReport {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw InterchangeError(.cannotRead, InterchangeText.cannotRead(displayName))
        }
        let chosen = format ?? QuestionFormat.detect(data, fileName: file.lastPathComponent)
        let (course, diagnostics) = course(from: data, format: chosen, file: displayName, options: options)
        guard !course.lessons.isEmpty else {
            return ImportReport(folder: nil, course: nil, diagnostics: diagnostics, compilerDiagnostics: [])
        }
        let folder = parent.appendingPathComponent(options.courseID)
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard existing.isEmpty else {
            throw InterchangeError(.folderNotEmpty, InterchangeText.folderNotEmpty(folder.relativePath))
        }
        do {
            try CourseWriter.write(course, to: folder)
        } catch {
            throw InterchangeError(.cannotWrite, InterchangeText.cannotWrite(folder.relativePath))
        }
        let compiled = CourseCompiler().compile(courseAt: folder)
        return ImportReport(
            folder: folder, course: compiled.course, diagnostics: diagnostics, compilerDiagnostics: compiled.diagnostics
        )
    }
}
