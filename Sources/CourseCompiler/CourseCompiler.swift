import CourseModel
import Foundation
import MarkdownSyntax

/// Compiles course folders (`course.yaml` plus Markdown lessons) into `Course` values with diagnostics.
public struct CourseCompiler: Sendable {
    /// The day facts are judged on: a checked date after it is in the future, and a fact's age
    /// counts up to it.
    public var today: FactDate

    /// Makes a compiler that judges facts on `today` (by default the current day, `FactDate.today()`).
    public init(today: FactDate = .today()) { self.today = today }

    /// Compiles one course folder (reads course.yaml and the lessons it lists).
    public func compile(courseAt folder: URL) -> CompilationResult {
        var run = CompilationRun(folder: folder, today: today)
        return run.compile()
    }
}

/// The state of compiling one course folder.
struct CompilationRun {
    let folder: URL
    let displayRoot: String
    let folderName: String
    let today: FactDate
    var diagnostics: [Diagnostic] = []
    var fileOrder: [String] = []
    var sourceFiles: [URL] = []

    init(folder: URL, today: FactDate) {
        self.today = today
        self.folder = folder.absoluteURL.standardizedFileURL
        var root = folder.relativePath
        while root.count > 1, root.hasSuffix("/") { root.removeLast() }
        displayRoot = root
        folderName = VietnameseText.nfc(folder.absoluteURL.standardizedFileURL.lastPathComponent)
    }

    /// The name to show for a file of the course: the folder as the user gave it, joined with `name`.
    func display(_ name: String) -> String {
        displayRoot == "." || displayRoot.isEmpty ? name : displayRoot + "/" + name
    }

    mutating func add(_ reporter: Reporter) {
        if !fileOrder.contains(reporter.file) { fileOrder.append(reporter.file) }
        diagnostics += reporter.diagnostics
    }

