import CourseCompiler
import CourseModel
import Foundation
import TestSupport
import Testing

/// The shared sample course (`TestSupport.SampleCourse`, the one the client's tests use too)
/// built in a temporary directory compiles to exactly the expected `Course`.
@Suite struct SampleCourseTests {
    static func makeCourse() throws -> TestCourse {
        let course = try TestCourse(id: SampleCourse.id, yaml: nil)
        for (path, data) in SampleCourse.files { try course.write(path, data) }
        return course
    }

    static func item(_ text: String) -> AnswerItem {
        AnswerItem(id: Identifier.slug(text, limit: 40), content: [.text(text)])
    }

    static func option(_ text: String, _ right: Bool = false, feedback: String? = nil) -> ChoiceOption {
        ChoiceOption(
            id: Identifier.slug(text, limit: 40), content: [.text(text)], isCorrect: right,
            feedback: feedback.map { [.paragraph([.text($0)])] } ?? [])
    }

    static func paragraph(_ text: String) -> [Block] { [.paragraph([.text(text)])] }

    static let firstQuiz = Quiz(
        title: "Kiểm tra", introduction: paragraph("Trả lời bảy câu."),
        questions: [
            Question(
                id: "otp-single", prompt: [.text("Ai được phép biết mã OTP của bạn?")],
                answer: .singleChoice([
                    option("Nhân viên ngân hàng", feedback: "Ngân hàng không bao giờ hỏi mã OTP."),
                    option("Chỉ mình bạn", true), option("Công an gọi điện"),
                ]),
                hints: [paragraph("OTP là mã dùng một lần."), paragraph("Không ai khác.")],
                explanation: paragraph("Mã OTP là chìa khoá: không đưa cho ai.")),
            Question(
                id: "link-tf", prompt: [.text("Đường link lạ trong tin nhắn có thể là lừa đảo.")],
                answer: .trueFalse([option("Đúng", true), option("Sai")])),
            Question(
                id: "signs-multi", prompt: [.text("Dấu hiệu nào là lừa đảo? (chọn tất cả)")],
                answer: .multipleAnswer(
                    [option("Đòi chuyển tiền gấp", true), option("Hỏi mã OTP", true), option("Chào hỏi lịch sự")],
                    scoring: .allOrNothing)),
            Question(
                id: "viet-short", prompt: [.text("Gõ tên nước ta (hai chữ)")],
                answer: .shortAnswer(ShortAnswerKey(accepted: [.text("Việt Nam")]))),
            Question(
                id: "phi-5", prompt: [.text("Phí 5% của 50 triệu đồng là bao nhiêu triệu?")], points: 2,
                answer: .numeric(NumericKey(accepted: [NumericRange(lower: 2.45, upper: 2.55, display: "2,5 ± 0,05")])),
                explanation: paragraph("50 × 5 ÷ 100 = 2,5.")),
            Question(
                id: "steps-order", prompt: [.text("Sắp xếp các bước khi bị lừa")],
                answer: .ordering([item("Khoá thẻ"), item("Báo ngân hàng"), item("Báo công an")])),
            Question(
                id: "terms-match", prompt: [.text("Ghép thuật ngữ với nghĩa")],
                answer: .matching(
                    MatchingKey(
                        pairs: [
                            MatchPair(left: item("OTP"), right: item("Mã dùng một lần")),
                            MatchPair(left: item("VNeID"), right: item("Định danh điện tử")),
                        ],
                        distractors: [item("Mạng xã hội")], scoring: .partial))),
        ],
        mastery: .passMark(0.75))

    static let finalQuiz = Quiz(
        title: "Kiểm tra cuối khoá",
        questions: [
            Question(
                id: "otp-ngan-hang", prompt: [.text("Ngân hàng hỏi OTP qua điện thoại.")],
                answer: .trueFalse([option("Đúng"), option("Sai", true)])),
            Question(
                id: "so-cong-an", prompt: [.text("Số khẩn cấp của Công an?")],
                answer: .shortAnswer(
                    ShortAnswerKey(
                        accepted: [.text("113")],
                        anticipated: [AnticipatedAnswer(pattern: .text("115"), feedback: paragraph("Cấp cứu."))],
                        rule: .ignoreDiacritics))),
            Question(
                id: "sap-xep", prompt: [.text("Sắp xếp các bước")], shuffle: false,
                answer: .ordering([item("Tải ứng dụng"), item("Kích hoạt")])),
            Question(
                id: "noi", prompt: [.text("Nối")],
                answer: .matching(
                    MatchingKey(
                        pairs: [
                            MatchPair(left: item("113"), right: item("Công an")),
                            MatchPair(left: item("115"), right: item("Cấp cứu")),
                        ],
                        distractors: [item("Ngân hàng")]))),
        ],
        mastery: .recent(m: 3, n: 4))

