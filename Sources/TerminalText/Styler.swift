/// Whether output may carry ANSI colours and attributes. The caller decides; `automatic` helps.
public enum ColorMode: Sendable, Hashable {
    /// Emit ANSI SGR sequences.
    case ansi
    /// Emit plain text only: `NO_COLOR`, output that is not a terminal, or a dumb terminal.
    case none

    /// The usual decision: colour only on a terminal that is not `dumb`, and never when
    /// `NO_COLOR` is set to anything non-empty (https://no-color.org).
    public static func automatic(isTerminal: Bool, environment: [String: String]) -> ColorMode {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        guard isTerminal else { return .none }
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { return .none }
        return .ansi
    }
}

/// Turns styled text into what is written to the terminal: SGR sequences, or nothing at all.
public struct Styler: Sendable, Hashable {
    /// The colour decision this styler follows.
    public var mode: ColorMode

    /// Makes a styler for `mode`.
    public init(mode: ColorMode) { self.mode = mode }

    /// A styler that never emits escape sequences.
    public static let plain = Styler(mode: .none)

    /// Whether styles are shown; when not, renderers must make structure visible with text.
    public var isEnabled: Bool { mode == .ansi }

    /// `text` in `style`: wrapped in an SGR sequence and a reset, or unchanged without colour.
    ///
    /// Every styled piece ends with a full reset, so a line never leaks its style into the
    /// next one, whatever the client draws in between or wherever a page is cut.
    public func apply(_ style: TextStyle, to text: String) -> String {
        guard isEnabled, !style.isPlain, !text.isEmpty else { return text }
        let parameters = style.sgrParameters.map(String.init).joined(separator: ";")
        return "\u{1B}[\(parameters)m\(text)\u{1B}[0m"
    }

    /// A styled line written out as one string.
    func render(_ line: StyledLine) -> String {
        var out = ""
        for span in line.spans { out += apply(span.style, to: span.text) }
        return out
    }
}
