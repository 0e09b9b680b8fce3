import Localization
import MarkdownSyntax

/// One problem found in a course, with where it is and how to fix it.
public struct Diagnostic: Sendable, Equatable {
    /// How bad a problem is.
    public enum Severity: String, Sendable, Codable {
        /// The course cannot be compiled.
        case error
        /// The course compiles, but something is probably not what the author meant.
        case warning
    }

    /// How bad it is.
    public var severity: Severity
    /// The file, as the user named the course folder joined with the file name.
    public var file: String
    /// Line, from 1.
    public var line: Int
    /// Column in characters, from 1.
    public var column: Int
    /// What is wrong, lowercase, quoting the input, in every interface language.
    public var message: Phrase
    /// How to fix it, when that can be guessed.
    public var hint: Phrase?
    /// Whether it is about the course's register of facts (what `hocso course facts` prints).
    public var concernsFacts: Bool

    /// Makes a diagnostic.
    public init(
        severity: Severity, file: String, line: Int, column: Int, message: Phrase, hint: Phrase? = nil,
        concernsFacts: Bool = false
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
        self.concernsFacts = concernsFacts
    }
}

/// Collects the diagnostics of one file.
struct Reporter {
    /// The file's display path.
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    mutating func error(_ message: Phrase, at position: SourcePosition, hint: Phrase? = nil, facts: Bool = false) {
        diagnostics.append(
            Diagnostic(
                severity: .error, file: file, line: position.line, column: position.column, message: message,
                hint: hint,
                concernsFacts: facts))
    }

    mutating func warning(_ message: Phrase, at position: SourcePosition, hint: Phrase? = nil, facts: Bool = false) {
        diagnostics.append(
            Diagnostic(
                severity: .warning, file: file, line: position.line, column: position.column, message: message,
                hint: hint, concernsFacts: facts))
    }

    /// The diagnostics in line and column order (stable for equal positions).
    var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
        }.map(\.element)
    }
}

extension SourcePosition {
    /// The start of a file.
    static let fileStart = SourcePosition(line: 1, column: 1)
}
