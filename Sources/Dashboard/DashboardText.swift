import Localization
import Reports

/// The dashboard's words, in Vietnamese (default) and English.
struct DashboardText {
    let language: Language
    var t: ReportText { ReportText(language) }

    func pick(_ vi: String, _ en: String) -> String { t.pick(vi, en) }

    var appName: String { pick("HocSo — Bảng điều phối", "HocSo — Coordinator dashboard") }
    var overview: String { pick("Tổng quan", "Overview") }
    /// Under every page: how far behind the database the figures may be.
    func figuresKept(_ maxAge: Duration) -> String {
        let seconds = maxAge.components.seconds
        return pick(
            "Số liệu được cập nhật \(seconds) giây một lần: dữ liệu vừa nhận có thể chưa hiện ngay.",
            "Figures are refreshed every \(seconds) seconds: data just received may take a moment to show.")
    }
    var reports: String { pick("Báo cáo", "Reports") }
    var signIn: String { pick("Đăng nhập", "Sign in") }
    var signOut: String { pick("Đăng xuất", "Sign out") }
    var username: String { pick("Tên đăng nhập", "Username") }
    var password: String { pick("Mật khẩu", "Password") }
    var wrongPassword: String { pick("Sai tên đăng nhập hoặc mật khẩu.", "Wrong username or password.") }
    func slowedSignIn(seconds: Int) -> String {
        pick(
            "Vì đã nhập sai nhiều lần, câu trả lời này được giữ lại \(seconds) giây; mỗi lần sai tiếp theo sẽ phải đợi lâu hơn.",
            "After repeated failures this answer was held back \(seconds) s; each further failure waits longer.")
    }
    func tooManyFailures(seconds: Int) -> String {
        pick(
            "Đăng nhập sai quá nhiều lần từ máy này. Hãy đợi \(seconds) giây rồi thử lại; lần thử này chưa được kiểm tra.",
            "Too many failed sign-ins from this computer. Wait \(seconds) s and try again; this try was not checked.")
    }
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
    var byCourse: String { pick("Theo khoá học", "By course") }
    var byAgeAndGender: String { pick("Theo tuổi và giới", "By age and gender") }
    var byDomain: String { pick("Theo miền năng lực số", "By competence domain") }
    var domainDetails: String { pick("Từng miền theo địa bàn", "Each domain by area") }
    var certificates: String { pick("Chứng nhận theo khoá học", "Certificates by course") }

    func reportName(_ kind: ReportKind) -> String { t.title(kind) }

    // Errors answered as JSON, in the viewer's language.
    static let signInFirst = Phrase(
        vi: "hãy đăng nhập trước (POST /dashboard/login)", en: "sign in first (POST /dashboard/login)")
    static let noArea = Phrase(vi: "tài khoản này chưa được giao địa bàn", en: "this account has no area")
    static func tooManyLinkFailures(seconds: Int) -> Phrase {
        Phrase(
            vi: "quá nhiều liên kết đăng nhập sai từ máy này; hãy đợi \(seconds) giây rồi thử lại",
            en: "too many unusable sign-in links from this computer; wait \(seconds) s and try again")
    }
    static let linkUnusable = Phrase(
        vi: "liên kết đăng nhập này không có, đã dùng hoặc đã hết hạn",
        en: "this sign-in link is unknown, used or expired")
    static func noArea(_ code: String?) -> Phrase {
        let shown = code.map { " '\($0)'" } ?? ""
        return Phrase(vi: "không có địa bàn hoặc trung tâm nào mã\(shown)", en: "no area or centre with code\(shown)")
    }
    static let outsideYourArea = Phrase(
        vi: "địa bàn được hỏi nằm ngoài địa bàn của bạn", en: "the area asked for is outside your area")
    static let internalError = Phrase(vi: "lỗi bên trong máy chủ", en: "internal error")
    static func notADate(_ name: String) -> Phrase {
        Phrase(vi: "'\(name)' phải là ngày dạng YYYY-MM-DD", en: "'\(name)' must be a date YYYY-MM-DD")
    }
    static let badLevel = Phrase(
        vi: "'by' phải là province, district, commune hoặc center",
        en: "'by' must be province, district, commune or center")
    static let badPeriod = Phrase(
        vi: "'period' phải là day, week hoặc month", en: "'period' must be day, week or month")
    static let badView = Phrase(
        vi: "'view' phải là domain hoặc để trống", en: "'view' must be domain or left empty")
    static func noReport(_ kind: String) -> Phrase {
        Phrase(vi: "không có báo cáo '\(kind)'", en: "no report '\(kind)'")
    }

    // Accounts
    static func badUsername(_ name: String) -> Phrase {
        Phrase(
            vi: "tên đăng nhập '\(name)' phải gồm 1–64 ký tự a-z, 0-9, '.', '_', '-'",
            en: "username '\(name)' must be 1–64 of a-z, 0-9, '.', '_', '-'")
    }
    static let shortPassword = Phrase(
        vi: "mật khẩu phải có ít nhất 8 ký tự", en: "the password must have at least 8 characters")
    static func unknownArea(_ area: String) -> Phrase {
        Phrase(
            vi: "không có địa bàn mã '\(area)'; hãy nhập danh sách địa bàn trước (hocso-hub areas import)",
            en: "no area with code '\(area)'; import areas first (hocso-hub areas import)")
    }
    static func userExists(_ name: String) -> Phrase {
        Phrase(
            vi: "tài khoản '\(name)' đã có (dùng --replace để đổi mật khẩu hoặc địa bàn)",
            en: "user '\(name)' already exists (use --replace to change the password or area)")
    }
    static func noUser(_ name: String) -> Phrase {
        Phrase(vi: "không có tài khoản '\(name)'", en: "no user '\(name)'")
    }
    static let linkMinutes = Phrase(
        vi: "liên kết chỉ dùng được từ 1 đến 1440 phút", en: "a link lives 1 to 1440 minutes")
}
