import CourseCompiler
import CourseModel
import Testing

/// Every question kind compiles to the expected `AnswerKey`.
@Suite struct AnswerKeyTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var options: String
        var answers: String
        var expected: AnswerKey
        var testDescription: String { name }
    }

    static func option(_ text: String, _ correct: Bool, id: String? = nil, feedback: String? = nil) -> ChoiceOption {
        ChoiceOption(
            id: id ?? Identifier.slug(text, limit: 40), content: [.text(text)], isCorrect: correct,
            feedback: feedback.map { [.paragraph([.text($0)])] } ?? [])
    }

    static func item(_ text: String) -> AnswerItem {
        AnswerItem(id: Identifier.slug(text, limit: 40), content: [.text(text)])
    }

    static let cases: [Case] = [
        Case(
            name: "single choice with feedback", options: "",
            answers: "- ( ) Chuyển tiền\n  > Không nên.\n- (x) Cúp máy\n",
            expected: .singleChoice([option("Chuyển tiền", false, feedback: "Không nên."), option("Cúp máy", true)])),
        Case(
            name: "true/false in Vietnamese", options: "",
            answers: "- (x) Đúng\n- ( ) Sai\n",
            expected: .trueFalse([option("Đúng", true), option("Sai", false)])),
        Case(
            name: "true/false in English, false written first", options: "",
            answers: "- ( ) False\n- (x) True\n",
            expected: .trueFalse([option("True", true), option("False", false)])),
        Case(
            name: "multiple answer, partial scoring", options: "; scoring: partial",
            answers: "- [x] Link lạ\n- [ ] Buổi sáng\n  > Không liên quan.\n- [x] Link lạ\n",
            expected: .multipleAnswer(
                [
                    option("Link lạ", true), option("Buổi sáng", false, feedback: "Không liên quan."),
                    option("Link lạ", true, id: "link-la-2"),
                ],
                scoring: .partial)),
        Case(
            name: "multiple answer, default all-or-nothing", options: "",
            answers: "- [x] A\n- [ ] B\n",
            expected: .multipleAnswer([option("A", true), option("B", false)], scoring: .allOrNothing)),
        Case(
            name: "short answer with regex, anticipated answer and match rule", options: "; match: khong-dau",
            answers: "- = OTP\n- = /m[aã] OTP/\n- != 115\n  > Cấp cứu.\n",
            expected: .shortAnswer(
                ShortAnswerKey(
                    accepted: [.text("OTP"), .regex("m[aã] OTP")],
                    anticipated: [
                        AnticipatedAnswer(pattern: .text("115"), feedback: [.paragraph([.text("Cấp cứu.")])])
                    ],
                    rule: .ignoreDiacritics))),
        Case(
            name: "a hotline without tolerance stays text", options: "",
            answers: "- = 113\n",
            expected: .shortAnswer(ShortAnswerKey(accepted: [.text("113")]))),
        Case(
            name: "numeric with decimal comma and tolerance", options: "",
            answers: "- = 2,5 ± 0,05\n- != 25\n  > Sai dấu phẩy.\n",
            expected: .numeric(
                NumericKey(
                    accepted: [NumericRange(lower: 2.45, upper: 2.55, display: "2,5 ± 0,05")],
                    anticipated: [
                        AnticipatedNumber(
                            range: NumericRange(lower: 25, upper: 25, display: "25"),
                            feedback: [.paragraph([.text("Sai dấu phẩy.")])])
                    ]))),
        Case(
            name: "numeric range and percent tolerance", options: "",
            answers: "- = [2,4; 2,6]\n- = 10 ± 5%\n",
            expected: .numeric(
                NumericKey(accepted: [
                    NumericRange(lower: 2.4, upper: 2.6, display: "[2,4; 2,6]"),
                    NumericRange(lower: 9.5, upper: 10.5, display: "10 ± 5%"),
                ]))),
        Case(
            name: "ordering", options: "",
            answers: "1. Tải ứng dụng\n2. Kích hoạt\n3. Đặt passcode\n",
            expected: .ordering([item("Tải ứng dụng"), item("Kích hoạt"), item("Đặt passcode")])),
        Case(
            name: "matching with a distractor", options: "",
            answers: "- 113 -> Công an\n- 114 -> Cứu hỏa\n- -> Ngân hàng\n",
            expected: .matching(
                MatchingKey(
                    pairs: [
                        MatchPair(left: item("113"), right: item("Công an")),
                        MatchPair(left: item("114"), right: item("Cứu hỏa")),
                    ],
                    distractors: [item("Ngân hàng")]))),
    ]

    @Test(arguments: cases)
    func compilesToTheExpectedKey(_ c: Case) throws {
        let course = try TestCourse.lesson(
            TestCourse.frontMatter
                + "\n## Kiểm tra\n\n### Câu hỏi?\n<!-- id: cau-hoi\(c.options); not-a-fact: example -->\n\n\(c.answers)"
        )
        defer { course.remove() }
        let result = course.compile()
        #expect(result.diagnostics == [])
        let question = try #require(result.course?.allQuestions.first)
        #expect(question.answer == c.expected)
        #expect(question.id == "cau-hoi")
    }

    @Test func questionOptionsHintsExplanationAndBody() throws {
        let course = try TestCourse.lesson(
            TestCourse.frontMatter + """

                ## Kiểm tra

                Giới thiệu.

                ### Câu *hỏi*?
                <!-- id: q; points: 3; shuffle: no -->

                Đọc kỹ.

                - ( ) A
                - (x) B

                > [!TIP]
                > Gợi ý một.

                > [!TIP]
                > Gợi ý hai.

                > [!NOTE]
                > Giải thích.

                """)
        defer { course.remove() }
        let quiz = try #require(course.compile().course?.lessons.first?.quiz)
        #expect(quiz.title == "Kiểm tra")
        #expect(quiz.introduction == [.paragraph([.text("Giới thiệu.")])])
        let q = try #require(quiz.questions.first)
        #expect(q.prompt == [.text("Câu "), .emphasis([.text("hỏi")]), .text("?")])
        #expect(q.points == 3)
        #expect(q.shuffle == false)
        #expect(q.body == [.paragraph([.text("Đọc kỹ.")])])
        #expect(q.hints == [[.paragraph([.text("Gợi ý một.")])], [.paragraph([.text("Gợi ý hai.")])]])
        #expect(q.explanation == [.paragraph([.text("Giải thích.")])])
    }
}
