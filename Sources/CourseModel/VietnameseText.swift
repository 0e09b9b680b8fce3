import Foundation

/// How typed text is compared with an accepted answer.
public enum MatchRule: String, Sendable, Codable, CaseIterable {
    /// Folds Unicode normalisation, case, spacing, surrounding punctuation and tone-mark placement.
    case standard
    /// `standard`, and also ignores every diacritic, with `đ` → `d` (`match: khong-dau`).
    case ignoreDiacritics = "khong-dau"
    /// Only normalises (NFC) and trims (`match: chinh-xac`).
    case exact = "chinh-xac"

    /// The spellings authors may use in `match:`, mapped to rules.
    public static let authorSpellings: [String: MatchRule] = [
        "mac-dinh": .standard, "standard": .standard, "default": .standard,
        "khong-dau": .ignoreDiacritics, "no-diacritics": .ignoreDiacritics,
        "chinh-xac": .exact, "exact": .exact,
    ]
}

/// Vietnamese-aware text normalisation shared by the compiler, the client and re-grading.
public enum VietnameseText {
    /// The five tone marks as combining characters. Vowel marks (circumflex, breve, horn) are not tones.
    static let toneMarks: Set<Unicode.Scalar> = ["\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"]

    /// Text in NFC, the form HocSo stores, hashes and compares as bytes.
    public static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// The key two answers are compared by: equal keys mean the answers match under `rule`.
    ///
    /// Tone placement is folded by taking each syllable's tone mark off the vowel it sits on and
    /// putting it at the end of the syllable, so `hòa` and `hoà` give the same key whichever
    /// convention (old or new) the typist follows.
    public static func matchKey(_ text: String, rule: MatchRule) -> String {
        if rule == .exact { return collapseSpaces(nfc(text)) }
        let decomposed = text.decomposedStringWithCanonicalMapping.lowercased()
        var syllables: [String] = []
        for word in decomposed.split(whereSeparator: { $0.isWhitespace }) {
            let trimmed = trimPunctuation(String(word))
            if trimmed.isEmpty { continue }
            syllables.append(foldSyllable(trimmed, ignoringDiacritics: rule == .ignoreDiacritics))
        }
        return syllables.joined(separator: " ")
    }

    /// Removes every diacritic, with `đ`/`Đ` → `d`/`D`: `Đường` → `Duong`.
    public static func strippingDiacritics(_ text: String) -> String {
        LatinFolding.asciiFolded(text) ?? strippingDiacriticsByDecomposing(text)
    }

    /// The plain way to strip diacritics: decompose, drop every non-spacing mark, compose again.
    /// `LatinFolding`'s table is made by it, and text outside that table goes through it.
    static func strippingDiacriticsByDecomposing(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "đ": out.append("d")
            case "Đ": out.append("D")
            default:
                if scalar.properties.generalCategory != .nonspacingMark { out.append(scalar) }
            }
        }
        return String(out).precomposedStringWithCanonicalMapping
    }

    private static func foldSyllable(_ syllable: String, ignoringDiacritics: Bool) -> String {
        var base = String.UnicodeScalarView()
        var tone: Unicode.Scalar?
        for scalar in syllable.unicodeScalars {
            if ignoringDiacritics {
                if scalar == "đ" {
                    base.append("d")
                    continue
                }
                if scalar.properties.generalCategory == .nonspacingMark { continue }
                base.append(scalar)
            } else if toneMarks.contains(scalar) {
                tone = scalar
            } else {
                base.append(scalar)
            }
        }
        if let tone { base.append(tone) }
        return String(base)
    }

    private static func trimPunctuation(_ word: String) -> String {
        let scalars = word.unicodeScalars
        let isPunct: (Unicode.Scalar) -> Bool = {
            CharacterSet.punctuationCharacters.contains($0) || CharacterSet.symbols.contains($0) && $0 != "%"
        }
        guard let first = scalars.firstIndex(where: { !isPunct($0) }),
            let last = scalars.lastIndex(where: { !isPunct($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    private static func collapseSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
