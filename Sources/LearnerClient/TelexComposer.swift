/// Telex, the way most Vietnamese type on a plain keyboard: `aa` â, `aw` ă, `ee` ê, `oo` ô, `ow` ơ,
/// `uw`/`w` ư, `dd` đ; tones `s` sắc, `f` huyền, `r` hỏi, `x` ngã, `j` nặng, `z` removes the tone.
/// Typing a mark key twice undoes it and leaves the letter (`ass` → `as`).
public struct TelexComposer: InputComposer {
    /// Where open two-vowel syllables carry the tone (`hòa` or `hoà`).
    var placement: VietnameseWord.TonePlacement

    /// Makes a Telex composer; `modernTones` puts the tone of `oa`, `oe`, `uy` on the second vowel.
    public init(modernTones: Bool = false) {
        placement = modernTones ? .modern : .classic
    }

    /// The text after typing `character`.
    public func apply(_ character: Character, to text: String) -> String {
        let (head, wordText) = splitTrailingWord(text)
        let lower = Character(character.lowercased())
        let upper = character.isUppercase
        var word = VietnameseWord(wordText)
        let nucleus = VietnameseWord.nucleus(word.letters)

        func done(_ w: VietnameseWord) -> String { String(head) + w.text(placement: placement) }
        func append(_ w: VietnameseWord, _ c: Character) -> String { literal(c, done(w), placement: placement) }

        switch lower {
        case "s", "f", "r", "x", "j":
            guard !nucleus.isEmpty else { return literal(character, text, placement: placement) }
            let tone: VietnameseWord.Tone =
                switch lower {
                case "s": .acute
                case "f": .grave
                case "r": .hook
                case "x": .tilde
                default: .dot
                }
            if word.tone == tone {
                word.tone = nil
                return append(word, character)
            }
            word.tone = tone
            return done(word)

        case "z":
            guard word.tone != nil else { return literal(character, text, placement: placement) }
            word.tone = nil
            return done(word)

        case "a", "e", "o":
            // The matching vowel of the nucleus takes (or, typed again, gives back) the circumflex.
            guard let index = nucleus.last(where: { word.letters[$0].base == lower }) else {
                return literal(character, text, placement: placement)
            }
            if word.letters[index].mark == .circumflex {
                word.letters[index].mark = .none
                return append(word, character)
            }
            word.letters[index].mark = .circumflex
            return done(word)

        case "d":
            guard let first = word.letters.first, first.base == "d" || first.base == "đ" else {
                return literal(character, text, placement: placement)
            }
            if first.base == "đ" {
                word.letters[0].base = "d"
                return append(word, character)
            }
            word.letters[0].base = "đ"
            return done(word)

        case "w":
            return applyW(&word, nucleus: nucleus, head: head, character: character, upper: upper)

        default:
            return literal(character, text, placement: placement)
        }
    }

    private func applyW(
        _ word: inout VietnameseWord, nucleus: [Int], head: Substring, character: Character, upper: Bool
    ) -> String {
        let letters = word.letters
        func done() -> String { String(head) + word.text(placement: placement) }
        if nucleus.isEmpty {
            // A `w` with no vowel yet is `ư` itself: `w` → `ư`, `nhw` → `như`.
            word.letters.append(.init(base: "u", upper: upper, mark: .horn))
            return done()
        }
        // `uo` (in any state short of `ươ`) becomes `ươ`: `nguoiw` → `ngươi`, `duwow` → `dươ`.
        if let u = nucleus.first(where: { letters[$0].base == "u" }), nucleus.contains(u + 1),
            letters[u + 1].base == "o", !(letters[u].mark == .horn && letters[u + 1].mark == .horn)
        {
            word.letters[u].mark = .horn
            word.letters[u + 1].mark = .horn
            return done()
        }
        // `ww`: an `ư` that a lone `w` made goes back to being a `w`.
        if nucleus == [letters.count - 1], letters[nucleus[0]].base == "u", letters[nucleus[0]].mark == .horn {
            word.letters[nucleus[0]] = .init(base: "w", upper: letters[nucleus[0]].upper)
            return done()
        }
        // Typed again: take the horns and breves back and keep the `w`.
        if nucleus.contains(where: { letters[$0].mark == .horn || letters[$0].mark == .breve }) {
            for i in nucleus where letters[i].mark == .horn || letters[i].mark == .breve {
                word.letters[i].mark = .none
            }
            return literal(character, done(), placement: placement)
        }
        let bases = String(nucleus.map { letters[$0].base })
        if bases != "ua", let a = nucleus.last(where: { letters[$0].base == "a" }) {
            word.letters[a].mark = .breve
            return done()
        }
        if let o = nucleus.last(where: { letters[$0].base == "o" }) {
            word.letters[o].mark = .horn
            return done()
        }
        if let u = nucleus.last(where: { letters[$0].base == "u" }) {
            word.letters[u].mark = .horn
            return done()
        }
        return literal(character, done(), placement: placement)
    }
}
