import CourseModel
import Foundation
import Localization

/// Every message of the importers and exporters, in Vietnamese and English.
enum InterchangeText {
    // MARK: Reading files

    static func notUTF8(byte: UInt8) -> Phrase {
        let hex = "0x" + String(byte, radix: 16, uppercase: true)
        return Phrase(vi: "tệp không phải UTF-8 (byte \(hex))", en: "file is not valid UTF-8 (byte \(hex))")
    }
    static let notUTF8Hint = Phrase(
        vi: "lưu lại tệp dạng UTF-8 trong trình soạn thảo (Moodle xuất GIFT dạng UTF-8)",
        en: "save the file as UTF-8 in your editor (Moodle exports GIFT as UTF-8)")
    static let notGift = Phrase(
        vi: "không tìm thấy câu hỏi GIFT nào trong tệp", en: "found no GIFT question in the file")
    static let notGiftHint = Phrase(
        vi: "câu hỏi GIFT ghi đáp án trong cặp ngoặc { }; nếu đây là tệp Aiken, dùng '--format aiken'",
        en: "GIFT questions put their answers in { }; if this is an Aiken file, use '--format aiken'")
    static let unclosedName = Phrase(
        vi: "tên câu hỏi mở bằng '::' nhưng không đóng", en: "question name opened with '::' is not closed")
    static let unclosedNameHint = Phrase(
        vi: "viết '::Tên câu hỏi::' rồi đến đề bài", en: "write '::Question name::' before the question text")
    static let unclosedBrace = Phrase(vi: "dấu '{' không được đóng", en: "unclosed '{'")
    static let unclosedBraceHint = Phrase(
        vi: "thêm '}' sau đáp án; dòng trống kết thúc một câu hỏi GIFT, nên không để dòng trống trong { }",
        en: "add '}' after the answers; a blank line ends a GIFT question, so keep blank lines out of { }")
    static let strayClosingBrace = Phrase(
        vi: "dấu '}' không có '{' mở trước", en: "'}' without an opening '{'")
    static let secondAnswerSet = Phrase(
        vi: "câu hỏi có hai phần đáp án { }; GIFT chỉ cho một",
        en: "question has a second answer set { }; GIFT allows one")
    static let secondAnswerSetHint = Phrase(
        vi: "tách thành hai câu hỏi (câu nhiều chỗ trống kiểu Cloze không nhập được); viết '\\{' nếu đó là chữ",
        en:
            "split it into two questions (Cloze questions with several blanks cannot be imported); write '\\{' for a literal brace"
    )
    static func tooFewAnswers(_ n: Int) -> Phrase {
        Phrase(vi: "câu hỏi cần ít nhất \(n) đáp án", en: "question needs at least \(n) answer\(n == 1 ? "" : "s")")
    }
    static func weightOutOfRange(_ weight: String) -> Phrase {
        Phrase(
            vi: "trọng số \(weight)% nằm ngoài -100..100; lấy giới hạn gần nhất",
            en: "weight \(weight)% is outside -100..100; the nearest bound is used")
    }
    static func pairWithoutArrow(_ text: String) -> Phrase {
        let shown = short(text)
        return Phrase(vi: "cặp nối '\(shown)' không có '->'", en: "matching pair '\(shown)' has no '->'")
    }
    static let pairHint = Phrase(vi: "viết '=trái -> phải'", en: "write '=left -> right'")
    static let noNumericAnswer = Phrase(vi: "câu hỏi số không có đáp án", en: "numerical question has no answer")
    static func notANumber(_ text: String) -> Phrase {
        Phrase(vi: "'\(short(text))' không phải là số", en: "'\(short(text))' is not a number")
    }
    static let numberHint = Phrase(
        vi: "viết '{#2.5:0.1}' (giá trị:sai số) hoặc '{#2..3}' (khoảng)",
        en: "write '{#2.5:0.1}' (value:tolerance) or '{#2..3}' (range)")
    static func decimalComma(_ text: String) -> Phrase {
        Phrase(
            vi: "'\(text)' dùng dấu phẩy thập phân, Moodle không nhận; HocSo đọc là số thập phân",
            en: "'\(text)' uses a decimal comma, which Moodle rejects; HocSo reads it as a decimal")
    }
    static let orderingTooShort = Phrase(
        vi: "câu sắp xếp cần ít nhất 2 mục, mỗi mục một dòng",
        en: "ordering question needs at least 2 items, one a line")

    // MARK: Mapping GIFT to HocSo

