import CourseModel
import Localization

/// Messages about a lesson's front matter, steps, content, pictures and options comments.
extension CompilerText {
    // MARK: - Front matter

    static let frontMatterNotClosed = p(
        "phần đầu bài (front matter) chưa đóng", "front matter is not closed")
    static let frontMatterNotClosedHint = p(
        "kết thúc khối YAML bằng một dòng chỉ có '---'", "end the YAML block with a line containing only '---'")
    static let noFrontMatter = p("bài học chưa có phần đầu (front matter)", "lesson has no front matter")
    static let noFrontMatterHint = p(
        "mở đầu tệp bằng '---', 'id: …', 'title: …', '---'", "start the file with '---', 'id: …', 'title: …', '---'")
    static let noStepsNorQuestions = p(
        "bài học không có bước đọc nào, cũng không có câu hỏi", "lesson has neither steps nor questions")
    static let noStepsNorQuestionsHint = p(
        "thêm một tiêu đề '## …' có nội dung để làm bước đọc, hoặc các tiêu đề '### …' để làm câu hỏi",
        "add a '## heading' with text for a reading step, or '### question' headings for a quiz")
    static func badDuration(_ text: String) -> Phrase {
        p("thời lượng '\(text)' không đúng", "bad duration '\(text)'")
    }
    static let durationHint = p(
        "viết số phút như '15m' hoặc số giờ như '1h30m'", "write minutes like '15m' or hours like '1h30m'")
    static let passAndMastery = p(
        "có cả 'pass' lẫn 'mastery'; máy dùng 'mastery'", "both 'pass' and 'mastery' are given; 'mastery' is used")
    static let removeOne = p("bỏ một trong hai", "remove one of them")
    static func badMastery(_ text: String) -> Phrase {
        p("'mastery' '\(text)' không đúng", "bad mastery '\(text)'")
    }
    static let masteryHint = p(
        "viết 'm/n' với 1 ≤ m ≤ n, ví dụ 'mastery: 4/5' (đúng 4 trong 5 câu trả lời gần nhất)",
        "write 'm/n' with 1 ≤ m ≤ n, e.g. 'mastery: 4/5' (4 of the last 5 answers right)")

    /// What an id names, for "invalid … id".
    enum IDKind {
        case lesson, step, question

        var phrase: Phrase {
            switch self {
            case .lesson: p("bài", "lesson")
            case .step: p("bước", "step")
            case .question: p("câu hỏi", "question")
            }
        }
    }

    static func invalidID(_ kind: IDKind, _ id: String) -> Phrase {
        p("id \(kind.phrase.vi) '\(id)' không hợp lệ", "invalid \(kind.phrase.en) id '\(id)'")
    }
    static func idHint(example: String?) -> Phrase {
        let vi = "id là chữ thường không dấu và chữ số, nối bằng '-'"
        let en = "ids are lower-case ASCII letters and digits joined by '-'"
        let sample = example ?? "dau-hieu-lua-dao"
        return p("\(vi), ví dụ '\(sample)'", "\(en), e.g. '\(sample)'")
    }

    // MARK: - Steps and content

