import CourseModel

// The words of the author's lesson preview, one place per language.
extension RenderLanguage {
    var step: String { self == .vi ? "Bước" : "Step" }
    var quiz: String { self == .vi ? "Bài kiểm tra" : "Quiz" }
    var question: String { self == .vi ? "Câu" : "Question" }
    var points: String { self == .vi ? "điểm" : "points" }
    var minutes: String { self == .vi ? "phút" : "min" }
    var finalQuiz: String { self == .vi ? "bài kiểm tra cuối khoá" : "final quiz" }
    var passRule: String { self == .vi ? "đạt khi" : "pass at" }
    var notShuffled: String { self == .vi ? "không xáo trộn" : "not shuffled" }
    var partialCredit: String { self == .vi ? "tính điểm từng phần" : "partial credit" }
    var hint: String { self == .vi ? "GỢI Ý" : "HINT" }
    var explanation: String { self == .vi ? "GIẢI THÍCH" : "EXPLANATION" }
    var accepted: String { self == .vi ? "Đáp án chấp nhận" : "Accepted answers" }
    var anticipated: String { self == .vi ? "Câu trả lời sai đã lường trước" : "Anticipated wrong answers" }
    var rightOrder: String { self == .vi ? "Thứ tự đúng" : "Right order" }
    var pairs: String { self == .vi ? "Các cặp đúng" : "Right pairs" }
    var distractor: String { self == .vi ? "không ghép với gì" : "matches nothing" }
    var legend: String {
        self == .vi
            ? "Xem trước cho người soạn: (x) và [x] là đáp án đúng, kèm gợi ý và giải thích."
            : "Author's preview: (x) and [x] mark the right answers; hints and explanations are shown."
    }

    func kind(_ kind: QuestionKind) -> String {
        switch (self, kind) {
        case (.vi, .singleChoice): "chọn một"
        case (.vi, .trueFalse): "đúng/sai"
        case (.vi, .multipleAnswer): "chọn nhiều"
        case (.vi, .shortAnswer): "trả lời ngắn"
        case (.vi, .numeric): "số"
        case (.vi, .ordering): "sắp xếp"
        case (.vi, .matching): "ghép cặp"
        case (.en, .singleChoice): "single choice"
        case (.en, .trueFalse): "true/false"
        case (.en, .multipleAnswer): "multiple answer"
        case (.en, .shortAnswer): "short answer"
        case (.en, .numeric): "numeric"
        case (.en, .ordering): "ordering"
        case (.en, .matching): "matching"
        }
    }

    func rule(_ rule: MatchRule) -> String {
        switch (self, rule) {
        case (.vi, .standard): "so khớp thường"
        case (.vi, .ignoreDiacritics): "không phân biệt dấu"
        case (.vi, .exact): "chính xác"
        case (.en, .standard): "standard matching"
        case (.en, .ignoreDiacritics): "diacritics ignored"
        case (.en, .exact): "exact matching"
        }
    }
}
