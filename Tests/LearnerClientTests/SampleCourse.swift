import CourseModel

/// A small Vietnamese course with one question of every kind, built in code so the client's
/// tests do not depend on the compiler.
enum SampleCourse {
    static func option(_ id: String, _ text: String, _ right: Bool = false, feedback: String? = nil) -> ChoiceOption {
        ChoiceOption(
            id: id, content: [.text(text)], isCorrect: right, feedback: feedback.map { [.paragraph([.text($0)])] } ?? []
        )
    }

    static func item(_ id: String, _ text: String) -> AnswerItem { AnswerItem(id: id, content: [.text(text)]) }

    static let questions: [Question] = [
        Question(
            id: "otp-single", prompt: [.text("Ai được phép biết mã OTP của bạn?")],
            answer: .singleChoice([
                option("nhan-vien-ngan-hang", "Nhân viên ngân hàng", feedback: "Ngân hàng không bao giờ hỏi mã OTP."),
                option("chi-minh-ban", "Chỉ mình bạn", true),
                option("cong-an", "Công an gọi điện"),
            ]),
            hints: [[.paragraph([.text("OTP là mã dùng một lần.")])], [.paragraph([.text("Không ai khác.")])]],
            explanation: [.paragraph([.text("Mã OTP là chìa khoá: không đưa cho ai.")])]),
        Question(
            id: "link-tf", prompt: [.text("Đường link lạ trong tin nhắn có thể là lừa đảo.")],
            answer: .trueFalse([option("dung", "Đúng", true), option("sai", "Sai")])),
        Question(
            id: "signs-multi", prompt: [.text("Dấu hiệu nào là lừa đảo? (chọn tất cả)")],
            answer: .multipleAnswer(
                [
                    option("doi-chuyen-tien-gap", "Đòi chuyển tiền gấp", true),
                    option("hoi-ma-otp", "Hỏi mã OTP", true),
                    option("chao-hoi", "Chào hỏi lịch sự"),
                ], scoring: .allOrNothing)),
        Question(
            id: "viet-short", prompt: [.text("Gõ tên nước ta (hai chữ)")],
            answer: .shortAnswer(ShortAnswerKey(accepted: [.text("Việt Nam")]))),
        Question(
            id: "fee-numeric", prompt: [.text("Phí 2,5 nghìn đồng viết bằng số thập phân (nghìn)?")],
            answer: .numeric(NumericKey(accepted: [NumericRange(lower: 2.5, upper: 2.5, display: "2,5")]))),
        Question(
            id: "steps-order", prompt: [.text("Sắp xếp các bước khi bị lừa")],
            answer: .ordering([
                item("khoa-the", "Khoá thẻ"), item("bao-ngan-hang", "Báo ngân hàng"),
                item("bao-cong-an", "Báo công an"),
            ])),
        Question(
            id: "terms-match", prompt: [.text("Ghép thuật ngữ với nghĩa")],
            answer: .matching(
                MatchingKey(
                    pairs: [
                        MatchPair(left: item("otp", "OTP"), right: item("ma-mot-lan", "Mã dùng một lần")),
                        MatchPair(left: item("vneid", "VNeID"), right: item("dinh-danh", "Định danh điện tử")),
                    ], distractors: [item("mang-xa-hoi", "Mạng xã hội")]))),
    ]

    static let course = Course(
        id: "an-toan-mau", version: 3, title: "An toàn trên mạng (mẫu)", language: "vi",
        description: "Khoá học mẫu cho các bài kiểm thử.",
        lessons: [
            Lesson(
                id: "dau-hieu", title: "Dấu hiệu lừa đảo",
                steps: [
                    Step(
                        id: "mo-dau", title: "Mở đầu",
                        blocks: [.paragraph([.text("Kẻ lừa đảo thường tạo cảm giác gấp gáp.")])]),
                    Step(
                        id: "otp", title: "Mã OTP",
                        blocks: [
                            .paragraph([
                                .text("Không bao giờ đọc mã "), .strong([.text("OTP")]), .text(" cho người khác."),
                            ]),
                            .callout(.warning, [.paragraph([.text("Ngân hàng không gọi để hỏi mã.")])]),
                        ]),
                ],
                quiz: Quiz(title: "Kiểm tra", questions: questions, mastery: .passMark(0.8))),
            Lesson(
                id: "ket-thuc", title: "Tổng kết",
                steps: [Step(id: "tong-ket", title: "Tổng kết", blocks: [.paragraph([.text("Hãy cẩn thận.")])])],
                quiz: nil),
        ])
}
