import CourseModel
import Foundation

/// The one folding both the index and every query go through, so that what a learner types
/// without diacritics finds what authors wrote with them.
///
/// SQLite's `unicode61 remove_diacritics 2` tokenizer folds tone marks but leaves `đ` alone
/// (`đường` would not match `duong`), so text is folded here, in Swift, before SQLite sees it:
/// lower case, every diacritic removed, `đ` → `d`, NFC and NFD alike (the matching rules'
/// `khong-dau` folding, `VietnameseText.strippingDiacritics`).
public enum SearchFolding {
    /// `text` folded: `Nâng cấp VNeID lên Mức 2` → `nang cap vneid len muc 2`.
    public static func fold(_ text: String) -> String {
        VietnameseText.strippingDiacritics(text).lowercased()
    }

    /// The words of `text`, folded, as SQLite's `unicode61` tokenizer splits them: runs of
    /// letters and digits; everything else separates.
    public static func words(_ text: String) -> [String] {
        fold(text).split { !isWordCharacter($0) }.map(String.init)
    }

    /// Whether a character belongs to a word (a letter, a digit or a combining mark).
    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// The FTS5 query for `text`: every word must appear, the last as a prefix (the learner may
    /// still be typing it). Words are quoted, so nothing a learner types is FTS syntax. `nil`
    /// when the text has no word.
    public static func matchExpression(_ text: String) -> String? {
        let terms = terms(text)
        return terms.isEmpty ? nil : terms.joined(separator: " ")
    }

    /// The FTS5 terms of `text`: each word quoted, the last one a prefix (`"muc" "2"*`).
    static func terms(_ text: String) -> [String] {
        let quoted = words(text).map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        guard let last = quoted.last else { return [] }
        return quoted.dropLast() + [last + "*"]
    }
}
