import CourseModel
import Localization

/// Messages about fact markers (`<!-- fact: …; source: …; checked: … -->`) and the register.
extension CompilerText {
    static let markerExample = "<!-- fact: tong-dai-156; source: https://…; checked: YYYY-MM-DD -->"

    static func unknownFactKey(_ key: String) -> Phrase {
        p("mục lạ '\(key)' trong chú thích dữ kiện", "unknown entry '\(key)' in a fact marker")
    }
    static func factKeysHint(_ keys: [String]) -> Phrase {
        let list = keys.joined(separator: ", ")
        return p("chú thích dữ kiện dùng các mục: \(list)", "a fact marker takes: \(list)")
    }
    static func factEntryNoValue(_ entry: String) -> Phrase {
        p("mục '\(entry)' trong chú thích dữ kiện chưa có giá trị", "entry '\(entry)' of a fact marker has no value")
    }
    static let factFormatHint = p(
        "viết '\(markerExample)'", "write '\(markerExample)'")
    static func factKeyTwice(_ key: String) -> Phrase {
        p("mục '\(key)' được ghi hai lần trong chú thích dữ kiện", "'\(key)' is given twice in a fact marker")
    }
    static let factAndNotAFact = p(
        "một chú thích không thể vừa là 'fact' vừa là 'not-a-fact'", "a marker cannot be both 'fact' and 'not-a-fact'")
    static let notAFactTakesNothing = p(
        "'not-a-fact' không đi kèm nguồn, ngày kiểm hay thời hạn", "'not-a-fact' takes no source, date or age")
    static let notAFactHint = p(
        "viết '<!-- not-a-fact: example -->' cho một ví dụ bịa ra hay một phép tính",
        "write '<!-- not-a-fact: example -->' for a made-up example or a worked sum")
    static let factNoID = p("chú thích dữ kiện chưa có 'fact: id'", "fact marker has no 'fact: id'")
    static func invalidFactID(_ id: String) -> Phrase {
        p("id dữ kiện '\(id)' không hợp lệ", "invalid fact id '\(id)'")
    }
    static func factNoSource(_ id: String) -> Phrase {
        p("dữ kiện '\(id)' chưa có nguồn", "fact '\(id)' has no source")
    }
    static let factNoSourceHint = p(
        "lần nêu đầu tiên cần 'source: https://…' (trang chính thức hoặc báo lớn đã đối chiếu) và 'checked: YYYY-MM-DD'",
        "its first mention needs 'source: https://…' (the official page or major news site you checked) and 'checked: YYYY-MM-DD'"
    )
    static func badSource(_ url: String) -> Phrase {
        p("nguồn '\(url)' không phải địa chỉ http(s)", "source '\(url)' is not an http(s) address")
    }
    static let badSourceHint = p(
        "viết địa chỉ đầy đủ, ví dụ 'https://vneid.gov.vn'; nhiều nguồn cách nhau bằng ' , '",
        "write the whole address, e.g. 'https://vneid.gov.vn'; separate several with ' , '")
    static func factNoChecked(_ id: String) -> Phrase {
        p("dữ kiện '\(id)' chưa có ngày kiểm", "fact '\(id)' has no checked date")
    }
    static let checkedHint = p(
        "viết 'checked: YYYY-MM-DD', ngày bạn đối chiếu với nguồn",
        "write 'checked: YYYY-MM-DD', the day you checked it")
    static func badChecked(_ text: String) -> Phrase {
        p(
            "ngày kiểm '\(text)' không phải một ngày có thật viết dạng YYYY-MM-DD",
            "checked date '\(text)' is not a real date written YYYY-MM-DD")
    }
    static func futureChecked(_ text: String) -> Phrase {
        p("ngày kiểm '\(text)' nằm ở tương lai", "checked date '\(text)' is in the future")
    }
    static let futureCheckedHint = p(
        "ghi ngày bạn đã thật sự đối chiếu với nguồn", "write the day you actually checked it against its source")
    static func badMaxAge(_ text: String) -> Phrase {
        p("thời hạn '\(text)' không đúng", "bad max age '\(text)'")
    }
    static let maxAgeHint = p(
        "viết số tháng như '6m' hoặc số năm như '1y' (tối đa 10 năm)",
        "write months like '6m' or years like '1y' (at most 10 years)")
    static func duplicateFact(_ id: String) -> Phrase {
        p("dữ kiện '\(id)' đã được nêu nguồn ở chỗ khác", "fact '\(id)' is defined twice")
    }
    static func duplicateFactHint(_ first: String) -> Phrase {
        p(
            "lần nêu đầu ở \(first); những lần sau chỉ viết '<!-- fact: id -->'",
            "first defined in \(first); later mentions are just '<!-- fact: id -->'")
    }
    static func unknownFact(_ id: String) -> Phrase {
        p("chưa có dữ kiện '\(id)' trong khoá học", "unknown fact '\(id)'")
    }
    static let unknownFactHint = p(
        "nêu nguồn và ngày kiểm ở lần nói đầu tiên: '\(markerExample)'",
        "define it where the course first states it: '\(markerExample)'")
    static func overdueFact(_ id: String, _ checked: FactDate, _ months: Int) -> Phrase {
        p(
            "dữ kiện '\(id)' được kiểm ngày \(checked), đã quá \(months) tháng",
            "fact '\(id)' was checked on \(checked), more than \(months) months ago")
    }
    static let overdueFactHint = p(
        "đối chiếu lại với nguồn, sửa bài nếu cần, rồi cập nhật 'checked:'",
        "check it again against its source, fix the lesson if needed, then update 'checked:'")
    static func unmarked(_ kind: FactHeuristic.Kind, _ text: String) -> Phrase {
        let what = kindName(kind)
        return p(
            "\(what.vi) '\(text)' chưa được đánh dấu là dữ kiện", "\(what.en) '\(text)' is not marked as a fact")
    }
    static let unmarkedHint = p(
        "thêm '\(markerExample)' ngay sau câu đó; nếu là ví dụ bịa ra, thêm '<!-- not-a-fact: example -->'",
        "add '\(markerExample)' right after it; for a made-up example, add '<!-- not-a-fact: example -->'")
    static let commentShown = p(
        "chú thích này không được nhận ra và sẽ hiện cho người học",
        "this comment is not recognised and learners see it")
    static let commentShownHint = p(
        "chú thích không được chứa '--' bên trong và phải kết thúc bằng '-->'",
        "a comment must not contain '--' inside and must end with '-->'")
    static let orphanMarker = p(
        "chú thích dữ kiện không đi kèm câu nào", "this fact marker backs no sentence")
    static let orphanMarkerHint = p(
        "đặt chú thích ngay sau câu, trong cùng đoạn, mục danh sách hay ô bảng",
        "put the marker right after the claim, in the same paragraph, list item or table cell")

    /// What a candidate looks like, in words.
    static func kindName(_ kind: FactHeuristic.Kind) -> Phrase {
        switch kind {
        case .phone: p("số điện thoại", "phone number")
        case .webAddress: p("địa chỉ web", "web address")
        case .money: p("số tiền", "amount")
        case .legalReference: p("văn bản pháp luật", "legal reference")
        }
    }
}
