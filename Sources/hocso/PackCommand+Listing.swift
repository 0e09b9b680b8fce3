import ArgumentParser
import CommandSupport
import Foundation
import Localization
import Packs

extension PackCommand {
    /// `hocso pack list [--store DIR] [--json]`; also what plain `hocso` showed before the learner client.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Liệt kê khoá học đã cài. List installed courses.")

        @Option(name: .long, help: "Kho khoá học. The content store.") var store: String?

        @Flag(help: "In dạng JSON. Print JSON.") var json = false

        @OptionGroup var language: LanguageOption

        func run() throws {
            let lang = language.language
            try reportingFailures(lang) {
                let contentStore = ContentStore(
                    root: store.map { URL(fileURLWithPath: $0) } ?? ContentStore.defaultRoot)
                let courses = try contentStore.installedCourses()
                if json {
                    print(try jsonText(courses.map(CourseListing.init)))
                } else if courses.isEmpty {
                    Console.say(PackCommandText.noCourses(contentStore.root.path), lang)
                } else {
                    for course in courses { Console.say(PackCommandText.listLine(course), lang) }
                }
            }
        }
    }

    /// `hocso pack show PACK|COURSE-ID [--json]`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Xem nội dung một gói hoặc khoá học đã cài. Show what a pack or an installed course holds.")

        @Argument(help: "Tệp gói hoặc mã khoá học đã cài. A pack file or an installed course id.") var target: String

        @Option(name: .long, help: "Kho khoá học. The content store.") var store: String?

        @Flag(help: "In dạng JSON. Print JSON.") var json = false

        @OptionGroup var language: LanguageOption

        func run() throws {
            let lang = language.language
            try reportingFailures(lang) {
                let contentStore = ContentStore(
                    root: store.map { URL(fileURLWithPath: $0) } ?? ContentStore.defaultRoot)
                let listing: CourseListing
                if FileManager.default.fileExists(atPath: target) {
                    // Showing is not installing: any pack that verifies is shown, with whether
                    // this store would trust it.
                    let trust = try contentStore.trustPolicy(allowUntrusted: true)
                    let result = try PackVerifier().verify(pack: URL(fileURLWithPath: target), trust: trust)
                    listing = CourseListing(
                        manifest: result.manifest,
                        signature: PackCommandText.signature(result.signer, trusted: result.isTrusted),
                        location: target)
                } else {
                    guard let course = contentStore.installedCourse(id: target) else {
                        throw Failure(PackCommandText.notPackNorCourse(target, contentStore.root.path))
                    }
                    listing = CourseListing(course)
                }
                print(json ? try jsonText(listing) : listing.text(lang))
            }
        }
    }
}

/// What `list` and `show` print about a course, as text or JSON.
struct CourseListing: Encodable {
    var id: String
    var version: Int
    var title: String
    var titleEnglish: String?
    var language: String
    var lessons: [Lesson]
    var questions: Int
    var files: [PackManifest.FileRecord]
    /// The signature state in English, for tools reading the JSON.
    var signature: String
    var location: String
    var builtBy: String
    /// The signature state in both languages, for the text form.
    var signaturePhrase: Phrase

    struct Lesson: Encodable {
        var id: String
        var title: String
        var steps: Int
        var questions: Int
    }

    private enum CodingKeys: String, CodingKey {
        case id, version, title, titleEnglish, language, lessons, questions, files, signature, location, builtBy
    }

    init(manifest m: PackManifest, signature: Phrase, location: String) {
        id = m.course.id
        version = m.course.version
        title = m.course.title
        titleEnglish = m.course.titleEnglish
        language = m.course.language
        lessons = m.lessons.map {
            Lesson(id: $0.id, title: $0.title, steps: $0.steps.count, questions: $0.questions.count)
        }
        questions = m.questionCount
        files = m.files
        self.signature = signature.en
        signaturePhrase = signature
        self.location = location
        builtBy = m.builtBy
    }

    init(_ course: InstalledCourse) {
        self.init(
            manifest: course.manifest,
            signature: course.signer.map(PackCommandText.signedBy) ?? PackCommandText.unsigned,
            location: course.directory.path)
    }

    func text(_ lang: Language) -> String {
        var lines = [PackCommandText.showHead(self)(lang), PackCommandText.showDetails(self)(lang)]
        lines.append(PackCommandText.showCounts(self)(lang))
        for lesson in lessons { lines.append(PackCommandText.showLesson(lesson)(lang)) }
        lines.append(PackCommandText.showFiles(files.count)(lang))
        for file in files { lines.append(PackCommandText.showFile(file)(lang)) }
        return lines.joined(separator: "\n")
    }
}

/// Sorted, pretty JSON for people and tools.
func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
