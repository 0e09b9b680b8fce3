import CourseModel
import Foundation
import MarkdownSyntax

/// A piece of Markdown that is not a lesson (a question text from another tool), compiled the
/// way lesson text is compiled, for importers that turn it into course content.
public enum MarkdownFragment {
    /// The compiled blocks of `markdown`, and how many things were dropped on the way (raw HTML,
    /// pictures that are not files of a course).
    public static func blocks(_ markdown: String) -> (blocks: [Block], dropped: Int) {
        // No course folder exists for a fragment, so any picture is reported and left out.
        let nowhere = URL(fileURLWithPath: "/nonexistent-hocso-fragment")
        var compiler = LessonCompiler(
            fileURL: nowhere.appendingPathComponent("fragment.md"), lessonFile: "fragment.md", courseFolder: nowhere,
            coursePassMark: 0.8, today: .today(), reporter: Reporter(file: "fragment.md"))
        let document = MarkdownParser.parse(VietnameseText.nfc(markdown))
        let blocks = compiler.blocks(document.children)
        return (blocks, compiler.reporter.diagnostics.count)
    }
}
