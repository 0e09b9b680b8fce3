/// One thing said to a person, in every interface language.
///
/// Libraries return phrases, never a chosen language: the program that talks to the person picks
/// the language once (`Language.resolve`) and says each phrase in it. Requiring both texts at
/// the only initialiser is what keeps a message from existing in one language alone.
public struct Phrase: Sendable, Hashable {
    /// The Vietnamese text.
    public let vi: String
    /// The English text.
    public let en: String

    /// A phrase in both languages.
    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    /// The text in `language`.
    public func text(_ language: Language) -> String {
        switch language {
        case .vi: vi
        case .en: en
        }
    }

    /// The text in `language` (so a catalogue entry reads `phrase(lang)`).
    public func callAsFunction(_ language: Language) -> String { text(language) }

    /// The two phrases one after the other, in each language.
    public static func + (lhs: Phrase, rhs: Phrase) -> Phrase {
        Phrase(vi: lhs.vi + rhs.vi, en: lhs.en + rhs.en)
    }

    /// The same text in both languages: a name, a code, a number, a path.
    public static func verbatim(_ text: String) -> Phrase { Phrase(vi: text, en: text) }

    /// Phrases joined with `separator` in each language.
    public static func joined(_ phrases: [Phrase], separator: String) -> Phrase {
        Phrase(
            vi: phrases.map(\.vi).joined(separator: separator), en: phrases.map(\.en).joined(separator: separator))
    }
}

/// An error that can tell a person what happened and what to do, in their language.
///
/// Every module's error type conforms; the executables print `phrase.text(language)` and never
/// a raw description of a library error.
public protocol PhrasedError: Error {
    /// What happened and what to do, in one or two sentences.
    var phrase: Phrase { get }
}
