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

    /// The signer's key if this is a well-formed signature that verifies over `manifest`, else `nil`.
    func verifiedSigner(of manifest: Data) -> PublicKey? {
        guard algorithm == Self.ed25519, let key = PublicKey(base64: publicKey),
            let bytes = Data(base64Encoded: signature), key.isValidSignature(bytes, for: manifest)
        else { return nil }
        return key
    }
}
