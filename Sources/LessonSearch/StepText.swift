import CourseModel

/// One lesson step as the index holds it: where it is, its titles, and its text as plain lines.
public struct StepDocument: Sendable, Equatable {
    /// The course id.
    public var courseID: String
    /// The course title (in the course's language).
    public var courseTitle: String
    /// The lesson id.
    public var lessonID: String
    /// The lesson title.
    public var lessonTitle: String
    /// The step id.
    public var stepID: String
    /// The step's position in its lesson (0-based), so a result opens at that step.
    public var stepIndex: Int
    /// The step title.
    public var stepTitle: String
    /// The step's text, one line per paragraph, list item, table row or code line; no markup.
    public var lines: [String]

    /// The steps of `course`, in reading order (quizzes are not steps: questions would give
    /// away answers).
    public static func documents(of course: Course) -> [StepDocument] {
        documents(
            courseID: course.id, courseTitle: course.title, lessons: course.lessons.map { ($0.id, $0.title, $0.steps) })
    }

    /// The steps of a course given only its lessons' ids, titles and steps (what the index
    /// needs, without the quizzes).
    public static func documents(
        courseID: String, courseTitle: String, lessons: [(id: String, title: String, steps: [Step])]
    ) -> [StepDocument] {
        lessons.flatMap { lesson in
            lesson.steps.enumerated().map { index, step in
                StepDocument(
                    courseID: courseID, courseTitle: courseTitle, lessonID: lesson.id, lessonTitle: lesson.title,
                    stepID: step.id, stepIndex: index, stepTitle: step.title,
                    lines: StepText.lines(of: step.blocks))
            }
        }
    }
}

/// Compiled blocks as plain lines: what a learner reads, without markup.
public enum StepText {
    /// The lines of `blocks`: a paragraph, a heading, a list item, a table row (cells joined
    /// by ` | `) or a code line each; empty lines dropped.
    public static func lines(of blocks: [Block]) -> [String] {
        var out: [String] = []
        for block in blocks { append(block, to: &out) }
        return out.filter { !$0.allSatisfy(\.isWhitespace) }
    }

    private static func append(_ block: Block, to out: inout [String]) {
        switch block {
        case .heading(_, let content), .paragraph(let content):
            out += text(content).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        case .list(_, let items):
            for item in items {
                var inner: [String] = []
                for block in item.blocks { append(block, to: &inner) }
                out += inner
            }
        case .quote(let blocks), .callout(_, let blocks):
            for block in blocks { append(block, to: &out) }
        case .code(_, let code):
            out += code.split(separator: "\n").map(String.init)
        case .table(let table):
            for row in [table.header] + table.rows {
                out.append(row.map { text($0) }.joined(separator: " | "))
            }
        case .rule:
            break
        }
    }

    /// Inline content as plain text: emphasis dropped, a link's visible text, a picture's
    /// alternative text, a hard break as a new line.
    public static func text(_ inlines: [Inline]) -> String {
        var out = ""
        for inline in inlines {
            switch inline {
            case .text(let text), .code(let text): out += text
            case .emphasis(let inner), .strong(let inner), .strikethrough(let inner): out += self.text(inner)
            case .link(_, let content): out += text(content)
            case .image(_, let alt): out += alt
            case .lineBreak: out += "\n"
            }
        }
        return out
    }
}
