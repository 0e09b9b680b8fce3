import Localization

/// The key bar's words: what each key does, as short as it can be while still a word.
extension ClientText {
    static let keyChoose = p("Chọn", "Choose")
    static let keyOpen = p("Mở", "Open")
    static let keyStudy = p("Học", "Study")
    static let keyNext = p("Tiếp", "Next")
    static let keyAnswer = p("Trả lời", "Answer")
    static let keyStart = p("Bắt đầu", "Start")
    static let keyOK = p("Đồng ý", "OK")
    static let keyBack = p("Quay lại", "Back")
    static let keyStop = p("Dừng", "Stop")
    static let keyHint = p("Gợi ý", "Hint")
    static let keyRead = p("Đọc to", "Read aloud")
    static let keySignOut = p("Đăng xuất", "Sign out")
    static let keyMore = p("Xem tiếp", "More")
    static let keyPrevious = p("Lùi", "Previous")
    static let keyQuit = p("Thoát", "Quit")
    static let keyFixCode = p("Sửa mã", "Fix the code")
    static let keyScroll = p("Cuộn", "Scroll")
    /// The input method with the key that changes it: `F2 Kiểu gõ: Telex`.
    static func keyInputMethod(_ method: InputMethod) -> Phrase { inputMethodName(method) }
}
