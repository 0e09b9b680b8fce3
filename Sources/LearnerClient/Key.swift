/// One decoded key press (or an event the terminal reports as input).
public enum Key: Sendable, Equatable, Hashable {
    /// A printable character: a letter (Vietnamese included), a digit, punctuation, a space.
    case character(Character)
    /// Arrow up.
    case up
    /// Arrow down.
    case down
    /// Arrow left.
    case left
    /// Arrow right.
    case right
    /// Shift + arrow up (moves an ordering item up).
    case shiftUp
    /// Shift + arrow down (moves an ordering item down).
    case shiftDown
    /// Enter / Return.
    case enter
    /// Backspace (DEL or ^H).
    case backspace
    /// Tab.
    case tab
    /// A lone Escape.
    case escape
    /// Page up.
    case pageUp
    /// Page down.
    case pageDown
    /// Home.
    case home
    /// End.
    case end
    /// Delete (forward).
    case delete
    /// A function key, F1–F12.
    case function(Int)
    /// A control chord other than the ones named above, by its letter: `.control("t")` for Ctrl-T.
    case control(Character)
    /// Text pasted into the terminal at once (bracketed paste): typed into an answer, never run as keys.
    case paste(String)

    /// Ctrl-C: leaves the client (not in a kiosk), in raw mode where it arrives as a byte rather than a signal.
    public static let interrupt = Key.control("c")
    /// Ctrl-Q: the operator's key that leaves a kiosk (after the operator code, when one is set).
    public static let operatorExit = Key.control("q")
    /// Ctrl-T: cycles the Vietnamese input method (Telex → VNI → off), like F2.
    public static let toggleInputMethod = Key.control("t")
    /// Space.
    public static let space = Key.character(" ")
}
