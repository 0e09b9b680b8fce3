import Foundation
import Localization

/// Removes what must never reach a terminal from content text, and writes Vietnamese precomposed.
///
/// Output is NFC: old terminals (the Linux console, older PuTTY and Windows consoles) draw
/// precomposed `ệ` reliably but often misplace or drop stacked combining marks.
///
/// Lesson text comes from authors and, through packs, from other machines: an escape
/// character in it could recolour, move the cursor or retitle the learner's terminal. Control
/// characters are dropped (the rest of an escape sequence then shows as harmless text).
enum TextSanitizer {
    /// Text for prose: controls dropped, line breaks and tabs become spaces (soft breaks).
    static func inline(_ text: String) -> String {
        let text = text.precomposedStringWithCanonicalMapping
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" || scalar == "\r" {
                out.append(" ")
            } else if !isControl(scalar) {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// One line of a code block: tabs expanded to the next multiple of four columns, controls dropped.
    static func codeLine(_ line: Substring) -> String {
        var out = ""
        var column = 0
        for character in String(line).precomposedStringWithCanonicalMapping {
            if character == "\t" {
                let spaces = 4 - column % 4
                out += String(repeating: " ", count: spaces)
                column += spaces
            } else if let first = character.unicodeScalars.first, isControl(first) {
                continue
            } else {
                out.append(character)
                column += TerminalWidth.of(character)
            }
        }
        return out
    }

    /// C0 and C1 controls, DEL, and the bidirectional overrides (one definition, `ControlCharacters`).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool { ControlCharacters.isControl(scalar) }
}