    static let expected = Course(
        id: "khoa-mau", version: 3, title: "Khoá mẫu", titleEnglish: "Sample course", language: "vi",
        description: "Khoá học mẫu cho các bài kiểm thử.", summaryEnglish: "A sample course.",
        audience: ["Người cao tuổi"], digcompAreas: [.safety, .problemSolving],
        sources: [Source(title: "Cục An toàn thông tin", url: "https://khonggianmang.vn")], tags: ["an-toan-so"],
        passMark: 0.75,
        lessons: [
            Lesson(
                id: "dau-hieu", title: "Dấu hiệu lừa đảo", durationMinutes: 75, tags: ["otp"],
                steps: [
                    Step(
                        id: "mo-dau", title: "Mở đầu",
                        blocks: [
                            .paragraph([
                                .text("Kẻ gian "), .strong([.text("giả danh")]), .text(" công an và đòi "),
                                .emphasis([.text("chuyển tiền")]), .text("."),
                            ]),
                            .callout(.warning, paragraph("Không đọc mã OTP cho người khác.")),
                            .paragraph([.image(source: "images/vneid.png", alt: "Màn hình VNeID")]),
                        ]),
                    Step(
                        id: "bang", title: "Bảng so sánh",
                        blocks: [
                            .table(
                                Table(
                                    alignments: [.left, .right], header: [[.text("Dấu hiệu")], [.text("Ví dụ")]],
                                    rows: [[[.text("Gấp gáp")], [.code("2 giờ")]]])),
                            .heading(level: 4, content: [.text("Ghi nhớ")]),
                            .list(
                                start: 1,
                                items: [
                                    ListItem(blocks: paragraph("Cúp máy")), ListItem(blocks: paragraph("Gọi lại")),
                                ]),
                        ]),
                ],
                quiz: firstQuiz),
            Lesson(id: "cuoi-khoa", title: "Kiểm tra cuối khoá", isFinal: true, steps: [], quiz: finalQuiz),
        ],
        assets: ["images/vneid.png"], lessonOrder: .sequential)

    @Test func compilesToTheExpectedCourse() throws {
        let course = try Self.makeCourse()
        defer { course.remove() }
        let result = course.compile()
        #expect(result.diagnostics == [])
        let compiled = try #require(result.course)
        #expect(compiled.lessons == Self.expected.lessons)
        #expect(compiled == Self.expected)
        #expect(
            result.sourceFiles.map(\.lastPathComponent) == [
                "course.yaml", "01-dau-hieu.md", "02-cuoi-khoa.md", "vneid.png",
            ])
    }

    @Test func compiledCourseRoundTripsThroughJSON() throws {
        let course = try Self.makeCourse()
        defer { course.remove() }
        let compiled = try #require(course.compile().course)
        let decoded = try JSONDecoder().decode(Course.self, from: JSONEncoder().encode(compiled))
        #expect(decoded == compiled)
    }

    @Test func decomposedSourceTextIsStoredNFC() throws {
        // "Bài" written with a combining grave accent (NFD) must come out precomposed.
        let lesson = "---\nid: bai-thu\ntitle: Ba\u{300}i\n---\n\n## Đọc\n\nBa\u{300}i ho\u{323}c.\n"
        let course = try TestCourse.lesson(lesson)
        defer { course.remove() }
        let compiled = try #require(course.compile().course?.lessons.first)
        #expect(compiled.title.unicodeScalars.elementsEqual("Bài".precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(compiled.steps.first?.blocks == [.paragraph([.text("Bài học.".precomposedStringWithCanonicalMapping)])])
        guard case .paragraph(let inlines)? = compiled.steps.first?.blocks.first, case .text(let text)? = inlines.first
        else {
            Issue.record("expected a paragraph")
            return
        }
        #expect(text.unicodeScalars.count == 8)
    }
}
