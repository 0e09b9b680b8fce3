import Foundation
import Localization

/// Why a certificate was refused: each its own sentence (`phrase`), so the person checking
/// knows whether it was altered, issued by someone unknown, withdrawn, out of date or someone
/// else's.
public enum CertificateFailure: PhrasedError, Equatable {
    /// Not JSON, not a page with a credential, not a QR text of ours.
    case unreadable
    /// A member is missing or wrong (named).
    case malformed(String)
    /// The proof is not an eddsa-jcs-2022 proof by an Ed25519 did:key (named).
    case unsupportedProof(String)
    /// The signature does not match: the credential was changed after signing.
    case signature
    /// The proof's key is not the issuer's: someone re-signed another centre's certificate.
    case issuerMismatch
    /// Signed correctly, by a key this place does not trust (did:key, issuer name as written).
    case untrustedIssuer(String, String)
    /// Revoked per the last status list held (with the reason given, if any).
    case revoked(String?)
    /// Past its `validUntil`.
    case expired(Date)
    /// Before its `validFrom`.
    case notYetValid(Date)
    /// Issued to someone else (the name on the certificate).
    case otherLearner(String)

    /// The sentence that says what failed.
    public var phrase: Phrase {
        switch self {
        case .unreadable: CertificatesText.unreadable
        case .malformed(let member): CertificatesText.malformed(member)
        case .unsupportedProof(let what): CertificatesText.unsupportedProof(what)
        case .signature: CertificatesText.badSignature
        case .issuerMismatch: CertificatesText.issuerMismatch
        case .untrustedIssuer(let did, let name): CertificatesText.untrustedIssuer(did, name)
        case .revoked(let reason): CertificatesText.revoked(reason)
        case .expired(let date): CertificatesText.expired(Timestamp.vietnamDay(date))
        case .notYetValid(let date): CertificatesText.notYetValid(Timestamp.vietnamDay(date))
        case .otherLearner(let name): CertificatesText.otherLearner(name)
        }
    }
}

/// Whom a verifier trusts and what it knows to be revoked: centres' keys (a centre trusts its
/// own key and those of centres its hub lists), and revoked certificate ids with their reasons.
public struct CertificateTrust: Sendable {
    /// Trusted issuer keys.
    public var trustedIssuers: Set<DidKey>
    /// Revoked certificate ids → the reason given (may be empty).
    public var revoked: [String: String]

    /// Makes a policy.
    public init(trustedIssuers: Set<DidKey>, revoked: [String: String] = [:]) {
        self.trustedIssuers = trustedIssuers
        self.revoked = revoked
    }
}

/// Verifies certificates offline: the proof, the issuer, revocation, validity dates, the learner.
public enum CertificateVerifier {
    /// The credential in `text`: credential JSON, a printed page that embeds one, or the QR text.
    public static func extract(_ text: String) throws(CertificateFailure) -> JSONValue {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix(CompactForm.prefix) {
            return try CompactForm.decode(trimmed)
        }
        if trimmed.hasPrefix("{") {
            guard let value = try? JSONValue.parse(trimmed) else { throw .unreadable }
            return value
        }
        // A printed page: the credential sits in its one `application/ld+json` script.
        let open = "<script type=\"application/ld+json\">"
        guard let start = trimmed.range(of: open),
            let end = trimmed.range(of: "</script>", range: start.upperBound..<trimmed.endIndex)
        else { throw .unreadable }
        let embedded = String(trimmed[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "<\\/", with: "</")
        guard let value = try? JSONValue.parse(embedded) else { throw .unreadable }
        return value
    }

    /// Checks `json` in the order a person needs: readable, untouched, from a trusted centre,
    /// not revoked, in date, and (when `learnerName` is given) theirs.
    public static func verify(
        _ json: JSONValue, policy: CertificateTrust, now: Date, learnerName: String? = nil
    ) -> Result<Certificate, CertificateFailure> {
        let certificate: Certificate
        do throws(CertificateFailure) {
            certificate = try Certificate(json)
        } catch {
            return .failure(error)
        }
        switch DataIntegrityProof.verify(json) {
        case .failure(.badSignature), .failure(.contextMismatch): return .failure(.signature)
        case .failure(.missing): return .failure(.malformed("proof"))
        case .failure(.malformed(let member)): return .failure(.malformed(member))
        case .failure(.unsupported(let what)), .failure(.unknownVerificationMethod(let what)):
            return .failure(.unsupportedProof(what))
        case .success(let signer):
            guard signer == certificate.issuer else { return .failure(.issuerMismatch) }
        }
        guard policy.trustedIssuers.contains(certificate.issuer) else {
            return .failure(.untrustedIssuer(certificate.issuer.did, certificate.centreName))
        }
        if let reason = policy.revoked[certificate.id] { return .failure(.revoked(reason.isEmpty ? nil : reason)) }
        if let until = certificate.validUntil, now > until { return .failure(.expired(until)) }
        // A minute's grace for clocks that disagree between centre and verifier.
        if certificate.validFrom > now.addingTimeInterval(60) { return .failure(.notYetValid(certificate.validFrom)) }
        if let learnerName, comparable(learnerName) != comparable(certificate.learnerName) {
            return .failure(.otherLearner(certificate.learnerName))
        }
        return .success(certificate)
    }

    /// A name as compared: NFC, case folded, inner spaces collapsed.
    static func comparable(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.lowercased().split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }
}
