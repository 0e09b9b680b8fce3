import CourseCompiler
import CourseModel
import Foundation
import Testing

/// The register a compiled course keeps, what `hocso course facts` reports about it, and how it
/// travels in `course.json`.
@Suite struct FactRegisterTests {
    static let today = FactDate(year: 2026, month: 12, day: 3)!
    static let source = "https://thongbaorac.ais.gov.vn"

    static let yaml = """
        id: khoa-thu
        title: Khoá thử
        lang: vi
        version: 1
        description: Một khoá học để thử sổ dữ kiện.
        facts_max_age: 6m
        lessons:
          - 01-bai.md
          - 02-bai.md

        """

    static let first = """
        ---
        id: bai-mot
        title: Bài một
        ---

        ## Phản ánh cuộc gọi rác
        <!-- id: phan-anh -->

        Gọi tổng đài **156** để phản ánh. <!-- fact: tong-dai-156; source: \(source); checked: 2026-10-01 -->

        Hỏi thêm ở Công an xã.
        <!-- fact: cong-an-xa; source: https://bocongan.gov.vn; checked: 2026-01-15; max-age: 2y -->

        ## Kiểm tra

        ### Bạn gọi số nào để phản ánh cuộc gọi rác?
        <!-- id: so-phan-anh; fact: tong-dai-156 -->

        - = 156

        """

    static let second = """
        ---
        id: bai-hai
        title: Bài hai
        ---

        ## Nhắc lại

        Nhớ số 156. <!-- fact: tong-dai-156 -->

        """

    static func makeCourse() throws -> TestCourse {
        try TestCourse(yaml: yaml, files: ["01-bai.md": first, "02-bai.md": second])
    }

    @Test func theCompiledCourseKeepsEachFactWithEveryPlace() throws {
        let course = try Self.makeCourse()
        defer { course.remove() }
        let result = course.compile(today: Self.today)
        #expect(result.diagnostics == [])
        let facts = try #require(result.course?.facts)
        #expect(facts.map(\.id) == ["tong-dai-156", "cong-an-xa"])
        let hotline = facts[0]
        #expect(hotline.sources == [Self.source])
        #expect(hotline.checked == FactDate(year: 2026, month: 10, day: 1))
        #expect(hotline.maxAgeMonths == 6, "facts_max_age of course.yaml")
        #expect(
            hotline.places == [
                FactPlace(
                    file: "01-bai.md", line: 9, column: 1, lesson: "bai-mot", step: "phan-anh",
                    text: "Gọi tổng đài 156 để phản ánh."),
                FactPlace(
                    file: "01-bai.md", line: 16, column: 1, lesson: "bai-mot", question: "so-phan-anh",
                    text: "Bạn gọi số nào để phản ánh cuộc gọi rác?"),
                FactPlace(
                    file: "02-bai.md", line: 8, column: 1, lesson: "bai-hai", step: "nhac-lai", text: "Nhớ số 156."),
            ])
        #expect(facts[1].maxAgeMonths == 24, "its own max-age wins")
        #expect(
            facts[1].places.first?.text == "Hỏi thêm ở Công an xã.",
            "a marker on its own line backs the paragraph above")
    }

    @Test func aFactPastTheCourseLimitIsAWarningNotAnError() throws {
        let course = try Self.makeCourse()
        defer { course.remove() }
        let later = FactDate(year: 2027, month: 4, day: 2)!
        let result = course.compile(today: later)
        #expect(result.course != nil)
        #expect(
            result.warnings.map(\.message.en) == [
                "fact 'tong-dai-156' was checked on 2026-10-01, more than 6 months ago"
            ])
    }

    @Test func theReportFailsOnAFactPastItsLimitOrOlderThanAsked() throws {
        let course = try Self.makeCourse()
        defer { course.remove() }
        let fresh = FactsReport(checking: [course.folder], today: Self.today)
        #expect(!fresh.failed)
        #expect(fresh.entries.map(\.ageMonths) == [2, 10])
        #expect(fresh.summaryLine.en == "2 facts in 1 course; 0 past their limit; 0 errors, 0 warnings")
        let strict = FactsReport(checking: [course.folder], today: Self.today, olderThanMonths: 6)
        #expect(strict.failed)
        #expect(strict.entries.map(\.isOlderThanLimit) == [false, true])
        #expect(
            strict.text(.vi).contains("cong-an-xa — kiểm ngày 2026-01-15, cách đây 10 tháng; hạn kiểm lại 2028-01-15"))
        #expect(strict.text(.en).contains("— older than 6 months"))
        let late = FactsReport(checking: [course.folder], today: FactDate(year: 2027, month: 4, day: 2)!)
        #expect(late.failed)
        #expect(late.entries.first?.isOverdue == true)
    }

    @Test func theReportAsJSONAndAsTheCurriculumRegister() throws {
        let course = try Self.makeCourse()
        defer { course.remove() }
        let report = FactsReport(checking: [course.folder], today: Self.today)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        #expect(json["today"] as? String == "2026-12-03")
        let facts = try #require(json["facts"] as? [[String: Any]])
        #expect(facts.first?["id"] as? String == "tong-dai-156")
        #expect(facts.first?["due"] as? String == "2027-04-01")
        #expect((facts.first?["places"] as? [[String: Any]])?.count == 3)
        let lines = report.markdown().split(separator: "\n")
        #expect(lines.first == "| course | fact | checked | due | claim | where | sources |")
        #expect(
            lines.dropFirst(2).first
                == "| khoa-thu | `tong-dai-156` | 2026-10-01 | 2027-04-01 | Gọi tổng đài 156 để phản ánh. | `bai-mot/phan-anh`, `bai-mot/so-phan-anh`, `bai-hai/nhac-lai` | <https://thongbaorac.ais.gov.vn> |"
        )
    }

    @Test func factsTravelInCourseJSONAndOldFilesStillRead() throws {
        let course = try Self.makeCourse()
        defer { course.remove() }
        let compiled = try #require(course.compile(today: Self.today).course)
        let data = try JSONEncoder().encode(compiled)
        #expect(try JSONDecoder().decode(Course.self, from: data) == compiled)
        #expect(String(decoding: data, as: UTF8.self).contains("\"checked\":\"2026-10-01\""))

        var withoutFacts = compiled
        withoutFacts.facts = []
        let old = try JSONEncoder().encode(withoutFacts)
        #expect(!String(decoding: old, as: UTF8.self).contains("\"facts\""), "no key when there are no facts")
        #expect(try JSONDecoder().decode(Course.self, from: old).facts == [])
    }
}
