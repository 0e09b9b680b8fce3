/// VNI: a digit after the letters gives the mark: `1` sắc, `2` huyền, `3` hỏi, `4` ngã, `5` nặng,
/// `6` circumflex (`â ê ô`), `7` horn (`ơ ư`, `uo7` → `ươ`), `8` breve (`ă`), `9` `đ`, `0` no tone.
/// Typing the same digit again undoes it and keeps the digit (`a11` → `a1`). A digit that does
/// not follow a letter is just a digit, so numbers type normally.
public struct VNIComposer: InputComposer {
    var placement: VietnameseWord.TonePlacement

    /// Makes a VNI composer; `modernTones` puts the tone of `oa`, `oe`, `uy` on the second vowel.
    public init(modernTones: Bool = false) {
        placement = modernTones ? .modern : .classic
    }

    /// The text after typing `character`.
    public func apply(_ character: Character, to text: String) -> String {
        guard let digit = character.wholeNumberValue, character.isASCII else {
            return literal(character, text, placement: placement)
        }
        let (head, wordText) = splitTrailingWord(text)
        guard !wordText.isEmpty else { return literal(character, text, placement: placement) }
        var word = VietnameseWord(wordText)
        let nucleus = VietnameseWord.nucleus(word.letters)
        let letters = word.letters
        func done() -> String { String(head) + word.text(placement: placement) }

        switch digit {
        case 1...5:
            guard !nucleus.isEmpty else { return literal(character, text, placement: placement) }
            let tone: VietnameseWord.Tone = [.acute, .grave, .hook, .tilde, .dot][digit - 1]
            if word.tone == tone {
                word.tone = nil
                return literal(character, done(), placement: placement)
            }
            word.tone = tone
            return done()
        case 0:
            guard word.tone != nil else { return literal(character, text, placement: placement) }
            word.tone = nil
            return done()
        case 6:
            guard let i = nucleus.last(where: { "aeo".contains(letters[$0].base) }) else {
                return literal(character, text, placement: placement)
            }
            if letters[i].mark == .circumflex {
                word.letters[i].mark = .none
                return literal(character, done(), placement: placement)
            }
            word.letters[i].mark = .circumflex
            return done()
        case 7:
            if let u = nucleus.first(where: { letters[$0].base == "u" }), nucleus.contains(u + 1),
                letters[u + 1].base == "o",
                !(letters[u].mark == .horn && letters[u + 1].mark == .horn)
            {
                word.letters[u].mark = .horn
                word.letters[u + 1].mark = .horn
                return done()
            }
            let horned = nucleus.filter { letters[$0].mark == .horn }
            if !horned.isEmpty {
                for i in horned { word.letters[i].mark = .none }
                return literal(character, done(), placement: placement)
            }
            guard let i = nucleus.last(where: { "ou".contains(letters[$0].base) }) else {
                return literal(character, text, placement: placement)
            }
            word.letters[i].mark = .horn
            return done()
        case 8:
            guard let i = nucleus.last(where: { letters[$0].base == "a" }) else {
                return literal(character, text, placement: placement)
            }
            if letters[i].mark == .breve {
                word.letters[i].mark = .none
                return literal(character, done(), placement: placement)
            }
            word.letters[i].mark = .breve
            return done()
        case 9:
            guard let first = letters.first, first.base == "d" || first.base == "đ" else {
                return literal(character, text, placement: placement)
            }
            if first.base == "đ" {
                word.letters[0].base = "d"
                return literal(character, done(), placement: placement)
            }
            word.letters[0].base = "đ"
            return done()
        default:
            return literal(character, text, placement: placement)
        }
    }
}
