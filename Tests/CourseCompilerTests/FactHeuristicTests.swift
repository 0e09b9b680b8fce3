import CourseCompiler
import Testing

/// What the heuristic takes for a time-sensitive fact, pinned on sentences like the courses'.
@Suite struct FactHeuristicTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var found: [FactHeuristic.Candidate]
        var testDescription: String { name }
    }

    static func phone(_ text: String) -> FactHeuristic.Candidate { .init(.phone, text) }
    static func web(_ text: String) -> FactHeuristic.Candidate { .init(.webAddress, text) }
    static func money(_ text: String) -> FactHeuristic.Candidate { .init(.money, text) }
    static func legal(_ text: String) -> FactHeuristic.Candidate { .init(.legalReference, text) }

    static let cases: [Case] = [
        // What it must find.
        Case(name: "an emergency number", text: "Khẩn cấp thì gọi 113.", found: [phone("113")]),
        Case(name: "a hotline written with a space", text: "Gọi tổng đài 1900 9068.", found: [phone("1900 9068")]),
        Case(
            name: "a short code after 'gửi', and a mobile number", text: "Soạn V 0123456789 lua dao gửi 5656.",
            found: [phone("0123456789"), phone("5656")]),
        Case(name: "a grouped mobile number", text: "Số 0912 345 678 vừa gọi.", found: [phone("0912 345 678")]),
        Case(name: "an official site", text: "Vào dichvucong.gov.vn để nộp.", found: [web("dichvucong.gov.vn")]),
        Case(
            name: "an address with its scheme", text: "Xem https://tingia.gov.vn/trang.",
            found: [web("https://tingia.gov.vn/trang")]),
        Case(
            name: "a fake site is an address too", text: "Link giả: vneid-capnhat.com",
            found: [web("vneid-capnhat.com")]),
        Case(name: "thousands with a dot", text: "Lệ phí 50.000 đồng.", found: [money("50.000 đồng")]),
        Case(name: "millions", text: "Chuyển 2 triệu cho họ.", found: [money("2 triệu")]),
        Case(name: "a rate with a space", text: "Sàn khấu trừ 1,5 % giá bán.", found: [money("1,5 %")]),
        Case(
            name: "a decree", text: "Theo Nghị định 117/2025/NĐ-CP.", found: [legal("Nghị định 117/2025/NĐ-CP")]),
        Case(
            name: "a circular without its issuer", text: "Theo Thông tư 77/2025 mới.",
            found: [legal("Thông tư 77/2025")]),
        Case(
            name: "a law by name", text: "Theo Luật Thương mại điện tử.", found: [legal("Luật Thương mại điện tử")]),
        Case(name: "a law by number", text: "Luật số 91/2025/QH15 bảo vệ bạn.", found: [legal("91/2025/QH15")]),
        Case(
            name: "a sentence with two kinds", text: "Gọi 115 hoặc xem moh.gov.vn.",
            found: [phone("115"), web("moh.gov.vn")]),
        // What it must leave alone.
        Case(name: "a lawyer is no law", text: "Tài khoản tên Luật sư Minh nhắn tin.", found: []),
        Case(name: "an ending alone is no address", text: "Trang nhà nước có đuôi .gov.vn.", found: []),
        Case(name: "a search operator's ending", text: "Thêm site:gov.vn vào từ khóa.", found: []),
        Case(name: "an e-mail address", text: "Gửi tới ten.ban@gmail.com nhé.", found: []),
        Case(name: "the digits of an id number", text: "Số định danh có 12 chữ số.", found: []),
        Case(name: "a year", text: "Tìm lịch nghỉ Tết 2026.", found: []),
        Case(name: "a time limit", text: "Mã hết hạn sau 5 phút.", found: []),
        Case(name: "a scammer's words in quotes", text: "Tin \"trúng 50 triệu, nộp phí 5%\" là lừa.", found: []),
        Case(name: "curly quotes too", text: "Họ nhắn “chuyển gấp 15 triệu” cho mẹ.", found: []),
        Case(name: "money sent is not a number to dial", text: "Họ bảo gửi 500 nghìn.", found: [money("500 nghìn")]),
        Case(name: "a fact id that holds a number", text: "Xem mục so-113 trong sổ.", found: []),
    ]

    @Test(arguments: cases)
    func findsCandidates(_ c: Case) {
        #expect(FactHeuristic.candidates(in: c.text) == c.found)
    }

    @Test(arguments: ["156", "5656", " 113 "])
    func aBareShortNumberIsACode(_ text: String) {
        #expect(FactHeuristic.isShortCode(text))
    }

    @Test(arguments: ["12", "123456", "1,5", "OTP"])
    func otherAnswersAreNoCode(_ text: String) {
        #expect(!FactHeuristic.isShortCode(text))
    }
}
