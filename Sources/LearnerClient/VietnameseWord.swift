import Foundation

/// The word being typed, taken apart into letters, vowel marks and one tone, so an input method
/// can change a mark anywhere in it and put the tone back on the right vowel.
///
/// Input methods work on this model rather than on strings: the tone is kept apart from the
/// letters, so typing `hoaf` then `n` moves the grave accent from `o` to `a` (`hòa` → `hoàn`).
struct VietnameseWord: Equatable {
    /// A vowel mark (not a tone).
    enum Mark: Equatable { case none, circumflex, breve, horn }

    /// The five tones (level tone is `nil`).
    enum Tone: Equatable {
        case acute, grave, hook, tilde, dot

        var scalar: Unicode.Scalar {
            switch self {
            case .acute: "\u{301}"
            case .grave: "\u{300}"
            case .hook: "\u{309}"
            case .tilde: "\u{303}"
            case .dot: "\u{323}"
            }
        }

        init?(_ scalar: Unicode.Scalar) {
            switch scalar {
            case "\u{301}", "\u{341}": self = .acute
            case "\u{300}", "\u{340}": self = .grave
            case "\u{309}": self = .hook
            case "\u{303}": self = .tilde
            case "\u{323}": self = .dot
            default: return nil
            }
        }
    }

    /// One letter: its lower-case base (`a`, `đ`, `x`), case and vowel mark.
    struct Letter: Equatable {
        var base: Character
        var upper: Bool
        var mark: Mark = .none

        var isVowel: Bool { "aeiouy".contains(base) }
    }

    /// Where a two-vowel open syllable like `oa`, `oe`, `uy` carries its tone.
    enum TonePlacement: Sendable {
        /// `hòa`, `thúy`: the older, still most common placement.
        case classic
        /// `hoà`, `thuý`: the placement of the 1980s orthography rules.
        case modern
    }

    var letters: [Letter] = []
    var tone: Tone?

    /// Whether a character can be part of a word the input methods edit.
    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter }

    /// Takes a word (any normalisation) apart.
    init(_ text: Substring) {
        for character in text {
            let scalars = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
            guard let first = scalars.first else { continue }
            let baseString = String(first)
            let lower = baseString.lowercased()
            var letter = Letter(base: Character(lower), upper: lower != baseString)
            for scalar in scalars.dropFirst() {
                if let t = Tone(scalar) {
                    tone = t
                    continue
                }
                switch scalar {
                case "\u{302}": letter.mark = .circumflex
                case "\u{306}": letter.mark = .breve
                case "\u{31B}": letter.mark = .horn
                default: break
                }
            }
            letters.append(letter)
        }
    }

    init() {}

    /// The word as NFC text, the tone on the vowel the rules choose.
    func text(placement: TonePlacement) -> String {
        let toneIndex = tone == nil ? nil : Self.toneIndex(letters, placement: placement)
        var out = ""
        for (index, letter) in letters.enumerated() {
            var s = letter.upper ? String(letter.base).uppercased() : String(letter.base)
            switch letter.mark {
            case .none: break
            case .circumflex: s.unicodeScalars.append("\u{302}")
            case .breve: s.unicodeScalars.append("\u{306}")
            case .horn: s.unicodeScalars.append("\u{31B}")
            }
            if index == toneIndex, let tone { s.unicodeScalars.append(tone.scalar) }
            out += s
        }
        return out.precomposedStringWithCanonicalMapping
    }

    /// The indices of the syllable's vowel nucleus, leaving out the `u` of `qu` and the `i` of `gi`.
    static func nucleus(_ letters: [Letter]) -> [Int] {
        guard let first = letters.firstIndex(where: \.isVowel) else { return [] }
        var end = first
        while end + 1 < letters.count, letters[end + 1].isVowel { end += 1 }
        var range = Array(first...end)
        if range.count > 1, first > 0 {
            let onset = letters[first - 1].base
            let head = letters[first]
            if (onset == "q" && head.base == "u") || (onset == "g" && head.base == "i" && head.mark == .none) {
                range.removeFirst()
            }
        }
        return range
    }

    /// Which letter carries the tone.
    static func toneIndex(_ letters: [Letter], placement: TonePlacement) -> Int? {
        let vowels = nucleus(letters)
        guard let last = vowels.last else { return nil }
        if let marked = vowels.last(where: { letters[$0].mark != .none }) { return marked }
        if vowels.count == 1 { return last }
        let hasFinal = last + 1 < letters.count
        if hasFinal { return last }
        if vowels.count >= 3 { return vowels[1] }
        let pair = String(vowels.map { letters[$0].base })
        if placement == .modern && ["oa", "oe", "uy"].contains(pair) { return last }
        return vowels[0]
    }
}
