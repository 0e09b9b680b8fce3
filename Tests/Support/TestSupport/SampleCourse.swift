import Foundation

/// The one sample course every suite uses, as an author writes it: `course.yaml`, two lessons in
/// Markdown and a picture. The compiler's tests compile it to an exact `Course`; the client's
/// tests compile it and drive it screen by screen; the end-to-end tests build and install its pack.
///
/// It holds every question kind in the first lesson's quiz (in the order the client's golden
/// screens walk: single choice, true/false, multiple answer, short answer, numeric, ordering,
/// matching), hints, option feedback and an explanation, callouts, a table and a picture, a
/// sequential lesson order, and a final quiz with its own mastery rule.
public enum SampleCourse {
    /// The course id (and folder name).
    public static let id = "khoa-mau"
    /// The version its pack gets.
    public static let version = 3

    /// `course.yaml`.
    public static let yaml = """
        id: khoa-mau
        title: Khoá mẫu
        title_en: Sample course
        lang: vi
        version: 3
        description: Khoá học mẫu cho các bài kiểm thử.
        summary_en: A sample course.
        audience:
          - Người cao tuổi
        pass: 0.75
        order: sequential
        digcomp: [safety, problem-solving]
        sources:
          - title: Cục An toàn thông tin
            url: https://khonggianmang.vn
        tags: [an-toan-so]
        lessons:
          - 01-dau-hieu.md
          - 02-cuoi-khoa.md

        """

    /// The first lesson: two steps, then a quiz with one question of every kind.
    public static let reading = """
        ---
        id: dau-hieu
        title: Dấu hiệu lừa đảo
        duration: 1h15m
        tags: [otp]
        ---

        # Dấu hiệu lừa đảo

        ## Mở đầu
        <!-- id: mo-dau -->

        Kẻ gian **giả danh** công an
        và đòi *chuyển tiền*.

        > [!WARNING]
        > Không đọc mã OTP cho người khác.

        ![Màn hình VNeID](images/vneid.png)

        ## Bảng so sánh
        <!-- id: bang -->

        | Dấu hiệu | Ví dụ |
        |:--|--:|
        | Gấp gáp | `2 giờ` |

        #### Ghi nhớ

        1. Cúp máy
        2. Gọi lại

        ## Kiểm tra

        Trả lời bảy câu.

        ### Ai được phép biết mã OTP của bạn?
        <!-- id: otp-single -->

        - ( ) Nhân viên ngân hàng
          > Ngân hàng không bao giờ hỏi mã OTP.
        - (x) Chỉ mình bạn
        - ( ) Công an gọi điện

        > [!TIP]
        > OTP là mã dùng một lần.

        > [!TIP]
        > Không ai khác.

        > [!NOTE]
        > Mã OTP là chìa khoá: không đưa cho ai.

        ### Đường link lạ trong tin nhắn có thể là lừa đảo.
        <!-- id: link-tf -->

        - (x) Đúng
        - ( ) Sai

        ### Dấu hiệu nào là lừa đảo? (chọn tất cả)
        <!-- id: signs-multi -->

        - [x] Đòi chuyển tiền gấp
        - [x] Hỏi mã OTP
        - [ ] Chào hỏi lịch sự

        ### Gõ tên nước ta (hai chữ)
        <!-- id: viet-short -->

        - = Việt Nam

        ### Phí 5% của 50 triệu đồng là bao nhiêu triệu?
        <!-- id: phi-5; points: 2; not-a-fact: example -->

        - = 2,5 ± 0,05

        > [!NOTE]
        > 50 × 5 ÷ 100 = 2,5.

        ### Sắp xếp các bước khi bị lừa
        <!-- id: steps-order -->

        1. Khoá thẻ
        2. Báo ngân hàng
        3. Báo công an

        ### Ghép thuật ngữ với nghĩa
        <!-- id: terms-match; scoring: partial -->

        - OTP -> Mã dùng một lần
        - VNeID -> Định danh điện tử
        - -> Mạng xã hội

        """

    /// The final quiz: no reading, a mastery rule of its own.
    public static let final = """
        ---
        id: cuoi-khoa
        title: Kiểm tra cuối khoá
        final: true
        mastery: 3/4
        ---

        # Kiểm tra cuối khoá

        ### Ngân hàng hỏi OTP qua điện thoại.
        <!-- id: otp-ngan-hang -->

        - ( ) Đúng
        - (x) Sai

        ### Số khẩn cấp của Công an?
        <!-- id: so-cong-an; match: khong-dau; not-a-fact: example -->

        - = 113
        - != 115
          > Cấp cứu.

        ### Sắp xếp các bước
        <!-- id: sap-xep; shuffle: no -->

        1. Tải ứng dụng
        2. Kích hoạt

        ### Nối
        <!-- id: noi; not-a-fact: example -->

        - 113 -> Công an
        - 115 -> Cấp cứu
        - -> Ngân hàng

        """

    /// The picture the first lesson shows (the first bytes of a PNG are enough for the compiler).
    public static let picture = Data([0x89, 0x50, 0x4E, 0x47])

    /// The course's files by path inside its folder.
    public static var files: [String: Data] {
        [
            "course.yaml": Data(yaml.utf8), "01-dau-hieu.md": Data(reading.utf8), "02-cuoi-khoa.md": Data(final.utf8),
            "images/vneid.png": picture,
        ]
    }

    /// Writes the course folder `khoa-mau` into `parent` and returns it.
    @discardableResult
    public static func write(into parent: URL) throws -> URL {
        let folder = parent.appendingPathComponent(id)
        for (path, data) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return folder
    }
}
