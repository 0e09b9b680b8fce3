import Foundation

/// The headers of a signed request from a node to a hub.
///
/// The signature is Ed25519 over
/// `hocso-request-1\n<METHOD>\n<path>\n<timestamp>\n<nonce>\n<sha256 of body, hex>\n<node>`.
/// A hub refuses timestamps more than `SignedRequest.maxSkew` from its clock and any nonce it
/// has already seen from that node, so a captured request can be neither replayed nor altered.
public struct SignedRequest: Sendable, Equatable {
    /// Header names.
    public enum Header {
        /// The sending node.
        public static let node = "X-HocSo-Node"
        /// ms since 1970 on the sender's clock.
        public static let timestamp = "X-HocSo-Timestamp"
        /// 32 random hex characters, never reused; also the idempotency key of the request.
        public static let nonce = "X-HocSo-Nonce"
        /// SHA-256 of the body, hex (informative: the hub computes its own).
        public static let contentSHA256 = "X-HocSo-Content-SHA256"
        /// Ed25519 signature, base64.
        public static let signature = "X-HocSo-Signature"
    }

    /// How far a request's timestamp may be from the hub's clock: 5 minutes.
    public static let maxSkew: Int64 = 5 * 60 * 1000

    /// The sending node.
    public var node: String
    /// ms since 1970.
    public var timestamp: Int64
    /// Random, single use.
    public var nonce: String
    /// Base64 signature.
    public var signature: String

    /// Makes headers from their values.
    public init(node: String, timestamp: Int64, nonce: String, signature: String) {
        self.node = node
        self.timestamp = timestamp
        self.nonce = nonce
        self.signature = signature
    }

    /// The bytes signed.
    public static func signedBytes(
        method: String, path: String, timestamp: Int64, nonce: String, bodySHA256: String, node: String
    ) -> Data {
        Data("hocso-request-1\n\(method.uppercased())\n\(path)\n\(timestamp)\n\(nonce)\n\(bodySHA256)\n\(node)".utf8)
    }

    /// Signs a request.
    public static func sign(method: String, path: String, body: Data, node: String, key: NodeKey, at timestamp: Int64)
        throws -> SignedRequest
    {
        let nonce = randomNonce()
        let bytes = signedBytes(
            method: method, path: path, timestamp: timestamp, nonce: nonce, bodySHA256: Digest.sha256Hex(body),
            node: node)
        return SignedRequest(node: node, timestamp: timestamp, nonce: nonce, signature: try key.sign(bytes))
    }

    /// The headers to send.
    public func headers(body: Data) -> [String: String] {
        [
            Header.node: node, Header.timestamp: String(timestamp), Header.nonce: nonce,
            Header.contentSHA256: Digest.sha256Hex(body), Header.signature: signature,
        ]
    }

    /// 128 random bits in hex.
    static func randomNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return Digest.hex((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}
