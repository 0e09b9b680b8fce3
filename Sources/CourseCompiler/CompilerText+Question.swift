import CourseModel
import Localization

/// Messages about questions, their options and their answer blocks.
extension CompilerText {
    static let noPrompt = p("câu hỏi chưa có đề bài", "question has no prompt")
    static let noPromptHint = p("viết đề bài sau '### '", "write the question after '### '")
    static func noAnswerBlock(_ prompt: String) -> Phrase {
        p("câu hỏi '\(prompt)' chưa có khối đáp án", "question '\(prompt)' has no answer block")
    }
    static let noAnswerBlockHint = p(
        "viết các đáp án thành danh sách sau đề bài; nếu đây là tiêu đề phụ trong bước đọc, hãy dùng '####'",
        "add the answers as a list after the prompt; for a sub-heading inside a reading step, use '####'")
    static let twoAnswerBlocks = p("câu hỏi có hai khối đáp án", "question has two answer blocks")
    static func twoAnswerBlocksHint(_ line: Int) -> Phrase {
        p(
            "mỗi câu hỏi chỉ có đúng một danh sách đáp án (danh sách đầu ở dòng \(line)); hãy tách thành hai câu",
            "a question takes exactly one answer list (the first is at line \(line)); split it into two questions")
    }
    static let noQuestionID = p("câu hỏi chưa có id", "question has no id")
    static func noQuestionIDHint(_ slug: String) -> Phrase {
        p(
            "thêm '<!-- id: \(slug) -->' ở dòng ngay sau tiêu đề; id không bao giờ được đổi sau khi phát hành",
            "add '<!-- id: \(slug) -->' on the line after the heading; the id must never change once published")
    }
    static func badPoints(_ value: String) -> Phrase {
        p(
            "points phải là số nguyên dương, không phải '\(value)'",
            "points must be a positive whole number, not '\(value)'")
    }
    static let pointsHint = p("ví dụ 'points: 2'", "e.g. 'points: 2'")
    static func badShuffle(_ value: String) -> Phrase {
        p("shuffle phải là 'yes' hoặc 'no', không phải '\(value)'", "shuffle must be 'yes' or 'no', not '\(value)'")
    }
    static func unknownMatchRule(_ value: String) -> Phrase {
        p("cách so khớp lạ '\(value)'", "unknown match rule '\(value)'")
    }
    static func unknownScoring(_ value: String) -> Phrase { p("cách chấm lạ '\(value)'", "unknown scoring '\(value)'") }
    static let scoringHint = p("dùng 'partial' hoặc 'all-or-nothing'", "use 'partial' or 'all-or-nothing'")

    // MARK: - Answer blocks

    static let mixedMarkers = p("một danh sách dùng lẫn nhiều kiểu dấu phương án", "mixed option markers in one list")
    static func mixedMarkersHint(_ example: Phrase) -> Phrase {
        p(
            "mọi mục trong danh sách này phải dùng \(example.vi); mỗi câu hỏi chỉ có một kiểu đáp án",
            "every item of this list must use \(example.en); one question takes one kind of answer")
    }
    static let numberedList = p("danh sách đánh số", "a numbered list")
    static let extraContent = p(
        "phần thêm trong một mục đáp án bị bỏ qua", "extra content in an answer item is ignored")
    static let extraContentHint = p(
        "mỗi đáp án viết trên một dòng; lời nhắn để trong trích dẫn '> …' thụt vào",
        "keep each answer on one line; put feedback in a nested '> …' quote")
    static let emptyAnswerItem = p("mục đáp án để trống", "answer item is empty")
    static let emptyAnswerItemHint = p(
        "viết chữ của phương án sau dấu đánh dấu", "write the option's text after the marker")
    static let scoringNotApplicable = p(
        "'scoring' chỉ dùng cho câu nhiều đáp án và câu nối",
        "'scoring' only applies to multiple-answer and matching questions")
    static let orderingOneItem = p("câu sắp xếp chỉ có một mục", "ordering question has only one item")
    static let orderingOneItemHint = p(
        "liệt kê ít nhất 2 bước theo đúng thứ tự; máy sẽ trộn khi hiện",
        "list at least 2 steps in the right order; they are shuffled when shown")
    static let singleNoCorrect = p(
        "câu chọn một chưa có phương án đúng", "single-choice question has no correct option")
    static let singleNoCorrectHint = p("đánh dấu phương án đúng bằng '(x)'", "mark the right option with '(x)'")
    static func singleTooMany(_ count: Int) -> Phrase {
        p("câu chọn một có \(count) phương án đúng", "single-choice question has \(count) correct options")
    }
    static let singleTooManyHint = p(
        "dùng '- [x]' và '- [ ]' cho câu nhiều đáp án, hoặc chỉ giữ một '(x)'",
        "use '- [x]' and '- [ ]' for a multiple-answer question, or keep one '(x)'")
    static let multipleNoCorrect = p(
        "câu nhiều đáp án chưa có phương án đúng", "multiple-answer question has no correct option")
    static let multipleNoCorrectHint = p(
        "đánh dấu mọi phương án đúng bằng '[x]'", "tick every right option with '[x]'")
    static let matchingNoRight = p("mục nối chưa có vế sau '->'", "matching item has nothing after '->'")
    static let matchingNoRightHint = p("viết 'vế trái -> vế phải'", "write 'left -> right'")
    static func tooFewPairs(_ count: Int) -> Phrase {
        p(
            "câu nối có \(count) cặp; cần ít nhất 2 cặp",
            "matching question has \(count) pair\(count == 1 ? "" : "s"); it needs at least 2")
    }
    static let tooFewPairsHint = p(
        "mỗi cặp viết một dòng 'vế trái -> vế phải'; dòng '- -> thêm' thêm một mục bên phải không nối với mục nào",
        "write one 'left -> right' line per pair; '- -> extra' adds a right-side item that matches nothing")

