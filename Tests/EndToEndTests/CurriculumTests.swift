import CourseCompiler
import CourseModel
import Foundation
import TestSupport
import Testing

/// The curriculum in `Courses/` keeps the promises of the curriculum issue, and
/// `docs/curriculum.md` stays equal to what the courses actually compile to.
///
/// Serialized because two tests rewrite `docs/curriculum.md` when recording, and would otherwise
/// overwrite each other's parts.
@Suite("The curriculum in Courses/", .serialized)
struct CurriculumTests {
    /// Every course folder in `Courses/`, compiled once for all tests of the suite.
    static let compiled: [Course] = {
        let root = Program.packageRoot.appendingPathComponent("Courses")
        let folders = (try? Program.courseFolders()) ?? []
        return folders.compactMap { folder in
            CourseCompiler().compile(courseAt: root.deletingLastPathComponent().appendingPathComponent(folder)).course
        }
    }()

    /// The courses to study: the entry self-check (`self_check:`) is a questionnaire, not a course.
    static let courses = compiled.filter { !$0.isSelfCheck }

    @Test func everyCourseCompiles() throws {
        #expect(Self.compiled.count == (try Program.courseFolders()).count)
    }

    @Test func atLeastTenVietnameseCoursesAndOneInEnglish() {
        #expect(Self.courses.filter { $0.language == "vi" }.count >= 10)
        #expect(Self.courses.contains { $0.language == "en" })
    }

    /// Issue 17's totals: at least 13 Vietnamese courses and 500 questions.
    @Test func issueSeventeenTotals() {
        let vietnamese = Self.courses.filter { $0.language == "vi" }
        let questions = Self.courses.reduce(0) { $0 + $1.allQuestions.count }
        #expect(questions >= 500, "the courses hold \(questions) questions")
        #expect(vietnamese.count >= 13, "\(vietnamese.count) Vietnamese courses")
    }

    @Test func theVietnameseCoursesCoverEveryDigCompArea() {
        let covered = Set(Self.courses.filter { $0.language == "vi" }.flatMap(\.digcompAreas))
        #expect(covered == Set(DigCompArea.allCases))
    }

    /// Every course names the Circular 02/2025 competences it serves, so coverage can be counted.
    @Test(arguments: CurriculumTests.courses.map(\.id))
    func courseNamesItsCompetences(id: String) throws {
        let course = try #require(Self.courses.first { $0.id == id })
        #expect(!course.competences.isEmpty, "\(id) has no 'tt02' in course.yaml")
    }

    /// Each of the circular's six domains is served by at least two Vietnamese courses (issue 17).
    @Test(arguments: CompetenceDomain.allCases)
    func everyDomainIsServedByTwoVietnameseCourses(domain: CompetenceDomain) {
        let serving = Self.courses.filter { $0.language == "vi" && $0.domains.contains(domain) }.map(\.id)
        #expect(serving.count >= 2, "domain \(domain.code) (\(domain.nameVietnamese)) is served only by \(serving)")
    }

    /// The five courses of issue 17 exist (the four it names and the thirteenth Vietnamese course),
    /// each with at least 45 questions of every kind, six or more per lesson, and every reading
    /// lesson names the competences it serves.
    @Test(arguments: [
        "tri-tue-nhan-tao", "kiem-chung-thong-tin", "nong-nghiep-so", "dong-hanh-cung-con-chau",
        "van-ban-va-luu-tru-so",
    ])
    func issueSeventeenCourses(id: String) throws {
        let course = try #require(Self.courses.first { $0.id == id })
        #expect(course.allQuestions.count >= 45, "\(id) has \(course.allQuestions.count) questions")
        #expect(Set(course.allQuestions.map(\.kind)) == Set(QuestionKind.allCases))
        #expect(!course.competences.isEmpty, "\(id) has no 'tt02' in course.yaml")
        for lesson in course.lessons {
            #expect((lesson.quiz?.questions.count ?? 0) >= 6, "\(id)/\(lesson.id) has fewer than 6 questions")
            if !lesson.isFinal {
                #expect(!lesson.competences.isEmpty, "\(id)/\(lesson.id) has no 'tt02' in its front matter")
            }
        }
    }

    /// The courses on artificial intelligence and on checking information serve the domain of
    /// applying artificial intelligence.
    @Test(arguments: ["tri-tue-nhan-tao", "kiem-chung-thong-tin"])
    func issueSeventeenAICourses(id: String) throws {
        let course = try #require(Self.courses.first { $0.id == id })
        #expect(course.domains.contains(.artificialIntelligence))
    }

