import Foundation
import Testing

@testable import Packs

@Suite("Content store: versions, downgrades, disk reserve, interrupted installs")
struct ContentStoreTests {
    @Test("a newer version replaces the old one and the old folder is removed")
    func upgrade() throws {
        let scratch = try Scratch()
        let store = ContentStore(root: scratch.path("store"))
        try store.install(pack: try Sample.pack(Sample.course(version: 1), in: scratch))
        let v2 = Sample.course(version: 2)
        try store.install(pack: try Sample.pack(v2, in: scratch))
        #expect(try store.loadCourse(id: v2.id) == v2)
        #expect(try store.installedCourses().map(\.version) == [2])
        let versions = try FileManager.default.contentsOfDirectory(atPath: store.versionsDirectory.path)
        #expect(versions.count == 1 && versions[0].hasPrefix("\(v2.id)@2."))
    }

    @Test("an older version is refused unless downgrades are allowed")
    func downgrade() throws {
        let scratch = try Scratch()
        let store = ContentStore(root: scratch.path("store"))
        let v1Pack = try Sample.pack(Sample.course(version: 1), in: scratch, into: "v1")
        try store.install(pack: try Sample.pack(Sample.course(version: 2), in: scratch, into: "v2"))
        let error = try #require(throws: PackError.self) { try store.install(pack: v1Pack) }
        #expect(error.kind == .downgrade)
        #expect(error.description.contains("version 2 is installed"))
        #expect(try store.installedCourses().map(\.version) == [2])
        try store.install(pack: v1Pack, policy: InstallPolicy(allowDowngrade: true))
        #expect(try store.installedCourses().map(\.version) == [1])
    }

    @Test("reinstalling the same version succeeds and leaves one version")
    func reinstall() throws {
        let scratch = try Scratch()
        let store = ContentStore(root: scratch.path("store"))
        let pack = try Sample.pack(in: scratch)
        try store.install(pack: pack)
        try store.install(pack: pack)
        #expect(try store.loadCourse(id: Sample.course().id) == Sample.course())
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.versionsDirectory.path).count == 1)
    }

    @Test("an install that would leave less than the reserve free is refused")
    func diskReserve() throws {
        let scratch = try Scratch()
        let store = ContentStore(root: scratch.path("store"))
        let pack = try Sample.pack(in: scratch)
        let error = try #require(throws: PackError.self) {
            try store.install(pack: pack, policy: InstallPolicy(reserveBytes: Int64.max / 4))
        }
        #expect(error.kind == .insufficientSpace)
        #expect(error.description.contains("less than the reserve"))
        #expect(try store.installedCourses().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.stagingDirectory.path).isEmpty)
    }

    struct Interruption: Error {}

    @Test(
        "an install interrupted after any step keeps the previous version usable",
        arguments: [InstallStep.staged, .placed, .swapped])
    func interrupted(step: InstallStep) throws {
        let scratch = try Scratch()
        var store = ContentStore(root: scratch.path("store"))
        let v1 = Sample.course(version: 1)
        try store.install(pack: try Sample.pack(v1, in: scratch))
        store.faultInjection = { if $0 == step { throw Interruption() } }
        #expect(throws: Interruption.self) {
            try store.install(pack: try Sample.pack(Sample.course(version: 2), in: scratch))
        }
        // Before the swap the old version is current; after it the new one is, and both are whole.
        let expected = step == .swapped ? 2 : 1
        #expect(try store.loadCourse(id: v1.id).version == expected)
        #expect(try store.installedCourses().map(\.version) == [expected])
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.stagingDirectory.path).isEmpty)
    }

    @Test("leftovers of a killed install are cleared by the next one")
    func killedInstall() throws {
        let scratch = try Scratch()
        let store = ContentStore(root: scratch.path("store"))
        let v1 = Sample.course(version: 1)
        try store.install(pack: try Sample.pack(v1, in: scratch))
        // What a kill between steps leaves: a staging folder, an unlinked version, a half-made link.
        try FileManager.default.createDirectory(
            at: store.stagingDirectory.appendingPathComponent("dead/assets"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: store.versionsDirectory.appendingPathComponent("\(v1.id)@2.dead"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: store.coursesDirectory.appendingPathComponent(".\(v1.id).dead.link").path,
            withDestinationPath: "../versions/\(v1.id)@2.dead")
        #expect(try store.loadCourse(id: v1.id) == v1)
        #expect(try store.installedCourses().map(\.version) == [1])

        let other = Sample.course(version: 1, id: "khoa-khac")
        try store.install(pack: try Sample.pack(other, in: scratch))
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.stagingDirectory.path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.versionsDirectory.path).count == 2)
        #expect(try store.installedCourses().map(\.id) == ["khoa-khac", v1.id])
    }

    @Test("an unknown course is named as not installed")
    func notInstalled() throws {
        let scratch = try Scratch()
        let store = ContentStore(root: scratch.path("store"))
        let error = try #require(throws: PackError.self) { try store.loadCourse(id: "khong-co") }
        #expect(error.kind == .notInstalled)
        #expect(try store.installedCourses().isEmpty)
        #expect(store.assetURL(courseId: "khong-co", path: "images/a.png") == nil)
    }

    @Test("the default store follows HOCSO_STORE, then XDG_DATA_HOME")
    func defaultRoot() {
        let root = ContentStore.defaultRoot.path
        let environment = ProcessInfo.processInfo.environment
        if let store = environment["HOCSO_STORE"], !store.isEmpty {
            #expect(root == store)
        } else {
            #expect(root.hasSuffix("hocso/store"))
        }
    }
}
