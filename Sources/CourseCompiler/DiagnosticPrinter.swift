/// Formats diagnostics the way compilers do: `path:line:col: error: message`, then an indented hint.
public struct DiagnosticPrinter {
    /// Whether to add ANSI colour (only for a terminal that wants it).
    public var color: Bool

    /// Makes a printer.
    public init(color: Bool) { self.color = color }

    /// The diagnostic as one or two lines (no trailing newline).
    public func format(_ d: Diagnostic) -> String {
        let location = "\(d.file):\(d.line):\(d.column):"
        let label = d.severity.rawValue + ":"
        var text: String
        if color {
            let labelColor = d.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;35m"
            text = "\u{1B}[1m\(location)\u{1B}[0m \(labelColor)\(label)\u{1B}[0m \u{1B}[1m\(d.message)\u{1B}[0m"
        } else {
            text = "\(location) \(label) \(d.message)"
        }
        if let hint = d.hint {
            text += color ? "\n  \u{1B}[36mhint:\u{1B}[0m \(hint)" : "\n  hint: \(hint)"
        }
        return text
    }
}
