/// The terminal as the client uses it: read input, learn the size, draw.
///
/// The live values are `RawTerminal` (a real terminal in raw mode) and `LineTerminal` (no
/// terminal: piped input, one line per prompt); tests use a fake that replays keys.
public protocol Terminal: AnyObject {
    /// Whether input comes as keys (raw mode) rather than lines.
    var usesKeys: Bool { get }
    /// The current size in columns and rows (rows 0: no fixed height, as in line mode).
    func size() -> (width: Int, height: Int)
    /// The next input, or an event; blocks until there is one.
    func next(prompt: String) -> TerminalEvent
    /// Shows a screen: the whole frame in raw mode, the transcript in line mode.
    func draw(_ lines: [String])
    /// Writes a last message after the client has let go of the screen.
    func farewell(_ text: String)
}

/// What reading from the terminal gives.
public enum TerminalEvent: Sendable, Equatable {
    /// Learner input.
    case input(ClientInput)
    /// The window changed size: draw again.
    case resized
    /// No key came for a while (about a second): time for idle sign-out and countdowns.
    case idle
    /// End of input, the terminal closed (SIGHUP), or a terminating signal: leave, restoring the terminal.
    case end
}
