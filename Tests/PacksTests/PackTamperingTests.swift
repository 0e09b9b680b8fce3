import Foundation
import Testing

@testable import Packs

@Suite("Packs: damage and wrong keys are caught and named")
struct PackTamperingTests {
    /// Offsets spread over the whole pack: every one in the first 600 bytes (zstd frame header,
    /// the manifest), then a stride through the rest, and the last bytes.
    static func offsets(count: Int) -> [Int] {
        Array(
            Set(
                Array(0..<min(600, count)) + Array(stride(from: 600, to: count, by: 7))
                    + Array(max(0, count - 20)..<count))
        ).sorted()
    }

    /// A flip that reaches only tar padding (the zeros after an entry's data, which tar readers
    /// skip) changes nothing that is installed; libarchive's zstd writer sets no frame checksum,
    /// so it cannot be seen. Such flips must leave the verified content identical and stay rare.
    @Test("a flipped byte at any offset of a signed pack is refused with a named reason, or changes nothing")
    func flippedBytes() throws {
        let scratch = try Scratch()
        let key = SigningKey.generate()
        let pack = try Sample.pack(in: scratch, key: key)
        let original = try Data(contentsOf: pack)
        let damaged = scratch.path("damaged.hspack")
        let intact = try PackVerifier().verify(pack: pack, trust: TrustPolicy(trustedKeys: [key.publicKey]))
        var harmless = 0
        var reasons: [PackError.Kind: Int] = [:]
        var missed: [Int] = []
        for offset in Self.offsets(count: original.count) {
            var bytes = original
            bytes[offset] ^= 0xFF
            try bytes.write(to: damaged)
            do {
                let read = try PackVerifier().verify(
                    pack: damaged, trust: TrustPolicy(trustedKeys: [key.publicKey]))
                if read.manifest == intact.manifest && read.course == intact.course && read.signer == intact.signer {
                    harmless += 1
                } else {
                    missed.append(offset)
                }
            } catch let error as PackError {
                reasons[error.kind, default: 0] += 1
                #expect(error.isOneSentence)
                #expect(error.description.contains("refused: "))
            }
        }
        #expect(missed.isEmpty, "flips that changed content were not caught at offsets \(missed)")
        #expect(harmless * 100 <= Self.offsets(count: original.count).count, "\(harmless) flips went unnoticed")
        // Damage is named for what it hit, not lumped together.
        #expect(reasons.keys.count >= 2, "\(reasons)")
    }

    @Test("a truncated pack is refused as a corrupt or truncated stream", arguments: [0.25, 0.5, 0.9, 0.99])
    func truncated(fraction: Double) throws {
        let scratch = try Scratch()
        let pack = try Sample.pack(in: scratch)
        let data = try Data(contentsOf: pack)
        let cut = scratch.path("cut.hspack")
        try data.prefix(Int(Double(data.count) * fraction)).write(to: cut)
        let error = try #require(throws: PackError.self) {
            try PackVerifier().verify(pack: cut)
        }
        #expect([.corruptStream, .missingEntry, .notAnArchive].contains(error.kind), "\(error)")
    }

    @Test("a pack signed by another key is refused when trust is given")
    func wrongKey() throws {
        let scratch = try Scratch()
        let pack = try Sample.pack(in: scratch, key: SigningKey.generate())
        let other = SigningKey.generate().publicKey
        let error = try #require(throws: PackError.self) {
            try PackVerifier().verify(pack: pack, trust: TrustPolicy(trustedKeys: [other]))
        }
        #expect(error.kind == .untrustedSignature)
        #expect(error.description.contains("not in this centre's trust list"))
        let store = ContentStore(root: scratch.path("store"))
        try store.trust(other, name: "other")
        let install = try #require(throws: PackError.self) { try store.install(pack: pack) }
        #expect(install.kind == .untrustedSignature)
        #expect(try store.installedCourses().isEmpty)
    }

    @Test("an unsigned pack is refused when a signature is required, accepted otherwise")
    func unsigned() throws {
        let scratch = try Scratch()
        let pack = try Sample.pack(in: scratch)
        let error = try #require(throws: PackError.self) {
            try PackVerifier().verify(pack: pack, trust: TrustPolicy(trustedKeys: [SigningKey.generate().publicKey]))
        }
        #expect(error.kind == .missingSignature)
        #expect(throws: Never.self) { try PackVerifier().verify(pack: pack) }
    }

    @Test("a signature moved onto another manifest does not verify")
    func signatureTransplant() throws {
        let scratch = try Scratch()
        let key = SigningKey.generate()
        let signedV1 = try RawPack(
            reading: try Sample.pack(Sample.course(version: 1), in: scratch, key: key, into: "a"))
        var v2 = try RawPack(reading: try Sample.pack(Sample.course(version: 2), in: scratch, key: key, into: "b"))
        v2.replace("manifest.sig", with: signedV1.data("manifest.sig") ?? Data())
        let pack = scratch.path("transplant.hspack")
        try v2.write(to: pack)
        let error = try #require(throws: PackError.self) {
            try PackVerifier().verify(pack: pack, trust: TrustPolicy(trustedKeys: [key.publicKey]))
        }
        #expect(error.kind == .badSignature)
        #expect(error.description.contains("signature does not match the manifest"))
    }

    @Test("key files round-trip; the private key is owner-only; existing files are not overwritten")
    func keyFiles() throws {
        let scratch = try Scratch()
        let key = SigningKey.generate()
        let (privateURL, publicURL) = try key.write(name: "trainer", in: scratch.url)
        let attributes = try FileManager.default.attributesOfItem(atPath: privateURL.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try SigningKey(contentsOf: privateURL).publicKey == key.publicKey)
        #expect(try PublicKey(contentsOf: publicURL) == key.publicKey)
        #expect(try String(contentsOf: publicURL, encoding: .utf8).hasPrefix("hocso ed25519 public key\n"))
        let again = try #require(throws: PackError.self) { try key.write(name: "trainer", in: scratch.url) }
        #expect(again.kind == .badKey)
        let wrongType = try #require(throws: PackError.self) { try PublicKey(contentsOf: privateURL) }
        #expect(wrongType.kind == .badKey)
    }
}
