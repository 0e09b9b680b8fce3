import CourseCompiler
import CourseModel
import Foundation
import Testing

@testable import Packs

@Suite("Packs: a course compiled from Markdown survives packing and installing")
struct CompiledCoursePackTests {
    /// A small course folder in Markdown, with a picture whose name is Vietnamese.
    static func writeCourse(in scratch: Scratch) throws -> URL {
        let folder = scratch.path("thu-goi")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("images"), withIntermediateDirectories: true)
        try """
        id: thu-goi
        title: Thử đóng gói
        lang: vi
        version: 3
        description: Một khoá học nhỏ để thử đóng gói.
        lessons:
          - 01-bai-mot.md
        """.write(to: folder.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
        try """
        ---
        id: bai-mot
        title: Bài một
        ---

        ## Đọc

        Ảnh minh hoạ: ![Điện thoại](images/điện-thoại.png)

        ## Câu hỏi

        ### Có nên đọc mã OTP cho người lạ không?
        <!-- id: otp -->

        - ( ) Có
        - (x) Không

        """.write(to: folder.appendingPathComponent("01-bai-mot.md"), atomically: true, encoding: .utf8)
        try Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]).write(to: folder.appendingPathComponent("images/điện-thoại.png"))
        return folder
    }

    @Test("compile → build → verify → install → loadCourse equals the compiled course; the picture is reachable")
    func compiledRoundTrip() throws {
        let scratch = try Scratch()
        let folder = try Self.writeCourse(in: scratch)
        let result = CourseCompiler().compile(courseAt: folder)
        let course = try #require(result.course, "\(result.diagnostics)")
        let key = SigningKey.generate()
        let pack = try PackBuilder().build(
            course: course, courseFolder: folder, into: scratch.path("Packs"), signingKey: key)
        #expect(pack.lastPathComponent == "thu-goi-3.hspack")
        let manifest = try PackVerifier().verify(pack: pack, trust: TrustPolicy(trustedKeys: [key.publicKey])).manifest
        #expect(manifest.files.map(\.path) == ["course.json"] + course.assets.sorted().map { "assets/" + $0 })

        let store = ContentStore(root: scratch.path("store"))
        try store.trust(key.publicKey, name: "trainer")
        try store.install(pack: pack)
        #expect(try store.loadCourse(id: "thu-goi") == course)
        for asset in course.assets {
            let url = try #require(store.assetURL(courseId: "thu-goi", path: asset))
            #expect(try Data(contentsOf: url) == Data(contentsOf: folder.appendingPathComponent(asset)))
        }
    }
}
