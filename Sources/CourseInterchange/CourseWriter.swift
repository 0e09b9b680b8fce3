import CourseModel
import Foundation

/// Writes a course as a HocSo course folder: `course.yaml` and one Markdown lesson per lesson,
/// in the authoring format of docs/authoring.md, so `hocso course check` compiles it back.
public enum CourseWriter {
    /// The folder's files, by name, in lesson order after `course.yaml`.
    public static func files(_ course: Course) -> [(name: String, text: String)] {
        let width = course.lessons.count > 99 ? 3 : 2
        let names = course.lessons.enumerated().map { index, lesson in
            String(repeating: "0", count: max(0, width - String(index + 1).count)) + "\(index + 1)-\(lesson.id).md"
        }
        var files = [(name: "course.yaml", text: courseYAML(course, lessonFiles: names))]
        for (name, lesson) in zip(names, course.lessons) {
            files.append((name, lessonMarkdown(lesson, coursePassMark: course.passMark)))
        }
        return files
    }

    /// Writes the files into `folder` (created if missing).
    public static func write(_ course: Course, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files(course) {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name), options: .atomic)
        }
    }

    static func courseYAML(_ course: Course, lessonFiles: [String]) -> String {
        var lines = [
            "id: \(course.id)", "title: \(quoted(course.title))",
        ]
        if let english = course.titleEnglish { lines.append("title_en: \(quoted(english))") }
        lines += [
            "lang: \(course.language)", "version: \(course.version)", "description: \(quoted(course.description))",
        ]
        if let summary = course.summaryEnglish { lines.append("summary_en: \(quoted(summary))") }
        if !course.audience.isEmpty { lines += ["audience:"] + course.audience.map { "  - \(quoted($0))" } }
        lines.append("pass: \(NumberText.format(course.passMark, decimalComma: false))")
        if !course.digcompAreas.isEmpty {
            lines.append("digcomp: [\(course.digcompAreas.map(\.rawValue).joined(separator: ", "))]")
        }
        if !course.sources.isEmpty {
            lines.append("sources:")
            for source in course.sources {
                lines += ["  - title: \(quoted(source.title))", "    url: \(quoted(source.url))"]
            }
        }
        if !course.tags.isEmpty { lines.append("tags: [\(course.tags.joined(separator: ", "))]") }
        lines.append("lessons:")
        lines += lessonFiles.map { "  - \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\x%02X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func lessonMarkdown(_ lesson: Lesson, coursePassMark: Double) -> String {
        var lines = ["---", "id: \(lesson.id)", "title: \(quoted(lesson.title))"]
        if let minutes = lesson.durationMinutes { lines.append("duration: \(minutes)m") }
        if lesson.isFinal { lines.append("final: true") }
        switch lesson.quiz?.mastery {
        case .passMark(let mark)? where abs(mark - coursePassMark) > 1e-9:
            lines.append("pass: \(NumberText.format(mark, decimalComma: false))")
        case .recent(let m, let n)?:
            lines.append("mastery: \(m)/\(n)")
        default: break
        }
        if !lesson.tags.isEmpty { lines.append("tags: [\(lesson.tags.joined(separator: ", "))]") }
        lines += ["---", "", "# " + MarkdownText.escape(lesson.title, lineStart: false, context: .line)]
        for step in lesson.steps {
            lines += [
                "", "## " + MarkdownText.escape(step.title, lineStart: false, context: .line),
                "<!-- id: \(step.id) -->",
                "",
            ]
            lines += MarkdownText.blocks(step.blocks)
        }
        if let quiz = lesson.quiz {
            lines += ["", "## " + MarkdownText.escape(quiz.title, lineStart: false, context: .line)]
            if !quiz.introduction.isEmpty { lines += [""] + MarkdownText.blocks(quiz.introduction) }
            for question in quiz.questions { lines += [""] + QuestionMarkdown.lines(question) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
