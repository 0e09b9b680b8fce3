extension Strings {
    /// Giao diện tiếng Việt (mặc định).
    public static let vietnamese = Strings(
        code: "vi",
        appTitle: "HọcSố — học kỹ năng số",
        signInTitle: "Đăng nhập",
        codePrompt: "Mã học viên của bạn:",
        demoHint: "Chưa có mã? Gõ DEMO để học thử.",
        pinPrompt: "Mã PIN:",
        signInKeys: { $0 ? "Enter đồng ý · Esc thoát" : "q thoát" },
        unknownLearner: { "Không tìm thấy mã “\($0)”. Hãy hỏi cán bộ ở điểm học." },
        wrongPIN: "Mã PIN chưa đúng. Mời thử lại.",
        greeting: { "Xin chào, \($0)!" },
        resumed: "Tiếp tục từ chỗ bạn dừng lần trước.",
        coursesTitle: "Khoá học",
        noCourses: "Chưa có khoá học nào được cài trên máy này.",
        installHint: "Cán bộ điểm học cài khoá học bằng lệnh: hocso pack install <tệp gói>",
        lessonsDone: { "đã xong \($0)/\($1) bài" },
        courseDone: "hoàn thành",
        lessonLegend: "✓ đã xong   ▶ đang học   ○ chưa học",
        courseKeys: { $0 ? "↑↓ chọn · Enter mở · p tiến độ · q thoát" : "số + Enter mở · p tiến độ · q thoát" },
        lessonKeys: {
            $0
                ? "↑↓ chọn · Enter học · Backspace quay lại · p tiến độ · q thoát"
                : "số + Enter học · b quay lại · q thoát"
        },
        quizLabel: "kiểm tra",
        finalQuizLabel: "kiểm tra cuối khoá",
        stepsAndQuestions: { steps, questions in
            questions > 0 ? "\(steps) bước, \(questions) câu hỏi" : "\(steps) bước"
        },
        bestScore: { "điểm cao nhất \($0)%" },
        stepCounter: { "Bước \($0)/\($1)" },
        readingKeys: "Enter/→ tiếp · ←/Backspace lùi · n/N trang · r đọc to · q thoát",
        readingKeysLine: "Enter tiếp · b lùi · q thoát",
        lessonFinished: "Bạn đã đọc xong bài này.",
        startQuiz: "Nhấn Enter để làm bài kiểm tra.",
        quizIntro: { count, rule in "Bài kiểm tra có \(count) câu. Cần đạt \(rule) để qua." },
        questionCounter: { "Câu \($0)/\($1)" },
        practiceBanner: "Luyện tập — không tính điểm",
        instruction: { kind, keys in
            switch (kind, keys) {
            case (.singleChoice, true), (.trueFalse, true): "Chọn một đáp án: gõ số, hoặc ↑↓ rồi Enter."
            case (.singleChoice, false), (.trueFalse, false): "Gõ số của đáp án rồi Enter."
            case (.multipleAnswer, true): "Chọn mọi đáp án đúng: Space chọn/bỏ (hoặc gõ số), Enter để nộp."
            case (.multipleAnswer, false): "Gõ số các đáp án đúng, cách nhau bởi dấu cách (ví dụ: 1 3)."
            case (.shortAnswer, _): "Gõ câu trả lời rồi Enter."
            case (.numeric, _): "Gõ một số (ví dụ 2,5) rồi Enter."
            case (.ordering, true): "Sắp xếp: ↑↓ chọn mục, u/d (hoặc Shift+↑↓) chuyển lên/xuống, Enter để nộp."
            case (.ordering, false): "Gõ thứ tự đúng bằng các số (ví dụ: 3 1 2)."
            case (.matching, true): "Ghép cặp: chọn một mục bên trái (số), rồi một mục bên phải (chữ). Enter để nộp."
            case (.matching, false): "Gõ các cặp, ví dụ: 1b 2a 3c"
            }
        },
        yourAnswer: "Trả lời:",
        pairsMade: "Đã ghép:",
        notPaired: "(chưa ghép)",
        pickLeftFirst: "Hãy chọn một mục bên trái (số) trước.",
        correct: "✓ Đúng rồi!",
        partlyCorrect: { got, max in "◐ Đúng một phần: \(got)/\(max) điểm." },
        wrong: "✗ Chưa đúng.",
        correctAnswer: { "Đáp án đúng: \($0)" },
        explanation: "Giải thích:",
        hint: { "Gợi ý \($0)/\($1):" },
        noMoreHints: "Câu này không còn gợi ý.",
        emptyAnswer: "Bạn chưa trả lời.",
        notANumber: "Hãy gõ một số, ví dụ 2,5.",
        continueKey: "Nhấn Enter để tiếp tục.",
        questionKeys: "h gợi ý · r đọc to · q thoát",
        textKeys: "? gợi ý · F5 đọc to · Esc thoát",
        lineHelp: "(h gợi ý · q thoát)",
        resultTitle: "Kết quả",
        practiceResultTitle: "Kết quả luyện tập",
        score: { got, max, percent in "Điểm: \(got)/\(max) (\(percent)%)" },
        passed: "ĐẠT",
        notPassed: "CHƯA ĐẠT",
        passRule: { "Cần đạt: \($0)" },
        toReview: "Nên ôn lại:",
        allRight: "Bạn trả lời đúng tất cả. Giỏi lắm!",
        resultKeys: { hasWrong in
            hasWrong
                ? "1 làm lại bài · 2 luyện câu sai · Enter về danh sách bài · q thoát"
                : "1 làm lại bài · Enter về danh sách bài · q thoát"
        },
        progressTitle: "Tiến độ học tập",
        progressKeys: "Enter/Backspace quay lại · q thoát",
        notStartedYet: "chưa bắt đầu",
        inputMethod: {
            switch $0 {
            case .telex: "Kiểu gõ: Telex"
            case .vni: "Kiểu gõ: VNI"
            case .off: "Kiểu gõ: tắt"
            }
        },
        speaking: "Đang đọc to…",
        speechMissing: "Chưa có giọng đọc. Cán bộ cài bằng lệnh: sudo apt-get install espeak-ng",
        saved: "Đã lưu mọi câu trả lời. Hẹn gặp lại!",
        back: "quay lại",
        quit: "thoát",
        errorPrefix: "Lỗi:"
    )
}
