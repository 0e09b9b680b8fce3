import CourseCompiler
import CourseModel
import Foundation
import Testing

/// A sample course folder built in a temporary directory compiles to exactly the expected `Course`.
@Suite struct SampleCourseTests {
    static func makeCourse() throws -> TestCourse {
        let course = try TestCourse(
            id: "khoa-mau", yaml: SampleCourse.yaml,
            files: ["01-doc.md": SampleCourse.reading, "02-cuoi-khoa.md": SampleCourse.final])
        try course.write("images/vneid.png", Data([0x89, 0x50, 0x4E, 0x47]))
        return course
    }

    static func item(_ text: String) -> AnswerItem {
        AnswerItem(id: Identifier.slug(text, limit: 40), content: [.text(text)])
    }

    static let expected = Course(
        id: "khoa-mau", version: 3, title: "Khoá mẫu", titleEnglish: "Sample course", language: "vi",
        description: "Khoá học mẫu để kiểm tra trình biên dịch.", summaryEnglish: "A sample course.",
        audience: ["Người cao tuổi"], digcompAreas: [.safety, .problemSolving],
        sources: [Source(title: "Cục An toàn thông tin", url: "https://khonggianmang.vn")], tags: ["an-toan-so"],
        passMark: 0.75,
        lessons: [
            Lesson(
                id: "bai-doc", title: "Bài đọc", durationMinutes: 75, tags: ["otp"],
                steps: [
                    Step(
                        id: "dau-hieu-lua-dao", title: "Dấu hiệu lừa đảo",
                        blocks: [
                            .paragraph([
                                .text("Kẻ gian "), .strong([.text("giả danh")]), .text(" công an và đòi "),
                                .emphasis([.text("chuyển tiền")]), .text("."),
                            ]),
                            .callout(.warning, [.paragraph([.text("Không đọc mã OTP.")])]),
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
                                    ListItem(blocks: [.paragraph([.text("Cúp máy")])]),
                                    ListItem(blocks: [.paragraph([.text("Gọi lại")])]),
                                ]),
                        ]),
                ],
                quiz: Quiz(
                    title: "Kiểm tra nhanh", introduction: [.paragraph([.text("Trả lời hai câu.")])],
                    questions: [
                        Question(
                            id: "so-cong-an", prompt: [.text("Số khẩn cấp của Công an?")],
                            answer: .shortAnswer(
                                ShortAnswerKey(
                                    accepted: [.text("113")],
                                    anticipated: [
                                        AnticipatedAnswer(
                                            pattern: .text("115"), feedback: [.paragraph([.text("Cấp cứu.")])])
                                    ],
                                    rule: .ignoreDiacritics))),
                        Question(
                            id: "phi-5", prompt: [.text("Phí 5% của 50 triệu?")], points: 2,
                            answer: .numeric(
                                NumericKey(accepted: [NumericRange(lower: 2.45, upper: 2.55, display: "2,5 ± 0,05")])),
                            explanation: [.paragraph([.text("50 × 5 ÷ 100 = 2,5.")])]),
                    ],
                    mastery: .passMark(0.75))),
            Lesson(
                id: "cuoi-khoa", title: "Kiểm tra cuối khoá", isFinal: true, steps: [],
                quiz: Quiz(
                    title: "Kiểm tra cuối khoá",
                    questions: [
                        Question(
                            id: "otp-ngan-hang", prompt: [.text("Ngân hàng hỏi OTP qua điện thoại.")],
                            answer: .trueFalse([
                                ChoiceOption(id: "dung", content: [.text("Đúng")], isCorrect: false),
                                ChoiceOption(id: "sai", content: [.text("Sai")], isCorrect: true),
                            ])),
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
                                    distractors: [item("Ngân hàng")], scoring: .partial))),
                    ],
                    mastery: .recent(m: 3, n: 4))),
        ],
        assets: ["images/vneid.png"])

    @Test func compilesToTheExpectedCourse() throws {
        let course = try Self.makeCourse()
        defer { course.remove() }
        let result = course.compile()
        #expect(result.diagnostics == [])
        let compiled = try #require(result.course)
        #expect(compiled.lessons == Self.expected.lessons)
        #expect(compiled == Self.expected)
        #expect(
            result.sourceFiles.map(\.lastPathComponent) == ["course.yaml", "01-doc.md", "02-cuoi-khoa.md", "vneid.png"])
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
