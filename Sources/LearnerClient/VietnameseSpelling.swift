/// Whether a word could be Vietnamese as it is being typed: a known onset, then the start of a
/// known rhyme, and a tone the rhyme may carry.
///
/// The input methods ask this after every key of a word they changed: when `deepf` has become
/// `dềp`, no Vietnamese syllable can start that way (`-p` takes only sắc or nặng), so the keys
/// are given back as typed and the word stays `deepfake`, as the common Vietnamese input methods
/// do. It errs on the side of Vietnamese: a rare but real syllable must never be refused, while
/// an English word that happens to spell a Vietnamese one is still matched by its raw keys.
enum VietnameseSpelling {
    /// Onsets, longest first so `ngh` is tried before `ng` and `n`.
    static let onsets = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
    ]

    /// Every rhyme (vowels and final consonant, without the tone), written with its marks.
    static let rhymes: Set<String> = {
        let list = """
            a ai ao au ay ac ach am an ang anh ap at
            ăc ăm ăn ăng ăp ăt
            âc âm ân âng âp ât âu ây
            e eo ec em en eng ep et
            ê êch êm ên ênh êp êt êu
            i ia ich im in inh ip it iu
            iêc iêm iên iêng iêp iêt iêu
            o oc oi om on ong op ot oong ooc
            oa oac oach oai oam oan oang oanh oao oap oat oay
            oăc oăm oăn oăng oăt
            oe oen oeo oet
            ô ôc ôi ôm ôn ông ôp ôt
            ơ ơi ơm ơn ơp ơt
            u ua uc ui um un ung up ut
            uân uâng uât uây
            uê uênh uêch
            uôc uôi uôm uôn uông uôt
            uơ
            uy uya uych uyn uynh uyp uyt uyu uyên uyêt
            ư ưa ưc ưi ưm ưng ưt ưu
            ươc ươi ươm ươn ương ươp ươt ươu
            y yêm yên yêt yêu yt ynh ych yn
            """
        return Set(list.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    }()

    /// Every beginning of a rhyme as it may stand half typed: `iê` of `iêng`, and also `ie`, `ưo`,
    /// `uơ` and `uo` on the way to `iê` and `ươ` (an input method adds each mark with its own key).
    static let rhymePrefixes: Set<String> = {
        var prefixes: Set<String> = [""]
        for rhyme in rhymes {
            for spelling in unmarkedVariants(rhyme) {
                var prefix = ""
                for character in spelling {
                    prefix.append(character)
                    prefixes.insert(prefix)
                }
            }
        }
        return prefixes
    }()

    /// `rhyme` with every combination of its vowel marks taken off (`ươ` → `ươ`, `ưo`, `uơ`, `uo`).
    static func unmarkedVariants(_ rhyme: String) -> [String] {
        let plain: [Character: Character] = ["ă": "a", "â": "a", "ê": "e", "ô": "o", "ơ": "o", "ư": "u"]
        var variants = [""]
        for character in rhyme {
            variants = variants.flatMap { head in
                [head + String(character)] + (plain[character].map { [head + String($0)] } ?? [])
            }
        }
        return variants
    }

    /// Rhymes that close on a stop (`-c`, `-ch`, `-p`, `-t`) take only the sắc or nặng tone.
    static let stopFinals = ["ch", "c", "p", "t"]

    /// Whether `word` (one word, NFC) is a Vietnamese syllable or the start of one.
    static func isPlausible(_ word: String) -> Bool {
        let parsed = VietnameseWord(Substring(word))
        let letters = parsed.letters.map { letter -> String in
            var s = String(letter.base)
            switch letter.mark {
            case .none: break
            case .circumflex: s.unicodeScalars.append("\u{302}")
            case .breve: s.unicodeScalars.append("\u{306}")
            case .horn: s.unicodeScalars.append("\u{31B}")
            }
            return s.precomposedNFC
        }
        let plain = letters.joined()
        for onset in onsets where plain.hasPrefix(onset) {
            let rhyme = String(plain.dropFirst(onset.count))
            if onset == "gi" || onset == "qu", rhyme.isEmpty { continue }
            guard rhymePrefixes.contains(rhyme) else { continue }
            // `ưi` needs an onset (`gửi`, `ngửi`): alone it is how Telex spells the `Wi` of `Wi-Fi`.
            if onset.isEmpty, rhyme.hasPrefix("ưi") { continue }
            if let tone = parsed.tone, tone != .acute, tone != .dot,
                stopFinals.contains(where: { rhyme.count > $0.count && rhyme.hasSuffix($0) })
            {
                continue
            }
            if parsed.tone != nil, rhyme.isEmpty { continue }
            return true
        }
        return false
    }
}
