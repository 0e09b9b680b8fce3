import CourseCompiler
import Localization

/// A line and a column (in characters, from 1) in an imported file.
public struct TextPosition: Sendable, Hashable, Comparable {
    /// Line, from 1.
    public var line: Int
    /// Column in characters, from 1.
    public var column: Int

    /// Makes a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of a file.
    public static let fileStart = TextPosition(line: 1, column: 1)

    /// Positions in reading order.
    public static func < (a: TextPosition, b: TextPosition) -> Bool { (a.line, a.column) < (b.line, b.column) }
}

/// One problem found while importing or exporting, said in both languages.
///
/// `compilerDiagnostic` turns one into the course compiler's `Diagnostic`, so imports and exports
/// print exactly as course checks do.
public struct InterchangeDiagnostic: Sendable, Hashable {
    /// How bad it is.
    public enum Severity: String, Sendable, Hashable {
        /// Something could not be carried over at all, or the input is malformed.
        case error
        /// Something was carried over in a nearby form, or left out on purpose.
        case warning
    }

    /// How bad it is.
    public var severity: Severity
    /// The file as the user named it.
    public var file: String
    /// Where in the file (the file's start when the problem has no better place).
    public var position: TextPosition
    /// What happened, lowercase, quoting the input.
    public var message: Phrase
    /// What to do about it, when that can be said.
    public var hint: Phrase?

    /// Makes a diagnostic.
    public init(
        _ severity: Severity, file: String, at position: TextPosition, _ message: Phrase, hint: Phrase? = nil
    ) {
        self.severity = severity
        self.file = file
        self.position = position
        self.message = message
        self.hint = hint
    }

    /// The compiler's diagnostic value, printed like every other diagnostic.
    public var compilerDiagnostic: Diagnostic {
        Diagnostic(
            severity: severity == .error ? .error : .warning, file: file, line: position.line,
            column: position.column, message: message, hint: hint)
    }
}

/// Collects the diagnostics of one file.
struct DiagnosticLog: Sendable {
    /// The file's display path.
    let file: String
    private(set) var items: [InterchangeDiagnostic] = []

    init(file: String) { self.file = file }

    mutating func error(_ message: Phrase, at position: TextPosition, hint: Phrase? = nil) {
        items.append(InterchangeDiagnostic(.error, file: file, at: position, message, hint: hint))
    }

    mutating func warning(_ message: Phrase, at position: TextPosition, hint: Phrase? = nil) {
        items.append(InterchangeDiagnostic(.warning, file: file, at: position, message, hint: hint))
    }

    /// In line and column order, stable for equal positions.
    var sorted: [InterchangeDiagnostic] {
        items.enumerated().sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }.map(\.element)
    }
}
