import Crypto
import Foundation

/// A `did:key` for an Ed25519 public key (W3C CCG did:key method): `did:key:z` followed by the
/// base58btc of the multicodec prefix `0xed 0x01` and the 32 key bytes. Its one verification
/// method is `did:key:z6Mk…#z6Mk…`.
public struct DidKey: Sendable, Hashable {
    /// The Ed25519 public key.
    public let publicKey: Curve25519.Signing.PublicKey

    /// The multicodec prefix of an Ed25519 public key (varint of 0xed).
    static let ed25519Prefix: [UInt8] = [0xED, 0x01]

    /// The did:key of `publicKey`.
    public init(publicKey: Curve25519.Signing.PublicKey) {
        self.publicKey = publicKey
    }

    /// The did:key of a raw 32-byte Ed25519 public key; nil for anything else.
    public init?(rawPublicKey: Data) {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawPublicKey) else { return nil }
        self.publicKey = key
    }

    /// Reads `did:key:z6Mk…`, with or without a `#fragment` naming its verification method (the
    /// fragment must then be the key's own multibase). Nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts[0].hasPrefix("did:key:") else { return nil }
        let multibase = String(parts[0].dropFirst("did:key:".count))
        if parts.count == 2, parts[1] != multibase { return nil }
        guard let key = Self.publicKey(multibase: multibase) else { return nil }
        self.publicKey = key
    }

    /// The key from its multibase form `z6Mk…`; nil unless it is an Ed25519 public key.
    public static func publicKey(multibase: String) -> Curve25519.Signing.PublicKey? {
        guard multibase.hasPrefix("z"), let bytes = Base58.decode(String(multibase.dropFirst())),
            bytes.count == 34, Array(bytes.prefix(2)) == ed25519Prefix
        else { return nil }
        return try? Curve25519.Signing.PublicKey(rawRepresentation: bytes.dropFirst(2))
    }

    /// The key's multibase form, `z6Mk…`.
    public var multibase: String {
        "z" + Base58.encode(Self.ed25519Prefix + Array(publicKey.rawRepresentation))
    }

    /// `did:key:z6Mk…`.
    public var did: String { "did:key:" + multibase }

    /// The verification method a proof names: `did:key:z6Mk…#z6Mk…`.
    public var verificationMethod: String { did + "#" + multibase }

    /// A short fingerprint people can compare by eye: the SHA-256 of the raw key, the first 16
    /// hex digits in groups of four (`3f2a 91c0 …`).
    public var fingerprint: String {
        let hex = SHA256.hash(data: publicKey.rawRepresentation).prefix(8).map { String(format: "%02x", $0) }
            .joined()
        return stride(from: 0, to: 16, by: 4).map { offset in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return String(hex[start..<hex.index(start, offsetBy: 4)])
        }.joined(separator: " ")
    }

    /// Two did:keys are the same when their keys are.
    public static func == (lhs: DidKey, rhs: DidKey) -> Bool {
        lhs.publicKey.rawRepresentation == rhs.publicKey.rawRepresentation
    }

    /// Hashes the raw key.
    public func hash(into hasher: inout Hasher) { hasher.combine(publicKey.rawRepresentation) }
}
