import Foundation
import Localization

/// Terminal facts and plain output for the commands: whether a stream is a terminal, and lines
/// on standard output or error in the person's language.
public enum Console {
    /// Whether standard output is a terminal (colour and progress only then).
    public static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    /// Whether standard error is a terminal.
    public static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    /// Whether colour is wanted: a terminal, and no `NO_COLOR`.
    public static var colorOnStdout: Bool {
        stdoutIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    /// Writes a line to standard output.
    public static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Says `phrase` on standard output.
    public static func say(_ phrase: Phrase, _ language: Language) { out(phrase(language)) }

    /// Writes a line to standard error.
    public static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// The version of the HocSo programs, printed by `--version` and recorded in the packs they build.
public enum HocSoVersion {
    /// The version.
    public static let current = "0.2.0"
}