    mutating func compile() -> CompilationResult {
        let manifestURL = folder.appendingPathComponent("course.yaml")
        var manifestReporter = Reporter(file: display("course.yaml"))
        guard FileManager.default.fileExists(atPath: manifestURL.path) else {
            manifestReporter.error(
                CompilerText.missingManifest, at: .fileStart, hint: CompilerText.missingManifestHint)
            add(manifestReporter)
            return finish(course: nil)
        }
        sourceFiles.append(manifestURL)
        guard let text = SourceText.read(manifestURL, reporter: &manifestReporter),
            let manifest = CourseManifest.read(text, folderName: folderName, reporter: &manifestReporter)
        else {
            add(manifestReporter)
            return finish(course: nil)
        }

        var lessons: [Lesson] = []
        var assets: Set<String> = []
        var lessonIDs: [String: (file: String, position: SourcePosition)] = [:]
        var questionIDs: [String: (file: String, position: SourcePosition)] = [:]
        var finalLesson: (file: String, position: SourcePosition)?
        var lessonReporters: [Reporter] = []
        var mentions: [(mention: LessonCompiler.FactMention, reporter: Int)] = []
        var jobs: [(url: URL, file: String, name: String)] = []
        for entry in manifest.lessons {
            let url = folder.appendingPathComponent(entry.name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
            else {
                manifestReporter.error(
                    CompilerText.missingLessonFile(entry.name), at: entry.position,
                    hint: nearestLessonFile(entry.name).map(CompilerText.didYouMean)
                        ?? CompilerText.missingLessonFileHint)
                continue
            }
            sourceFiles.append(url)
            jobs.append((url, display(entry.name), entry.name))
        }
        // Lessons compile independently, so they are compiled on every core first (a large
        // course's build was mostly this, on one core); ids are then checked across lessons in
        // the listed order, as before.
        let folder = self.folder
        let passMark = manifest.passMark
        let competences = manifest.competences
        let lessonFiles = jobs
        let today = self.today
        let compiled = LessonJob.run(count: lessonFiles.count) { index -> LessonJob in
            var reporter = Reporter(file: lessonFiles[index].file)
            guard let lessonText = SourceText.read(lessonFiles[index].url, reporter: &reporter) else {
                return .unreadable(reporter)
            }
            var compiler = LessonCompiler(
                fileURL: lessonFiles[index].url, lessonFile: lessonFiles[index].name, courseFolder: folder,
                coursePassMark: passMark, courseCompetences: competences, today: today, reporter: reporter)
            let output = compiler.compile(lessonText)
            return .compiled(compiler, output)
        }
        for job in compiled {
            guard case .compiled(let compiler, let output) = job else {
                if case .unreadable(let reporter) = job { lessonReporters.append(reporter) }
                continue
            }
            var reporter = compiler.reporter
            assets.formUnion(compiler.assets)
            if let lesson = output.lesson {
                if let first = lessonIDs[lesson.id] {
                    reporter.error(
                        CompilerText.duplicateLessonID(lesson.id), at: output.idPosition,
                        hint: CompilerText.duplicateLessonIDHint(CompilerText.location(first.file, first.position)))
                } else {
                    lessonIDs[lesson.id] = (reporter.file, output.idPosition)
                    lessons.append(lesson)
                }
            }
            for (id, position) in output.questionIDs {
                if let first = questionIDs[id] {
                    reporter.error(
                        CompilerText.duplicateQuestionID(id), at: position,
                        hint: CompilerText.duplicateQuestionIDHint(CompilerText.location(first.file, first.position)))
                } else {
                    questionIDs[id] = (reporter.file, position)
                }
            }
            if let position = output.finalPosition {
                if let first = finalLesson {
                    reporter.error(
                        CompilerText.twoFinals, at: position,
                        hint: CompilerText.twoFinalsHint(first.file, first.position.line))
                } else {
                    finalLesson = (reporter.file, position)
                }
            }
            mentions += output.factMentions.map { ($0, lessonReporters.count) }
            lessonReporters.append(reporter)
        }
        let facts = register(mentions, reporters: &lessonReporters, defaultMaxAge: manifest.factsMaxAgeMonths)
        if let selfCheck = manifest.selfCheck {
            CourseManifest.checkSelfCheck(selfCheck, questions: questionIDs, reporter: &manifestReporter)
        }
        add(manifestReporter)
        for reporter in lessonReporters { add(reporter) }
        warnUnlisted(manifest)
        sourceFiles += assets.sorted().map { folder.appendingPathComponent($0) }

        guard !diagnostics.contains(where: { $0.severity == .error }), let id = manifest.id, let title = manifest.title,
            let language = manifest.language, let version = manifest.version, let description = manifest.description
        else { return finish(course: nil) }
        let course = Course(
            id: id, version: version, title: title, titleEnglish: manifest.titleEnglish, language: language,
            description: description, summaryEnglish: manifest.summaryEnglish, audience: manifest.audience,
            digcompAreas: manifest.digcompAreas, competences: manifest.competences, sources: manifest.sources,
            tags: manifest.tags, passMark: manifest.passMark, lessons: lessons, assets: assets.sorted(), facts: facts,
            lessonOrder: manifest.lessonOrder, selfCheck: manifest.selfCheck.map { SelfCheck(path: $0.stops) })
        return finish(course: course)
    }

    /// Markdown files in the course folder that `course.yaml` does not list.
    private mutating func warnUnlisted(_ manifest: CourseManifest) {
        let listed = Set(manifest.lessons.map { VietnameseText.nfc($0.name) })
        for name in markdownFiles() where !listed.contains(name) {
            var reporter = Reporter(file: display(name))
            reporter.warning(
                CompilerText.unlistedLesson(name), at: .fileStart, hint: CompilerText.unlistedLessonHint)
            add(reporter)
        }
    }

    private func markdownFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.map(VietnameseText.nfc).filter {
            $0.lowercased().hasSuffix(".md") && !["readme.md", "notes.md", "changelog.md"].contains($0.lowercased())
        }.sorted()
    }

    private func nearestLessonFile(_ name: String) -> String? {
        Spelling.nearest(to: name, in: markdownFiles())
    }

    private func finish(course: Course?) -> CompilationResult {
        let rank = Dictionary(fileOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let ordered = diagnostics.enumerated().sorted { a, b in
            let ka = (rank[a.element.file] ?? Int.max, a.element.line, a.element.column, a.offset)
            let kb = (rank[b.element.file] ?? Int.max, b.element.line, b.element.column, b.offset)
            return ka < kb
        }.map(\.element)
        return CompilationResult(course: course, diagnostics: ordered, sourceFiles: sourceFiles)
    }
}

/// One lesson's compilation, done on its own thread.
private enum LessonJob {
    case unreadable(Reporter)
    case compiled(LessonCompiler, LessonCompiler.Output)

    /// Runs `body` for `0..<count` on every core and returns the results in index order.
    static func run(count: Int, _ body: @Sendable (Int) -> LessonJob) -> [LessonJob] {
        var results = [LessonJob?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each index writes only its own slot, so the slots need no lock.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: count) { index in slots[index] = body(index) }
        }
        return results.map { $0! }
    }
}
