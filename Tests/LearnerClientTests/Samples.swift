import CourseCompiler
import CourseModel
import Foundation
import TestSupport

/// The courses the client's tests drive, compiled from Markdown as authors write them: the
/// shared sample course (`TestSupport.SampleCourse`), a small English course, and a self-check.
enum Samples {
    static let course = compile(SampleCourse.files, id: SampleCourse.id)
    static let english = compile(
        ["course.yaml": Data(englishYAML.utf8), "01-passwords.md": Data(englishLesson.utf8)], id: "safe-passwords-en")
    static let selfCheck = compile(
        ["course.yaml": Data(selfCheckYAML.utf8), "01-tu-kiem-tra.md": Data(selfCheckLesson.utf8)], id: "tu-kiem-tra")

    /// Compiles a course folder written to a temporary directory; a sample that does not compile
    /// stops the tests at once.
    static func compile(_ files: [String: Data], id: String) -> Course {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hocso-samples-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent(id)
        for (path, data) in files {
            let url = folder.appendingPathComponent(path)
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? data.write(to: url)
        }
        let result = CourseCompiler().compile(courseAt: folder)
        guard let course = result.course else {
            preconditionFailure("sample \(id) does not compile: \(result.diagnostics)")
        }
        return course
    }

    static let englishYAML = """
        id: safe-passwords-en
        title: Safe passwords
        lang: en
        version: 1
        description: A short English course.
        lessons:
          - 01-passwords.md

        """

    static let englishLesson = """
        ---
        id: passwords
        title: Strong passwords
        ---

        ## Long is strong

        A long passphrase is easier to remember and harder to guess.

        ## Check

        ### A good password is long.
        <!-- id: long-tf -->

        - (x) True
        - ( ) False

        """

    static let selfCheckYAML = """
        id: tu-kiem-tra
        title: "Tự kiểm tra: nên bắt đầu từ đâu?"
        lang: vi
        version: 1
        description: Vài câu hỏi ngắn để biết nên bắt đầu từ khoá nào.
        lessons:
          - 01-tu-kiem-tra.md
        self_check:
          - course: safe-passwords-en
            questions: [mat-khau-dai]
          - course: khoa-mau
            questions: [otp-ai-biet]

        """

    static let selfCheckLesson = """
        ---
        id: tu-kiem-tra
        title: Tự kiểm tra
        ---

        # Tự kiểm tra

        ### Mật khẩu dài thì khó đoán hơn.
        <!-- id: mat-khau-dai -->

        - (x) Đúng
        - ( ) Sai

        ### Ai được biết mã OTP của bạn?
        <!-- id: otp-ai-biet -->

        - ( ) Nhân viên ngân hàng
        - (x) Chỉ mình bạn

        """
}
