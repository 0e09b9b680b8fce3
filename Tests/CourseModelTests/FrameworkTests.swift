import CourseModel
import Foundation
import Testing

/// The two competence frameworks of `Framework.swift`, and competences in the compiled course.
@Suite struct FrameworkTests {
    @Test func theCircularHasSixDomainsAndTwentyFourComponentCompetences() {
        #expect(CompetenceDomain.allCases.count == 6)
        #expect(Competence.all.count == 24)
        #expect(CompetenceDomain.allCases.map { $0.competences.count } == [3, 6, 4, 4, 4, 3])
        #expect(Competence.all == Competence.all.sorted())
    }

    @Test(arguments: Competence.all)
    func everyCodeNamesItsCompetence(_ competence: Competence) throws {
        #expect(Competence(code: competence.code) == competence)
        #expect(competence.code.hasPrefix(competence.domain.code + "."))
        #expect(!competence.nameVietnamese.isEmpty && !competence.nameEnglish.isEmpty)
        #expect(competence.nameVietnamese == VietnameseText.nfc(competence.nameVietnamese))
    }

    @Test(arguments: ["1.4", "6.4", "7.1", "0.1", "01.1", "1.01", "6", "4,2", " 4.2", "", "an toàn"])
    func textThatIsNotACode(_ text: String) {
        #expect(Competence(code: text) == nil)
    }

    @Test func theCircularNamesItsDomainsInItsOwnWords() {
        #expect(CompetenceDomain.dataAndInformation.nameVietnamese == "Khai thác dữ liệu và thông tin")
        #expect(CompetenceDomain.artificialIntelligence.nameVietnamese == "Ứng dụng trí tuệ nhân tạo")
        #expect(Competence(code: "4.2")?.nameVietnamese == "Bảo vệ dữ liệu cá nhân và quyền riêng tư")
        #expect(Competence(code: "6.3")?.nameVietnamese == "Đánh giá trí tuệ nhân tạo")
    }

    @Test func theFirstFiveDomainsContinueDigCompAreas() {
        #expect(CompetenceDomain.allCases.compactMap(\.digcompArea) == DigCompArea.allCases)
        #expect(CompetenceDomain.artificialIntelligence.digcompArea == nil)
    }

    // MARK: - In the compiled course

    static func course(competences: [Competence], lessonCompetences: [Competence] = []) -> Course {
        Course(
            id: "khoa", version: 1, title: "Khoá", language: "vi", description: "Mô tả",
            competences: competences,
            lessons: [
                Lesson(
                    id: "bai-1", title: "Bài 1", competences: lessonCompetences,
                    steps: [Step(id: "doc", title: "Đọc", blocks: [])], quiz: nil),
                Lesson(id: "bai-2", title: "Bài 2", steps: [Step(id: "doc", title: "Đọc", blocks: [])], quiz: nil),
            ])
    }

    @Test func aLessonWithoutItsOwnListServesTheCourses() throws {
        let codes = ["1.2", "4.2", "6.3"].compactMap(Competence.init(code:))
        let course = Self.course(competences: codes, lessonCompetences: [codes[2]])
        #expect(course.competences(of: course.lessons[0]) == [codes[2]])
        #expect(course.competences(of: course.lessons[1]) == codes)
        #expect(course.domains == [.dataAndInformation, .safety, .artificialIntelligence])
    }

    @Test func competencesRoundTripThroughCourseJSON() throws {
        let codes = ["2.1", "6.2"].compactMap(Competence.init(code:))
        let course = Self.course(competences: codes, lessonCompetences: [codes[1]])
        let data = try JSONEncoder().encode(course)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""competences":["2.1","6.2"]"#))
        #expect(try JSONDecoder().decode(Course.self, from: data) == course)
    }

    /// A course that names no competence encodes exactly as before the field existed.
    @Test func aCourseWithoutCompetencesLeavesTheKeyOut() throws {
        let data = try JSONEncoder().encode(Self.course(competences: []))
        #expect(!String(decoding: data, as: UTF8.self).contains("competences"))
    }

    /// A pack built before competences existed still reads, as a course that names none.
    @Test func aPackWithoutCompetencesStillReads() throws {
        var object = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(Self.course(competences: [])))
                as? [String: Any])
        object["competences"] = nil
        let course = try JSONDecoder().decode(Course.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(course.competences == [])
        #expect(course.lessons.allSatisfy { $0.competences.isEmpty })
    }

    /// A code from a later revision of the framework is passed over, not fatal to the whole course.
    @Test func anUnknownCodeInAPackIsPassedOver() throws {
        var object = try #require(
            try JSONSerialization.jsonObject(
                with: JSONEncoder().encode(Self.course(competences: [Competence(code: "4.2")!])))
                as? [String: Any])
        object["competences"] = ["4.2", "7.1"]
        let course = try JSONDecoder().decode(Course.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(course.competences.map(\.code) == ["4.2"])
    }
}