    static let essayKept = Phrase(
        vi: "HocSo không có câu tự luận: đề bài được giữ thành một bước đọc để thảo luận trên lớp",
        en: "HocSo has no essay questions: the text is kept as a reading step to discuss in class")
    static let essayKeptHint = Phrase(
        vi: "nếu muốn chấm tự động, viết lại thành câu trả lời ngắn '{=đáp án}'",
        en: "to grade it automatically, rewrite it as a short-answer question '{=answer}'")
    static func droppedMarkup(_ tags: [String]) -> Phrase {
        let list = tags.joined(separator: ", ")
        return Phrase(
            vi: "bỏ \(list): HocSo không hiển thị được trong bài học ngoại tuyến",
            en: "dropped \(list): HocSo cannot show it in an offline lesson")
    }
    static let droppedMarkupHint = Phrase(
        vi: "xem lại câu này trong tệp bài học; hình ảnh cần chép vào thư mục images/ của khoá học",
        en: "review this text in the lesson file; pictures must be copied into the course's images/ folder")
    static func idChanged(_ given: String, to id: String) -> Phrase {
        Phrase(
            vi: "id '\(short(given))' không phải dạng id của HocSo; dùng '\(id)'",
            en: "id '\(short(given))' is not a HocSo id; '\(id)' is used")
    }
    static let idChangedHint = Phrase(
        vi: "id của HocSo là chữ thường không dấu, số và dấu gạch nối",
        en: "HocSo ids are lower-case ASCII letters, digits and '-'")
    static let noQuestionText = Phrase(vi: "câu hỏi không có đề bài", en: "question has no text")
    static func badSetting(_ key: String, _ value: String) -> Phrase {
        Phrase(
            vi: "bỏ qua thiết lập '[hocso] \(key): \(short(value))' không hợp lệ",
            en: "ignored the invalid setting '[hocso] \(key): \(short(value))'")
    }
    static func pluginOrdering(_ options: String) -> Phrase {
        let shown = options.isEmpty ? "" : " '\(short(options))'"
        return Phrase(
            vi:
                "'{>…}' là kiểu câu sắp xếp của plugin Moodle, không thuộc GIFT chuẩn: nhập thành câu sắp xếp của HocSo (bỏ tuỳ chọn\(shown))",
            en:
                "'{>…}' is Moodle's ordering plugin, not core GIFT: imported as a HocSo ordering question (options\(shown) dropped)"
        )
    }
    static let emptyOption = Phrase(vi: "bỏ một đáp án trống", en: "dropped an empty answer")
    static func singleChoiceWeightLost(_ text: String, weight: Double) -> Phrase {
        let w = NumberText.format(weight, decimalComma: false)
        return Phrase(
            vi:
                "phương án '\(short(text))' được \(w)% điểm trong Moodle; HocSo chấm câu chọn một là đúng hoặc sai, nên nó được 0 điểm",
            en:
                "option '\(short(text))' earns \(w)% in Moodle; HocSo scores a single-choice option right or wrong, so it earns 0"
        )
    }
    static let singleChoiceWeightHint = Phrase(
        vi: "nếu nhiều phương án cùng đúng, dùng câu nhiều đáp án (không có '=', các '~%n%')",
        en: "if several options are right, make it a multiple-answer question (no '=', '~%n%' weights)")
    static let noCredit = Phrase(
        vi: "không phương án nào được điểm", en: "no option earns any credit")
    static let noCreditHint = Phrase(
        vi: "đánh dấu đáp án đúng bằng '=' hoặc trọng số dương '~%50%'",
        en: "mark the right answer with '=' or a positive weight '~%50%'")
    static func severalRight(_ n: Int) -> Phrase {
        Phrase(
            vi:
                "\(n) phương án cùng được trọn điểm: nhập thành câu nhiều đáp án, người học phải chọn đủ các phương án đúng",
            en:
                "\(n) options earn full credit: imported as a multiple-answer question, where learners must pick every right option"
        )
    }
    static func weightsApproximated(_ k: Int) -> Phrase {
        Phrase(
            vi:
                "trọng số Moodle được chấm theo cách tính từng phần của HocSo: mỗi phương án đúng được 1/\(k) số điểm, mỗi lần chọn sai trừ 1/\(k), không dưới 0",
            en:
                "the Moodle weights are scored by HocSo's partial scoring: each right option earns 1/\(k) of the points, each wrong pick takes 1/\(k) away, never below 0"
        )
    }
    static let weightsHint = Phrase(
        vi: "xem bảng quy đổi trọng số trong docs/import-export.md",
        en: "see how weights map in docs/import-export.md")
    static func partialAnswerLost(_ text: String, weight: Double) -> Phrase {
        let w = NumberText.format(weight, decimalComma: false)
        return Phrase(
            vi:
                "đáp án '\(short(text))' được \(w)% điểm trong Moodle; HocSo không chấm một phần câu gõ chữ hoặc số, nên nó thành câu trả lời sai có lời nhắn",
            en:
                "answer '\(short(text))' earns \(w)% in Moodle; HocSo gives no partial credit for typed answers, so it becomes an anticipated wrong answer with its feedback"
        )
    }
    static let partialAnswerHint = Phrase(
        vi: "nếu đáp án này nên được tính đúng, bỏ trọng số '%n%'",
        en: "if this answer should count as right, remove its '%n%' weight")
    static let noFullCredit = Phrase(
        vi: "câu hỏi không có đáp án nào được trọn điểm", en: "question has no answer with full credit")
    static let numericFeedbackLost = Phrase(
        vi: "HocSo không có lời nhắn cho đáp án số đúng; lời nhắn này bị bỏ (có thể chép vào phần giải thích '####')",
        en:
            "HocSo has no feedback for a right number; this feedback is dropped (move it into the general feedback '####')"
    )
    static let otherwiseFeedbackLost = Phrase(
        vi: "HocSo không có lời nhắn chung cho mọi số sai ('~#…'); lời nhắn này bị bỏ",
        en: "HocSo has no feedback for every other number ('~#…'); this feedback is dropped")
    static let arrowInLeft = Phrase(
        vi: "vế trái của cặp nối có '->'; đổi thành '→'", en: "the left side of a pair contains '->'; it is written '→'"
    )
    static let pairWithoutAnswer = Phrase(
        vi: "cặp nối không có gì sau '->'", en: "matching pair has nothing after '->'")
    static func tooFewPairs(_ n: Int) -> Phrase {
        Phrase(
            vi: "câu nối có \(n) cặp; HocSo cần ít nhất 2",
            en: "matching question has \(n) pair\(n == 1 ? "" : "s"); HocSo needs at least 2")
    }
    static let repeatedRight = Phrase(
        vi: "hai cặp có cùng vế phải; HocSo hiện vế phải đó hai lần và mỗi cặp chỉ nhận đúng một trong hai",
        en: "two pairs share a right side; HocSo shows it twice and each pair accepts only its own copy")

