import Foundation

/// `manifest.sig`: the Ed25519 signature of the exact bytes of `manifest.json`.
public struct PackSignature: Sendable, Equatable, Codable {
    /// Always `ed25519`.
    public var algorithm: String
    /// The signer's public key, base64.
    public var publicKey: String
    /// The signature, base64.
    public var signature: String

    /// Makes a signature record.
    public init(algorithm: String, publicKey: String, signature: String) {
        self.algorithm = algorithm
        self.publicKey = publicKey
        self.signature = signature
    }

    static let ed25519 = "ed25519"

    /// Signs `manifest` with `key`.
    init(signing manifest: Data, with key: SigningKey) throws {
        self.init(
            algorithm: Self.ed25519, publicKey: key.publicKey.base64,
            signature: try key.signature(for: manifest).base64EncodedString())
    }

    /// The key that signed `manifest`, if `record` (the bytes of `manifest.sig`) is a well-formed
    /// Ed25519 signature that verifies over it; else the refusal of `pack` naming what is wrong.
    static func verifiedSigner(record: Data, manifest: Data, pack: String) throws -> PublicKey {
        guard let signature = try? PackJSON.decode(PackSignature.self, from: record) else {
            throw PackError.refused(.badSignature, pack: pack, PackText.signatureUnreadable)
        }
        guard signature.algorithm == Self.ed25519 else {
            throw PackError.refused(.badSignature, pack: pack, PackText.signatureAlgorithm(signature.algorithm))
        }
        guard let key = PublicKey(base64: signature.publicKey) else {
            throw PackError.refused(.badSignature, pack: pack, PackText.signerKeyMalformed)
        }
        guard let bytes = Data(base64Encoded: signature.signature), bytes.count == 64 else {
            throw PackError.refused(.badSignature, pack: pack, PackText.signatureMalformed)
        }
        guard key.isValidSignature(bytes, for: manifest) else {
            throw PackError.refused(.badSignature, pack: pack, PackText.signatureMismatch)
        }
        return key
    }
}
