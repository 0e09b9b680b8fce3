/// What a GIFT file says, before anything is mapped to HocSo: Moodle's question types with
/// their texts, weights and feedback as written (escapes resolved, text formats kept).
public struct GiftDocument: Sendable {
    /// Categories and questions in file order.
    public var items: [GiftItem]

    /// Makes a document.
    public init(items: [GiftItem]) { self.items = items }

    /// The questions (descriptions included), without the category switches.
    public var questions: [GiftQuestion] {
        items.compactMap {
            if case .question(let q) = $0 { return q }
            return nil
        }
    }
}

/// One block of a GIFT file: a category switch or a question.
public enum GiftItem: Sendable {
    /// `$CATEGORY: path`, with an optional `// [id:…]` for the lesson made from it.
    case category(path: String, id: String?, position: TextPosition)
    /// A question (or a description).
    case question(GiftQuestion)
}

/// How a piece of GIFT text is written: `[moodle]` (the default), `[html]`, `[plain]`, `[markdown]`.
public enum GiftFormat: String, Sendable, CaseIterable {
    /// Moodle's auto-format: plain text that may hold HTML.
    case moodle
    /// HTML.
    case html
    /// Plain text, shown as written.
    case plain
    /// Markdown.
    case markdown
}

/// A piece of text with its format and where it starts.
public struct GiftText: Sendable, Equatable {
    /// The format it is written in.
    public var format: GiftFormat
    /// The text, escapes resolved, format tag removed, trimmed.
    public var text: String
    /// Where it starts in the file.
    public var position: TextPosition

    /// Makes a text.
    public init(format: GiftFormat, text: String, position: TextPosition) {
        self.format = format
        self.text = text
        self.position = position
    }
}

/// An answer of a multiple-choice or short-answer question.
public struct GiftChoice: Sendable {
    /// The answer's text.
    public var text: GiftText
    /// Whether it was written with `=` (full credit) rather than `~`.
    public var isEquals: Bool
    /// The `%n%` weight in percent, when one was written.
    public var weight: Double?
    /// The `#` feedback, if any.
    public var feedback: GiftText?
    /// Where the answer starts (its `~` or `=`).
    public var position: TextPosition

    /// The credit in percent as Moodle gives it: `=` 100 (short answer: the weight, else 100); `~` the weight, else 0.
    public func credit(shortAnswer: Bool) -> Double {
        if shortAnswer { return weight ?? 100 }
        return isEquals ? 100 : (weight ?? 0)
    }
}

/// A pair of a matching question: `=left -> right`; an empty left is a distractor.
public struct GiftPair: Sendable {
    /// The subquestion.
    public var left: GiftText
    /// The answer it matches (plain text in Moodle).
    public var right: String
    /// Where the pair starts.
    public var position: TextPosition
}

/// A numerical answer: `=%w%value:tolerance#feedback` or `=%w%low..high#feedback`.
public struct GiftNumber: Sendable {
    /// The smallest accepted value.
    public var low: Double
    /// The largest accepted value.
    public var high: Double
    /// The value and tolerance as written with `:`, `nil` for a `low..high` range.
    public var valueAndTolerance: (value: Double, tolerance: Double)?
    /// The weight in percent, when one was written (else 100).
    public var weight: Double?
    /// The feedback, if any.
    public var feedback: GiftText?
    /// Where the answer starts.
    public var position: TextPosition
}

/// The answer part of a question, by Moodle's question type.
public enum GiftAnswers: Sendable {
    /// No braces: text to read.
    case description
    /// `{}`: a free-text answer a teacher grades.
    case essay
    /// `{~… =…}`; `single` when some answer is written with `=`.
    case multipleChoice([GiftChoice], single: Bool)
    /// `{T}`, `{FALSE#wrong feedback#right feedback}`.
    case trueFalse(isTrue: Bool, wrongFeedback: GiftText?, rightFeedback: GiftText?)
    /// `{=a =b}` or `{a}`.
    case shortAnswer([GiftChoice])
    /// `{=a -> b =c -> d}`.
    case matching([GiftPair])
    /// `{#…}`; `otherwise` is the `~#feedback` given for any other number.
    case numerical([GiftNumber], otherwise: GiftText?)
    /// Moodle's ordering plugin: `{>count options` and the items, one a line, in order.
    case ordering([GiftText], options: String)
}

/// One question of a GIFT file.
public struct GiftQuestion: Sendable {
    /// The `::name::`, if written.
    public var title: String?
    /// `// [id:…]`, if written.
    public var id: String?
    /// `// [tag:…]` values, in order.
    public var tags: [String]
    /// HocSo settings kept in `// [hocso] points: 2; …` (written by `hocso course export`).
    public var settings: [String: String]
    /// Hints kept in `// [hint] …` lines (Markdown).
    public var hints: [GiftText]
    /// The question text, `_____` where a missing-word blank sits inside the sentence.
    public var text: GiftText
    /// Whether the answers sat inside the sentence (missing-word format).
    public var hasEmbeddedBlank: Bool
    /// The answers.
    public var answers: GiftAnswers
    /// The `####` general feedback, if any.
    public var generalFeedback: GiftText?
    /// Where the question starts (its first line that is not a comment).
    public var position: TextPosition
    /// Where its answers start (the `{`), or the question's start for a description.
    public var answerPosition: TextPosition
}
