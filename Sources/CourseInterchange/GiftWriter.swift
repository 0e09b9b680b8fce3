import CourseModel
import Foundation
import Localization

/// Writes a compiled course as GIFT that Moodle imports: lessons as `$CATEGORY`, reading steps as
/// descriptions, every question kind GIFT can express, with feedback; what GIFT cannot hold is
/// reported, and HocSo's own settings and hints ride along in comments Moodle ignores.
public enum GiftWriter {
    /// A problem for one question or step, by lesson index and id.
    public struct Loss: Sendable, Equatable {
        /// The lesson's index in the course.
        public var lesson: Int
        /// The question's or step's id.
        public var id: String
        /// What was lost.
        public var message: Phrase
    }

    /// The GIFT text, what it could not hold, and how many questions it holds.
    public static func write(_ course: Course) -> (text: String, losses: [Loss], questions: Int) {
        var out: [String] = [
            "// HocSo: \(oneLine(course.title)) (\(course.id), version \(course.version))",
            "// \(oneLine(InterchangeText.exportHeader(en: course.language == "en")))",
        ]
        var losses: [Loss] = []
        var written = 0
        for (index, lesson) in course.lessons.enumerated() {
            out += ["", "// [id:\(lesson.id)]", "$CATEGORY: $course$/top/\(categoryName(lesson.title))"]
            for step in lesson.steps {
                out += ["", "// [id:\(step.id)]", "::\(escape(step.title))::" + text(step.blocks)]
                if containsImage(step.blocks) {
                    losses.append(Loss(lesson: index, id: step.id, message: InterchangeText.imagesNotExported))
                }
            }
            if let quiz = lesson.quiz {
                if !quiz.introduction.isEmpty {
                    out += ["", "::\(escape(quiz.title))::" + text(quiz.introduction)]
                }
                for question in quiz.questions {
                    var lost: [Phrase] = []
                    if let lines = self.question(question, lost: &lost) {
                        // HocSo keeps tags per lesson; Moodle per question, so each question carries its lesson's.
                        let tags = lesson.tags.isEmpty ? [] : [lesson.tags.map { "[tag:\($0)]" }.joined(separator: " ")]
                        out += [""] + [lines[0]] + tags.map { "// " + $0 } + lines.dropFirst()
                        written += 1
                    }
                    losses += lost.map { Loss(lesson: index, id: question.id, message: $0) }
                }
            }
        }
        return (out.joined(separator: "\n") + "\n", losses, written)
    }

    /// A category name: `/` separates Moodle's category levels, so it is written `//`.
    private static func categoryName(_ title: String) -> String {
        let escaped = oneLine(title).replacingOccurrences(of: "/", with: "//")
        // A name starting or ending with `/` would run into the separator; spaces keep them apart.
        return escaped.hasPrefix("/") || escaped.hasSuffix("/") ? " \(escaped) " : escaped
    }

    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }

    /// GIFT escapes (as Moodle's exporter writes them): `\ ~ = # { } :` and new lines.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\", "~", "=", "#", "{", "}", ":": out += "\\" + String(c)
            case "\n": out += "\\n"
            case "\r": continue
            default: out.append(c)
            }
        }
        return out
    }

    /// Blocks as GIFT text: plain when Markdown adds nothing, else `[markdown]`.
    static func text(_ blocks: [Block]) -> String {
        if blocks.count == 1, case .paragraph(let v) = blocks[0], isPlain(v) { return escape(v.plainText) }
        return "[markdown]" + escape(MarkdownText.blocks(blocks).joined(separator: "\n"))
    }

    /// Inlines as GIFT text in a question whose format is already chosen.
    static func text(_ inlines: [Inline], markdown: Bool) -> String {
        // An option is a paragraph of its own once read back, so `1.` or `-` at its start must be escaped.
        escape(markdown ? MarkdownText.inlines(inlines, context: .line, lineStart: true) : inlines.plainText)
    }

    static func feedback(_ blocks: [Block], markdown: Bool, inAnswers: Bool = false) -> String {
        guard !blocks.isEmpty else { return "" }
        if !markdown, blocks.count == 1, case .paragraph(let v) = blocks[0] { return escape(v.plainText) }
        let text = MarkdownText.blocks(blocks).joined(separator: "\n")
        return escape(inAnswers ? arrowsEscaped(text) : text)
    }

    /// Moodle takes an answer section holding `=` and `->` for matching pairs; in Markdown `-\>`
    /// is the same text, so `->` outside code is written that way.
    static func arrowsEscaped(_ markdown: String) -> String {
        var inFence = false
        return markdown.components(separatedBy: "\n").map { line -> String in
            let bare = line.drop { $0 == " " || $0 == ">" }
            if bare.hasPrefix("```") {
                inFence.toggle()
                return line
            }
            if inFence { return line }
            var out = ""
            var inCode = false
            var previous: Character?
            for c in line {
                if c == "`" { inCode.toggle() }
                if c == ">", previous == "-", !inCode { out += "\\" }
                out.append(c)
                previous = c
            }
            return out
        }.joined(separator: "\n")
    }

    /// Text Moodle shows as HocSo does without any Markdown: no styling, nothing HTML would read
    /// (`<`, `&`), no leading `[` that could pass for a format tag.
    static func isPlain(_ inlines: [Inline]) -> Bool {
        inlines.allSatisfy {
            if case .text(let t) = $0 {
                return !t.contains("<") && !t.contains("&") && !t.contains("\n") && !t.contains("  ")
            }
            return false
        } && !inlines.plainText.hasPrefix("[")
    }

    static func containsImage(_ blocks: [Block]) -> Bool {
        func inInlines(_ v: [Inline]) -> Bool {
            v.contains {
                switch $0 {
                case .image: true
                case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, let c): inInlines(c)
                default: false
                }
            }
        }
        return blocks.contains {
            switch $0 {
            case .paragraph(let v), .heading(_, let v): inInlines(v)
            case .list(_, let items): containsImage(items.flatMap(\.blocks))
            case .quote(let v), .callout(_, let v): containsImage(v)
            case .table(let t): (t.header + t.rows.flatMap { $0 }).contains(where: inInlines)
            case .code, .rule: false
            }
        }
    }
}
