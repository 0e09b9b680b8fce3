import Certificates
import Crypto
import Foundation
import HubStore
import ProgressStore
import SyncHub
import Testing

// MARK: - Certificates: a centre's signed credential, read by a hub's verification page (`/verify`)

struct CertificateKind: SignedArtefactKind {
    let name = "certificate"
    func world(in folder: URL) throws -> any ArtefactWorld { try CertificateWorld(folder) }
}

/// A centre registered at a hub issues a credential with its own key; the hub checks pasted
/// credentials against the centres it registered and the revocations it holds.
struct CertificateWorld: ArtefactWorld {
    let folder: URL
    let centre: TestCentre
    let hub: TestHub
    let signer: CertificateSigner

    init(_ folder: URL) throws {
        self.folder = folder
        centre = try TestCentre(in: folder, name: "xa")
        hub = try TestHub(in: folder, name: "huyen")
        try hub.enrol(centre)
        signer = try #require(try centre.store.certificateSigner())
    }

    /// The facts of a certificate for Lan (or another learner), numbered `index` in the status list.
    func facts(learner: String = "Nguyễn Thị Lan", index: Int64 = 1) -> CertificateFacts {
        CertificateFacts(
            id: "urn:uuid:3f1c2b7a-9d3e-4c55-8a21-0b6f4e9d7c1\(index)", issuedAt: 1_764_752_400_000,
            centreName: "Trung tâm HTCĐ xã Tân Phú", learnerName: learner, commune: "Xã Tân Phú",
            course: CourseAchievement(
                courseId: "lua-dao", version: 3, title: "Phòng tránh lừa đảo trên mạng", titleEnglish: nil,
                areas: ["An toàn"], areasEnglish: []),
            status: ("urn:hocso:status:\(centre.nodeId)", index))
    }

    func genuine() throws -> JSONValue { try signer.issue(facts()) }

    /// The credential with its proof's member `member` set to `value`.
    func withProof(_ member: String, _ value: JSONValue) throws -> JSONValue {
        let credential = try genuine()
        let proof = try #require(credential["proof"])
        return credential.setting("proof", to: proof.setting(member, to: value))
    }

    /// Pastes the credential's JSON into the hub's verification, as `/verify` does.
    func read(_ credential: JSONValue, at store: any HubStore) -> Verdict {
        let text = String(decoding: (try? JCS.canonicalize(credential)) ?? Data(), as: UTF8.self)
        switch HubCertificateChecks.verify(text, store: store, now: Date()) {
        case .success: return .accepted
        case .failure(let failure): return .refused(failure.phrase.en)
        }
    }

    func presentGenuine() throws -> Verdict { read(try genuine(), at: hub.store) }

    func prepare(_ attack: Attack) throws {
        if attack == .revokedKey { _ = try HubCenters.revoke(centre.nodeId, in: hub.store, at: 2) }
    }

    func present(_ attack: Attack) throws -> Verdict {
        let trusted = signer.didKey
        switch attack {
        case .payloadAltered:
            return read(try signer.issue(facts()).setting("name", to: .string("Chứng nhận giả")), at: hub.store)
        case .otherKeyNamingTrustedKey:
            let unsigned = try genuine().removing("proof")
            let forged = try DataIntegrityProof.sign(
                unsigned, with: Curve25519.Signing.PrivateKey(), created: "2025-12-03T09:00:00Z",
                verificationMethod: trusted.verificationMethod)
            return read(forged, at: hub.store)
        case .truncatedSignature:
            let value = try #require(try genuine()["proof"]?["proofValue"]?.string)
            return read(try withProof("proofValue", .string(String(value.prefix(44)))), at: hub.store)
        case .emptySignature:
            return read(try withProof("proofValue", .string("")), at: hub.store)
        case .signatureOverOtherBytes:
            // A genuine proof by the trusted key, of another learner's certificate.
            let other = try #require(try signer.issue(facts(learner: "Trần Văn Minh"))["proof"]?["proofValue"])
            return read(try withProof("proofValue", other), at: hub.store)
        case .unknownAlgorithm:
            return read(try withProof("cryptosuite", .string("eddsa-rdfc-2022")), at: hub.store)
        case .revokedKey:
            return read(try genuine(), at: hub.store)
        case .unregisteredKey:
            let stranger = try TestHub(in: folder, name: "la")
            return read(try genuine(), at: stranger.store)
        case .replay:
            return .notApplicable("a certificate is meant to be shown again and again; checking it changes nothing")
        }
    }

    func state() throws -> String {
        let centres = try hub.store.centers().map { "\($0.nodeId):\($0.status)" }
        let revoked = try hub.store.certificateRevocations(node: nil).map(\.id)
        return "\(centres) \(revoked) \(try hub.store.certificates(idPrefix: nil, limit: 100).map(\.id))"
    }

    func expectedSentence(_ attack: Attack) -> String? {
        switch attack {
        case .payloadAltered, .otherKeyNamingTrustedKey, .signatureOverOtherBytes:
            return "the signature does not match: the certificate was changed after it was signed"
        case .truncatedSignature, .emptySignature: return "the member “proof.proofValue” is missing or wrong"
        case .unknownAlgorithm: return "the certificate uses an unsupported proof (“eddsa-rdfc-2022”)"
        case .revokedKey, .unregisteredKey:
            return "the issuer “Trung tâm HTCĐ xã Tân Phú” is not trusted here (key \(signer.didKey.did))"
        case .replay: return nil
        }
    }
}
