import ArgumentParser
import CommandSupport
import CourseCompiler
import CourseModel
import Foundation
import Localization
import TerminalText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `hocso course preview DIR [LESSON]`: a lesson as learners will read it, with the answers shown.
struct CoursePreview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Xem trước một bài học trong terminal. Preview a lesson in the terminal.",
        discussion: """
            In mọi bước và mọi câu hỏi của bài (bài đầu tiên nếu không nêu), kèm đáp án đúng, gợi ý \
            và giải thích. Prints every step and question of the lesson (the first one by default), \
            with right answers, hints and explanations.
            """)

    @Argument(help: "Thư mục khoá học. Course folder.") var directory: String
    @Argument(help: "Mã bài (id) hoặc tên tệp. Lesson id or file name.") var lesson: String?
    @Option(help: "Số cột; mặc định theo terminal. Columns; default: the terminal's width.") var width: Int?
    @OptionGroup var interface: InterfaceLanguage

    func validate() throws {
        if let width, width < 10 { throw ValidationError("--width must be at least 10, not \(width)") }
    }

    func run() throws {
        let language = interface.language
        let folder = URL(fileURLWithPath: directory)
        let result = CourseCompiler().compile(courseAt: folder)
        let printer = DiagnosticPrinter(color: Console.stderrIsTerminal && Self.noColorUnset, language: language)
        for diagnostic in result.diagnostics { Console.error(printer.format(diagnostic)) }
        guard !result.hasErrors, let course = result.course else { throw ExitCode.failure }

        let lessonFiles = result.sourceFiles.filter { $0.pathExtension == "md" }
        let chosen = try reportingFailures(language) {
            try Self.pick(lesson, in: course, files: lessonFiles, language: language)
        }
        let mode = ColorMode.automatic(
            isTerminal: Console.stdoutIsTerminal, environment: ProcessInfo.processInfo.environment)
        let preview = LessonPreview(
            width: width ?? Self.terminalWidth(), styler: Styler(mode: mode),
            language: RenderLanguage(code: course.language))
        var output = preview.render(chosen).joined(separator: "\n")
        output += "\n"
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    static var noColorUnset: Bool { ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true }

    /// The lesson named by id, file name (`01-bai.md`), or file name without `.md`; the first by default.
    static func pick(_ name: String?, in course: Course, files: [URL], language: Language = .en) throws -> Lesson {
        guard let name else {
            guard let first = course.lessons.first else { throw Failure(CourseText.noLessons(course.id)) }
            return first
        }
        if let lesson = course.lesson(id: name) { return lesson }
        // The compiler reads lessons in course.yaml order, so the n-th Markdown file is the n-th lesson.
        if files.count == course.lessons.count {
            let wanted = URL(fileURLWithPath: name).lastPathComponent
            for (file, lesson) in zip(files, course.lessons)
            where file.lastPathComponent == wanted || file.deletingPathExtension().lastPathComponent == wanted {
                return lesson
            }
        }
        let known = course.lessons.map(\.id).joined(separator: ", ")
        throw Failure(CourseText.noSuchLesson(name, course.id, known))
    }

    /// The terminal's columns (`TIOCGWINSZ`), else `$COLUMNS`, else 80.
    ///
    /// Standard error and input are asked too, so `hocso course preview … | less` still fits
    /// the terminal the author is looking at.
    static func terminalWidth() -> Int {
        for descriptor in [STDOUT_FILENO, STDERR_FILENO, STDIN_FILENO] {
            var size = winsize()
            if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return columns
        }
        return 80
    }
}
