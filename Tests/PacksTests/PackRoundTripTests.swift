import CourseModel
import Crypto
import Foundation
import Testing

@testable import Packs

@Suite("Packs: build, verify, install, read back")
struct PackRoundTripTests {
    @Test("build → verify → install → loadCourse gives back the compiled course")
    func roundTrip() throws {
        let scratch = try Scratch()
        let key = SigningKey.generate()
        let course = Sample.course()
        let pack = try Sample.pack(course, in: scratch, key: key)
        #expect(pack.lastPathComponent == "nhan-dien-lua-dao-1.hspack")

        let manifest = try PackVerifier().verify(pack: pack, trust: TrustPolicy(trustedKeys: [key.publicKey])).manifest
        #expect(manifest.course.id == course.id)
        #expect(manifest.format == PackFormat.formatVersion && manifest.minReader == PackFormat.readerVersion)
        #expect(
            manifest.files.map(\.path) == ["course.json", "assets/images/logo.png", "assets/images/ảnh-cuộc-gọi.png"])
        #expect(manifest.lessons.map(\.questions.count) == [4, 3])
        #expect(manifest.lessons[0].steps == ["gioi-thieu", "vi-du"])

        let store = ContentStore(root: scratch.path("store"))
        try store.trust(key.publicKey, name: "trainer")
        let installed = try store.install(pack: pack)
        #expect(installed.version == 1)
        #expect(installed.signer == key.publicKey.base64)
        #expect(try store.loadCourse(id: course.id) == course)
        #expect(try store.installedCourses().map(\.id) == [course.id])
        let asset = try #require(store.assetURL(courseId: course.id, path: "images/ảnh-cuộc-gọi.png"))
        #expect(
            try Data(contentsOf: asset) == Data(contentsOf: scratch.path("src-\(course.id)-1/images/ảnh-cuộc-gọi.png")))
        #expect(store.assetURL(courseId: course.id, path: "../manifest.json") == nil)
    }

    @Test(
        "the first entry is manifest.json, then manifest.sig, course.json and sorted assets", arguments: [false, true])
    func entryOrder(signed: Bool) throws {
        let scratch = try Scratch()
        let pack = try Sample.pack(in: scratch, key: signed ? SigningKey.generate() : nil)
        let raw = try RawPack(reading: pack)
        let expected =
            ["manifest.json"] + (signed ? ["manifest.sig"] : []) + [
                "course.json", "assets/images/logo.png", "assets/images/ảnh-cuộc-gọi.png",
            ]
        #expect(raw.entries.map(\.header.path) == expected)
        for (header, _) in raw.entries {
            #expect(header.mode == 0o644)
            #expect(header.modificationTime == 0)
        }
    }

    @Test("rebuilding the same course gives a byte-identical pack", arguments: [false, true])
    func reproducible(signed: Bool) throws {
        let scratch = try Scratch()
        let key = signed ? SigningKey.generate() : nil
        let first = try Sample.pack(in: scratch, key: key, into: "a")
        let second = try Sample.pack(in: scratch, key: key, into: "b")
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
    }

    @Test("Ed25519 signing is deterministic here: the same key and manifest give the same signature")
    func deterministicSignature() throws {
        let key = SigningKey.generate()
        let manifest = Data(#"{"format":1}"#.utf8)
        let a = try PackSignature(signing: manifest, with: key)
        let b = try PackSignature(signing: manifest, with: key)
        #expect(a == b)
        let record = try PackJSON.encode(a)
        #expect(try PackSignature.verifiedSigner(record: record, manifest: manifest, pack: "p") == key.publicKey)
        let other = try #require(throws: PackError.self) {
            try PackSignature.verifiedSigner(record: record, manifest: Data(#"{"format":2}"#.utf8), pack: "p")
        }
        #expect(other.kind == .badSignature)
    }

    @Test("the manifest and course.json are sorted-key JSON without pretty printing")
    func canonicalJSON() throws {
        let scratch = try Scratch()
        let raw = try RawPack(reading: try Sample.pack(in: scratch))
        let manifest = try #require(raw.data("manifest.json"))
        let text = String(decoding: manifest, as: UTF8.self)
        #expect(!text.contains("\n"))
        #expect(text.hasPrefix(#"{"builtBy":"hocso "#))
        let course = try #require(raw.data("course.json"))
        #expect(try PackJSON.encode(try JSONDecoder().decode(Course.self, from: course)) == course)
        #expect(course == (try PackJSON.encode(Sample.course())))
    }

    @Test(
        "course.json made lesson by lesson on several threads is the whole-course encoding",
        arguments: [0, 1, 2, 3, 17])
    func lessonByLessonEncoding(lessons: Int) throws {
        var course = Sample.course()
        let originals = course.lessons
        course.lessons = (0..<lessons).map { index in
            var lesson = originals[index % originals.count]
            lesson.id = "\(lesson.id)-\(index)"
            return lesson
        }
        #expect(try PackBuilder.encodeCourse(course) == PackJSON.encode(course))
    }
}
