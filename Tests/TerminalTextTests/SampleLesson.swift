import CourseModel

/// A lesson with two steps and one question of every kind, for the preview golden files.
enum SampleLesson {
    static func option(_ text: String, _ right: Bool, feedback: String? = nil) -> ChoiceOption {
        ChoiceOption(
            id: text, content: [.text(text)], isCorrect: right,
            feedback: feedback.map { [.paragraph([.text($0)])] } ?? [])
    }

    static func item(_ text: String) -> AnswerItem { AnswerItem(id: text, content: [.text(text)]) }

    static let lesson = Lesson(
        id: "ma-otp", title: "Mã OTP và mật khẩu", durationMinutes: 15,
        steps: [
            Step(id: "otp-la-gi", title: "OTP là gì?", blocks: Array(SampleContent.blocks.prefix(3))),
            Step(id: "giu-an-toan", title: "Giữ an toàn", blocks: [SampleContent.blocks[9], SampleContent.blocks[15]]),
        ],
        quiz: Quiz(
            title: "Kiểm tra nhanh",
            introduction: [.paragraph([.text("Trả lời các câu hỏi sau.")])],
            questions: [
                Question(
                    id: "otp-1", prompt: [.text("Ai được phép biết mã "), .code("OTP"), .text(" của bạn?")], points: 2,
                    answer: .singleChoice([
                        option("Nhân viên ngân hàng", false, feedback: "Ngân hàng không bao giờ hỏi mã OTP."),
                        option("Chỉ mình bạn", true),
                    ]),
                    hints: [
                        [.paragraph([.text("Nghĩ xem ai gửi mã cho bạn.")])],
                        [.paragraph([.text("Mã gửi đến điện thoại của bạn.")])],
                    ],
                    explanation: [.paragraph([.text("Mã OTP là của riêng bạn.")])]),
                Question(
                    id: "otp-2", prompt: [.text("Mã OTP dùng được nhiều lần.")], shuffle: false,
                    answer: .trueFalse([option("Đúng", false), option("Sai", true)])),
                Question(
                    id: "otp-3", prompt: [.text("Dấu hiệu nào là lừa đảo?")],
                    answer: .multipleAnswer(
                        [
                            option("Đường link lạ", true), option("Giục chuyển tiền gấp", true),
                            option("Tin nhắn từ người thân đã gọi xác nhận", false),
                        ],
                        scoring: .partial)),
                Question(
                    id: "otp-4", prompt: [.text("Ứng dụng định danh điện tử tên là gì?")],
                    answer: .shortAnswer(
                        ShortAnswerKey(
                            accepted: [.text("VNeID"), .regex("vn ?eid")],
                            anticipated: [
                                AnticipatedAnswer(
                                    pattern: .text("VssID"),
                                    feedback: [.paragraph([.text("VssID là ứng dụng bảo hiểm xã hội.")])])
                            ],
                            rule: .ignoreDiacritics))),
                Question(
                    id: "otp-5", prompt: [.text("Mã OTP thường có mấy chữ số?")],
                    answer: .numeric(
                        NumericKey(
                            accepted: [NumericRange(lower: 6, upper: 6, display: "6")],
                            anticipated: [
                                AnticipatedNumber(
                                    range: NumericRange(lower: 4, upper: 4, display: "4"),
                                    feedback: [.paragraph([.text("Mã PIN mới có 4 số.")])])
                            ]))),
                Question(
                    id: "otp-6", prompt: [.text("Xếp các bước theo thứ tự.")],
                    answer: .ordering([item("Nhận tin nhắn"), item("Đọc mã"), item("Nhập mã vào ứng dụng")])),
                Question(
                    id: "otp-7", prompt: [.text("Ghép ứng dụng với việc của nó.")],
                    answer: .matching(
                        MatchingKey(
                            pairs: [
                                MatchPair(left: item("VNeID"), right: item("định danh")),
                                MatchPair(left: item("VssID"), right: item("bảo hiểm")),
                            ],
                            distractors: [item("mua sắm")]))),
            ],
            mastery: .passMark(0.8)))
}
