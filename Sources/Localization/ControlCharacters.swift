/// Characters that act on a terminal instead of showing: refused wherever a person types a
/// name, a code or a title that another person's screen will show, and replaced wherever text
/// from elsewhere is printed to a terminal.
public enum ControlCharacters {
    /// Whether `scalar` is a C0 or C1 control (ESC starts escape sequences), DEL, or a
    /// bidirectional override or isolate (which reorder what follows them).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value)
    }

    /// Whether `text` holds any such character.
    public static func found(in text: String) -> Bool { text.unicodeScalars.contains(where: isControl) }

    /// `text` safe to print: each such character becomes `�`, so what was there stays visible
    /// without acting (a tab and a line break too: a field is printed on one line).
    public static func replaced(in text: String) -> String {
        guard found(in: text) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) ? "\u{FFFD}" : $0 }))
    }
}
