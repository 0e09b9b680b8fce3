import Localization
import TerminalText

/// One key on the key bar: the key as printed on the keyboard, what it does in words, and how
/// much it matters when the bar must be shortened.
struct KeyHint: Equatable {
    /// The key's name as printed on it (`Enter`, `Esc`, `F9`, `↑↓`).
    var key: String
    /// What it does here.
    var action: Phrase
    /// Lower is kept longer: 0 the screen's main action, 1 Back, then sign-out, moving, helpers.
    var priority: Int
}

/// The keys the client uses, one per action on every screen (`ClientText+Keys.swift` words them).
///
/// Letters are never commands, so a learner typing an answer cannot trigger one; digits pick,
/// arrows move, Enter confirms, Esc goes back, and the function keys do the rest.
enum KeyMap {
    static let confirm = "Enter"
    static let back = "Esc"
    static let move = "↑↓"
    static let hint = "F3"
    static let readAloud = "F5"
    static let inputMethod = "F2"
    static let signOut = "F9"
    static let scroll = "PgDn"
    static let previous = "←"
    static let search = "/"
}

/// The bar of keys at the bottom of every screen, in words, never cut.
///
/// When the screen is too narrow for every key, whole keys are dropped, least important first,
/// and the rest keep their order; a key's words are never cut in the middle.
enum KeyBar {
    /// The separator between two keys.
    static let separator = " · "

    /// The bar for `width` columns.
    static func line(_ hints: [KeyHint], language: Language, width: Int) -> String {
        var kept = hints
        while !kept.isEmpty {
            let text = kept.map { "\($0.key) \($0.action(language))" }.joined(separator: separator)
            if TerminalWidth.of(text) <= width { return text }
            // Drop the least important key (the last of equals), keeping the order of the rest.
            guard let worst = kept.indices.max(by: { kept[$0].priority <= kept[$1].priority }) else { break }
            kept.remove(at: worst)
        }
        return ""
    }
}
