import Localization

/// Every sentence the learner client shows, in Vietnamese and English: signing in and out, the
/// lists and reading here; questions, feedback and results in `ClientText+Quiz.swift`; the key
/// bar in `ClientText+Keys.swift`.
///
/// The Vietnamese is written for people who have never used a keyboard: whole sentences, the
/// key to press named as it is printed on the key, no abbreviations.
enum ClientText {
    static func p(_ vi: String, _ en: String) -> Phrase { Phrase(vi: vi, en: en) }

    // MARK: - Signing in

    static let appTitle = p("HọcSố — học kỹ năng số", "HocSo — digital skills")
    static let signInTitle = p("Đăng nhập", "Sign in")
    static let welcome = p(
        "Chào bạn! Gõ mã học viên in trên thẻ của bạn (ví dụ LAN1), rồi nhấn Enter.",
        "Welcome! Type the learner code printed on your card (for example LAN1), then press Enter.")
    static let demoHint = p("Chưa có mã? Gõ DEMO để học thử.", "No code yet? Type DEMO to try.")
    static let codePrompt = p("Mã học viên:", "Learner code:")
    static let pinPrompt = p("Mã PIN:", "PIN:")
    static let fixCodeHint = p("Gõ nhầm mã? Nhấn Esc để sửa.", "Typed the wrong code? Press Esc to correct it.")
    static func unknownLearner(_ code: String) -> Phrase {
        p(
            "Không tìm thấy mã “\(code)”. Hãy xem lại thẻ học viên, hoặc hỏi nhân viên trung tâm.",
            "No learner has the code “\(code)”. Check your learner card, or ask the centre staff.")
    }
    static func looksLikeAName(_ text: String) -> Phrase {
        p(
            "“\(text)” giống một cái tên. Mã học viên chỉ gồm 3–8 chữ cái không dấu và chữ số, in trên thẻ của bạn (ví dụ LAN1). Chưa có thẻ? Hãy hỏi nhân viên trung tâm.",
            "“\(text)” looks like a name. A learner code is 3–8 plain letters and digits, printed on your card (for example LAN1). No card yet? Ask the centre staff."
        )
    }
    static let codeShape = p(
        "Mã học viên gồm 3–8 chữ cái không dấu và chữ số, ví dụ LAN1.",
        "A learner code is 3–8 plain letters and digits, for example LAN1.")
    static func wrongPIN(left: Int) -> Phrase {
        p(
            "Mã PIN chưa đúng. Mời thử lại (còn \(left) lần thử trước khi phải chờ).",
            "That PIN is not right. Please try again (\(left) tries left before a wait).")
    }
    static func pinLocked(failures: Int, seconds: Int) -> Phrase {
        p(
            "Bạn đã nhập sai mã PIN \(failures) lần. Hãy chờ \(duration(seconds).vi) rồi thử lại, hoặc nhờ nhân viên trung tâm giúp.",
            "You have typed a wrong PIN \(failures) times. Wait \(duration(seconds).en) and try again, or ask the centre staff for help."
        )
    }
    static func pinWait(seconds: Int) -> Phrase {
        p(
            "Hãy chờ \(duration(seconds).vi) rồi thử lại, hoặc nhờ nhân viên trung tâm giúp.",
            "Wait \(duration(seconds).en) and try again, or ask the centre staff for help.")
    }
    /// `30 giây`, `2 phút`: a wait said the way people say it.
    static func duration(_ seconds: Int) -> Phrase {
        if seconds < 60 { return p("\(seconds) giây", seconds == 1 ? "1 second" : "\(seconds) seconds") }
        let minutes = (seconds + 59) / 60
        return p("\(minutes) phút", minutes == 1 ? "1 minute" : "\(minutes) minutes")
    }
    static func greeting(_ name: String) -> Phrase { p("Xin chào, \(name)!", "Hello, \(name)!") }
    static let signedOut = p(
        "Đã đăng xuất. Mọi câu trả lời đã được lưu. Hẹn gặp lại!",
        "Signed out. Everything you answered is saved. See you soon!")
    static func signedOutIdle(minutes: Int) -> Phrase {
        p(
            "Bạn đã được đăng xuất vì máy không được dùng trong \(minutes) phút. Mọi câu trả lời đã được lưu.",
            "You were signed out because the computer was not used for \(minutes) minutes. Everything you answered is saved."
        )
    }
    static let saved = p("Đã lưu mọi câu trả lời. Hẹn gặp lại!", "Everything you answered is saved. See you soon!")
    static let kioskNoQuit = p(
        "Máy này dùng chung: muốn rời máy, nhấn F9 để đăng xuất.",
        "This computer is shared: to leave, press F9 to sign out.")
    static let operatorPrompt = p("Mã nhân viên:", "Operator code:")
    static let operatorTitle = p("Thoát chương trình (nhân viên)", "Leave the program (staff)")
    static let operatorExplain = p(
        "Chỉ nhân viên trung tâm được thoát chương trình. Gõ mã nhân viên rồi nhấn Enter, hoặc nhấn Esc để quay lại.",
        "Only the centre staff may leave the program. Type the operator code and press Enter, or press Esc to go back.")
    static let operatorWrong = p("Mã nhân viên chưa đúng.", "That operator code is not right.")

    // MARK: - Self-check offer

