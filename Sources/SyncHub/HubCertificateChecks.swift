import Certificates
import Foundation
import HubStore
import Localization

/// What a hub says about certificates: the status list it signs for a centre, and verification
/// against the centres it has registered and the revocations it holds.
public enum HubCertificateChecks {
    /// The signed Bitstring Status List of `node`'s certificates, by the hub's key (`key`: the
    /// base64 seed of `HubIdentity.key`).
    public static func statusList(for node: String, store: any HubStore, key: String, now: Int64) throws -> JSONValue {
        guard let seed = Data(base64Encoded: key), let signer = CertificateSigner(seed: seed) else {
            throw HubStoreError(.notFound, HubSyncText.noCertificateKey)
        }
        let entries = try store.certificateRevocations(node: node).map {
            StatusList.Entry(id: $0.id, index: $0.index, reason: $0.reason)
        }
        return try StatusList.credential(
            list: "urn:hocso:status:\(node)", entries: entries, issuedAt: now, signer: signer)
    }

    /// What the hub trusts: the keys of the centres registered here and not revoked, and every
    /// revocation it holds.
    public static func trust(_ store: any HubStore) throws -> CertificateTrust {
        let keys = try store.centers().filter { $0.status == .active }.compactMap { center in
            Data(base64Encoded: center.publicKey).flatMap(DidKey.init(rawPublicKey:))
        }
        let revoked = try store.certificateRevocations(node: nil).map { ($0.id, $0.reason) }
        return CertificateTrust(
            trustedIssuers: Set(keys), revoked: Dictionary(revoked, uniquingKeysWith: { first, _ in first }))
    }

    /// Verifies pasted text (credential JSON, a printed page, or the QR text) at this hub.
    public static func verify(_ text: String, store: any HubStore, now: Date) -> Result<Certificate, CertificateFailure>
    {
        do throws(CertificateFailure) {
            let json = try CertificateVerifier.extract(text)
            guard let trust = try? trust(store) else { return .failure(.unreadable) }
            return CertificateVerifier.verify(json, policy: trust, now: now)
        } catch {
            return .failure(error)
        }
    }
}
