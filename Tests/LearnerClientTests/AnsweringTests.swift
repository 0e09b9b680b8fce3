import CourseModel
import LearnerEvents
import QuizEngine
import Testing

@testable import LearnerClient

/// Safe answering: choosing and answering are two steps for every kind, an extra Enter never
/// answers, an incomplete answer is refused with a sentence, the answer given is shown back.
struct AnsweringTests {
    /// A driver on question `number` (1-based) of the sample quiz, the ones before answered right.
    func atQuestion(_ number: Int) -> AppDriver {
        let driver = AppDriver.signedIn()
        driver.toFirstQuestion()
        for _ in 1..<number { driver.press(driver.rightKeys() + [.enter]) }
        return driver
    }

    var answers: (AppDriver) -> Int { { $0.backend.events.filter { $0.kind == .answerSubmitted }.count } }

    @Test(arguments: 1...7)
    func anExtraEnterNeverAnswersTheNextQuestion(number: Int) {
        let driver = atQuestion(number)
        let before = answers(driver)
        driver.press([.enter, .enter, .enter, .space, .enter])
        #expect(answers(driver) == before, "question \(number): \(driver.screenText)")
        #expect(driver.quizState?.outcome == nil)
    }

    @Test(arguments: [1, 2])
    func aDigitChoosesButOnlyEnterAnswers(number: Int) {
        let driver = atQuestion(number)
        let keys = driver.rightKeys()
        driver.press(Array(keys.dropLast()))
        #expect(answers(driver) == number - 1)
        #expect(driver.screenText.contains("(●)"), "the choice shows")
        #expect(driver.screenText.contains("› [ Trả lời ]"), "the Answer button is next")
        driver.press(.enter)
        #expect(answers(driver) == number)
        #expect(keys.count <= 3, "single choice and true/false take at most three keys")
    }

    @Test func arrowsAloneAnswerAChoice() {
        let driver = atQuestion(1)
        let right =
            driver.quizState.flatMap { s in s.question.map { s.active.displayedOptions(of: $0) } }?
            .firstIndex(where: \.isCorrect) ?? 0
        driver.press(Array(repeating: .down, count: right + 1) + [.enter, .enter])
        #expect(driver.flatBody.contains("✓ Đúng rồi!"), "\(driver.bodyText)")
    }

    @Test func anIncompleteMatchingIsRefusedWithASentence() {
        let driver = atQuestion(7)
        driver.press([.character("1"), .end, .enter])
        #expect(answers(driver) == 6)
        #expect(driver.flatBody.contains("Bạn mới ghép 1 trên 2 cặp."), "\(driver.bodyText)")
    }

    @Test func anIncompleteOrderIsRefusedWithASentence() {
        let driver = atQuestion(6)
        driver.press([.character("2"), .end, .enter])
        #expect(answers(driver) == 5)
        #expect(driver.flatBody.contains("Bạn mới xếp 1 trên 3 mục."), "\(driver.bodyText)")
    }

    @Test func matchingFeedbackShowsEveryPairWithTheLearnersOwnBesideTheRightOne() {
        let driver = atQuestion(7)
        driver.press(driver.wrongKeys())
        let body = driver.bodyText
        #expect(body.contains("✗ OTP → Định danh điện tử — đáp án đúng: Mã dùng một lần"), "\(body)")
        #expect(body.contains("✗ VNeID → Mã dùng một lần — đáp án đúng: Định danh điện tử"))
        #expect(body.contains("✗ Chưa đúng."))
    }

    @Test func aPartlyRightMatchingSaysHowManyPairsInWords() {
        let driver = atQuestion(7)
        guard let state = driver.quizState, let question = state.question else { return }
        let right = state.active.displayedRightItems(of: question)
        let otp = right.firstIndex { $0.id == "ma-dung-mot-lan" } ?? 0
        let other = right.firstIndex { $0.id == "mang-xa-hoi" } ?? 0
        driver.press([driver.digit(otp + 1), driver.digit(other + 1), .enter])
        #expect(driver.flatBody.contains("✓ OTP → Mã dùng một lần"), "\(driver.bodyText)")
        #expect(driver.flatBody.contains("◐ Đúng một phần: đúng 1 trên 2 cặp."))
        #expect(!driver.flatBody.contains("0,5"), "no fractions of a point")
    }

    @Test func theChoiceMadeIsShownBackInWords() {
        let driver = atQuestion(1)
        driver.press(driver.wrongKeys())
        #expect(driver.flatBody.contains("— bạn chọn — chưa đúng"), "\(driver.bodyText)")
        #expect(driver.flatBody.contains("Chỉ mình bạn — đáp án đúng"))
        #expect(driver.flatBody.contains("Ngân hàng không bao giờ hỏi mã OTP."), "the option's feedback")
    }

    @Test func aNumericKeyIsShownAsPeopleSayIt() {
        let driver = atQuestion(5)
        driver.press(driver.wrongKeys())
        #expect(driver.flatBody.contains("Đáp án đúng: khoảng 2,5 (từ 2,45 đến 2,55)"), "\(driver.bodyText)")
        #expect(!driver.flatBody.contains("±"))
    }

    @Test func typedAnswersAreBoundedAndTheLearnerIsTold() {
        let driver = atQuestion(4)
        driver.press(.paste(String(repeating: "x", count: 2_500)))
        #expect(driver.quizState?.text.count == 2_000)
        #expect(driver.flatBody.contains("dài nhất 2.000 ký tự"), "\(driver.screenText)")
    }

    @Test func aTypedAnswerMatchesItsRawKeysWhenTelexChangedIt() {
        var key = ShortAnswerKey(accepted: [.text("mix")])
        key.rule = .standard
        let question = Question(id: "mix", prompt: [.text("Gõ chữ mix")], answer: .shortAnswer(key))
        let course = Course(
            id: "mix", version: 1, title: "Mix", language: "vi", description: "",
            lessons: [
                Lesson(
                    id: "mix", title: "Mix", steps: [],
                    quiz: Quiz(title: "Q", questions: [question], mastery: .passMark(1)))
            ])
        let driver = AppDriver.signedIn([course])
        driver.press([.enter, .enter, .enter])
        driver.press(typing("mix"))
        #expect(driver.quizState?.text.text == "mĩ", "Telex makes a Vietnamese word of it")
        driver.press(.enter)
        #expect(driver.flatBody.contains("✓ Đúng rồi!"), "\(driver.bodyText)")
    }

    @Test func theInputMethodIsShownWithTheKeyThatChangesIt() {
        let driver = atQuestion(4)
        #expect(driver.screenText.contains("F2 Kiểu gõ: Telex"))
        driver.press(.function(2))
        #expect(driver.screenText.contains("F2 Kiểu gõ: VNI"))
        driver.press(typing("Vie65t"))
        #expect(driver.screenText.contains("Câu trả lời: Việt"))
    }

    @Test func noKindNeedsALetter() {
        let driver = atQuestion(1)
        for _ in 0..<7 {
            guard let state = driver.quizState, let question = state.question else { break }
            let keys = driver.rightKeys()
            if question.kind != .shortAnswer {
                #expect(
                    keys.allSatisfy { key in
                        if case .character(let c) = key { return c.isNumber || c == "," || c == "-" }
                        return true
                    }, "\(question.kind)")
            }
            driver.press(keys + [.enter])
        }
    }
}
