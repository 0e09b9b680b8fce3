import CourseModel
import Foundation

/// Maps a GIFT document to a HocSo course: `$CATEGORY` lines become lessons, questions the
/// nearest HocSo kind, descriptions reading steps; what cannot be carried over is reported.
struct GiftImport {
    let options: ImportOptions
    var log: DiagnosticLog
    var lessons: [LessonDraft] = []
    var current: Int?
    var questionIDs: Set<String> = []
    var ordinal = 0

    init(options: ImportOptions, log: DiagnosticLog) {
        self.options = options
        self.log = log
    }

    /// The course the document describes (possibly with no lesson, when nothing could be imported).
    mutating func course(from document: GiftDocument) -> Course {
        for item in document.items {
            switch item {
            case .category(let path, let id, _):
                guard !options.oneLesson else { continue }
                if let index = lessons.firstIndex(where: { $0.categoryPath == path }) {
                    current = index
                } else {
                    let title = Self.lessonTitle(path)
                    lessons.append(
                        LessonDraft(title: title.isEmpty ? options.title : title, givenID: id, categoryPath: path))
                    current = lessons.count - 1
                }
            case .question(let question):
                ordinal += 1
                add(question)
            }
        }
        return assemble()
    }

    /// `$course$/top/Chương 1` → `Chương 1`: Moodle's context and `top` say nothing to learners.
    static func lessonTitle(_ path: String) -> String {
        // Moodle writes a `/` inside a category name as `//`.
        let parts = path.replacingOccurrences(of: "//", with: "\u{0}").components(separatedBy: "/")
            .map { $0.replacingOccurrences(of: "\u{0}", with: "/").trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !($0.hasPrefix("$") && $0.hasSuffix("$")) && $0 != "top" }
        return parts.joined(separator: " / ")
    }

    private mutating func lessonIndex() -> Int {
        if let current { return current }
        lessons.append(LessonDraft(title: options.title))
        current = lessons.count - 1
        return lessons.count - 1
    }

    private mutating func add(_ question: GiftQuestion) {
        let index = lessonIndex()
        switch question.answers {
        case .description:
            if let step = step(question, essay: false) { lessons[index].steps.append((step, question.position)) }
        case .essay:
            log.warning(InterchangeText.essayKept, at: question.position, hint: InterchangeText.essayKeptHint)
            if let step = step(question, essay: true) { lessons[index].steps.append((step, question.position)) }
        default:
            guard let mapped = self.question(question) else { return }
            lessons[index].questions.append(mapped)
            for tag in question.tags {
                let slug = Identifier.isValid(tag) ? tag : Identifier.slug(tag)
                if !slug.isEmpty, !lessons[index].tags.contains(slug) { lessons[index].tags.append(slug) }
            }
        }
    }

    /// A description (or an essay's text) as a reading step.
    private mutating func step(_ question: GiftQuestion, essay: Bool) -> Step? {
        var blocks = converted(question.text)
        if essay, let feedback = question.generalFeedback { blocks.append(.callout(.note, converted(feedback))) }
        guard !blocks.isEmpty else { return nil }
        let fallback = Self.shortTitle(blocks.plainText)
        let title = question.title.flatMap { $0.isEmpty ? nil : $0 } ?? fallback
        // An id written for the step (`// [id:…]`, as the exporter writes it) is kept.
        let id = question.id.flatMap { Identifier.isValid($0) ? $0 : nil } ?? ""
        return Step(id: id, title: title, blocks: blocks)
    }

    /// The first words of `text`, at most 60 characters, for a title.
    static func shortTitle(_ text: String) -> String {
        let flat = RichText.collapsingSpaces(text.replacingOccurrences(of: "\n", with: " "))
            .trimmingCharacters(in: .whitespaces)
        guard flat.count > 60 else { return flat }
        var cut = String(flat.prefix(60))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > 20 {
            cut = String(cut[..<space])
        }
        return cut + "…"
    }

    /// The text's blocks; what could not be carried over is reported at the text.
    mutating func converted(_ text: GiftText) -> [Block] {
        let (blocks, dropped) = RichText.blocks(text)
        report(dropped, at: text.position)
        return blocks
    }

    /// The text as one line of inlines; what could not be carried over is reported at the text.
    mutating func convertedLine(_ text: GiftText) -> [Inline] {
        let (inlines, dropped) = RichText.inlines(text)
        report(dropped, at: text.position)
        return inlines
    }

    private mutating func report(_ dropped: [String], at position: TextPosition) {
        guard !dropped.isEmpty else { return }
        log.warning(InterchangeText.droppedMarkup(dropped), at: position, hint: InterchangeText.droppedMarkupHint)
    }

    /// A question id: `// [id:…]`, else the `::name::`, else the text's first words; unique in the course.
    mutating func questionID(_ question: GiftQuestion, prompt: [Inline]) -> String {
        var base = ""
        if let given = question.id {
            base = Identifier.isValid(given) ? given : Identifier.slug(given, limit: 60)
            if base != given {
                log.warning(
                    InterchangeText.idChanged(given, to: base.isEmpty ? "…" : base), at: question.position,
                    hint: InterchangeText.idChangedHint)
            }
        }
        if base.isEmpty, let title = question.title { base = Identifier.slug(title, limit: 60) }
        if base.isEmpty {
            // The question's first words, cut at a word boundary.
            base = Identifier.slug(prompt.plainText, limit: 80)
            if base.count > 40 {
                let head = String(base.prefix(41))
                base = head.lastIndex(of: "-").map { String(head[..<$0]) } ?? String(base.prefix(40))
            }
        }
        if base.isEmpty { base = "cau-hoi-\(ordinal)" }
        var id = base
        var n = 2
        while questionIDs.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        questionIDs.insert(id)
        return id
    }

    /// The lessons, with unique ids, empty ones left out.
    private mutating func assemble() -> Course {
        var lessonIDs: Set<String> = []
        var out: [Lesson] = []
        for draft in lessons where !draft.steps.isEmpty || !draft.questions.isEmpty {
            var base = draft.givenID.map { Identifier.isValid($0) ? $0 : Identifier.slug($0) } ?? ""
            if base.isEmpty { base = Identifier.slug(draft.title) }
            if base.isEmpty { base = "bai-\(out.count + 1)" }
            var id = base
            var n = 2
            while lessonIDs.contains(id) {
                id = "\(base)-\(n)"
                n += 1
            }
            lessonIDs.insert(id)
            var stepIDs: Set<String> = []
            let steps = draft.steps.map { entry -> Step in
                var step = entry.step
                var stepBase = step.id.isEmpty ? Identifier.slug(step.title) : step.id
                if stepBase.isEmpty { stepBase = "doc" }
                var stepID = stepBase
                var k = 2
                while stepIDs.contains(stepID) {
                    stepID = "\(stepBase)-\(k)"
                    k += 1
                }
                stepIDs.insert(stepID)
                step.id = stepID
                return step
            }
            let quiz =
                draft.questions.isEmpty
                ? nil : Quiz(title: options.quizTitle, questions: draft.questions, mastery: .passMark(0.8))
            out.append(Lesson(id: id, title: draft.title, tags: draft.tags, steps: steps, quiz: quiz))
        }
        return Course(
            id: options.courseID, version: 1, title: options.title, language: options.language,
            description: options.isVietnamese
                ? "Câu hỏi nhập từ ngân hàng câu hỏi Moodle." : "Questions imported from a Moodle question bank.",
            lessons: out)
    }
}
