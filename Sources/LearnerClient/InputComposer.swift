import Foundation

/// Turns raw keystrokes into Vietnamese as a word is typed: the next character and the text so far
/// give the new text. Pure, so every rule is a row in a table test.
public protocol InputComposer: Sendable {
    /// The text after typing `character` at the end of `text` (NFC).
    func apply(_ character: Character, to text: String) -> String
}

extension InputComposer {
    /// The text a whole run of keystrokes gives, e.g. `tooi ddi` → `tôi đi`.
    public func compose(_ keystrokes: String) -> String {
        keystrokes.reduce("") { apply($1, to: $0) }
    }

    /// Splits `text` into what comes before the word being typed, and that word.
    func splitTrailingWord(_ text: String) -> (head: Substring, word: Substring) {
        var start = text.endIndex
        while start > text.startIndex {
            let previous = text.index(before: start)
            guard VietnameseWord.isWordCharacter(text[previous]) else { break }
            start = previous
        }
        return (text[..<start], text[start...])
    }

    /// Appends a literal character, keeping the result NFC; a letter joins the word being typed,
    /// whose tone may then move (`hòa` + `n` → `hoàn`).
    func literal(_ character: Character, _ text: String, placement: VietnameseWord.TonePlacement) -> String {
        let (head, word) = splitTrailingWord(text)
        if VietnameseWord.isWordCharacter(character), !word.isEmpty {
            var parsed = VietnameseWord(word)
            if parsed.tone != nil {
                parsed.letters += VietnameseWord(Substring(String(character))).letters
                return String(head) + parsed.text(placement: placement)
            }
        }
        return (text + String(character)).precomposedStringWithCanonicalMapping
    }
}

/// The input method a text field composes with; the learner cycles them with a key.
public enum InputMethod: String, Sendable, CaseIterable {
    /// Telex: `aa` → `â`, `dd` → `đ`, `s f r x j` tones.
    case telex
    /// VNI: digits 1–9 for tones and marks (`a1` → `á`, `d9` → `đ`).
    case vni
    /// Characters as typed.
    case off

    /// The next method in the cycle Telex → VNI → off → Telex.
    public var next: InputMethod {
        switch self {
        case .telex: .vni
        case .vni: .off
        case .off: .telex
        }
    }

    /// The composer for this method, `nil` when off.
    public var composer: (any InputComposer)? {
        switch self {
        case .telex: TelexComposer()
        case .vni: VNIComposer()
        case .off: nil
        }
    }

    /// The default for a course in `language`: Telex for Vietnamese, off otherwise.
    public static func defaultFor(language: String) -> InputMethod {
        language.lowercased().hasPrefix("vi") ? .telex : .off
    }
}
