import Crypto
import Foundation
import Localization
import Testing

@testable import Packs

/// One forgery tried on a signed pack, and the refusal it must meet (`nil`: accepted). The attacks
/// every signed artefact meets are the pack row of the matrix in
/// Tests/SyncTests/SignatureMatrixTests.swift; these are the ones only a pack has.
struct PackAttack: CustomTestStringConvertible, Sendable {
    let name: String
    let expected: PackError.Kind?
    /// Alters the pack's entries; `signer` is the trusted publisher's key, `stranger` another.
    let forge: @Sendable (inout RawPack, SigningKey, SigningKey) throws -> Void

    var testDescription: String { name }

    static func setSignature(_ pack: inout RawPack, _ edit: (inout PackSignature) -> Void) throws {
        var record = try PackJSON.decode(PackSignature.self, from: pack.data(PackFormat.signaturePath) ?? Data())
        edit(&record)
        pack.replace(PackFormat.signaturePath, with: try PackJSON.encode(record))
    }

    static let all: [PackAttack] = [
        PackAttack(name: "a valid signature by the trusted key", expected: nil) { _, _, _ in },
        PackAttack(name: "a key that is not a valid Ed25519 key", expected: .badSignature) { pack, _, _ in
            try setSignature(&pack) { $0.publicKey = Data(count: 7).base64EncodedString() }
        },
        PackAttack(name: "no signature at a centre that trusts a key", expected: .missingSignature) { pack, _, _ in
            pack.entries.removeAll { $0.header.path == PackFormat.signaturePath }
        },
    ]
}

@Suite("Packs: the forgeries only a pack has are refused with their own sentence, nothing changed")
struct PackSignatureAttackTests {
    @Test(arguments: PackAttack.all)
    func attack(_ attack: PackAttack) throws {
        let scratch = try Scratch()
        let signer = SigningKey.generate()
        let stranger = SigningKey.generate()
        let store = ContentStore(root: scratch.path("store"))
        try store.trust(signer.publicKey, name: "publisher")
        let v1 = Sample.course(version: 1)
        try store.install(pack: try Sample.pack(v1, in: scratch, key: signer, into: "v1"))

        var raw = try RawPack(reading: try Sample.pack(Sample.course(version: 2), in: scratch, key: signer))
        try attack.forge(&raw, signer, stranger)
        let pack = scratch.path("forged.hspack")
        try raw.write(to: pack)
        let before = InstallVerifyDifferentialTests.snapshot(store.root)

        let verify = Verdict.of {
            let result = try PackVerifier().verify(pack: pack, trust: try store.trustPolicy())
            return .accepted(result.manifest, result.course, signer: result.signer?.base64, trusted: result.isTrusted)
        }
        let install = Verdict.of {
            let installed = try store.install(pack: pack)
            return .accepted(
                try #require(store.installedCourse(id: installed.id)).manifest, try store.loadCourse(id: installed.id),
                signer: installed.signer, trusted: installed.isTrusted)
        }
        #expect(install == verify)
        guard let expected = attack.expected else {
            guard case .accepted(_, let course, let signed, let trusted) = install else {
                Issue.record("refused: \(install)")
                return
            }
            #expect(course.version == 2 && signed == signer.publicKey.base64 && trusted)
            return
        }
        guard case .refused(let kind, let phrase) = install else {
            Issue.record("accepted: \(install)")
            return
        }
        #expect(kind == expected)
        #expect(phrase.vi != phrase.en && !phrase.vi.isEmpty)
        #expect(InstallVerifyDifferentialTests.snapshot(store.root) == before)
        #expect(try store.loadCourse(id: v1.id) == v1)
    }

    @Test("each attack is refused with its own sentence where the cause differs")
    func distinctSentences() throws {
        // Altered payload, another key and other bytes cannot be told apart by the check (each is
        // "does not match"); every other refusal says its own cause.
        let causes = [
            PackText.signatureUnreadable, PackText.signatureAlgorithm("x"), PackText.signerKeyMalformed,
            PackText.signatureMalformed, PackText.signatureMismatch, PackText.unsigned,
            PackText.untrusted(SigningKey.generate().publicKey),
        ]
        #expect(Set(causes.map(\.en)).count == causes.count)
        #expect(Set(causes.map(\.vi)).count == causes.count)
    }
}