    static let textBeforeFirstStep = p(
        "đoạn chữ trước tiêu đề '##' đầu tiên sẽ không được hiển thị", "text before the first '##' heading is not shown"
    )
    static let textBeforeFirstStepHint = p(
        "đặt đoạn đó dưới một tiêu đề '## …' để nó thành một bước đọc",
        "put it under a '## heading' so it becomes a reading step")
    static func duplicateStepID(_ id: String) -> Phrase { p("id bước '\(id)' bị trùng", "duplicate step id '\(id)'") }
    static func duplicateStepIDHint(_ line: Int) -> Phrase {
        p(
            "bước đầu tiên có id này ở dòng \(line); thêm '<!-- id: id-khac -->' sau một trong hai tiêu đề",
            "the first step with this id is at line \(line); add '<!-- id: another-id -->' after one heading")
    }
    static func noStepID(_ title: String) -> Phrase {
        p("không tạo được id bước từ tiêu đề '\(title)'", "cannot make a step id from the heading '\(title)'")
    }
    static let noStepIDHint = p(
        "thêm '<!-- id: ten-buoc -->' ở dòng ngay sau tiêu đề",
        "add '<!-- id: step-name -->' on the line after the heading")
    static func emptyStep(_ title: String) -> Phrase {
        p("bước '\(title)' chưa có nội dung", "step '\(title)' is empty")
    }
    static let emptyStepHint = p(
        "viết nội dung dưới tiêu đề, hoặc xoá tiêu đề", "write the step's text under its heading, or remove the heading"
    )
    static func unknownCallout(_ name: String) -> Phrase {
        p(
            "khung chú ý lạ '[!\(name)]' sẽ hiện như trích dẫn thường",
            "unknown callout '[!\(name)]' is shown as a plain quote")
    }
    static func rawHTML(_ shown: String) -> Phrase { p("HTML '\(shown)' bị bỏ", "raw HTML '\(shown)' is dropped") }
    static let rawHTMLHint = p(
        "người học chỉ thấy Markdown đã biên dịch; hãy viết bằng Markdown (ví dụ '**đậm**', một dòng trống để sang đoạn mới)",
        "learners see compiled Markdown only; write it in Markdown (e.g. '**bold**', a blank line for a new paragraph)")

    // MARK: - Pictures

    static let imageHint = p(
        "đặt hình trong thư mục 'images' của khoá học và viết '![mô tả](images/ten-hinh.png)'",
        "put the picture in the course's 'images' folder and write '![description](images/name.png)'")
    static let imageNoPath = p("hình chưa có đường dẫn", "image has no path")
    static func imageIsWebAddress(_ url: String) -> Phrase {
        p(
            "hình '\(url)' là địa chỉ web; khoá học được dùng ngoại tuyến",
            "image '\(url)' is a web address; courses are used offline")
    }
    static func imageAbsolute(_ url: String) -> Phrase {
        p("đường dẫn hình '\(url)' là đường dẫn tuyệt đối", "image path '\(url)' is absolute")
    }
    static func imageLeaves(_ url: String) -> Phrase {
        p("đường dẫn hình '\(url)' ra ngoài thư mục khoá học", "image path '\(url)' leaves the course folder")
    }
    static func imageBroken(_ url: String, _ relative: String) -> Phrase {
        p(
            "liên kết hình '\(url)' hỏng: khoá học không có tệp '\(relative)'",
            "broken image link '\(url)': no file '\(relative)' in the course")
    }
    static func imageLinksOutside(_ url: String) -> Phrase {
        p("hình '\(url)' trỏ ra ngoài thư mục khoá học", "image '\(url)' links outside the course folder")
    }
    static func imageNearby(_ guess: String) -> Phrase {
        p(
            "có phải ý bạn là '\(guess)'? tên tệp phân biệt chữ hoa, chữ thường",
            "did you mean '\(guess)'? file names are case-sensitive")
    }

    // MARK: - Options comments

    static let optionsNotClosed = p("chú thích tuỳ chọn chưa đóng", "options comment is not closed")
    static let optionsNotClosedHint = p("kết thúc bằng '-->' trên cùng dòng", "end it with '-->' on the same line")
    static func optionHasNoValue(_ entry: String) -> Phrase {
        p("tuỳ chọn '\(entry)' chưa có giá trị", "option '\(entry)' has no value")
    }
    static let optionFormatHint = p(
        "viết tuỳ chọn dạng 'khoá: giá trị', cách nhau bằng ';', ví dụ '<!-- id: cau-1; points: 2 -->'",
        "write options as 'key: value' separated by ';', e.g. '<!-- id: cau-1; points: 2 -->'")
    static func unknownOption(_ key: String) -> Phrase { p("tuỳ chọn lạ '\(key)'", "unknown option '\(key)'") }
    static func optionsHere(_ keys: [String]) -> Phrase {
        let list = keys.joined(separator: ", ")
        return p("các tuỳ chọn dùng được ở đây: \(list)", "options here: \(list)")
    }
    static func optionTwice(_ key: String) -> Phrase {
        p("tuỳ chọn '\(key)' được ghi hai lần", "option '\(key)' is given twice")
    }
}
