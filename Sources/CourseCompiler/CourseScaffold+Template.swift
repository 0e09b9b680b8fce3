/// The files `hocso course new` writes, in Vietnamese and in English.
extension CourseScaffold {
    struct Template {
        var defaultTitle: String
        var lessonFile: String
        var description: String
        var lesson: String

        func courseYAML(id: String, title: String) -> String {
            """
            id: \(id)
            title: \(CourseScaffold.yamlQuoted(title))
            lang: \(lessonFile.hasPrefix("01-bai") ? "vi" : "en")
            version: 1
            description: \(CourseScaffold.yamlQuoted(description))
            pass: 0.8
            lessons:
              - \(lessonFile)

            """
        }

        static let vietnamese = Template(
            defaultTitle: "Khoá học mới",
            lessonFile: "01-bai-mo-dau.md",
            description: "Viết một đoạn giới thiệu khoá học cho người học.",
            lesson: """
                ---
                id: bai-mo-dau
                title: Bài mở đầu
                duration: 10m
                ---

                # Bài mở đầu

                ## Mỗi tiêu đề cấp hai là một màn hình

                Viết nội dung bài học ở đây: câu ngắn, từ dễ hiểu, ví dụ gần gũi.

                Số điện thoại, địa chỉ web, số tiền có thể thay đổi: ghi nguồn và ngày đã
                kiểm ngay sau câu. Ví dụ: gọi **113** khi cần Công an. <!-- fact: so-113; source: https://ngaynay.vn/de-xuat-hop-nhat-cac-so-dien-thoai-khan-cap-post48992.html; checked: %CHECKED% -->

                > [!TIP]
                > Dùng khung gợi ý để nhấn mạnh một lời khuyên.

                ## Kiểm tra

                Trả lời các câu hỏi sau.

                ### Mã OTP có được đọc cho nhân viên ngân hàng qua điện thoại không?
                <!-- id: otp-ngan-hang -->

                - ( ) Đúng
                  > Ngân hàng không bao giờ hỏi mã OTP.
                - (x) Sai

                ### Bạn nên làm gì khi nhận cuộc gọi lạ đòi chuyển tiền?
                <!-- id: cuoc-goi-la -->

                - ( ) Chuyển tiền ngay
                - (x) Cúp máy và tự gọi số chính thức
                  > Đúng. Luôn tự xác minh.
                - ( ) Đọc số căn cước cho họ

                > [!NOTE]
                > Cơ quan nhà nước không yêu cầu chuyển tiền qua điện thoại.

                ### Dấu hiệu nào cho thấy tin nhắn có thể là lừa đảo? (chọn tất cả)
                <!-- id: dau-hieu-tin-nhan; scoring: partial -->

                - [x] Có đường link lạ
                - [x] Thúc giục làm ngay
                - [ ] Gửi vào buổi sáng

                ### Số điện thoại khẩn cấp của Công an là số mấy?
                <!-- id: so-khan-cap; fact: so-113 -->

                - = 113
                - != 115
                  > 115 là cấp cứu y tế.

                > [!TIP]
                > Ba số khẩn cấp: 113, 114, 115.

                ### Phí 5% của 50 triệu đồng là bao nhiêu triệu đồng?
                <!-- id: phi-nam-phan-tram; not-a-fact: example -->

                - = 2,5 ± 0,05

                ### Sắp xếp các bước gọi lại số chính thức
                <!-- id: buoc-goi-lai -->

                1. Cúp máy
                2. Tìm số chính thức
                3. Tự gọi lại số đó

                ### Nối mỗi số với dịch vụ của nó
                <!-- id: noi-so-khan-cap; fact: so-113 -->

                - 113 -> Công an
                - 114 -> Cứu hỏa
                - 115 -> Cấp cứu
                - -> Tổng đài ngân hàng

                """)

        static let english = Template(
            defaultTitle: "New course",
            lessonFile: "01-first-lesson.md",
            description: "Write one paragraph that tells learners what the course is about.",
            lesson: """
                ---
                id: first-lesson
                title: First lesson
                duration: 10m
                ---

                # First lesson

                ## Every second-level heading is one screen

                Write the lesson here: short sentences, plain words, familiar examples.

                Phone numbers, web addresses and amounts change: note the source and the day
                you checked right after the sentence. For example: call **113** for the police. <!-- fact: so-113; source: https://ngaynay.vn/de-xuat-hop-nhat-cac-so-dien-thoai-khan-cap-post48992.html; checked: %CHECKED% -->

                > [!TIP]
                > Use a tip box to stress one piece of advice.

                ## Check

                Answer the questions below.

                ### A bank employee may ask for your OTP code on the phone.
                <!-- id: otp-bank -->

                - ( ) True
                  > Banks never ask for OTP codes.
                - (x) False

                ### What should you do when a stranger calls and asks for money?
                <!-- id: stranger-call -->

                - ( ) Send the money at once
                - (x) Hang up and call the official number yourself
                  > Right. Always check for yourself.
                - ( ) Read out your ID card number

                > [!NOTE]
                > Public offices never ask for money over the phone.

                ### Which signs suggest a message is a scam? (tick all)
                <!-- id: scam-signs; scoring: partial -->

                - [x] A strange link
                - [x] Pressure to act now
                - [ ] Sent in the morning

                ### What is the police emergency number in Vietnam?
                <!-- id: police-number; fact: so-113 -->

                - = 113
                - != 115
                  > 115 is the ambulance.

                > [!TIP]
                > The three emergency numbers are 113, 114 and 115.

                ### How many million dong is a 5% fee on 50 million dong?
                <!-- id: five-percent-fee; not-a-fact: example -->

                - = 2.5 ± 0.05

                ### Put the steps of calling back an official number in order
                <!-- id: call-back-steps -->

                1. Hang up
                2. Find the official number
                3. Call that number yourself

                ### Match each number with its service
                <!-- id: match-emergency-numbers; fact: so-113 -->

                - 113 -> Police
                - 114 -> Fire brigade
                - 115 -> Ambulance
                - -> Bank hotline

                """)
    }
}
