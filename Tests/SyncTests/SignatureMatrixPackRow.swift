import ArchiveIO
import CourseModel
import Foundation
import Testing

@testable import Packs

// MARK: - Packs: a publisher's signed course pack, read by a centre (`hocso pack install`)

struct PackKind: SignedArtefactKind {
    let name = "pack"
    func world(in folder: URL) throws -> any ArtefactWorld { try PackWorld(folder) }
}

/// A centre that trusts one publisher and has version 1 of its course installed; the artefact is
/// version 2. Each presentation goes through both `pack verify` and `pack install`, which must agree.
struct PackWorld: ArtefactWorld {
    let folder: URL
    let publisher = SigningKey.generate()
    let store: ContentStore
    /// The genuine packs of versions 1 (installed) and 2 (the artefact).
    let version1: URL, version2: URL

    init(_ folder: URL) throws {
        self.folder = folder
        store = ContentStore(root: folder.appendingPathComponent("store"))
        _ = try store.trust(publisher.publicKey, name: "publisher")
        version1 = try Self.pack(version: 1, in: folder, key: publisher)
        version2 = try Self.pack(version: 2, in: folder, key: publisher)
        _ = try store.install(pack: version1)
    }

    /// A genuine pack of the course at `version`, signed by `key`.
    static func pack(version: Int, in folder: URL, key: SigningKey) throws -> URL {
        let step = Step(id: "gioi-thieu", title: "Giới thiệu", blocks: [.paragraph([.text("Không chuyển tiền!")])])
        let course = Course(
            id: "nhan-dien-lua-dao", version: version, title: "Nhận diện lừa đảo", language: "vi",
            description: "Học cách nhận biết lừa đảo.",
            lessons: [Lesson(id: "nhan-biet", title: "Nhận biết", steps: [step], quiz: nil)])
        let source = folder.appendingPathComponent("src-\(version)")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        return try PackBuilder(compressionLevel: 3).build(
            course: course, courseFolder: source, into: folder.appendingPathComponent("packs-\(version)"),
            signingKey: key)
    }

    /// The genuine version-2 pack with its manifest and signature record edited, written anew.
    func forged(
        manifest editManifest: (Data) -> Data = { $0 }, signature editSignature: ((inout PackSignature) throws -> Void)?
    ) throws -> URL {
        let reader = try ArchiveReader(path: version2.path)
        let url = folder.appendingPathComponent("forged-\(UUID().uuidString.prefix(8)).hspack")
        let writer = try ArchiveWriter(path: url.path, compression: .zstd(level: 1))
        while var entry = try reader.nextEntry() {
            var data = try reader.readAll(limit: 1 << 26)
            if entry.path == PackFormat.manifestPath { data = editManifest(data) }
            if entry.path == PackFormat.signaturePath {
                guard let editSignature else { continue }
                var record = try PackJSON.decode(PackSignature.self, from: data)
                try editSignature(&record)
                data = try PackJSON.encode(record)
            }
            entry.size = Int64(data.count)
            try writer.beginEntry(entry)
            if entry.type == .regular { try writer.write(data) }
            try writer.finishEntry()
        }
        try writer.close()
        return url
    }

    /// Verifies then installs `pack`; both must reach the same verdict.
    func read(_ pack: URL) -> Verdict {
        let verified = verdict { _ = try PackVerifier().verify(pack: pack, trust: try store.trustPolicy()) }
        let installed = verdict { _ = try store.install(pack: pack) }
        guard verified == installed else { return .refused("pack verify said \(verified), pack install \(installed)") }
        return installed
    }

    func presentGenuine() throws -> Verdict { read(version2) }

    func prepare(_ attack: Attack) throws {
        if attack == .revokedKey {
            _ = try store.trust(SigningKey.generate().publicKey, name: "another publisher")
            _ = try store.untrust(publisher.publicKey)
        }
        // Version 2 is installed; the genuine version-1 pack presented again is the replay.
        if attack == .replay { #expect(try presentGenuine() == .accepted) }
    }

    func present(_ attack: Attack) throws -> Verdict {
        let stranger = SigningKey.generate()
        switch attack {
        case .payloadAltered:
            return read(
                try forged(
                    manifest: {
                        Data(String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "Nhận", with: "Nhan").utf8)
                    },
                    signature: { _ in }))
        case .otherKeyNamingTrustedKey:
            let forgedSignature = try stranger.signature(for: try manifestBytes()).base64EncodedString()
            return read(try forged(signature: { $0.signature = forgedSignature }))
        case .truncatedSignature:
            return read(try forged(signature: { $0.signature = truncated($0.signature) }))
        case .emptySignature:
            return read(try forged(signature: { $0.signature = "" }))
        case .signatureOverOtherBytes:
            let other = try publisher.signature(for: Data(#"{"format":2}"#.utf8)).base64EncodedString()
            return read(try forged(signature: { $0.signature = other }))
        case .unknownAlgorithm:
            return read(try forged(signature: { $0.algorithm = "rsa-sha1" }))
        case .revokedKey:
            return read(version2)
        case .unregisteredKey:
            return read(
                try forged(signature: { record in
                    record.publicKey = stranger.publicKey.base64
                    record.signature = try stranger.signature(for: try manifestBytes()).base64EncodedString()
                }))
        case .replay:
            return read(version1)
        }
    }

    /// The manifest of the genuine version-2 pack, as signed.
    func manifestBytes() throws -> Data {
        let reader = try ArchiveReader(path: version2.path)
        while let entry = try reader.nextEntry() {
            if entry.path == PackFormat.manifestPath { return try reader.readAll(limit: 1 << 26) }
        }
        return Data()
    }

    func state() throws -> String {
        let files = FileManager.default.enumerator(atPath: store.root.path)?.allObjects as? [String] ?? []
        let keys = try store.trustedKeys().map(\.publicKey)
        return "\(files.sorted()) \(keys.sorted())"
    }

    func expectedSentence(_ attack: Attack) -> String? {
        switch attack {
        case .payloadAltered, .otherKeyNamingTrustedKey, .signatureOverOtherBytes:
            return "its signature does not match the manifest"
        case .truncatedSignature, .emptySignature:
            return "the signature in manifest.sig is empty, cut short or malformed"
        case .unknownAlgorithm: return "manifest.sig uses algorithm 'rsa-sha1', not ed25519"
        case .revokedKey, .unregisteredKey: return "which is not in this centre's trust list"
        case .replay: return "version 2 is installed; downgrades are"
        }
    }
}
