import Localization

/// The sentences reports and area imports say, in both languages (column titles and notes live
/// beside each report, through `ReportText`).
enum ReportsText {
    static func scopeGone(_ scope: String) -> Phrase {
        Phrase(
            vi: "địa bàn '\(scope)' của tài khoản không còn nữa", en: "the account's area '\(scope)' no longer exists")
    }
    static func noArea(_ code: String?) -> Phrase {
        let shown = code.map { " '\($0)'" } ?? ""
        return Phrase(
            vi: "không có địa bàn hoặc trung tâm nào mã\(shown)", en: "no area or centre with code\(shown)")
    }
    static let outsideYourArea = Phrase(
        vi: "địa bàn được hỏi nằm ngoài địa bàn của bạn", en: "the area asked for is outside your area")
    static func noCourse(_ id: String) -> Phrase {
        Phrase(vi: "không có khoá học mã '\(id)'", en: "no course with id '\(id)'")
    }

    // Area import
    static let notUTF8 = Phrase(
        vi: "tệp không phải văn bản UTF-8; hãy lưu lại dạng \"CSV UTF-8\"",
        en: "the file is not UTF-8 text; save it as \"CSV UTF-8\"")
    static func unclosedQuote(line: Int) -> Phrase {
        Phrase(
            vi: "dòng \(line): một ô có dấu ngoặc kép không được đóng", en: "line \(line): a quoted field is not closed"
        )
    }
    static let emptyFile = Phrase(vi: "tệp trống", en: "the file is empty")
    static func problems(_ count: Int) -> Phrase {
        Phrase(
            vi: "tệp địa bàn có \(count) lỗi; chưa nhập gì",
            en: "the areas file has \(count) problem(s); nothing was imported")
    }
    static func onLine(_ line: Int, _ problem: Phrase) -> Phrase {
        Phrase(vi: "dòng \(line): \(problem.vi)", en: "line \(line): \(problem.en)")
    }
}
