import CourseCompiler
import CourseModel
import Testing

/// Every fact-marker diagnostic, pinned by message and position (`↓` marks where it points).
/// Facts are judged on 2026-12-03, whatever the machine's clock says.
@Suite struct FactDiagnosticTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var lesson: String
        var severity: Diagnostic.Severity = .error
        var message: String
        var hint: String?
        var testDescription: String { name }
    }

    static let today = FactDate(year: 2026, month: 12, day: 3)!
    static let source = "https://thongbaorac.ais.gov.vn"

    static func step(_ body: String) -> String { TestCourse.frontMatter + "\n## Đọc\n\n" + body }

    static let cases: [Case] = [
        Case(
            name: "a first mention without a source",
            lesson: step("Gọi 156. <!-- fact: ↓tong-dai-156; checked: 2026-12-01 -->\n"),
            message: "fact 'tong-dai-156' has no source", hint: "its first mention needs 'source: https://…'"),
        Case(
            name: "a first mention without a date",
            lesson: step("Gọi 156. <!-- fact: ↓tong-dai-156; source: \(source) -->\n"),
            message: "fact 'tong-dai-156' has no checked date", hint: "write 'checked: YYYY-MM-DD'"),
        Case(
            name: "a date that does not exist",
            lesson: step("Gọi 156. <!-- fact: tong-dai-156; source: \(source); checked: ↓2026-02-30 -->\n"),
            message: "checked date '2026-02-30' is not a real date written YYYY-MM-DD"),
        Case(
            name: "a date written the Vietnamese way",
            lesson: step("Gọi 156. <!-- fact: tong-dai-156; source: \(source); checked: ↓03/12/2026 -->\n"),
            message: "checked date '03/12/2026' is not a real date written YYYY-MM-DD"),
        Case(
            name: "a date in the future",
            lesson: step("Gọi 156. <!-- fact: tong-dai-156; source: \(source); checked: ↓2026-12-05 -->\n"),
            message: "checked date '2026-12-05' is in the future"),
        Case(
            name: "a source that is no web address",
            lesson: step(
                "Gọi 156. <!-- fact: tong-dai-156; source: ↓thongbaorac.ais.gov.vn; checked: 2026-12-01 -->\n"),
            message: "source 'thongbaorac.ais.gov.vn' is not an http(s) address"),
        Case(
            name: "a misspelt entry",
            lesson: step("Gọi 156. <!-- fact: tong-dai-156; ↓sorce: \(source); checked: 2026-12-01 -->\n"),
            message: "unknown entry 'sorce' in a fact marker", hint: "did you mean 'source'?"),
        Case(
            name: "an age limit in weeks",
            lesson: step(
                "Gọi 156. <!-- fact: tong-dai-156; source: \(source); checked: 2026-12-01; max-age: ↓6w -->\n"),
            message: "bad max age '6w'", hint: "write months like '6m' or years like '1y'"),
        Case(
            name: "an id with capitals",
            lesson: step("Gọi 156. <!-- fact: ↓Tong-Dai; source: \(source); checked: 2026-12-01 -->\n"),
            message: "invalid fact id 'Tong-Dai'", hint: "'tong-dai'"),
        Case(
            name: "a fact that is also not a fact",
            lesson: step("Gọi 156. ↓<!-- fact: tong-dai-156; not-a-fact: example -->\n"),
            message: "a marker cannot be both 'fact' and 'not-a-fact'"),
        Case(
            name: "a later mention of a fact never defined",
            lesson: step("Gọi 156. <!-- fact: ↓tong-dai-165 -->\n"),
            message: "unknown fact 'tong-dai-165'"),
        Case(
            name: "a question naming a fact never defined",
            lesson: step("Chữ.\n\n## Kiểm tra\n\n### Số nào?\n<!-- id: so-nao; fact: ↓so-999 -->\n\n- = 156\n"),
            message: "unknown fact 'so-999'"),
        Case(
            name: "a fact defined twice",
            lesson: step(
                "Gọi 156. <!-- fact: tong-dai-156; source: \(source); checked: 2026-12-01 -->\n\n"
                    + "Nhắc lại 156. <!-- fact: ↓tong-dai-156; source: \(source); checked: 2026-12-01 -->\n"),
            message: "fact 'tong-dai-156' is defined twice", hint: "01-bai.md:9:"),
        Case(
            name: "a comment cmark does not take for one",
            lesson: step("↓Gọi 156. <!-- fact: a; source: https://x.vn/a--b; checked: 2026-12-01 -->\n"),
            message: "this comment is not recognised and learners see it"),
        Case(
            name: "a marker with nothing above it",
            lesson: step(
                "Chữ.\n\n## Kiểm tra\n<!-- id: kt -->\n\n↓<!-- fact: tong-dai-156 -->\n\n### A?\n<!-- id: a -->\n\n- = a\n"
            ),
            message: "this fact marker backs no sentence"),
        Case(
            name: "a fact past the default limit",
            lesson: step("Gọi 156. <!-- fact: ↓tong-dai-156; source: \(source); checked: 2025-12-02 -->\n"),
            severity: .warning, message: "fact 'tong-dai-156' was checked on 2025-12-02, more than 12 months ago"),
        Case(
            name: "a fact past its own limit",
            lesson: step(
                "Gọi 156. <!-- fact: ↓tong-dai-156; source: \(source); checked: 2026-06-02; max-age: 6m -->\n"),
            severity: .warning, message: "fact 'tong-dai-156' was checked on 2026-06-02, more than 6 months ago"),
        Case(
            name: "an unmarked hotline",
            lesson: step("↓Gọi tổng đài **156** để phản ánh.\n"),
            severity: .warning, message: "phone number '156' is not marked as a fact",
            hint: "for a made-up example, add '<!-- not-a-fact: example -->'"),
        Case(
            name: "an unmarked amount in a table cell",
            lesson: step("| Việc | Phí |\n|---|---|\n| Cấp lại |↓ 50.000 đồng |\n"),
            severity: .warning, message: "amount '50.000 đồng' is not marked as a fact"),
        Case(
            name: "an unmarked short code as a typed answer",
            lesson: step("Chữ.\n\n## Kiểm tra\n\n### Số nào?\n<!-- id: so-nao -->\n\n- ↓= 156\n"),
            severity: .warning, message: "phone number '156' is not marked as a fact"),
    ]

    @Test(arguments: cases)
    func reportsMessageAtMarkedPosition(_ c: Case) throws {
        let marked = MarkedText(c.lesson)
        let course = try TestCourse.lesson(marked.text)
        defer { course.remove() }
        let result = course.compile(today: Self.today)
        let found = result.diagnostics.first { $0.message.en == c.message }
        let diagnostic = try #require(found, "got \(result.diagnostics.map(\.message.en))")
        #expect(diagnostic.severity == c.severity)
        #expect(diagnostic.concernsFacts)
        #expect((diagnostic.line, diagnostic.column) == marked.position)
        if let hint = c.hint {
            #expect(diagnostic.hint?.en.contains(hint) == true, "hint: \(diagnostic.hint?.en ?? "nil")")
        }
        #expect(diagnostic.message.vi != diagnostic.message.en, "no Vietnamese text")
        if c.severity == .error { #expect(result.course == nil) }
    }

    @Test(arguments: [
        "Gọi tổng đài 156. <!-- not-a-fact: example -->\n",
        "Gọi tổng đài 156.\n<!-- not-a-fact: example -->\n",
        "| Số | Việc |\n|---|---|\n| 156 <!-- not-a-fact --> | Phản ánh |\n",
    ])
    func notAFactSilencesTheHeuristic(_ body: String) throws {
        let course = try TestCourse.lesson(Self.step(body))
        defer { course.remove() }
        #expect(course.compile(today: Self.today).diagnostics == [])
    }

    @Test func aMarkerShownAsCodeIsNeitherAMarkerNorAnError() throws {
        let course = try TestCourse.lesson(Self.step("Viết `<!-- fact: tong-dai-156 -->` sau câu.\n"))
        defer { course.remove() }
        #expect(course.compile(today: Self.today).diagnostics == [])
    }

    @Test func aQuestionThatNamesAFactCoversItsOptions() throws {
        let lesson = Self.step(
            "Gọi 156. <!-- fact: tong-dai-156; source: \(Self.source); checked: 2026-12-01 -->\n\n"
                + "## Kiểm tra\n\n### Số nào để phản ánh cuộc gọi rác?\n<!-- id: so-nao; fact: tong-dai-156 -->\n\n"
                + "- = 156\n- != 113\n  > 113 là số của công an.\n")
        let course = try TestCourse.lesson(lesson)
        defer { course.remove() }
        #expect(course.compile(today: Self.today).diagnostics == [])
    }

    @Test func numbersOfANumericQuestionAreNotDialled() throws {
        let lesson = Self.step(
            "Chữ.\n\n## Kiểm tra\n\n### Bao nhiêu nghìn?\n<!-- id: bao-nhieu -->\n\n- = 100 ± 0,5\n- != 150\n")
        let course = try TestCourse.lesson(lesson)
        defer { course.remove() }
        #expect(course.compile(today: Self.today).diagnostics == [])
    }
}
