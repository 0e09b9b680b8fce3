import Testing

@testable import LearnerClient

/// The read-aloud text: terms and numbers said the way a Vietnamese speaker says them.
struct SpokenTextTests {
    @Test(arguments: [
        ("Không đọc mã OTP cho ai.", "Không đọc mã ô tê pê cho ai."),
        ("Mở ứng dụng VNeID.", "Mở ứng dụng vê en e ai đi."),
        ("Trợ lý AI có thể sai.", "Trợ lý ây ai có thể sai."),
        ("Quét mã QR để thanh toán.", "Quét mã kiu a để thanh toán."),
        ("Tắt Wi-Fi công cộng.", "Tắt oai phai công cộng."),
        ("Nhắn qua Zalo.", "Nhắn qua da lô."),
        ("Đổi password và email.", "Đổi pát quớt và i meo."),
        ("Cài app ngân hàng.", "Cài áp ngân hàng."),
        ("Video deepfake giả giọng.", "Video đíp phếch giả giọng."),
        ("Mang CCCD khi đi làm thủ tục.", "Mang căn cước công dân khi đi làm thủ tục."),
    ])
    func termsAreSaidTheVietnameseWay(text: String, spoken: String) {
        #expect(SpokenText.prepare(text, language: "vi") == spoken)
    }

    @Test(arguments: [
        ("Gọi 113 khi gặp cướp.", "Gọi một một ba khi gặp cướp."),
        ("Tổng đài 156 nhận phản ánh.", "Tổng đài một năm sáu nhận phản ánh."),
        ("Phí 50.000 đồng.", "Phí năm mươi nghìn đồng."),
        ("Giá 50.000đ một tháng.", "Giá năm mươi nghìn đồng một tháng."),
        ("Lãi 2,5% một năm.", "Lãi hai phẩy năm phần trăm một năm."),
        ("Có 21 người.", "Có hai mươi mốt người."),
        ("Năm 2025 có 105 xã.", "Năm hai nghìn không trăm hai mươi lăm có một trăm linh năm xã."),
        ("Gọi 1900 9068 để hỏi.", "Gọi một chín không không chín không sáu tám để hỏi."),
        ("Số 0912345678 là của ai?", "Số không chín một hai ba bốn năm sáu bảy tám là của ai?"),
        ("Đạt 80% số điểm.", "Đạt tám mươi phần trăm số điểm."),
    ])
    func numbersAreSaidInWords(text: String, spoken: String) {
        #expect(SpokenText.prepare(text, language: "vi") == spoken)
    }

    @Test(arguments: [
        (0, "không"), (5, "năm"), (10, "mười"), (15, "mười lăm"), (21, "hai mươi mốt"), (24, "hai mươi tư"),
        (55, "năm mươi lăm"), (100, "một trăm"), (105, "một trăm linh năm"), (1_005, "một nghìn không trăm linh năm"),
        (50_000, "năm mươi nghìn"), (1_000_000, "một triệu"), (2_500_000, "hai triệu năm trăm nghìn"),
        (1_000_000_000, "một tỷ"),
    ])
    func vietnameseNumberWords(number: Int, words: String) {
        #expect(VietnameseNumberWords.words(number) == words)
    }

    @Test func englishTextIsLeftToTheEnglishVoice() {
        #expect(SpokenText.prepare("Type your OTP: 113.", language: "en") == "Type your OTP: 113.")
    }

    @Test func screenMarksAreNotRead() {
        #expect(SpokenText.prepare("✓ Đúng rồi! › 1. Có", language: "vi") == " Đúng rồi!  một. Có")
    }
}
