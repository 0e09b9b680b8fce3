import ArchiveIO
import CourseModel
import Crypto
import Foundation
import Localization
import Testing

@testable import Packs

/// What reading a pack concluded: accepted with this content, or refused with this kind and sentence.
enum Verdict: Equatable, CustomStringConvertible {
    case accepted(PackManifest, Course, signer: String?, trusted: Bool)
    case refused(PackError.Kind, Phrase)
    /// Anything but a `PackError`: never acceptable.
    case failed(String)

    var description: String {
        switch self {
        case .accepted(let manifest, _, let signer, let trusted):
            "accepted \(manifest.course.id) v\(manifest.course.version) signer \(signer ?? "none") trusted \(trusted)"
        case .refused(let kind, let phrase): "refused \(kind): \(phrase.en)"
        case .failed(let text): "failed: \(text)"
        }
    }

    static func of(_ body: () throws -> Verdict) -> Verdict {
        do {
            return try body()
        } catch let error as PackError {
            return .refused(error.kind, error.phrase)
        } catch {
            return .failed("\(error)")
        }
    }
}

/// Issue 13: `pack install` accepted signed packs `pack verify` refused, and for some reported
/// "installed" while the course then vanished from the store.
@Suite("Packs: install gives exactly verify's verdict on thousands of mutated packs")
struct InstallVerifyDifferentialTests {
    /// A fixed key, so every run builds the same packs.
    static let key = SigningKey(
        key: try! Curve25519.Signing.PrivateKey(rawRepresentation: Data((0..<32).map { UInt8($0 &* 7 &+ 1) })))

    static let rounds = 2400

    /// Every path under `root` with what it holds (a file's SHA-256, a link's target), so a
    /// refused install can be shown to have changed nothing.
    static func snapshot(_ root: URL) -> [String: String] {
        var out: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let item = enumerator?.nextObject() as? String {
            let path = root.appendingPathComponent(item).path
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                out[item] = "-> " + target
            } else if let data = FileManager.default.contents(atPath: path) {
                out[item] = SHA256.hash(data: data).description
            } else {
                out[item] = "folder"
            }
        }
        return out
    }

    /// The verdicts of verify (file and bytes) and install of `pack` on `store`; checks that a
    /// refused install left the store and everything outside it as they were.
    static func verdicts(pack: URL, bytes: Data, store: ContentStore, scratch: Scratch) -> [Verdict] {
        let trust = (try? store.trustPolicy()) ?? TrustPolicy()
        func accepted(_ inspection: PackInspection) -> Verdict {
            .accepted(
                inspection.manifest, inspection.course, signer: inspection.signer?.base64,
                trusted: inspection.isTrusted)
        }
        let verify = Verdict.of { accepted(try PackVerifier().verify(pack: pack, trust: trust)) }
        let fromBytes = Verdict.of {
            accepted(try PackVerifier().verify(.bytes(bytes, name: pack.path), trust: trust))
        }
        let before = snapshot(store.root)
        let outside = scratch.listing(excluding: store.root.lastPathComponent)
        let install = Verdict.of {
            let installed = try store.install(pack: pack, policy: InstallPolicy(allowDowngrade: true))
            // What a learner's client reads back: the course and manifest now in the store.
            guard let listed = store.installedCourse(id: installed.id) else { return .failed("vanished") }
            return .accepted(
                listed.manifest, try store.loadCourse(id: installed.id), signer: listed.signer,
                trusted: installed.isTrusted)
        }
        if case .accepted = install {
        } else {
            #expect(snapshot(store.root) == before, "a refused install changed the store: \(install)")
        }
        #expect(scratch.listing(excluding: store.root.lastPathComponent) == outside)
        return [verify, fromBytes, install]
    }

    @Test("verify, verify from memory and install agree on every mutated pack; refusals change nothing")
    func verdictsAgree() throws {
        let scratch = try Scratch()
        let open = ContentStore(root: scratch.path("open"))
        let trusting = ContentStore(root: scratch.path("trusting"))
        try trusting.trust(Self.key.publicKey, name: "so-giao-duc")
        let v1 = try Sample.pack(Sample.course(version: 1), in: scratch, key: Self.key, into: "v1")
        for store in [open, trusting] { try store.install(pack: v1) }
        let base = try RawPack(reading: try Sample.pack(Sample.course(version: 2), in: scratch, key: Self.key))
        let manifest = try #require(base.data(PackFormat.manifestPath))
        let course = try #require(base.data(PackFormat.coursePath))

        let pack = scratch.path("mutated.hspack")
        var mismatches: [String] = []
        var kinds: [PackError.Kind: Int] = [:]
        var accepted = 0
        var skipped = 0
        for round in 0..<Self.rounds {
            var mutator = PackMutator(seed: 2026_1203 &+ UInt64(round))
            var raw = base
            let category = round % 4
            switch category {
            case 0: raw.replace(PackFormat.manifestPath, with: try mutator.mutateJSON(manifest))
            case 1: try raw.replaceCourseData(try mutator.mutateJSON(course))
            case 2: for _ in 0...mutator.int(0..<2) { try mutator.mutateEntries(&raw) }
            default: break
            }
            if mutator.chance(60) {
                try raw.resign(with: Self.key)
            } else {
                raw.entries.removeAll { $0.header.path == PackFormat.signaturePath }
            }
            let style = mutator.archiveStyle()
            // A few alterations are more than the writer will write (a name over the tar limit):
            // those rounds have no pack to read.
            guard var bytes = try? raw.archive(compressed: style.compressed, format: style.format, at: pack) else {
                skipped += 1
                continue
            }
            if category == 3 {
                bytes = mutator.damage(bytes)
                try bytes.write(to: pack)
            }
            let store = mutator.chance(50) ? trusting : open
            let results = Self.verdicts(pack: pack, bytes: bytes, store: store, scratch: scratch)
            if results.contains(where: { $0 != results[0] }) {
                mismatches.append("round \(round): " + results.map(\.description).joined(separator: " | "))
            }
            switch results[0] {
            case .accepted: accepted += 1
            case .refused(let kind, _): kinds[kind, default: 0] += 1
            case .failed(let text): mismatches.append("round \(round): not a PackError: \(text)")
            }
        }
        #expect(
            mismatches.isEmpty, "\(mismatches.count) rounds disagree:\n\(mismatches.prefix(10).joined(separator: "\n"))"
        )
        // The generator must reach deep: many packs pass every check, many kinds of refusal occur.
        #expect(accepted >= Self.rounds / 20, "\(accepted) accepted")
        #expect(kinds.count >= 12, "\(kinds)")
        #expect(skipped <= Self.rounds / 20, "\(skipped) skipped")
    }
}
