import CourseModel
import Localization

/// Questions, answers, feedback and results, in both languages.
extension ClientText {
    // MARK: - Quiz

    static func quizIntro(_ count: Int, _ rule: String) -> Phrase {
        p(
            "Bài kiểm tra có \(count) câu. Cần đạt \(rule) để qua. Mỗi câu: chọn đáp án, rồi nhấn Enter để trả lời.",
            "The quiz has \(count) questions. You need \(rule) to pass. For each question: choose, then press Enter to answer."
        )
    }
    static func selfCheckIntro(_ count: Int) -> Phrase {
        p(
            "Bài tự kiểm tra có \(count) câu và không tính điểm. Mỗi câu: chọn đáp án, rồi nhấn Enter để trả lời.",
            "The self-check has \(count) questions and is not scored. For each question: choose, then press Enter to answer."
        )
    }
    static func quizResume(_ question: Int) -> Phrase {
        p("Bạn làm tiếp từ câu \(question).", "You carry on from question \(question).")
    }
    static func questionCounter(_ number: Int, _ total: Int) -> Phrase {
        p("Câu \(number)/\(total)", "Question \(number)/\(total)")
    }
    static let practiceBanner = p("Luyện tập — không tính điểm", "Practice — not scored")
    static let answerButton = p("Trả lời", "Answer")
    static let yourAnswer = p("Câu trả lời:", "Your answer:")

    static func instruction(_ kind: QuestionKind) -> Phrase {
        switch kind {
        case .singleChoice, .trueFalse:
            p(
                "Chọn một đáp án: gõ số của đáp án (hoặc dùng ↑↓ rồi Enter), rồi nhấn Enter để trả lời.",
                "Choose one answer: type its number (or use ↑↓ and Enter), then press Enter to answer.")
        case .multipleAnswer:
            p(
                "Chọn mọi đáp án đúng: gõ số từng đáp án (gõ lại để bỏ chọn), rồi nhấn Enter để trả lời.",
                "Choose every right answer: type each one's number (again to untick it), then press Enter to answer.")
        case .shortAnswer:
            p("Gõ câu trả lời, rồi nhấn Enter.", "Type your answer, then press Enter.")
        case .numeric:
            p("Gõ một số (ví dụ 2,5), rồi nhấn Enter.", "Type a number (for example 2.5), then press Enter.")
        case .ordering:
            p(
                "Sắp xếp: gõ số của mục đứng đầu, rồi mục thứ hai, và cứ thế (gõ lại để bỏ). Xong thì nhấn Enter.",
                "Put in order: type the number of the item that comes first, then the second, and so on (again to undo). Then press Enter."
            )
        case .matching:
            p(
                "Ghép cặp: với mục đang chọn ở trên (›), gõ số của câu hợp với nó ở danh sách dưới. Xong thì nhấn Enter. (↑↓ đổi mục, ←→ đổi câu ghép.)",
                "Make pairs: for the item marked › above, type the number of its partner from the list below. Then press Enter. (↑↓ change item, ←→ change partner.)"
            )
        }
    }

    static let pickFirst = p(
        "Hãy chọn một đáp án trước: gõ số của đáp án.", "Choose an answer first: type its number.")
    static let pickSomeFirst = p(
        "Bạn chưa chọn đáp án nào: gõ số của từng đáp án đúng.",
        "You have not chosen anything: type the number of each right answer.")
    static let emptyAnswer = p("Bạn chưa gõ câu trả lời.", "You have not typed an answer yet.")
    static let notANumber = p("Hãy gõ một số, ví dụ 2,5.", "Please type a number, for example 2.5.")
    static func tooLong(_ limit: Int) -> Phrase {
        p(
            "Câu trả lời dài nhất \(limit.grouped(.vi)) ký tự; phần gõ thêm không được nhận.",
            "An answer can be at most \(limit.grouped(.en)) characters; what you type beyond that is not taken.")
    }
    static func orderIncomplete(_ done: Int, _ total: Int) -> Phrase {
        p(
            "Bạn mới xếp \(done) trên \(total) mục. Hãy gõ số của các mục còn lại theo thứ tự, rồi nhấn Enter.",
            "You have placed \(done) of \(total) items. Type the numbers of the others in order, then press Enter.")
    }
    static func pairsIncomplete(_ done: Int, _ total: Int) -> Phrase {
        p(
            "Bạn mới ghép \(done) trên \(total) cặp. Hãy ghép hết các mục ở trên, rồi nhấn Enter.",
            "You have made \(done) of \(total) pairs. Pair every item above, then press Enter.")
    }
    static let pressEnterToAnswer = p("Nhấn Enter để trả lời.", "Press Enter to answer.")
    static let notPaired = p("(chưa ghép)", "(not paired)")
    static let partnersHeading = p("Các câu để ghép:", "Partners to choose from:")
    static let yourOrder = p("Thứ tự của bạn:", "Your order:")
    static func noMoreHints(_ total: Int) -> Phrase {
        total == 0
            ? p("Câu này không có gợi ý.", "This question has no hints.")
            : p("Câu này không còn gợi ý.", "No more hints for this question.")
    }
    static func hint(_ number: Int, _ total: Int) -> Phrase {
        p("Gợi ý \(number)/\(total):", "Hint \(number)/\(total):")
    }

