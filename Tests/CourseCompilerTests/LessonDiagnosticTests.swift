import CourseCompiler
import Testing

/// Every lesson diagnostic, pinned by message and position (`↓` marks where it points).
@Suite struct LessonDiagnosticTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var lesson: String
        var severity: Diagnostic.Severity = .error
        var message: String
        var hint: String?
        var testDescription: String { name }
    }

    static let fm = TestCourse.frontMatter

    static func quiz(_ body: String) -> String { fm + "\n## Kiểm tra\n\n" + body }

    static let cases: [Case] = [
        Case(
            name: "duplicate question id in one lesson",
            lesson: quiz("### A?\n<!-- id: cau-a -->\n\n- = a\n\n### B?\n<!-- id: ↓cau-a -->\n\n- = b\n"),
            message: "duplicate question id 'cau-a'", hint: "01-bai.md:10:10"),
        Case(
            name: "single choice with two right answers",
            lesson: quiz("### A?\n<!-- id: a -->\n\n- (x) một\n↓- (x) hai\n"),
            message: "single-choice question has 2 correct options",
            hint: "use '- [x]' and '- [ ]' for a multiple-answer question, or keep one '(x)'"),
        Case(
            name: "single choice with no right answer",
            lesson: quiz("### A?\n<!-- id: a -->\n\n↓- ( ) một\n- ( ) hai\n"),
            message: "single-choice question has no correct option", hint: "mark the right option with '(x)'"),
        Case(
            name: "multiple answer with no right answer",
            lesson: quiz("### A?\n<!-- id: a -->\n\n↓- [ ] một\n- [ ] hai\n"),
            message: "multiple-answer question has no correct option", hint: "tick every right option with '[x]'"),
        Case(
            name: "ordering list of one item",
            lesson: quiz("### A?\n<!-- id: a -->\n\n↓1. chỉ một bước\n"),
            message: "ordering question has only one item"),
        Case(
            name: "matching with one pair",
            lesson: quiz("### A?\n<!-- id: a -->\n\n↓- trái -> phải\n- -> thừa\n"),
            message: "matching question has 1 pair; it needs at least 2"),
        Case(
            name: "numeric key that does not parse",
            lesson: quiz("### A?\n<!-- id: a -->\n\n↓- = 2,5 ± nhiều\n"),
            message: "numeric key '2,5 ± nhiều' does not parse: 'nhiều' is not a tolerance"),
        Case(
            name: "question with no answer block",
            lesson: quiz("↓### Tiêu đề phụ\n<!-- id: a -->\n\nChỉ có chữ.\n"),
            message: "question 'Tiêu đề phụ' has no answer block",
            hint: "add the answers as a list after the prompt; for a sub-heading inside a reading step, use '####'"),
        Case(
            name: "two answer blocks",
            lesson: quiz("### A?\n<!-- id: a -->\n\n- (x) một\n- ( ) hai\n\n↓1. bước một\n2. bước hai\n"),
            message: "question has two answer blocks"),
        Case(
            name: "question without an id comment",
            lesson: quiz("↓### Mã OTP là gì?\n\n- = mật khẩu một lần\n"),
            message: "question has no id",
            hint:
                "add '<!-- id: ma-otp-la-gi -->' on the line after the heading; the id must never change once published"
        ),
        Case(
            name: "invalid question id",
            lesson: quiz("### A?\n<!-- id: ↓Câu_1 -->\n\n- = a\n"),
            message: "invalid question id 'Câu_1'",
            hint: "ids are lower-case ASCII letters and digits joined by '-', e.g. 'cau-1'"),
        Case(
            name: "unknown option in the comment",
            lesson: quiz("### A?\n<!-- id: a; ↓pionts: 2 -->\n\n- = a\n"),
            message: "unknown option 'pionts'", hint: "did you mean 'points'?"),
        Case(
            name: "unknown front matter key",
            lesson: "---\nid: bai-thu\ntitle: Bài thử\n↓titel: x\n---\n\n## Đọc\n\nChữ.\n",
            severity: .warning, message: "unknown key 'titel' in front matter", hint: "did you mean 'title'?"),
        Case(
            name: "missing front matter key",
            lesson: "↓---\nid: bai-thu\n---\n\n## Đọc\n\nChữ.\n",
            message: "missing required key 'title' in front matter", hint: "add a line 'title: …'"),
        Case(
            name: "no front matter",
            lesson: "↓## Đọc\n\nChữ.\n",
            message: "lesson has no front matter"),
        Case(
            name: "front matter YAML syntax error",
            lesson: "---\nid: bai-thu\ntitle: Bài thử\ntags: [a, b\n↓---\n\n## Đọc\n\nChữ.\n",
            message: "YAML syntax error in front matter: did not find expected ',' or ']'"),
        Case(
            name: "broken image link",
            lesson: fm + "\n## Đọc\n\nXem hình ↓![màn hình](images/khong-co.png).\n",
            message: "broken image link 'images/khong-co.png': no file 'images/khong-co.png' in the course"),
        Case(
            name: "image escaping the course folder",
            lesson: fm + "\n## Đọc\n\n↓![x](../../etc/passwd)\n",
            message: "image path '../../etc/passwd' leaves the course folder"),
        Case(
            name: "image as a web address",
            lesson: fm + "\n## Đọc\n\n↓![x](https://example.com/a.png)\n",
            message: "image 'https://example.com/a.png' is a web address; courses are used offline"),
        Case(
            name: "image with an absolute path",
            lesson: fm + "\n## Đọc\n\n↓![x](/tmp/a.png)\n",
            message: "image path '/tmp/a.png' is absolute"),
        Case(
            name: "lesson pass mark outside 0–1",
            lesson: "---\nid: bai-thu\ntitle: Bài thử\npass: ↓1.5\n---\n\n## Đọc\n\nChữ.\n",
            message: "pass mark 1.5 is outside 0–1"),
        Case(
            name: "bad mastery",
            lesson: "---\nid: bai-thu\ntitle: Bài thử\nmastery: ↓6/5\n---\n\n## Đọc\n\nChữ.\n",
            message: "bad mastery '6/5'"),
        Case(
            name: "empty step",
            lesson: fm + "\n## Đọc\n\nChữ.\n\n↓## Trống\n",
            message: "step 'Trống' is empty"),
        Case(
            name: "duplicate step id",
            lesson: fm + "\n## Đọc\n\nChữ.\n\n↓## Đọc\n\nChữ nữa.\n",
            message: "duplicate step id 'doc'"),
        Case(
            name: "bad regular expression",
            lesson: quiz("### A?\n<!-- id: a -->\n\n↓- = /a(b/\n"),
            message: "bad regular expression '/a(b/'"),
        Case(
            name: "mixed option markers",
            lesson: quiz("### A?\n<!-- id: a -->\n\n- (x) một\n↓- [ ] hai\n"),
            message: "mixed option markers in one list"),
        Case(
            name: "lesson with neither steps nor questions",
            lesson: fm + "↓\n# Chỉ có tiêu đề\n",
            message: "lesson has neither steps nor questions"),
        Case(
            name: "raw HTML",
            lesson: fm + "\n## Đọc\n\nChữ ↓<b>đậm</b>.\n",
            severity: .warning, message: "raw HTML '<b>' is dropped"),
        Case(
            name: "raw HTML block",
            lesson: fm + "\n## Đọc\n\nChữ.\n\n↓<div>khung</div>\n",
            severity: .warning, message: "raw HTML '<div>khung</div>' is dropped"),
        Case(
            name: "unknown callout",
            lesson: fm + "\n## Đọc\n\n↓> [!WARN]\n> Cẩn thận.\n",
            severity: .warning, message: "unknown callout '[!WARN]' is shown as a plain quote",
            hint: "did you mean '[!WARNING]'?"),
        Case(
            name: "invalid lesson id",
            lesson: "---\nid: ↓Bài 1\ntitle: Bài thử\n---\n\n## Đọc\n\nChữ.\n",
            message: "invalid lesson id 'Bài 1'"),
        Case(
            name: "bad duration",
            lesson: "---\nid: bai-thu\ntitle: Bài thử\nduration: ↓lâu\n---\n\n## Đọc\n\nChữ.\n",
            message: "bad duration 'lâu'"),
        Case(
            name: "short answer without accepted answer",
            lesson: quiz("### A?\n<!-- id: a -->\n\n↓- != sai\n"),
            message: "question has no accepted answer"),
        Case(
            name: "text among numeric answers",
            lesson: quiz("### A?\n<!-- id: a -->\n\n- = 2,5 ± 0,1\n↓- = hai phẩy năm\n"),
            message: "'hai phẩy năm' is not a number, but this is a numeric question"),
        Case(
            name: "unclosed front matter",
            lesson: "↓---\nid: bai-thu\n\n## Đọc\n\nChữ.\n",
            message: "front matter is not closed"),
    ]

    @Test(arguments: cases)
    func reportsMessageAtMarkedPosition(_ c: Case) throws {
        let marked = MarkedText(c.lesson)
        let course = try TestCourse.lesson(marked.text)
        defer { course.remove() }
        let result = course.compile()
        let found = result.diagnostics.first { $0.message.en == c.message }
        let diagnostic = try #require(found, "got \(result.diagnostics.map(\.message.en))")
        #expect(diagnostic.severity == c.severity)
        #expect(diagnostic.file == course.path("01-bai.md"))
        #expect(diagnostic.line == marked.position.line)
        #expect(diagnostic.column == marked.position.column)
        if let hint = c.hint {
            #expect(diagnostic.hint?.en.contains(hint) == true, "hint: \(diagnostic.hint?.en ?? "nil")")
        }
        #expect(diagnostic.message.vi != diagnostic.message.en, "no Vietnamese text")
        if c.severity == .error { #expect(result.course == nil) }
    }
}
