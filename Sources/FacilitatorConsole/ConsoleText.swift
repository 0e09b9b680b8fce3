import Localization

/// Every sentence the facilitator's console says (board and sheet), in Vietnamese and English.
enum ConsoleText {
    static func p(_ vi: String, _ en: String) -> Phrase { Phrase(vi: vi, en: en) }

    // MARK: - Board

    static let boardTitle = p("HọcSố — Bảng theo dõi buổi học", "HocSo — session board")
    static func boardTitle(group: String) -> Phrase {
        p("HọcSố — Bảng theo dõi — nhóm \(group)", "HocSo — session board — group \(group)")
    }
    static func summary(here: Int, hands: Int, total: Int) -> Phrase {
        p(
            "Đang học: \(here)   Cần giúp: \(hands)   Trong danh sách: \(total)",
            "Studying: \(here)   Need a hand: \(hands)   Listed: \(total)")
    }
    static let codeHeader = p("Mã", "Code")
    static let nameHeader = p("Họ tên", "Name")
    static let placeHeader = p("Đang ở", "Where")
    static let statusHeader = p("Tình trạng", "State")
    static let nobodyYet = p(
        "Chưa có ai đăng nhập hôm nay. Bảng tự cập nhật mỗi giây.",
        "Nobody has signed in today yet. The board updates every second.")
    static let boardKeys = p("q: thoát   ↑ ↓: cuộn", "q: leave   ↑ ↓: scroll")
    static func moreRows(shown: Int, through: Int, of total: Int) -> Phrase {
        p("dòng \(shown)–\(through) / \(total)", "rows \(shown)–\(through) of \(total)")
    }

    static let studying = p("đang học", "studying")
    static let left = p("đã nghỉ", "left")
    static let notCome = p("chưa đến", "not come")
    static func needsHand(_ reason: BoardState.HandReason) -> Phrase {
        switch reason {
        case .failedTwice(_, let times): p("⚑ CẦN GIÚP: sai \(times) lần", "⚑ NEEDS A HAND: wrong \(times)×")
        case .stuck(let minutes): p("⚑ CẦN GIÚP: đứng \(minutes) phút", "⚑ NEEDS A HAND: \(minutes) min still")
        }
    }

    static let opened = p("vừa mở", "just opened")
    static func step(_ n: Int, of total: Int) -> Phrase {
        total > 0 ? p("đọc bước \(n)/\(total)", "reading step \(n)/\(total)") : p("đang đọc", "reading")
    }
    static func question(_ n: Int, of total: Int) -> Phrase {
        total > 0 ? p("câu hỏi \(n)/\(total)", "question \(n)/\(total)") : p("câu hỏi \(n)", "question \(n)")
    }
    static let quizPassed = p("vừa đạt bài kiểm tra", "passed the quiz")
    static let quizFailed = p("chưa đạt bài kiểm tra", "quiz not passed")
    static let lessonDone = p("xong bài", "lesson done")

    // MARK: - Sheet

    static func sheetTitle(group: String, day: String) -> Phrase {
        p("Điểm danh và tiến độ — nhóm \(group) — ngày \(day)", "Attendance and progress — group \(group) — \(day)")
    }
    static func facilitator(_ name: String) -> Phrase { p("Người phụ trách: \(name)", "Facilitator: \(name)") }
    static func attendance(came: Int, of total: Int) -> Phrase {
        p("Có mặt: \(came)/\(total) người", "Came: \(came) of \(total)")
    }
    static let assignmentsHeading = p("Bài được giao", "Assignments")
    static let sheetColumns = [
        p("Mã", "Code"), p("Họ tên", "Name"), p("Có mặt", "Came"), p("Giờ", "Time"),
        p("Đã xong hôm nay", "Finished today"), p("Cần học lại lần sau", "To repeat next time"),
        p("Bài được giao đã xong", "Assignments done"), p("Ký tên", "Signature"),
    ]
    static let yes = p("có", "yes")
    static let no = p("vắng", "absent")
    static func due(_ day: String) -> Phrase { p("hạn \(day)", "due \(day)") }
    static func courseDone(_ title: String) -> Phrase { p("xong khoá \(title)", "completed \(title)") }
    static func printedAt(_ time: String) -> Phrase { p("In lúc \(time)", "Printed at \(time)") }
}