    @Test(arguments: CurriculumTests.courses.filter { $0.language == "vi" }.map(\.id))
    func courseShape(id: String) throws {
        let course = try #require(Self.courses.first { $0.id == id })
        let lessons = course.lessons.filter { !$0.isFinal }
        #expect((3...6).contains(lessons.count), "\(id) has \(lessons.count) lessons")
        #expect(course.finalQuiz != nil, "\(id) has no final quiz")
        for lesson in course.lessons {
            #expect((lesson.quiz?.questions.count ?? 0) >= 5, "\(id)/\(lesson.id) has fewer than 5 questions")
        }
        #expect(!course.sources.isEmpty, "\(id) names no official source")
        #expect(course.titleEnglish != nil && course.summaryEnglish != nil, "\(id) lacks an English title or summary")
    }

    @Test func everyQuestionKindIsUsed() {
        let kinds = Set(Self.courses.flatMap(\.allQuestions).map(\.kind))
        #expect(kinds == Set(QuestionKind.allCases))
    }

    /// The two courses of the toolchain issue (scams, the electronic ID) use every kind between them.
    @Test func theFirstTwoCoursesUseEveryKind() {
        let kinds = Set(
            Self.courses.filter { ["an-toan-tren-mang", "dinh-danh-dien-tu-vneid"].contains($0.id) }
                .flatMap(\.allQuestions).map(\.kind))
        #expect(kinds == Set(QuestionKind.allCases))
    }

    /// Every generated part of `docs/curriculum.md` (totals, course sections, lesson table, coverage
    /// matrix of domain × course, DigComp coverage) equals what the courses compile to. Re-record
    /// with `RECORD_SNAPSHOTS=1 swift test --filter CurriculumTests` and review the diff.
    @Test func generatedPartsOfTheCurriculumDocumentAreCurrent() throws {
        let url = Program.packageRoot.appendingPathComponent("docs/curriculum.md")
        var document = try String(contentsOf: url, encoding: .utf8)
        let generated = CurriculumDocument(courses: Self.courses)
        if Golden.isRecording {
            for part in generated.parts {
                document = try #require(
                    CurriculumDocument.replacing(part.name, with: part.text, in: document),
                    "docs/curriculum.md has no '<!-- generated: \(part.name) -->' part")
            }
            try document.write(to: url, atomically: true, encoding: .utf8)
        }
        for part in generated.parts {
            let written = try #require(
                CurriculumDocument.part(part.name, in: document),
                "docs/curriculum.md has no '<!-- generated: \(part.name) -->' part")
            #expect(
                written == part.text,
                "docs/curriculum.md part '\(part.name)' is stale; re-record with RECORD_SNAPSHOTS=1")
        }
    }

    /// `docs/curriculum.md` has one `| course | lesson | title | questions |` row per lesson, equal to the compiled courses.
    @Test func curriculumDocumentMatchesTheCompiledCourses() throws {
        let doc = try String(
            contentsOf: Program.packageRoot.appendingPathComponent("docs/curriculum.md"), encoding: .utf8)
        var documented: [String: Int] = [:]
        var inTable = false
        for line in doc.split(separator: "\n", omittingEmptySubsequences: false) {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.count >= 6, cells[1] == "course", cells[2] == "lesson", cells[4] == "questions" {
                inTable = true
                continue
            }
            guard inTable else { continue }
            guard line.hasPrefix("|") else {
                inTable = false
                continue
            }
            if cells[1].hasPrefix("---") { continue }
            guard cells.count >= 6, let count = Int(cells[4]) else { continue }
            documented["\(cells[1])/\(cells[2])"] = count
        }
        var compiled: [String: Int] = [:]
        for course in Self.courses {
            for lesson in course.lessons { compiled["\(course.id)/\(lesson.id)"] = lesson.quiz?.questions.count ?? 0 }
        }
        #expect(!documented.isEmpty, "no curriculum table found")
        #expect(documented == compiled)
    }

    /// `docs/curriculum.md`'s facts register, between its markers, is the one the compiled courses
    /// give. Re-record with `RECORD_SNAPSHOTS=1 swift test --filter CurriculumTests` (or paste the
    /// output of `hocso course facts Courses/*/ --markdown`) and review the diff.
    @Test func factsRegisterMatchesTheCompiledCourses() throws {
        let url = Program.packageRoot.appendingPathComponent("docs/curriculum.md")
        let doc = try String(contentsOf: url, encoding: .utf8)
        let start = try #require(doc.range(of: "<!-- facts-register:start -->"), "no register start marker")
        let end = try #require(doc.range(of: "<!-- facts-register:end -->"), "no register end marker")
        let generated = FactsReport.register(Self.courses)
        if Golden.isRecording {
            let updated = doc.replacingCharacters(in: start.upperBound..<end.lowerBound, with: "\n" + generated + "\n")
            try Data(updated.utf8).write(to: url)
            return
        }
        let documented = doc[start.upperBound..<end.lowerBound].trimmingCharacters(in: .newlines)
        #expect(documented == generated, "re-record with RECORD_SNAPSHOTS=1 and review the diff")
        #expect(generated.split(separator: "\n").count > 40, "every course's facts are in the register")
    }
}
