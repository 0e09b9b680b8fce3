import Foundation

/// A one-line answer being typed, composed through the learner's input method.
struct TextField: Equatable {
    /// What is typed so far (NFC).
    var text = ""
    /// The input method keystrokes go through.
    var method: InputMethod

    init(method: InputMethod) { self.method = method }

    /// Types one character.
    mutating func type(_ character: Character) {
        if let composer = method.composer {
            text = composer.apply(character, to: text)
        } else {
            text = (text + String(character)).precomposedNFC
        }
    }

    /// Types a whole line (line mode), through the input method like keystrokes.
    mutating func type(line: String) {
        for character in line { type(character) }
    }

    /// Deletes the last character.
    mutating func deleteBackward() {
        if !text.isEmpty { text.removeLast() }
    }
}

extension String {
    /// This text in NFC.
    var precomposedNFC: String { precomposedStringWithCanonicalMapping }
}