    static let leaveQuizQuestion = p("Bạn muốn dừng bài kiểm tra?", "Do you want to stop the quiz?")
    static func leaveQuizSaved(_ next: Int) -> Phrase {
        p(
            "Câu trả lời đã được lưu. Lần sau bạn làm tiếp từ câu \(next).",
            "Your answers are saved. Next time you carry on from question \(next).")
    }
    static let keepGoing = p("Làm tiếp", "Carry on")
    static let stopToLessons = p("Dừng, về danh sách bài", "Stop, back to the lessons")
    static let rereadLesson = p("Đọc lại bài học", "Read the lesson again")

    // MARK: - Feedback

    static let correct = p("✓ Đúng rồi!", "✓ Right!")
    static let wrong = p("✗ Chưa đúng.", "✗ Not right.")
    static func partly(_ right: Int, _ total: Int, _ unit: Phrase) -> Phrase {
        p(
            "◐ Đúng một phần: đúng \(right) trên \(total) \(unit.vi).",
            "◐ Partly right: \(right) of \(total) \(unit.en) right.")
    }
    static let pairsUnit = p("cặp", "pairs")
    static let answersUnit = p("đáp án", "answers")
    static let youChoseRight = p("bạn chọn — đúng", "your choice — right")
    static let youChoseWrong = p("bạn chọn — chưa đúng", "your choice — not right")
    static let rightAnswerTag = p("đáp án đúng", "the right answer")
    static let missedTag = p("đáp án đúng — bạn chưa chọn", "right — you did not choose it")
    static func youAnswered(_ text: String) -> Phrase { p("Bạn trả lời: \(text)", "You answered: \(text)") }
    static func rightAnswer(_ text: String) -> Phrase { p("Đáp án đúng: \(text)", "The right answer: \(text)") }
    static func shouldBe(_ text: String) -> Phrase { p("đáp án đúng: \(text)", "should be: \(text)") }
    static let rightOrder = p("Thứ tự đúng:", "The right order:")
    static let explanation = p("Giải thích:", "Why:")
    static let nextQuestion = p("Câu tiếp", "Next question")
    static let seeResult = p("Xem kết quả", "See the result")

    /// A numeric key said the way a person would say it: `6,98`, or `khoảng 6,98 (từ 6,97 đến 6,99)`.
    static func around(_ value: String, _ low: String, _ high: String) -> Phrase {
        p("khoảng \(value) (từ \(low) đến \(high))", "about \(value) (from \(low) to \(high))")
    }
    static func between(_ low: String, _ high: String) -> Phrase {
        p("từ \(low) đến \(high)", "from \(low) to \(high)")
    }

    // MARK: - Result

    static let resultTitle = p("Kết quả", "Result")
    static let practiceResultTitle = p("Kết quả luyện tập", "Practice result")
    static func rightOutOf(_ right: Int, _ total: Int) -> Phrase {
        p("Bạn trả lời đúng \(right) trên \(total) câu.", "You got \(right) of \(total) questions right.")
    }
    static func partlyRightCount(_ count: Int) -> Phrase {
        p("\(count) câu đúng một phần.", count == 1 ? "1 question partly right." : "\(count) questions partly right.")
    }
    static func passed(_ rule: String, _ percent: Int) -> Phrase {
        p("ĐẠT — cần \(rule), bạn được \(percent)%.", "PASSED — you needed \(rule) and got \(percent)%.")
    }
    static func notPassed(_ rule: String, _ percent: Int) -> Phrase {
        p(
            "CHƯA ĐẠT — cần \(rule), bạn được \(percent)%.",
            "NOT PASSED YET — you needed \(rule) and got \(percent)%.")
    }
    static func passRule(_ percent: Int) -> Phrase { p("\(percent)% số điểm", "\(percent)% of the points") }
    static func recentRule(_ m: Int, _ n: Int) -> Phrase {
        p("đúng \(m) trong \(n) câu cuối", "\(m) of the last \(n) answers right")
    }
    static let toReview = p("Nên ôn lại:", "Worth reviewing:")
    static let allRight = p("Bạn trả lời đúng tất cả. Giỏi lắm!", "You got every question right. Well done!")
    static func nextLesson(_ title: String) -> Phrase { p("Học bài tiếp theo: \(title)", "Next lesson: \(title)") }
    static let practiseWrong = p("Luyện lại các câu sai", "Practise the wrong answers")
    static let retake = p("Làm lại bài kiểm tra", "Take the quiz again")
    static let backToLessons = p("Về danh sách bài", "Back to the lessons")
    static let backToCourses = p("Về danh sách khoá học", "Back to the courses")

    // MARK: - Self-check result

    static func startWith(_ title: String) -> Phrase {
        p("Nên bắt đầu với khoá học “\(title)”.", "Start with the course “\(title)”.")
    }
    static let knowsItAll = p(
        "Bạn đã biết khá nhiều! Hãy chọn bất kỳ khoá học nào bạn thích.",
        "You know a lot already! Choose any course you like.")
    static func openCourse(_ title: String) -> Phrase { p("Mở khoá “\(title)”", "Open “\(title)”") }
}

extension Int {
    /// The number with thousands grouped as the language writes them: `2.000` or `2,000`.
    func grouped(_ language: Language) -> String {
        NumberText.grouped(self, separator: language == .vi ? "." : ",")
    }
}
