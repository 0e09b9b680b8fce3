import Localization
import MarkdownSyntax

// A bridge while `Diagnostic` holds one text: the compiler's other messages are English today, so
// these are recorded in English too. When diagnostics carry a `Phrase`, this file goes.
extension Reporter {
    mutating func error(_ message: Phrase, at position: SourcePosition, hint: Phrase? = nil) {
        error(message.en, at: position, hint: hint?.en)
    }

    mutating func warning(_ message: Phrase, at position: SourcePosition, hint: Phrase? = nil) {
        warning(message.en, at: position, hint: hint?.en)
    }
}
