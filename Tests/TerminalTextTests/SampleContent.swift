import CourseModel

/// A lesson step that uses every block and inline kind, with Vietnamese in NFC and NFD,
/// long words, wide characters and nesting: what the golden renders and invariants run over.
enum SampleContent {
    static let blocks: [Block] = [
        .heading(level: 3, content: [.text("Nhận biết tin nhắn lừa đảo")]),
        .paragraph([
            .text("Kẻ gian thường giả danh "), .strong([.text("ngân hàng")]), .text(", "),
            .emphasis([.text("công an")]), .text(" hoặc nhà mạng. Đừng bao giờ đọc mã "), .code("OTP"),
            .text(" cho ai. Giá cũ "), .strikethrough([.text("50.000 đ")]), .text(" nay chỉ còn 10\u{A0}000\u{A0}đ."),
        ]),
        .paragraph([
            .text("Tra cứu trên "),
            .link(destination: "https://dichvucong.gov.vn", content: [.text("Cổng Dịch vụ công Quốc gia")]),
            .text(" hoặc "), .link(destination: "https://vneid.gov.vn", content: [.text("https://vneid.gov.vn")]),
            .text("."), .lineBreak,
            .image(source: "images/otp.png", alt: "Tin nhắn chứa mã OTP"),
        ]),
        // The same sentence decomposed (NFD), as some keyboards and files deliver it.
        .paragraph([
            .text(
                "Người cao tuổi cần được hướng dẫn từng bước, chậm rãi và kiên nhẫn."
                    .decomposedStringWithCanonicalMapping)
        ]),
        .list(
            start: nil,
            items: [
                ListItem(blocks: [.paragraph([.text("Kiểm tra số điện thoại gọi đến.")])]),
                ListItem(blocks: [
                    .paragraph([
                        .text(
                            "Không bấm vào đường link lạ, kể cả khi tin nhắn trông rất thật và có logo của ngân hàng.")
                    ]),
                    .list(
                        start: nil,
                        items: [
                            ListItem(blocks: [.paragraph([.text("Gọi lại tổng đài chính thức.")])]),
                            ListItem(blocks: [.paragraph([.text("Hỏi người thân.")])]),
                        ]),
                ]),
            ]),
        .list(
            start: 9,
            items: [
                ListItem(blocks: [.paragraph([.text("Mở ứng dụng VNeID.")])]),
                ListItem(blocks: [
                    .paragraph([.text("Chọn “Thủ tục hành chính” rồi làm theo hướng dẫn trên màn hình.")])
                ]),
            ]),
        .list(
            start: nil,
            items: [
                ListItem(blocks: [.paragraph([.text("Đã cài VNeID")])], checked: true),
                ListItem(blocks: [.paragraph([.text("Đã kích hoạt tài khoản mức 2")])], checked: false),
            ]),
        .quote([.paragraph([.text("Chậm mà chắc. — tục ngữ")])]),
        .callout(.note, [.paragraph([.text("Mã OTP chỉ dùng một lần và hết hạn sau vài phút.")])]),
        .callout(.tip, [.paragraph([.text("Lưu số tổng đài ngân hàng vào danh bạ.")])]),
        .callout(.important, [.paragraph([.text("Ngân hàng không bao giờ hỏi mã OTP.")])]),
        .callout(.warning, [.paragraph([.text("Tin nhắn có đường link lạ là dấu hiệu lừa đảo.")])]),
        .callout(.caution, [.paragraph([.text("Mất tiền rất khó lấy lại.")])]),
        .code(
            language: "text",
            text:
                "[VCB] Ma OTP cua quy khach la 123456. Khong chia se ma nay voi bat ky ai, ke ca nhan vien ngan hang.\n\tThụt lề bằng tab\n"
        ),
        .table(
            Table(
                alignments: [.left, .center, .right],
                header: [[.text("Dịch vụ")], [.text("Ứng dụng")], [.text("Phí")]],
                rows: [
                    [[.text("Cấp lại căn cước")], [.text("VNeID")], [.text("0 đ")]],
                    [
                        [.text("Đăng ký khai sinh trực tuyến cho trẻ em")], [.strong([.text("Cổng DVC")])],
                        [.text("miễn phí")],
                    ],
                    [[.text("网上支付")], [.code("QR")], [.text("😀")]],
                ])),
        .rule,
        .paragraph([
            .text(
                "Xem thêm: https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001234"
            )
        ]),
    ]
}
