import Foundation
import Testing

@testable import Packs

@Suite("Packs: the centre's trust list decides which packs install")
struct TrustListTests {
    /// Issue 13: trust was typed on every command, and unsigned packs installed by default.
    @Test("regression: trust typed on every command — once a key is in the list, only its packs install")
    func trustTypedOnEveryCommand() throws {
        let scratch = try Scratch()
        let store = ContentStore(root: scratch.path("store"))
        let publisher = SigningKey.generate()
        let unsigned = try Sample.pack(Sample.course(version: 1), in: scratch, into: "unsigned")
        let stranger = try Sample.pack(Sample.course(version: 2), in: scratch, key: SigningKey.generate(), into: "s")
        let signed = try Sample.pack(Sample.course(version: 3), in: scratch, key: publisher, into: "signed")

        // No list yet: a trainer's own machine installs what it built.
        #expect(try store.trustedKeys().isEmpty)
        try store.install(pack: unsigned)

        #expect(try store.trust(publisher.publicKey, name: "so-giao-duc"))
        #expect(try !store.trust(publisher.publicKey, name: "again"), "already trusted")
        #expect(try store.trustedKeys() == [TrustedKey(name: "so-giao-duc", publicKey: publisher.publicKey.base64)])
        // A later command, with no key typed, still refuses what the list does not cover.
        let refusedUnsigned = try #require(throws: PackError.self) {
            try ContentStore(root: store.root).install(pack: unsigned)
        }
        #expect(refusedUnsigned.kind == .missingSignature)
        let refusedStranger = try #require(throws: PackError.self) { try store.install(pack: stranger) }
        #expect(refusedStranger.kind == .untrustedSignature)
        #expect(try store.installedCourses().map(\.version) == [1])

        let installed = try store.install(pack: signed)
        #expect(installed.isTrusted && installed.signer == publisher.publicKey.base64)
        #expect(try store.installedCourses().map(\.version) == [3])
    }

    @Test("the operator's override installs an unsigned or untrusted pack; a forged one never")
    func override() throws {
        let scratch = try Scratch()
        let store = ContentStore(root: scratch.path("store"))
        try store.trust(SigningKey.generate().publicKey, name: "so-giao-duc")
        let stranger = try Sample.pack(in: scratch, key: SigningKey.generate())
        let installed = try store.install(pack: stranger, policy: InstallPolicy(allowUntrusted: true))
        #expect(!installed.isTrusted)

        var raw = try RawPack(reading: stranger)
        try PackAttack.setSignature(&raw) { $0.signature = "" }
        let forged = scratch.path("forged.hspack")
        try raw.write(to: forged)
        let error = try #require(throws: PackError.self) {
            try store.install(pack: forged, policy: InstallPolicy(allowUntrusted: true))
        }
        #expect(error.kind == .badSignature)
    }

    @Test("removing the last key lets unsigned packs install again")
    func removeLast() throws {
        let scratch = try Scratch()
        let store = ContentStore(root: scratch.path("store"))
        let key = SigningKey.generate().publicKey
        try store.trust(key, name: "k")
        #expect(try store.untrust(key))
        #expect(try !store.untrust(key))
        #expect(try store.trustedKeys().isEmpty)
        try store.install(pack: try Sample.pack(in: scratch))
    }

    @Test(
        "a damaged trust list refuses every install rather than trusting nothing",
        arguments: ["{", "[]", #"{"keys":[{"name":"x","publicKey":"AAAA"}]}"#])
    func damaged(_ text: String) throws {
        let scratch = try Scratch()
        let store = ContentStore(root: scratch.path("store"))
        let v1 = Sample.course(version: 1)
        try store.install(pack: try Sample.pack(v1, in: scratch))
        try Data(text.utf8).write(to: store.trustListURL)
        let error = try #require(throws: PackError.self) {
            try store.install(pack: try Sample.pack(Sample.course(version: 2), in: scratch, into: "v2"))
        }
        #expect(error.kind == .badTrustList)
        #expect(error.phrase.vi.contains("bị hỏng"))
        #expect(try store.loadCourse(id: v1.id) == v1)
        #expect(throws: PackError.self) { try store.trust(SigningKey.generate().publicKey, name: "x") }
    }

    @Test("the list survives as a file in the store, readable by another store value")
    func persisted() throws {
        let scratch = try Scratch()
        let key = SigningKey.generate().publicKey
        try ContentStore(root: scratch.path("store")).trust(key, name: "Sở GD Hà Giang")
        let text = try String(contentsOf: scratch.path("store/trust.json"), encoding: .utf8)
        #expect(text.contains(key.base64) && text.contains("Sở GD Hà Giang"))
        #expect(try ContentStore(root: scratch.path("store")).trustPolicy().trustedKeys == [key])
        #expect(
            try ContentStore(root: scratch.path("store")).trustPolicy(allowUntrusted: true).requiresTrustedSigner
                == false)
    }
}
