/// How many columns a terminal uses to show text.
///
/// Terminals lay text out in cells, not characters: a Vietnamese letter with stacked marks
/// (`ệ` written as e + U+0323 + U+0302) takes one cell, a CJK ideograph or an emoji takes two,
/// and joiners, variation selectors, control characters and ANSI escape sequences take none.
/// Every width in this module is measured here, so wrapping and tables agree with the screen.
public enum TerminalWidth {
    /// The number of columns `s` occupies on a terminal, ignoring ANSI escape sequences; never negative.
    public static func of(_ s: String) -> Int {
        var total = 0
        for character in strippingEscapes(s) { total += of(character) }
        return total
    }

    /// The number of columns one grapheme cluster occupies: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        // Fast paths: ASCII, and single scalars (most Vietnamese text is NFC, one scalar a letter).
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii < 0x7F ? 1 : 0 }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.index(after: scalars.startIndex) == scalars.endIndex { return of(first) }
        // An emoji that asks for emoji presentation (❤️, a keycap 1️⃣) is drawn two cells wide,
        // even though its base on its own is a one-cell text symbol.
        if scalars.contains("\u{FE0F}") && first.properties.isEmoji && !first.isASCII { return 2 }
        if scalars.contains("\u{20E3}") { return 2 }
        // A cluster is one glyph: its width is that of its widest scalar, so a base letter with
        // any number of marks stays one cell and an emoji ZWJ sequence stays two.
        var widest = 0
        for scalar in scalars {
            widest = max(widest, of(scalar))
            if widest == 2 { break }
        }
        return widest
    }

    /// The number of columns one scalar takes on its own: 0, 1 or 2.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return 0 }
        if value < 0x7F { return 1 }
        // Latin letters, Vietnamese precomposed letters and the combining diacritics, without table look-ups.
        if (0xA0..<0x300).contains(value) { return value == 0xAD ? 0 : 1 }
        if (0x300...0x36F).contains(value) { return 0 }
        if (0x1E00...0x1EFF).contains(value) { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator:
            return 0
        default:
            break
        }
        // Hangul medial vowels and final consonants join the initial consonant's cell.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return isEastAsianWide(value) ? 2 : 1
    }

    /// Removes ANSI escape sequences (CSI such as SGR colours, OSC such as titles and links,
    /// and two- or three-byte escapes), keeping everything else.
    static func strippingEscapes(_ s: String) -> String {
        // Fast path: most text has no escape character at all.
        guard s.unicodeScalars.contains(where: { $0 == "\u{1B}" || $0 == "\u{9B}" }) else { return s }
        var out = String.UnicodeScalarView()
        var state = EscapeState.text
        for scalar in s.unicodeScalars {
            let v = scalar.value
            switch state {
            case .text:
                if v == 0x1B { state = .escape } else if v == 0x9B { state = .csi } else { out.append(scalar) }
            case .escape:
                if v == 0x5B {
                    state = .csi
                }  // ESC [
                else if v == 0x5D || v == 0x50 || v == 0x5F || v == 0x5E {
                    state = .string
                }  // OSC, DCS, APC, PM
                else if (0x20...0x2F).contains(v) {
                    state = .intermediate
                } else {
                    state = .text
                }  // ESC + one final byte
            case .intermediate:
                if !(0x20...0x2F).contains(v) { state = .text }
            case .csi:
                if (0x40...0x7E).contains(v) {
                    state = .text
                } else if !(0x20...0x3F).contains(v) {
                    // A malformed sequence: stop hiding text at the first byte that cannot belong to it.
                    state = .text
                    out.append(scalar)
                }
            case .string:
                if v == 0x07 { state = .text } else if v == 0x1B { state = .stringEscape }
            case .stringEscape:
                state = v == 0x5C ? .text : .string
            }
        }
        return String(out)
    }

    private enum EscapeState { case text, escape, intermediate, csi, string, stringEscape }
}
