import Localization

/// The lesson search's words: the box, the hints and what is said when nothing is found.
extension ClientText {
    static let searchTitle = p("Tìm bài học", "Find a lesson")
    static let searchPrompt = p("Tìm:", "Find:")
    static let searchHint = p(
        "Gõ điều bạn muốn học, có dấu hay không dấu đều được, ví dụ: vneid muc 2. Kết quả hiện ngay bên dưới.",
        "Type what you want to learn, with or without Vietnamese marks, for example: vneid muc 2. Results appear below as you type."
    )
    static let searchLineHint = p(
        "Gõ số của kết quả để mở bài đó, hoặc gõ từ khác để tìm lại. Để trống rồi nhấn Enter để quay lại.",
        "Type a result's number to open it, or other words to search again. Press Enter on an empty line to go back."
    )
    static func searchNothing(_ text: String) -> Phrase {
        p(
            "Không tìm thấy bài nào có “\(text)”. Hãy thử ít từ hơn, hoặc từ khác.",
            "No lesson has “\(text)”. Try fewer words, or other ones.")
    }
    static func searchCount(_ count: Int) -> Phrase {
        p("\(count) kết quả", count == 1 ? "1 result" : "\(count) results")
    }
    static let searchUnavailable = p(
        "Chưa tìm được lúc này. Hãy chọn khoá học trong danh sách, hoặc báo nhân viên trung tâm.",
        "Search is not working right now. Choose a course from the list, or tell the centre staff.")
    static let keySearch = p("Tìm bài", "Find")
}
