import Localization

/// Formats diagnostics the way compilers do: `path:line:col: error: message`, then an indented hint.
///
/// The `error`/`warning` label stays English in every language, so editors that read compiler
/// output still find the problems; the message and the hint are in the chosen language.
public struct DiagnosticPrinter {
    /// Whether to add ANSI colour (only for a terminal that wants it).
    public var color: Bool
    /// The language of messages and hints.
    public var language: Language

    /// Makes a printer.
    public init(color: Bool, language: Language = .en) {
        self.color = color
        self.language = language
    }

    /// The diagnostic as one or two lines (no trailing newline).
    public func format(_ d: Diagnostic) -> String {
        let location = "\(d.file):\(d.line):\(d.column):"
        let label = d.severity.rawValue + ":"
        let message = d.message(language)
        var text: String
        if color {
            let labelColor = d.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;35m"
            text = "\u{1B}[1m\(location)\u{1B}[0m \(labelColor)\(label)\u{1B}[0m \u{1B}[1m\(message)\u{1B}[0m"
        } else {
            text = "\(location) \(label) \(message)"
        }
        if let hint = d.hint {
            let word = Self.hintLabel(language)
            text += color ? "\n  \u{1B}[36m\(word):\u{1B}[0m \(hint(language))" : "\n  \(word): \(hint(language))"
        }
        return text
    }

    /// The word before a hint.
    static let hintLabel = Phrase(vi: "gợi ý", en: "hint")
}
