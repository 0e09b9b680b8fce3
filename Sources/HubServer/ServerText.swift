import Localization

/// What the hub server answers in its JSON errors, in both languages.
enum ServerText {
    static let failed = Phrase(
        vi: "máy chủ gặp lỗi; hãy thử lại sau", en: "the hub failed; try again later")
    static let notCompleteHTTP = Phrase(
        vi: "từ chối yêu cầu: đây không phải một yêu cầu HTTP đầy đủ",
        en: "request refused: it is not complete HTTP")
    static let bodyTooLarge = Phrase(
        vi: "từ chối yêu cầu: nội dung lớn hơn mức máy chủ nhận",
        en: "request refused: the body is larger than this hub accepts")
    static func bodyOver(_ bytes: Int) -> Phrase {
        Phrase(
            vi: "từ chối yêu cầu: nội dung lớn hơn \(bytes) byte",
            en: "request refused: the body is larger than \(bytes) bytes")
    }
    static let notSigned = Phrase(
        vi: "từ chối yêu cầu: yêu cầu chưa được ký (thiếu các tiêu đề X-HocSo-*)",
        en: "request refused: it is not signed (X-HocSo-* headers missing)")
    static func tooManyRequests(_ node: String) -> Phrase {
        Phrase(
            vi: "từ chối yêu cầu: nút \(node) gửi quá nhiều yêu cầu; hãy gửi chậm lại",
            en: "request refused: too many requests from node \(node); slow down")
    }
    static let noSuchPack = Phrase(vi: "danh mục không có gói này", en: "no such pack in the catalogue")
    static let badRange = Phrase(
        vi: "đoạn được hỏi nằm ngoài gói", en: "the requested range is not within the pack")
    static let notFound = Phrase(vi: "không có trang hoặc đường dẫn này", en: "no such page or path")
    static func http(_ status: Int, _ reason: String) -> Phrase {
        Phrase(vi: "máy chủ trả lời HTTP \(status) (\(reason))", en: reason)
    }
}
