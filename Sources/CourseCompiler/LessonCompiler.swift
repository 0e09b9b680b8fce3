import CourseModel
import Foundation
import MarkdownSyntax

/// Compiles one lesson file: front matter, reading steps and the quiz, collecting diagnostics.
struct LessonCompiler {
    /// What the course compiler needs to know about a lesson besides the lesson itself.
    struct Output {
        var lesson: Lesson?
        var idPosition: SourcePosition
        var finalPosition: SourcePosition?
        var questionIDs: [(id: String, position: SourcePosition)] = []
        var factMentions: [FactMention] = []
    }

    var reporter: Reporter
    /// The lesson file.
    let fileURL: URL
    /// The course folder, standardised; pictures must live inside it.
    let courseFolder: URL
    /// The pass mark of `course.yaml`.
    let coursePassMark: Double
    /// The competences `course.yaml` names; a lesson may only narrow them.
    let courseCompetences: [Competence]
    /// Pictures referenced so far, relative to the course folder.
    var assets: Set<String> = []
    var questionIDs: [(id: String, position: SourcePosition)] = []
    /// The lesson file relative to the course folder, for the places of facts.
    let lessonFile: String
    /// The latest calendar day anywhere: a checked date after it is in the future.
    let today: FactDate
    /// The lesson's id from its front matter, once read.
    var lessonID: String?
    /// Fact markers found so far, in file order.
    var factMentions: [FactMention] = []

    static let knownKeys = [
        "id", "title", "duration", "pass", "mastery", "final", "tags", "lang", "version", "summary",
        CompetenceCodes.key,
    ]

    init(
        fileURL: URL, lessonFile: String, courseFolder: URL, coursePassMark: Double,
        courseCompetences: [Competence] = [], today: FactDate,
        reporter: Reporter
    ) {
        self.fileURL = fileURL
        self.lessonFile = lessonFile
        self.courseFolder = courseFolder
        self.coursePassMark = coursePassMark
        self.courseCompetences = courseCompetences
        self.today = today
        self.reporter = reporter
    }

    /// Compiles the lesson's text.
    mutating func compile(_ text: String) -> Output {
        let split = FrontMatter.split(text, reporter: &reporter)
        var output = Output(lesson: nil, idPosition: .fileStart)
        var header = LessonHeader()
        if let yaml = split.yaml {
            header = readHeader(yaml, output: &output)
            lessonID = header.id
        } else if !reporter.hasErrors {
            reporter.error(CompilerText.noFrontMatter, at: .fileStart, hint: CompilerText.noFrontMatterHint)
        }
        let document = MarkdownParser.parse(split.body).shifted(byLines: split.bodyLineOffset)
        let bodyStart = SourcePosition(line: split.bodyLineOffset + 1, column: 1)
        let (steps, quiz) = compileBody(document, lessonTitle: header.title ?? "", mastery: header.mastery)
        output.questionIDs = questionIDs
        output.factMentions = factMentions
        if steps.isEmpty && quiz == nil {
            reporter.error(
                CompilerText.noStepsNorQuestions, at: bodyStart, hint: CompilerText.noStepsNorQuestionsHint)
        }
        guard let id = header.id, let title = header.title, !reporter.hasErrors else { return output }
        output.lesson = Lesson(
            id: id, title: title, durationMinutes: header.duration, isFinal: header.isFinal, tags: header.tags,
            competences: header.competences, steps: steps, quiz: quiz)
        return output
    }

    /// The front matter's values.
    struct LessonHeader {
        var id: String?
        var title: String?
        var duration: Int?
        var isFinal = false
        var tags: [String] = []
        var competences: [Competence] = []
        var mastery: MasteryRule = .passMark(0.8)
    }