    static let selfCheckTitle = p("Tự kiểm tra", "Self-check")
    static func selfCheckOffer(_ name: String, questions: Int) -> Phrase {
        p(
            "Chào \(name)! Bạn mới bắt đầu học ở đây. Làm một bài tự kiểm tra ngắn (\(questions) câu, khoảng \(max(3, questions / 2)) phút) để biết nên bắt đầu từ khoá học nào?",
            "Hello \(name)! You are new here. Take a short self-check (\(questions) questions, about \(max(3, questions / 2)) minutes) to find out which course to start with?"
        )
    }
    static let takeSelfCheck = p("Làm bài tự kiểm tra", "Take the self-check")
    static let skipSelfCheck = p("Bỏ qua, xem các khoá học", "Skip it, show the courses")

    // MARK: - Courses and lessons

    static let coursesTitle = p("Khoá học", "Courses")
    static let noCourses = p(
        "Chưa có khoá học nào được cài trên máy này.", "No course is installed on this computer yet.")
    static let installHint = p(
        "Cán bộ điểm học cài khoá học bằng lệnh: hocso pack install <tệp gói>",
        "The centre staff install courses with: hocso pack install <pack file>")
    static func lessonsDone(_ done: Int, _ total: Int) -> Phrase {
        p("đã xong \(done)/\(total) bài", "\(done)/\(total) lessons done")
    }
    static let notStartedYet = p("chưa học", "not started")
    static let courseDone = p("✓ hoàn thành", "✓ completed")
    static let selfCheckDone = p("đã làm", "done")
    static let selfCheckLabel = p("Tự kiểm tra", "Self-check")
    static let inEnglish = p("tiếng Anh", "in English")
    static let inVietnamese = p("tiếng Việt", "in Vietnamese")
    static let recommendedHere = p("★ nên bắt đầu ở đây", "★ start here")
    static let lessonLegend = p(
        "✓ đã xong · ▶ đang học · ○ chưa học · ⊘ đang khoá",
        "✓ done · ▶ in progress · ○ not started · ⊘ locked")
    static func stepsAndQuestions(_ steps: Int, _ questions: Int) -> Phrase {
        switch (steps, questions) {
        case (0, _): p("\(questions) câu hỏi", "\(questions) questions")
        case (_, 0): p("\(steps) bước", steps == 1 ? "1 step" : "\(steps) steps")
        default: p("\(steps) bước, \(questions) câu hỏi", "\(steps) steps, \(questions) questions")
        }
    }
    static func bestScore(_ percent: Int) -> Phrase { p("cao nhất \(percent)%", "best \(percent)%") }
    static func lockedBecause(_ number: Int) -> Phrase {
        p("đang khoá: học xong bài \(number) trước", "locked: finish lesson \(number) first")
    }
    static func lessonLocked(_ number: Int, _ previous: Int, _ title: String) -> Phrase {
        p(
            "Bài \(number) đang khoá. Khoá học này học lần lượt: hãy học xong bài \(previous) “\(title)” trước.",
            "Lesson \(number) is locked. This course goes in order: finish lesson \(previous), “\(title)”, first.")
    }
    static func carryOn(_ lesson: String) -> Phrase {
        p(
            "Bạn đang học dở bài “\(lesson)”. Nhấn Enter để học tiếp.",
            "You were in the middle of “\(lesson)”. Press Enter to carry on.")
    }
    static func carryOnQuiz(_ lesson: String, _ question: Int) -> Phrase {
        p(
            "Bạn đang làm dở bài kiểm tra của bài “\(lesson)”. Nhấn Enter để làm tiếp từ câu \(question).",
            "You were in the middle of the quiz of “\(lesson)”. Press Enter to carry on from question \(question).")
    }
    static let topOfList = p(
        "Đây là trang đầu. Muốn đăng xuất, nhấn F9.", "This is the first page. To sign out, press F9.")

    // MARK: - Reading

    static func stepCounter(_ step: Int, _ total: Int) -> Phrase { p("Bước \(step)/\(total)", "Step \(step)/\(total)") }
    static func pageCounter(_ page: Int, _ total: Int) -> Phrase {
        p("trang \(page)/\(total)", "page \(page)/\(total)")
    }
    static let lessonFinished = p("Bạn đã đọc xong bài này.", "You have read this lesson.")
    static let certificateEarned = p(
        "Chúc mừng! Bạn đã hoàn thành khoá học và được cấp giấy chứng nhận.",
        "Congratulations! You have completed the course and earned a certificate.")
    static func collectCertificate(_ centre: String) -> Phrase {
        p(
            "Hãy hỏi cán bộ ở \(centre) để nhận bản in giấy chứng nhận có mã QR.",
            "Ask the staff at \(centre) for the printed certificate with its QR code.")
    }

    // MARK: - Dialogs

    static let signOutQuestion = p("Bạn muốn đăng xuất?", "Do you want to sign out?")
    static let everythingSaved = p("Mọi câu trả lời đã được lưu.", "Everything you answered is saved.")
    static let stay = p("Ở lại", "Stay")
    static let signOut = p("Đăng xuất", "Sign out")

    // MARK: - Read-aloud, input method, errors

    static let speaking = p("Đang đọc to…", "Reading aloud…")
    static let speechMissing = p(
        "Chưa có giọng đọc. Cán bộ cài bằng lệnh: sudo apt-get install espeak-ng",
        "No voice installed. Staff can add one with: sudo apt-get install espeak-ng")
    static func inputMethodName(_ method: InputMethod) -> Phrase {
        switch method {
        case .telex: p("Kiểu gõ: Telex", "Typing: Telex")
        case .vni: p("Kiểu gõ: VNI", "Typing: VNI")
        case .off: p("Kiểu gõ: tắt", "Typing: off")
        }
    }
    static let errorPrefix = p("Lỗi:", "Error:")
    static let cannotSave = p(
        "không lưu được; hãy báo nhân viên trung tâm", "it could not be saved; tell the centre staff")
}
