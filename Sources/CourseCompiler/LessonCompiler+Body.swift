import CourseModel
import Foundation
import MarkdownSyntax

/// Splitting a lesson body into `##` sections: reading steps and the quiz.
extension LessonCompiler {
    /// A `##` heading and the blocks up to the next one.
    struct Section {
        var heading: MarkdownNode?
        var blocks: [MarkdownNode] = []

        var hasQuestions: Bool { blocks.contains { $0.kind == .heading(level: 3) } }
    }

    mutating func compileBody(_ document: MarkdownNode, lessonTitle: String, mastery: MasteryRule) -> ([Step], Quiz?) {
        var leading = Section()
        var sections: [Section] = []
        for node in document.children {
            switch node.kind {
            case .heading(level: 1):
                continue  // the front matter title is used
            case .heading(level: 2):
                sections.append(Section(heading: node))
            default:
                if sections.isEmpty {
                    leading.blocks.append(node)
                } else {
                    sections[sections.count - 1].blocks.append(node)
                }
            }
        }
        if leading.hasQuestions {
            sections.insert(leading, at: 0)  // a quiz-only lesson may put questions straight under the title
        } else if let first = leading.blocks.first(where: { !Self.isComment($0) }) {
            reporter.warning(
                CompilerText.textBeforeFirstStep, at: first.start, hint: CompilerText.textBeforeFirstStepHint)
        }

        var steps: [Step] = []
        var stepIDs: [String: SourcePosition] = [:]
        var quiz: Quiz?
        for section in sections {
            if section.hasQuestions {
                let title = section.heading.map { inlines($0.children).plainText } ?? lessonTitle
                var blocks = section.blocks
                if let heading = section.heading, let first = blocks.first, Self.isComment(first) {
                    // An id on a quiz section is accepted and unused.
                    _ = readOptions(first, allowed: ["id"], heading: heading)
                    blocks.removeFirst()
                }
                let part = compileQuiz(blocks, title: title, mastery: mastery)
                if var existing = quiz {
                    existing.questions += part.questions
                    quiz = existing
                } else {
                    quiz = part
                }
            } else if let heading = section.heading, let step = compileStep(heading, section.blocks) {
                if let first = stepIDs[step.id] {
                    reporter.error(
                        CompilerText.duplicateStepID(step.id), at: heading.start,
                        hint: CompilerText.duplicateStepIDHint(first.line))
                } else {
                    stepIDs[step.id] = heading.start
                    steps.append(step)
                }
            }
        }
        return (steps, quiz)
    }

    static func isComment(_ node: MarkdownNode) -> Bool {
        if case .htmlBlock(let literal) = node.kind { return literal.hasPrefix("<!--") }
        return false
    }

    private mutating func compileStep(_ heading: MarkdownNode, _ nodes: [MarkdownNode]) -> Step? {
        let title = inlines(heading.children).plainText.trimmingCharacters(in: .whitespaces)
        var nodes = nodes
        var id = Identifier.slug(title)
        var idPosition = heading.start
        if let first = nodes.first, Self.isComment(first) {
            nodes.removeFirst()
            if let options = readOptions(first, allowed: ["id"], heading: heading), let given = options["id"] {
                idPosition = given.position
                id = given.value
                if !Identifier.isValid(id) {
                    reportInvalidID(id, at: idPosition, what: .step)
                    return nil
                }
            }
        }
        if id.isEmpty {
            reporter.error(CompilerText.noStepID(title), at: heading.start, hint: CompilerText.noStepIDHint)
            return nil
        }
        scanFacts([heading] + nodes, context: FactContext(step: id))
        let blocks = self.blocks(nodes)
        if blocks.isEmpty {
            reporter.error(CompilerText.emptyStep(title), at: heading.start, hint: CompilerText.emptyStepHint)
            return nil
        }
        return Step(id: id, title: title, blocks: blocks)
    }

    private mutating func compileQuiz(_ nodes: [MarkdownNode], title: String, mastery: MasteryRule) -> Quiz {
        var introduction: [MarkdownNode] = []
        var groups: [(heading: MarkdownNode, blocks: [MarkdownNode])] = []
        for node in nodes {
            if node.kind == .heading(level: 3) {
                groups.append((node, []))
            } else if groups.isEmpty {
                introduction.append(node)
            } else {
                groups[groups.count - 1].blocks.append(node)
            }
        }
        scanFacts(introduction, context: FactContext())
        var questions: [Question] = []
        for group in groups {
            if let question = compileQuestion(group.heading, group.blocks) { questions.append(question) }
        }
        return Quiz(title: title, introduction: blocks(introduction), questions: questions, mastery: mastery)
    }
}
