import CourseModel
import Foundation
import MarkdownSyntax

/// What `course.yaml` says, checked field by field.
struct CourseManifest {
    /// A lesson entry of `lessons:` with its position in `course.yaml`.
    struct LessonEntry {
        var name: String
        var position: SourcePosition
    }

    var id: String?
    var title: String?
    var titleEnglish: String?
    var language: String?
    var version: Int?
    var description: String?
    var summaryEnglish: String?
    var audience: [String] = []
    var passMark: Double = 0.8
    var digcompAreas: [DigCompArea] = []
    var competences: [Competence] = []
    var sources: [Source] = []
    var tags: [String] = []
    var lessons: [LessonEntry] = []
    /// `facts_max_age`: how long the course's facts may go unchecked, unless a fact says otherwise.
    var factsMaxAgeMonths = FactAge.defaultMonths
    /// `order:`: whether lessons open one after another.
    var lessonOrder = LessonOrder.free
    /// `self_check:`: the path an entry self-check recommends from (`CourseManifest+Path.swift`).
    var selfCheck: SelfCheckSource?

    static let knownKeys = [
        "id", "title", "title_en", "lang", "version", "description", "summary_en", "audience", "pass", "digcomp",
        CompetenceCodes.key, "sources", "tags", "lessons", "facts_max_age", "order", "self_check",
    ]
    static let requiredKeys = ["id", "title", "lang", "version", "description", "lessons"]
    static let languages = ["vi", "en"]

    /// Reads `course.yaml`'s text; `folderName` is the id the course must have.
    static func read(_ text: String, folderName: String, reporter: inout Reporter) -> CourseManifest? {
        guard
            let fields = YAMLFields.parse(
                text, lineOffset: 0, at: .fileStart, what: CompilerText.manifestName, reporter: &reporter)
        else { return nil }
        fields.check(known: knownKeys, required: requiredKeys, what: CompilerText.manifestName, reporter: &reporter)
        var manifest = CourseManifest()
        if let id = fields.string("id", reporter: &reporter), let field = fields["id"] {
            if !Identifier.isValid(id) {
                let slug = Identifier.slug(id)
                reporter.error(
                    CompilerText.invalidCourseID(id), at: field.valuePosition,
                    hint: CompilerText.courseIDHint(slug.isEmpty ? "an-toan-tren-mang" : slug))
            } else if id != folderName {
                reporter.error(
                    CompilerText.idDiffersFromFolder(id, folderName), at: field.valuePosition,
                    hint: CompilerText.idDiffersFromFolderHint(folderName))
            }
            manifest.id = id
        }
        manifest.title = nonEmpty("title", fields, &reporter)
        manifest.titleEnglish = nonEmpty("title_en", fields, &reporter)
        manifest.description = nonEmpty("description", fields, &reporter)
        manifest.summaryEnglish = nonEmpty("summary_en", fields, &reporter)
        if let lang = fields.string("lang", reporter: &reporter), let field = fields["lang"] {
            if languages.contains(lang) {
                manifest.language = lang
            } else {
                reporter.error(
                    CompilerText.unknownLanguage(lang), at: field.valuePosition, hint: CompilerText.languageHint)
            }
        }
        manifest.version = fields.positiveInt("version", reporter: &reporter)
        if let pass = fields.passMark(reporter: &reporter) { manifest.passMark = pass }
        manifest.audience = (fields.strings("audience", reporter: &reporter) ?? []).map(\.0)
        for (tag, position) in fields.strings("tags", reporter: &reporter) ?? [] {
            if Identifier.isValid(tag) {
                manifest.tags.append(tag)
            } else {
                reporter.error(CompilerText.invalidTag(tag), at: position, hint: CompilerText.tagHint)
            }
        }
        for (area, position) in fields.strings("digcomp", reporter: &reporter) ?? [] {
            if let value = DigCompArea(rawValue: area) {
                manifest.digcompAreas.append(value)
            } else {
                let names = DigCompArea.allCases.map(\.rawValue)
                reporter.error(
                    CompilerText.unknownDigComp(area), at: position,
                    hint: Spelling.nearest(to: area, in: names).map(CompilerText.didYouMean)
                        ?? CompilerText.useOneOf(names))
            }
        }
        manifest.competences = CompetenceCodes.read(fields, reporter: &reporter).map(\.0)
        manifest.sources = readSources(fields, &reporter)
        if let text = fields.string("facts_max_age", reporter: &reporter), let field = fields["facts_max_age"] {
            if let months = FactAge.months(text) {
                manifest.factsMaxAgeMonths = months
            } else {
                reporter.error(
                    CompilerText.badMaxAge(text), at: field.valuePosition, hint: CompilerText.maxAgeHint, facts: true)
            }
        }
        manifest.lessons = readLessons(fields, &reporter)
        manifest.lessonOrder = readOrder(fields, reporter: &reporter)
        manifest.selfCheck = readSelfCheck(fields, reporter: &reporter)
        return manifest
    }

    private static func nonEmpty(_ key: String, _ fields: YAMLFields, _ reporter: inout Reporter) -> String? {
        guard let value = fields.string(key, reporter: &reporter), let field = fields[key] else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            reporter.error(CompilerText.empty(key), at: field.valuePosition)
            return nil
        }
        return trimmed
    }

    private static func readSources(_ fields: YAMLFields, _ reporter: inout Reporter) -> [Source] {
        guard let field = fields["sources"] else { return [] }
        guard case .sequence(let sequence) = field.value else {
            reporter.error(CompilerText.sourcesNotList, at: field.valuePosition)
            return []
        }
        var sources: [Source] = []
        for item in sequence {
            let place = fields.position(of: item, fallback: field.valuePosition)
            guard case .mapping(let mapping) = item,
                let title = mapping["title"]?.scalar?.string, let url = mapping["url"]?.scalar?.string
            else {
                reporter.error(CompilerText.sourceNeedsTitleAndURL, at: place, hint: CompilerText.sourceHint)
                continue
            }
            sources.append(Source(title: VietnameseText.nfc(title), url: url))
        }
        return sources
    }

    private static func readLessons(_ fields: YAMLFields, _ reporter: inout Reporter) -> [LessonEntry] {
        var entries: [LessonEntry] = []
        for (name, position) in fields.strings("lessons", reporter: &reporter) ?? [] {
            if name.hasPrefix("/") || name.split(separator: "/").contains("..") || name.contains("\\") {
                reporter.error(
                    CompilerText.lessonPathLeaves(name), at: position, hint: CompilerText.lessonPathHint)
            } else if let first = entries.first(where: { $0.name == name }) {
                reporter.error(
                    CompilerText.lessonListedTwice(name), at: position,
                    hint: CompilerText.lessonListedTwiceHint(first.position.line))
            } else {
                entries.append(LessonEntry(name: name, position: position))
            }
        }
        if fields["lessons"] != nil, entries.isEmpty, !reporter.hasErrors, let field = fields["lessons"] {
            reporter.error(CompilerText.noLessons, at: field.valuePosition, hint: CompilerText.noLessonsHint)
        }
        return entries
    }
}
