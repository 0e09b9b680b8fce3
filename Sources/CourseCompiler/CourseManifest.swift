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

    static let knownKeys = [
        "id", "title", "title_en", "lang", "version", "description", "summary_en", "audience", "pass", "digcomp",
        CompetenceCodes.key, "sources", "tags", "lessons",
    ]
    static let requiredKeys = ["id", "title", "lang", "version", "description", "lessons"]
    static let languages = ["vi", "en"]

    /// Reads `course.yaml`'s text; `folderName` is the id the course must have.
    static func read(_ text: String, folderName: String, reporter: inout Reporter) -> CourseManifest? {
        guard
            let fields = YAMLFields.parse(text, lineOffset: 0, at: .fileStart, what: "course.yaml", reporter: &reporter)
        else { return nil }
        fields.check(known: knownKeys, required: requiredKeys, what: "course.yaml", reporter: &reporter)
        var manifest = CourseManifest()
        if let id = fields.string("id", reporter: &reporter), let field = fields["id"] {
            if !Identifier.isValid(id) {
                reporter.error(
                    "invalid course id '\(id)'", at: field.valuePosition,
                    hint:
                        "ids are lower-case ASCII words joined by '-', e.g. '\(Identifier.slug(id).isEmpty ? "an-toan-tren-mang" : Identifier.slug(id))'"
                )
            } else if id != folderName {
                reporter.error(
                    "course id '\(id)' differs from its folder name '\(folderName)'", at: field.valuePosition,
                    hint: "rename the folder or write 'id: \(folderName)'; never change the id of a published course")
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
                    "unknown language '\(lang)'", at: field.valuePosition, hint: "write 'lang: vi' or 'lang: en'")
            }
        }
        manifest.version = fields.positiveInt("version", reporter: &reporter)
        if let pass = fields.passMark(reporter: &reporter) { manifest.passMark = pass }
        manifest.audience = (fields.strings("audience", reporter: &reporter) ?? []).map(\.0)
        for (tag, position) in fields.strings("tags", reporter: &reporter) ?? [] {
            if Identifier.isValid(tag) {
                manifest.tags.append(tag)
            } else {
                reporter.error("invalid tag '\(tag)'", at: position, hint: "tags are slugs like 'an-toan-so'")
            }
        }
        for (area, position) in fields.strings("digcomp", reporter: &reporter) ?? [] {
            if let value = DigCompArea(rawValue: area) {
                manifest.digcompAreas.append(value)
            } else {
                let names = DigCompArea.allCases.map(\.rawValue)
                reporter.error(
                    "unknown DigComp area '\(area)'", at: position,
                    hint: Spelling.nearest(to: area, in: names).map { "did you mean '\($0)'?" }
                        ?? "use one of: \(names.joined(separator: ", "))")
            }
        }
        manifest.competences = CompetenceCodes.read(fields, reporter: &reporter).map(\.0)
        manifest.sources = readSources(fields, &reporter)
        manifest.lessons = readLessons(fields, &reporter)
        return manifest
    }

    private static func nonEmpty(_ key: String, _ fields: YAMLFields, _ reporter: inout Reporter) -> String? {
        guard let value = fields.string(key, reporter: &reporter), let field = fields[key] else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            reporter.error("'\(key)' is empty", at: field.valuePosition)
            return nil
        }
        return trimmed
    }

    private static func readSources(_ fields: YAMLFields, _ reporter: inout Reporter) -> [Source] {
        guard let field = fields["sources"] else { return [] }
        guard case .sequence(let sequence) = field.value else {
            reporter.error("'sources' must be a list of '{title, url}' entries", at: field.valuePosition)
            return []
        }
        var sources: [Source] = []
        for item in sequence {
            let place = fields.position(of: item, fallback: field.valuePosition)
            guard case .mapping(let mapping) = item,
                let title = mapping["title"]?.scalar?.string, let url = mapping["url"]?.scalar?.string
            else {
                reporter.error(
                    "each source needs a 'title' and a 'url'", at: place, hint: "- title: …\n    url: https://…")
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
                    "lesson path '\(name)' leaves the course folder", at: position,
                    hint: "list files inside the course folder, e.g. '01-bai-mo-dau.md'")
            } else if let first = entries.first(where: { $0.name == name }) {
                reporter.error(
                    "lesson '\(name)' is listed twice", at: position,
                    hint: "first listed at line \(first.position.line); remove one")
            } else {
                entries.append(LessonEntry(name: name, position: position))
            }
        }
        if fields["lessons"] != nil, entries.isEmpty, !reporter.hasErrors, let field = fields["lessons"] {
            reporter.error(
                "'lessons' lists no lesson", at: field.valuePosition, hint: "list the lesson files in study order")
        }
        return entries
    }
}
