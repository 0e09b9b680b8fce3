import Reports

/// The dashboard's words, in Vietnamese (default) and English.
struct DashboardText {
    let language: ReportLanguage
    var t: ReportText { ReportText(language) }

    func pick(_ vi: String, _ en: String) -> String { t.pick(vi, en) }

    var appName: String { pick("HocSo — Bảng điều phối", "HocSo — Coordinator dashboard") }
    var overview: String { pick("Tổng quan", "Overview") }
    var reports: String { pick("Báo cáo", "Reports") }
    var signIn: String { pick("Đăng nhập", "Sign in") }
    var signOut: String { pick("Đăng xuất", "Sign out") }
    var username: String { pick("Tên đăng nhập", "Username") }
    var password: String { pick("Mật khẩu", "Password") }
    var wrongPassword: String { pick("Sai tên đăng nhập hoặc mật khẩu.", "Wrong username or password.") }
    var courses: String { pick("Khoá học", "Courses") }
    var areasBelow: String { pick("Địa bàn trực thuộc", "Areas below") }
    var itemAnalysis: String { pick("Phân tích câu hỏi", "Question analysis") }
    var download: String { pick("Tải về", "Download") }
    var otherLanguage: String { language == .vi ? "English" : "Tiếng Việt" }
    var enrolled: String { pick("Lượt ghi danh", "Enrolments") }
    var started: String { pick("Bắt đầu", "Started") }
    var completed: String { pick("Hoàn thành", "Completed") }
    var passed: String { pick("Đạt KT cuối", "Passed") }
    var rate: String { pick("Tỉ lệ hoàn thành", "Completion rate") }
    var apply: String { pick("Xem", "Show") }
    var from: String { pick("Từ ngày", "From") }
    var to: String { pick("Đến ngày", "To") }
    var allCourses: String { pick("Mọi khoá học", "All courses") }
    var weeklyActivity: String { pick("Hoạt động theo tuần", "Weekly activity") }

    func reportName(_ kind: ReportKind) -> String { t.title(kind) }
}
