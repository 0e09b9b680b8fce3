/// One piece of learner input: a key in raw mode, a whole line in line mode.
public enum ClientInput: Sendable, Equatable {
    /// A key press.
    case key(Key)
    /// A line typed and ended with Enter (no terminal: piped or scripted input).
    case line(String)
}
