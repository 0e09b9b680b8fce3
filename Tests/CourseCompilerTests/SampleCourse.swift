/// A small but complete course: every question kind, callouts, a table, a picture and a final quiz.
enum SampleCourse {
    static let yaml = """
        id: khoa-mau
        title: Khoá mẫu
        title_en: Sample course
        lang: vi
        version: 3
        description: Khoá học mẫu để kiểm tra trình biên dịch.
        summary_en: A sample course.
        audience:
          - Người cao tuổi
        pass: 0.75
        digcomp: [safety, problem-solving]
        sources:
          - title: Cục An toàn thông tin
            url: https://khonggianmang.vn
        tags: [an-toan-so]
        lessons:
          - 01-doc.md
          - 02-cuoi-khoa.md

        """

    static let reading = """
        ---
        id: bai-doc
        title: Bài đọc
        duration: 1h15m
        tags: [otp]
        ---

        # Bài đọc

        ## Dấu hiệu lừa đảo

        Kẻ gian **giả danh** công an
        và đòi *chuyển tiền*.

        > [!WARNING]
        > Không đọc mã OTP.

        ![Màn hình VNeID](images/vneid.png)

        ## Bảng so sánh
        <!-- id: bang -->

        | Dấu hiệu | Ví dụ |
        |:--|--:|
        | Gấp gáp | `2 giờ` |

        #### Ghi nhớ

        1. Cúp máy
        2. Gọi lại

        ## Kiểm tra nhanh

        Trả lời hai câu.

        ### Số khẩn cấp của Công an?
        <!-- id: so-cong-an; match: khong-dau; not-a-fact: example -->

        - = 113
        - != 115
          > Cấp cứu.

        ### Phí 5% của 50 triệu?
        <!-- id: phi-5; points: 2; not-a-fact: example -->

        - = 2,5 ± 0,05

        > [!NOTE]
        > 50 × 5 ÷ 100 = 2,5.

        """

    static let final = """
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

        ### Sắp xếp các bước
        <!-- id: sap-xep; shuffle: no -->

        1. Tải ứng dụng
        2. Kích hoạt

        ### Nối
        <!-- id: noi; scoring: partial; not-a-fact: example -->

        - 113 -> Công an
        - 115 -> Cấp cứu
        - -> Ngân hàng

        """
}
