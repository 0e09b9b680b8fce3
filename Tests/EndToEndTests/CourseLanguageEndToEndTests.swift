import Foundation
import TestSupport
import Testing

/// The author's commands speak the language chosen by `--lang`, then `HOCSO_LANG`, then the
/// locale, else Vietnamese; English stays byte for byte what it was.
@Suite("hocso course in Vietnamese and English", .serialized)
struct CourseLanguageEndToEndTests {
    /// A course whose one lesson has an empty step (an error).
    static func brokenCourse(in work: URL) throws -> String {
        let folder = work.appendingPathComponent("khoa-thu")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(
            "id: khoa-thu\ntitle: Khoá thử\nlang: vi\nversion: 1\ndescription: Thử.\nlessons:\n  - 01-bai.md\n".utf8
        ).write(to: folder.appendingPathComponent("course.yaml"))
        try Data("---\nid: bai-thu\ntitle: Bài thử\n---\n\n## Đọc\n\nChữ.\n\n## Trống\n".utf8)
            .write(to: folder.appendingPathComponent("01-bai.md"))
        return folder.path
    }

    /// No language settings from the machine running the tests.
    static let neutral = ["HOCSO_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""]

    @Test func englishIsByteForByteAsBefore() throws {
        let work = try temporaryDirectory("e2e")
        defer { try? FileManager.default.removeItem(at: work) }
        let course = try Self.brokenCourse(in: work)
        let result = try Program.hocso.run(["course", "check", "--lang", "en", course], environment: Self.neutral)
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                \(course)/01-bai.md:10:1: error: step 'Trống' is empty
                  hint: write the step's text under its heading, or remove the heading
                1 error, 0 warnings in 1 course

                """)
    }

    @Test(arguments: [
        (["--lang", "vi"], [String: String]()),
        ([], ["LANG": "vi_VN.UTF-8"]),
        ([], ["HOCSO_LANG": "vi", "LANG": "en_US.UTF-8"]),
        ([], [:]),
    ])
    func vietnameseByFlagSettingLocaleOrDefault(arguments: [String], environment: [String: String]) throws {
        let work = try temporaryDirectory("e2e")
        defer { try? FileManager.default.removeItem(at: work) }
        let course = try Self.brokenCourse(in: work)
        let env = Self.neutral.merging(environment) { $1 }
        let result = try Program.hocso.run(["course", "check"] + arguments + [course], environment: env)
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                \(course)/01-bai.md:10:1: error: bước 'Trống' chưa có nội dung
                  gợi ý: viết nội dung dưới tiêu đề, hoặc xoá tiêu đề
                1 lỗi, 0 cảnh báo trong 1 khoá học

                """)
    }

    @Test func courseNewAndPreviewSpeakTheChosenLanguage() throws {
        let work = try temporaryDirectory("e2e")
        defer { try? FileManager.default.removeItem(at: work) }
        let course = try Self.brokenCourse(in: work)
        let vi = try Program.hocso.run(["course", "new", course], environment: Self.neutral)
        #expect(vi.status == 1)
        #expect(vi.stderr.hasPrefix("hocso: lỗi: thư mục '"), "\(vi.stderr)")
        let en = try Program.hocso.run(["course", "new", course], environment: ["HOCSO_LANG": "en"])
        #expect(en.stderr.hasPrefix("hocso: error: folder '"), "\(en.stderr)")
        let preview = try Program.hocso.run(["course", "preview", course, "--lang", "vi"], environment: Self.neutral)
        #expect(preview.status == 1)
        #expect(preview.stderr.contains("error: bước 'Trống' chưa có nội dung"), "\(preview.stderr)")
    }

    @Test func aNewCoursePassesCheckAndFactsWithItsMarkedExample() throws {
        let work = try temporaryDirectory("e2e")
        defer { try? FileManager.default.removeItem(at: work) }
        let folder = work.appendingPathComponent("khoa-moi").path
        #expect(try Program.hocso.run(["course", "new", folder]).status == 0)
        let check = try Program.hocso.run(["course", "check", folder, "--lang", "en"])
        #expect(check.stderr == "0 errors, 0 warnings in 1 course\n", "\(check.stderr)")
        let facts = try Program.hocso.run(["course", "facts", folder, "--lang", "en"])
        #expect(facts.status == 0, "\(facts.stderr)")
        #expect(facts.stdout.contains("so-113 — checked "), "\(facts.stdout)")
    }
}