    private mutating func readHeader(_ yaml: String, output: inout Output) -> LessonHeader {
        var header = LessonHeader(mastery: .passMark(coursePassMark))
        guard
            let fields = YAMLFields.parse(
                yaml, lineOffset: 1, at: .fileStart, what: CompilerText.frontMatterName, reporter: &reporter)
        else { return header }
        fields.check(
            known: Self.knownKeys, required: ["id", "title"], what: CompilerText.frontMatterName, reporter: &reporter)
        if let id = fields.string("id", reporter: &reporter), let field = fields["id"] {
            output.idPosition = field.valuePosition
            if Identifier.isValid(id) {
                header.id = id
            } else {
                reportInvalidID(id, at: field.valuePosition, what: .lesson)
            }
        }
        if let title = fields.string("title", reporter: &reporter), let field = fields["title"] {
            let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                reporter.error(CompilerText.empty("title"), at: field.valuePosition)
            } else {
                header.title = trimmed
            }
        }
        if let text = fields.string("duration", reporter: &reporter), let field = fields["duration"] {
            if let minutes = Self.minutes(text) {
                header.duration = minutes
            } else {
                reporter.error(CompilerText.badDuration(text), at: field.valuePosition, hint: CompilerText.durationHint)
            }
        }
        if let final = fields.bool("final", reporter: &reporter) {
            header.isFinal = final
            if final { output.finalPosition = fields["final"]?.valuePosition }
        }
        for (tag, position) in fields.strings("tags", reporter: &reporter) ?? [] {
            if Identifier.isValid(tag) {
                header.tags.append(tag)
            } else {
                reporter.error(CompilerText.invalidTag(tag), at: position, hint: CompilerText.tagHint)
            }
        }
        if let lang = fields.string("lang", reporter: &reporter), let field = fields["lang"],
            !CourseManifest.languages.contains(lang)
        {
            reporter.error(CompilerText.unknownLanguage(lang), at: field.valuePosition, hint: CompilerText.languageHint)
        }
        header.competences = CompetenceCodes.readLesson(fields, course: courseCompetences, reporter: &reporter)
        _ = fields.positiveInt("version", reporter: &reporter)
        _ = fields.string("summary", reporter: &reporter)
        if let pass = fields.passMark(reporter: &reporter) { header.mastery = .passMark(pass) }
        if let text = fields.string("mastery", reporter: &reporter), let field = fields["mastery"] {
            if let rule = Self.mastery(text) {
                if fields["pass"] != nil {
                    reporter.warning(CompilerText.passAndMastery, at: field.keyPosition, hint: CompilerText.removeOne)
                }
                header.mastery = rule
            } else {
                reporter.error(CompilerText.badMastery(text), at: field.valuePosition, hint: CompilerText.masteryHint)
            }
        }
        return header
    }

    /// Minutes in `15m`, `15`, `1h`, `1h30m`, `90 phút`.
    static func minutes(_ text: String) -> Int? {
        var s = text.lowercased().replacingOccurrences(of: " ", with: "")
        for suffix in ["phút", "min", "minutes", "p"] where s.hasSuffix(suffix) {
            s = String(s.dropLast(suffix.count)) + "m"
            break
        }
        if let plain = Int(s), plain > 0 { return plain }
        var total = 0
        var digits = ""
        var sawUnit = false
        for character in s {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            guard let value = Int(digits), value >= 0, value < 100_000 else { return nil }
            switch character {
            case "h", "g": total += value * 60
            case "m": total += value
            default: return nil
            }
            digits = ""
            sawUnit = true
        }
        return sawUnit && digits.isEmpty && total > 0 ? total : nil
    }

    /// `m/n` with 1 ≤ m ≤ n.
    static func mastery(_ text: String) -> MasteryRule? {
        let parts = text.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let m = Int(parts[0]), let n = Int(parts[1]), m >= 1, m <= n, n <= 1000 else {
            return nil
        }
        return .recent(m: m, n: n)
    }

    mutating func reportInvalidID(_ id: String, at position: SourcePosition, what: CompilerText.IDKind) {
        let suggestion = Identifier.slug(id)
        reporter.error(
            CompilerText.invalidID(what, id), at: position,
            hint: CompilerText.idHint(example: suggestion.isEmpty ? nil : suggestion))
    }
}
