import Foundation
import Testing

@testable import Packs

/// The archives under Tests/Fixtures/archives (copied from third-party test suites, see its
/// PROVENANCE.tsv): tars with hard links, leading slashes, foreign charsets, bad pax records,
/// sparse files, damaged xz and zstd streams, zip and cpio. None is a pack.
enum FixtureArchives {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/archives")

    static let all: [String] = {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var out: [String] = []
        while let item = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(item).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue && !item.hasSuffix("PROVENANCE.tsv") { out.append(item) }
        }
        return out.sorted()
    }()
}

@Suite("Packs: third-party archives are refused cleanly")
struct FixtureArchiveTests {
    @Test("the fixtures are all there")
    func present() {
        #expect(FixtureArchives.all.count == 51)
    }

    @Test(
        "refused with one sentence, nothing written outside the store, previous version intact",
        arguments: FixtureArchives.all)
    func refused(_ name: String) throws {
        let scratch = try Scratch()
        let store = ContentStore(root: scratch.path("store"))
        let course = Sample.course()
        try store.install(pack: try Sample.pack(course, in: scratch))
        let fixture = scratch.path("fixture")
        try FileManager.default.copyItem(at: FixtureArchives.folder.appendingPathComponent(name), to: fixture)
        let before = scratch.listing(excluding: "store")

        let error = try #require(throws: PackError.self) { try store.install(pack: fixture) }
        #expect(error.isOneSentence)
        #expect(error.description.hasPrefix("pack '\(fixture.path)' refused: "))
        #expect(scratch.listing(excluding: "store") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.stagingDirectory.path).isEmpty)
        #expect(try store.loadCourse(id: course.id) == course)
    }
}
