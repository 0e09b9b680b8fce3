import Crypto
import Foundation

/// A `DataIntegrityProof` with the `eddsa-jcs-2022` cryptosuite, exactly as W3C's "Data
/// Integrity EdDSA Cryptosuites v1.0" (§3.3) specifies it:
///
/// 1. the proof configuration is the proof without `proofValue`, with the document's
///    `@context` copied in when the document has one;
/// 2. hashData = SHA-256(JCS(proof configuration)) ‖ SHA-256(JCS(document without `proof`));
/// 3. the Ed25519 signature of hashData, multibase base58btc (`z…`), is the `proofValue`.
public enum DataIntegrityProof {
    /// The cryptosuite's name.
    public static let cryptosuite = "eddsa-jcs-2022"

    /// `document` with a proof by `key` added as its `proof` member.
    ///
    /// `created` is an XML Schema dateTime (`2026-12-03T10:15:00Z`); `verificationMethod` the
    /// key's did:key URL.
    public static func sign(
        _ document: JSONValue, with key: Curve25519.Signing.PrivateKey, created: String,
        verificationMethod: String, proofPurpose: String = "assertionMethod"
    ) throws -> JSONValue {
        var options: [(String, JSONValue)] = [
            ("type", .string("DataIntegrityProof")), ("cryptosuite", .string(cryptosuite)),
            ("created", .string(created)), ("verificationMethod", .string(verificationMethod)),
            ("proofPurpose", .string(proofPurpose)),
        ]
        if let context = document["@context"] { options.append(("@context", context)) }
        let hash = try hashData(document: document.removing("proof"), proofConfiguration: .object(options))
        let signature = try key.signature(for: hash)
        let proofValue = "z" + Base58.encode(Array(signature))
        return document.setting("proof", to: .object(options + [("proofValue", .string(proofValue))]))
    }

    /// SHA-256 of the canonical proof configuration, then SHA-256 of the canonical document.
    public static func hashData(document: JSONValue, proofConfiguration: JSONValue) throws(JCSError) -> Data {
        let proofHash = SHA256.hash(data: try JCS.canonicalize(proofConfiguration))
        let documentHash = SHA256.hash(data: try JCS.canonicalize(document))
        return Data(proofHash) + Data(documentHash)
    }

    /// Checks the proof of `secured`; returns the did:key that signed it.
    public static func verify(_ secured: JSONValue) -> Result<DidKey, ProofFailure> {
        guard let proof = secured["proof"], proof.members != nil else { return .failure(.missing) }
        guard proof["type"]?.string == "DataIntegrityProof", proof["cryptosuite"]?.string == cryptosuite else {
            return .failure(.unsupported(proof["cryptosuite"]?.string ?? proof["type"]?.string ?? "?"))
        }
        guard let created = proof["created"]?.string, Timestamp.parse(created) != nil else {
            return .failure(.malformed("proof.created"))
        }
        guard proof["proofPurpose"]?.string == "assertionMethod" else {
            return .failure(.malformed("proof.proofPurpose"))
        }
        guard let method = proof["verificationMethod"]?.string, let signer = DidKey(method) else {
            return .failure(.unknownVerificationMethod(proof["verificationMethod"]?.string ?? ""))
        }
        guard let value = proof["proofValue"]?.string, value.hasPrefix("z"),
            let signature = Base58.decode(String(value.dropFirst())), signature.count == 64
        else { return .failure(.malformed("proof.proofValue")) }
        var document = secured.removing("proof")
        let options = proof.removing("proofValue")
        if let context = options["@context"] {
            // The proof's contexts must open the document's, in order (§3.3.2 step 4).
            guard let mine = context.array, let theirs = document["@context"]?.array, mine.count <= theirs.count,
                Array(theirs.prefix(mine.count)) == mine
            else { return .failure(.contextMismatch) }
            document = document.setting("@context", to: context)
        }
        guard let hash = try? hashData(document: document, proofConfiguration: options) else {
            return .failure(.malformed("number"))
        }
        guard signer.publicKey.isValidSignature(signature, for: hash) else { return .failure(.badSignature) }
        return .success(signer)
    }
}

/// Why a proof did not verify.
public enum ProofFailure: Error, Sendable, Equatable {
    /// The document has no `proof`.
    case missing
    /// Another kind of proof or cryptosuite (named).
    case unsupported(String)
    /// A proof member is missing or badly formed (named).
    case malformed(String)
    /// The verification method is not an Ed25519 did:key (named).
    case unknownVerificationMethod(String)
    /// The proof's `@context` does not open the document's.
    case contextMismatch
    /// The signature does not match the document: something was changed after signing.
    case badSignature
}
