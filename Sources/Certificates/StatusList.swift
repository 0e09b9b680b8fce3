import CZlib
import Foundation

/// A hub's revocation list for one centre, as a W3C Bitstring Status List credential: bit `i`
/// of the GZIP-compressed bitstring (`encodedList`, multibase base64url, never shorter than the
/// spec's minimum, `minimumBits`, for privacy) is 1 when the centre's certificate with status index `i` is
/// revoked. HocSo adds `revocations` (id, index, reason) so a centre can say why; the whole is
/// signed by the hub's key with eddsa-jcs-2022, like certificates.
public enum StatusList {
    /// The smallest bitstring the spec allows.
    static let minimumBits = 16 * 1024 * 8

    /// One revoked certificate on the list.
    public struct Entry: Sendable, Equatable {
        /// The certificate's id.
        public var id: String
        /// Its status list index.
        public var index: Int64
        /// Why it was revoked.
        public var reason: String

        /// Makes an entry.
        public init(id: String, index: Int64, reason: String) {
            self.id = id
            self.index = index
            self.reason = reason
        }
    }

    /// The signed status list credential `list` (`urn:hocso:status:<node>`) with `entries` revoked.
    public static func credential(
        list: String, entries: [Entry], issuedAt: Int64, signer: CertificateSigner
    ) throws -> JSONValue {
        let highest = Int(entries.map(\.index).max() ?? 0)
        var bits = [UInt8](
            repeating: 0, count: max(minimumBits, highest + 1).quotientAndRemainder(dividingBy: 8).quotient + 1)
        for entry in entries where entry.index >= 0 {
            bits[Int(entry.index) / 8] |= 0x80 >> UInt8(Int(entry.index) % 8)
        }
        let encoded = "u" + base64url(try gzip(bits))
        let unsigned: JSONValue = .object([
            ("@context", .array([.string("https://www.w3.org/ns/credentials/v2")])),
            ("id", .string(list)),
            ("type", .array([.string("VerifiableCredential"), .string("BitstringStatusListCredential")])),
            ("issuer", .string(signer.didKey.did)),
            ("validFrom", .string(Timestamp.format(milliseconds: issuedAt))),
            (
                "credentialSubject",
                .object([
                    ("id", .string(list + "#list")), ("type", .string("BitstringStatusList")),
                    ("statusPurpose", .string("revocation")), ("encodedList", .string(encoded)),
                ])
            ),
            (
                "revocations",
                .array(
                    entries.map {
                        .object([
                            ("id", .string($0.id)), ("statusListIndex", .string(String($0.index))),
                            ("reason", .string($0.reason)),
                        ])
                    })
            ),
        ])
        return try signer.sign(unsigned, created: Timestamp.format(milliseconds: issuedAt))
    }

    /// The list's id and entries, after checking its proof and that `issuer` signed it.
    public static func read(_ json: JSONValue, issuer: DidKey) throws(CertificateFailure) -> (String, [Entry]) {
        switch DataIntegrityProof.verify(json) {
        case .success(let signer):
            guard signer == issuer, json["issuer"]?.string == issuer.did else {
                throw .untrustedIssuer(signer.did, json["issuer"]?.string ?? "")
            }
        case .failure(.badSignature), .failure(.contextMismatch): throw .signature
        case .failure: throw .malformed("proof")
        }
        guard let list = json["id"]?.string, let revocations = json["revocations"]?.array else {
            throw .malformed("revocations")
        }
        var entries: [Entry] = []
        for item in revocations {
            guard let id = item["id"]?.string, let index = item["statusListIndex"]?.string.flatMap({ Int64($0) })
            else { throw .malformed("revocations") }
            entries.append(Entry(id: id, index: index, reason: item["reason"]?.string ?? ""))
        }
        return (list, entries)
    }

    static func base64url(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// GZIP (RFC 1952) through zlib: window bits 15 + 16 asks deflate for a gzip wrapper.
    static func gzip(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        guard
            deflateInit2_(
                &stream, Z_BEST_COMPRESSION, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { throw CertificateFailure.unreadable }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 32)
        var source = input
        let status = source.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw CertificateFailure.unreadable }
        return Array(output.prefix(Int(stream.total_out)))
    }
}

extension CertificateSigner {
    /// `document` with an eddsa-jcs-2022 proof by this key.
    public func sign(_ document: JSONValue, created: String) throws -> JSONValue {
        try DataIntegrityProof.sign(
            document, with: key, created: created, verificationMethod: didKey.verificationMethod)
    }
}
