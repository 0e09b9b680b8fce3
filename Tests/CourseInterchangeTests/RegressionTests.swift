import CourseInterchange
import CourseModel
import Foundation
import Testing

/// Defects found while building the importer and exporter, each pinned by name.
@Suite("GIFT regressions")
struct RegressionTests {
    /// Exports `questions` in one lesson and imports the GIFT back.
    static func roundTrip(_ questions: [Question], lessonTitle: String = "Bài") throws -> (Course?, String) {
        let course = Course(
            id: "nhap-thu", version: 1, title: "Nhập thử", language: "vi", description: "x",
            lessons: [
                Lesson(
                    id: "bai", title: lessonTitle, steps: [],
                    quiz: Quiz(title: "Câu hỏi", questions: questions, mastery: .passMark(0.8)))
            ])
        let (gift, _, _) = GiftWriter.write(course)
        return (try Fixtures.importAndCompile(Data(gift.utf8)).course, gift)
    }

    @Test func exportedShortAnswerFeedbackWithAnArrowIsNotReadAsMatching() throws {
        let q = Question(
            id: "cai-dat", prompt: [.text("Mở mục nào?")],
            answer: .shortAnswer(
                ShortAnswerKey(
                    accepted: [.text("bảo mật")], acceptedFeedback: [[.paragraph([.text("Cài đặt -> Bảo mật")])]])))
        let (course, gift) = try Self.roundTrip([q])
        #expect(course?.allQuestions.first?.kind == .shortAnswer, "\(gift)")
        #expect(gift.contains(#"-\\>"#))
    }

    @Test func exportedOptionStartingWithANumberKeepsIt() throws {
        let options = [
            ChoiceOption(id: "1-buoc", content: [.text("1. bước "), .code("x")], isCorrect: true),
            ChoiceOption(id: "khac", content: [.text("khác")], isCorrect: false),
        ]
        let (course, gift) = try Self.roundTrip([
            Question(id: "so", prompt: [.text("Chọn")], answer: .singleChoice(options))
        ])
        #expect(course?.allQuestions.first?.answer.options.first?.content.plainText == "1. bước x", "\(gift)")
    }

    @Test func lessonTitleStartingWithASlashSurvivesTheCategoryLine() throws {
        let q = Question(
            id: "q", prompt: [.text("Đúng không?")],
            answer: .singleChoice([
                ChoiceOption(id: "co", content: [.text("Có")], isCorrect: true),
                ChoiceOption(id: "khong", content: [.text("Không")], isCorrect: false),
            ]))
        let (course, gift) = try Self.roundTrip([q], lessonTitle: "/ Đường dẫn / tệp /")
        #expect(course?.lessons.first?.title == "/ Đường dẫn / tệp /", "\(gift)")
    }

    @Test func htmlSpansAddNoSpaceBeforePunctuation() throws {
        let gift =
            "[html]Xem <a href\\=\"https\\://example.org\"><span>luật</span></a>, rồi <span>trả lời</span>. {T}\n"
        let course = try #require(try Fixtures.importAndCompile(Data(gift.utf8)).course)
        #expect(course.allQuestions.first?.prompt.plainText == "Xem luật, rồi trả lời.")
    }
}