    // MARK: - Typed answers

    static let noAcceptedAnswer = p("câu hỏi chưa có đáp án đúng", "question has no accepted answer")
    static let noAcceptedAnswerHint = p(
        "thêm ít nhất một dòng '- = đáp án'; dòng '!=' là câu trả lời sai hay gặp",
        "add at least one '- = answer'; '!=' lines are anticipated wrong answers")
    static func numericKeyInvalid(_ text: String, _ problem: Numbers.KeyProblem) -> Phrase {
        let why = keyProblem(problem)
        return p(
            "đáp án số '\(text)' không đọc được: \(why.vi)", "numeric key '\(text)' does not parse: \(why.en)")
    }
    static let numericKeyHint = p(
        "viết '2,5 ± 0,05', '2.5 +- 0.05', '10 ± 5%' hoặc '[2,4; 2,6]'",
        "write '2,5 ± 0,05', '2.5 +- 0.05', '10 ± 5%' or '[2,4; 2,6]'")
    static func notANumber(_ text: String) -> Phrase {
        p(
            "'\(text)' không phải là số, mà đây là câu hỏi số",
            "'\(text)' is not a number, but this is a numeric question")
    }
    static let notANumberHint = p(
        "mọi đáp án của câu hỏi số phải là số hoặc khoảng số; đáp án bằng chữ thì tách thành câu hỏi khác",
        "every answer of a numeric question is a number or a range; make a separate question for text answers")
    static func badRegex(_ text: String) -> Phrase {
        p("biểu thức chính quy '\(text)' bị lỗi", "bad regular expression '\(text)'")
    }
    static let badRegexHint = p(
        "kiểm tra dấu ngoặc và ký tự thoát; viết '\\/' cho dấu gạch chéo, hoặc bỏ hai dấu '/' để so như chữ thường",
        "check brackets and escapes; write '\\/' for a slash, or drop the slashes for plain text")

    /// Why a numeric key does not parse.
    static func keyProblem(_ problem: Numbers.KeyProblem) -> Phrase {
        switch problem {
        case .unclosedRange: p("khoảng số phải viết [thấp; cao]", "a range must be written [low; high]")
        case .rangeNeedsTwoBounds:
            p("khoảng số cần hai đầu, cách nhau bằng ';'", "a range needs two bounds separated by ';'")
        case .boundsNotNumbers:
            p("hai đầu khoảng phải là số, ví dụ [2,4; 2,6]", "range bounds must be numbers, e.g. [2,4; 2,6]")
        case .boundsReversed:
            p("đầu nhỏ của khoảng phải viết trước", "the lower bound of a range must come first")
        case .oneValueOneTolerance:
            p("viết một giá trị và một sai số: 2,5 ± 0,05", "write one value and one tolerance: 2,5 ± 0,05")
        case .notANumber(let text): p("'\(text)' không phải là số", "'\(text)' is not a number")
        case .notATolerance(let text): p("'\(text)' không phải là sai số", "'\(text)' is not a tolerance")
        }
    }
}