    // MARK: Importing and exporting files

    static let nothingImported = Phrase(
        vi: "không có câu hỏi hay nội dung nào nhập được", en: "nothing in the file could be imported")
    static func cannotRead(_ name: String) -> Phrase {
        Phrase(vi: "không đọc được tệp '\(name)'", en: "cannot read '\(name)'")
    }
    static func folderNotEmpty(_ path: String) -> Phrase {
        Phrase(
            vi: "thư mục '\(path)' đã có tệp; chọn id khác bằng '--course-id' hoặc xoá thư mục",
            en: "folder '\(path)' is not empty; choose another id with '--course-id' or remove the folder")
    }
    static func cannotWrite(_ path: String) -> Phrase {
        Phrase(vi: "không ghi được vào '\(path)'", en: "cannot write '\(path)'")
    }
    static func exportHeader(en: Bool) -> String {
        en
            ? "Exported by 'hocso course export'. '// [hocso]' and '// [hint]' lines are for HocSo; Moodle ignores them."
            : "Xuất bằng 'hocso course export'. Các dòng '// [hocso]' và '// [hint]' dành cho HocSo; Moodle bỏ qua."
    }
    static let imagesNotExported = Phrase(
        vi: "hình ảnh không được xuất (Moodle không đọc được tệp trong gói); chỉ giữ lời mô tả hình",
        en: "pictures are not exported (a Moodle site cannot reach the course's files); their descriptions are kept")
    static func pointsInComment(_ n: Int) -> Phrase {
        Phrase(
            vi:
                "GIFT không ghi được điểm (\(n)); điểm được giữ trong dòng '// [hocso]', trên Moodle hãy đặt điểm mặc định của câu",
            en:
                "GIFT cannot say a mark (\(n)); it is kept in a '// [hocso]' line; in Moodle set the question's default mark"
        )
    }
    static let allOrNothingInMoodle = Phrase(
        vi:
            "Moodle không chấm câu nhiều đáp án theo kiểu 'đúng hết mới có điểm': mỗi phương án sai bị trừ 100%, nhưng chọn thiếu vẫn được một phần điểm",
        en:
            "Moodle cannot score a multiple-answer question all-or-nothing: each wrong option takes 100% away, but a partial pick still earns part of the mark"
    )
    static func matchRuleInComment(_ rule: String) -> Phrase {
        Phrase(
            vi: "Moodle không có cách so khớp '\(rule)'; nó được giữ trong dòng '// [hocso]'",
            en: "Moodle has no match rule '\(rule)'; it is kept in a '// [hocso]' line")
    }
    static func regexNotExported(_ pattern: TextPattern) -> Phrase {
        let shown: String
        switch pattern {
        case .text(let t): shown = t
        case .regex(let r): shown = "/" + r + "/"
        }
        return Phrase(
            vi:
                "biểu thức chính quy '\(short(shown))' không viết được bằng ký tự đại diện '*' của Moodle; bỏ đáp án này",
            en:
                "regular expression '\(short(shown))' cannot be written with Moodle's '*' wildcard; this answer is left out"
        )
    }
    static func arrowInAnswer(_ text: String) -> Phrase {
        Phrase(
            vi: "đáp án '\(short(text))' có '->', Moodle sẽ đọc thành cặp nối; bỏ đáp án này",
            en: "answer '\(short(text))' contains '->', which Moodle reads as a matching pair; this answer is left out")
    }
    static let noExportableAnswer = Phrase(
        vi: "không còn đáp án nào viết được bằng GIFT; bỏ câu hỏi",
        en: "no answer can be written in GIFT; the question is left out")
    static let orderingNotExported = Phrase(
        vi: "GIFT không có câu sắp xếp; bỏ câu hỏi này", en: "GIFT has no ordering questions; this question is left out"
    )
    static let matchingPerPair = Phrase(
        vi: "Moodle chấm câu nối theo từng cặp, không 'đúng hết mới có điểm'",
        en: "Moodle scores matching per pair, never all-or-nothing")
    static func hintsInComments(_ n: Int) -> Phrase {
        Phrase(
            vi: "Moodle không hiện gợi ý: \(n) gợi ý được giữ trong dòng '// [hint]' mà chỉ HocSo đọc",
            en:
                "Moodle does not show hints: \(n) hint\(n == 1 ? " is" : "s are") kept in '// [hint]' lines only HocSo reads"
        )
    }

