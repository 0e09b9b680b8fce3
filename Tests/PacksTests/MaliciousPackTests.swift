import ArchiveIO
import CourseModel
import Crypto
import Foundation
import LearnerEvents
import Testing

@testable import Packs

/// One way to make a hostile pack out of a good version-2 pack, and the refusal it must meet.
struct MaliciousCase: CustomTestStringConvertible, Sendable {
    let name: String
    let expected: PackError.Kind
    let alter: @Sendable (inout RawPack) throws -> Void

    var testDescription: String { name }

    static let evilOutside = "hocso-evil-\(UUID().uuidString).txt"

    static let all: [MaliciousCase] = [
        MaliciousCase(name: "'..' escaping the pack", expected: .unsafePath) {
            $0.add("../../\(evilOutside)", Data("x".utf8))
        },
        MaliciousCase(name: "'..' inside assets/", expected: .unsafePath) {
            $0.add("assets/../../\(evilOutside)", Data("x".utf8))
        },
        MaliciousCase(name: "absolute path", expected: .unsafePath) { $0.add("/tmp/\(evilOutside)", Data("x".utf8)) },
        MaliciousCase(name: "symlink", expected: .forbiddenEntryType) {
            $0.entries.append((ArchiveEntry(path: "assets/link", type: .symlink(target: "/etc/passwd")), Data()))
        },
        MaliciousCase(name: "symlink then a file through it", expected: .forbiddenEntryType) {
            $0.entries.append((ArchiveEntry(path: "assets/up", type: .symlink(target: "../../..")), Data()))
            $0.add("assets/up/\(evilOutside)", Data("x".utf8))
        },
        MaliciousCase(name: "hard link", expected: .forbiddenEntryType) {
            $0.entries.append((ArchiveEntry(path: "assets/hard", type: .hardlink(target: "course.json")), Data()))
        },
        MaliciousCase(name: "character device", expected: .forbiddenEntryType) {
            $0.entries.append((ArchiveEntry(path: "assets/null", type: .characterDevice), Data()))
        },
        MaliciousCase(name: "block device", expected: .forbiddenEntryType) {
            $0.entries.append((ArchiveEntry(path: "assets/sda", type: .blockDevice), Data()))
        },
        MaliciousCase(name: "fifo", expected: .forbiddenEntryType) {
            $0.entries.append((ArchiveEntry(path: "assets/pipe", type: .fifo), Data()))
        },
        MaliciousCase(name: "directory entry", expected: .forbiddenEntryType) {
            $0.entries.append((ArchiveEntry(path: "assets/dir", type: .directory, mode: 0o755), Data()))
        },
        MaliciousCase(name: "entry not in the manifest", expected: .unexpectedEntry) {
            $0.add("assets/extra.txt", Data("extra".utf8))
        },
        MaliciousCase(name: "entry twice", expected: .unexpectedEntry) {
            $0.add("course.json", $0.data("course.json") ?? Data())
        },
        MaliciousCase(name: "missing entry", expected: .missingEntry) { $0.entries.removeLast() },
        MaliciousCase(name: "asset altered (hash mismatch)", expected: .hashMismatch) {
            var data = $0.data("assets/images/logo.png") ?? Data()
            data[0] ^= 0x01
            $0.replace("assets/images/logo.png", with: data)
        },
        MaliciousCase(name: "asset grown (size mismatch)", expected: .sizeMismatch) {
            $0.replace("assets/images/logo.png", with: ($0.data("assets/images/logo.png") ?? Data()) + Data("!".utf8))
        },
        MaliciousCase(name: "manifest not first", expected: .manifestNotFirst) { $0.entries.swapAt(0, 1) },
        MaliciousCase(name: "no manifest", expected: .manifestNotFirst) { $0.entries.removeFirst() },
        MaliciousCase(name: "future format", expected: .unsupportedFormat) {
            try $0.editManifest { $0.format = PackFormat.readerVersion + 1 }
        },
        MaliciousCase(name: "future minReader", expected: .unsupportedFormat) {
            try $0.editManifest { $0.minReader = PackFormat.readerVersion + 1 }
        },
        MaliciousCase(name: "manifest listing '..'", expected: .badManifest) {
            try $0.editManifest {
                $0.files.append(.init(path: "../\(evilOutside)", size: 1, sha256: String(repeating: "0", count: 64)))
            }
        },
        MaliciousCase(name: "manifest whose lesson outline does not decode", expected: .badManifest) { pack in
            let text = String(decoding: pack.data(PackFormat.manifestPath) ?? Data(), as: UTF8.self)
            pack.replace(
                PackFormat.manifestPath,
                with: Data(text.replacingOccurrences(of: #""steps":["#, with: #""steps":[1,"#).utf8))
        },
        MaliciousCase(name: "course.json naming another course", expected: .badCourse) { pack in
            var course = Sample.course(version: 2)
            course.id = "khoa-hoc-khac"
            try pack.replaceCourse(course)
        },
        MaliciousCase(name: "2 GiB-claimed entry listed as 1 byte", expected: .limitExceeded) { pack in
            try pack.list(["assets/bomb.bin"], size: 1)
            // libarchive pads the missing data with zeros, which zstd squeezes to almost nothing.
            pack.entries.append((ArchiveEntry(path: "assets/bomb.bin", size: 2 << 30), Data()))
        },
        MaliciousCase(name: "manifest claiming 2 GiB", expected: .limitExceeded) { pack in
            try pack.list(["assets/bomb.bin"], size: 2 << 30)
        },
        MaliciousCase(name: "100 001 entries, all listed", expected: .limitExceeded) { pack in
            let paths = (0..<100_001).map { "assets/many/\($0)" }
            try pack.list(paths, size: 0)
            for path in paths { pack.entries.append((ArchiveEntry(path: path, size: 0), Data())) }
        },
        MaliciousCase(name: "100 001 entries, unlisted", expected: .unexpectedEntry) { pack in
            for index in 0..<100_001 {
                pack.entries.append((ArchiveEntry(path: "assets/many/\(index)", size: 0), Data()))
            }
        },
    ]
}

extension RawPack {
    /// Adds manifest records for `paths`, each claiming `size` bytes of zeros.
    mutating func list(_ paths: [String], size: Int64) throws {
        let hash = SHA256Hex.of(Data(count: Int(min(size, 1))))
        try editManifest { manifest in
            for path in paths { manifest.files.append(.init(path: path, size: size, sha256: hash)) }
        }
    }

    /// Replaces course.json and fixes the manifest's record so only the course's id is wrong.
    mutating func replaceCourse(_ course: Course) throws {
        let data = try PackJSON.encode(course)
        replace("course.json", with: data)
        let hash = SHA256Hex.of(data)
        try editManifest { $0.files[0] = .init(path: "course.json", size: Int64(data.count), sha256: hash) }
    }
}

enum SHA256Hex {
    static func of(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }
}

@Suite("Packs: hostile archives are refused, nothing is written outside the store, the installed version survives")
struct MaliciousPackTests {
    @Test(arguments: MaliciousCase.all)
    func refused(_ hostile: MaliciousCase) throws {
        let scratch = try Scratch()
        let store = ContentStore(root: scratch.path("store"))
        let v1 = Sample.course(version: 1)
        try store.install(pack: try Sample.pack(v1, in: scratch))

        var raw = try RawPack(reading: try Sample.pack(Sample.course(version: 2), in: scratch, into: "v2"))
        try hostile.alter(&raw)
        let pack = scratch.path("hostile.hspack")
        try raw.write(to: pack)

        let before = scratch.listing(excluding: "store")
        let versionsBefore = try FileManager.default.contentsOfDirectory(atPath: store.versionsDirectory.path)
        let error = try #require(throws: PackError.self) { try store.install(pack: pack) }
        #expect(error.kind == hostile.expected, "\(error)")
        #expect(error.isOneSentence)
        #expect(error.description.hasPrefix("pack '\(pack.path)' refused: "))

        #expect(scratch.listing(excluding: "store") == before)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/\(MaliciousCase.evilOutside)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.stagingDirectory.path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.versionsDirectory.path) == versionsBefore)
        #expect(try store.loadCourse(id: v1.id) == v1)

        // The verifier names the same failure without a store.
        let verifyError = try #require(throws: PackError.self) {
            try PackVerifier().verify(pack: pack)
        }
        #expect(verifyError.kind == hostile.expected)
    }

    @Test("a plain (uncompressed) tar with '..' is refused the same way")
    func plainTar() throws {
        let scratch = try Scratch()
        var raw = try RawPack(reading: try Sample.pack(in: scratch))
        raw.add("../\(MaliciousCase.evilOutside)", Data("x".utf8))
        let pack = scratch.path("plain.tar")
        try raw.write(to: pack, compressed: false)
        let error = try #require(throws: PackError.self) {
            try ContentStore(root: scratch.path("store")).install(pack: pack)
        }
        #expect(error.kind == .unsafePath)
        #expect(error.description.contains("escapes the pack"))
    }
}