    // MARK: Aiken

    static let aikenNoQuestionText = Phrase(vi: "có phương án nhưng không có đề bài", en: "options without a question")
    static let aikenTooFewOptions = Phrase(
        vi: "câu hỏi Aiken cần ít nhất 2 phương án 'A.' hoặc 'A)'",
        en: "an Aiken question needs at least 2 options 'A.' or 'A)'")
    static let aikenNoAnswerLine = Phrase(vi: "câu hỏi không có dòng 'ANSWER:'", en: "question has no 'ANSWER:' line")
    static func aikenUnknownLetter(_ letter: Character) -> Phrase {
        Phrase(vi: "'ANSWER: \(letter)' không ứng với phương án nào", en: "'ANSWER: \(letter)' names no option")
    }
    static let aikenNoQuestion = Phrase(
        vi: "không tìm thấy câu hỏi Aiken nào trong tệp", en: "found no Aiken question in the file")
    static let aikenFormatHint = Phrase(
        vi: "mỗi câu: một dòng đề bài, các dòng 'A. …', 'B. …', rồi 'ANSWER: B'",
        en: "each question: a question line, lines 'A. …', 'B. …', then 'ANSWER: B'")

    /// `text` cut to 50 characters for quoting in a message.
    static func short(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count > 50 ? String(flat.prefix(50)) + "…" : flat
    }
}

extension ImportReport {
    /// One line saying what was written, e.g. `wrote 12 questions in 2 lessons to Courses/x`.
    public var summary: Phrase {
        guard let folder, let course else {
            return Phrase(vi: "không ghi khoá học nào", en: "no course was written")
        }
        let q = course.allQuestions.count
        let l = course.lessons.count
        return Phrase(
            vi: "đã ghi \(q) câu hỏi trong \(l) bài vào \(folder.relativePath)",
            en: "wrote \(q) question\(q == 1 ? "" : "s") in \(l) lesson\(l == 1 ? "" : "s") to \(folder.relativePath)")
    }
}

extension ExportReport {
    /// One line saying what was written to `file`.
    public func summary(file: String) -> Phrase {
        Phrase(
            vi: "đã ghi \(questionCount) câu hỏi vào \(file); \(losses.count) cảnh báo",
            en:
                "wrote \(questionCount) question\(questionCount == 1 ? "" : "s") to \(file); \(losses.count) warning\(losses.count == 1 ? "" : "s")"
        )
    }

    /// Said when the GIFT file cannot be written.
    public static func cannotWrite(_ file: String) -> Phrase { InterchangeText.cannotWrite(file) }

    /// Said when the course does not compile, so nothing is exported.
    public static let courseHasErrors = Phrase(
        vi: "khoá học còn lỗi; sửa theo các thông báo trên rồi xuất lại",
        en: "the course has errors; fix them as the messages above say, then export again")
}
