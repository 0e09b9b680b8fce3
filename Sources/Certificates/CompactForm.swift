import CZlib
import Foundation

/// The QR code's text: `HS1:` followed by the base45 (RFC 9285) of the zlib-compressed
/// (RFC 1950) JCS bytes of the whole signed credential.
///
/// Self-contained — the credential comes back byte for byte, proof included, so a phone or
/// `hocso cert verify` needs nothing else — and every character is in a QR code's
/// alphanumeric set, which packs 5.5 bits per character. `HS1` names the form's version.
public enum CompactForm {
    /// The prefix, which also tells `hocso cert verify` which input it was given.
    public static let prefix = "HS1:"

    /// The largest credential accepted back (guards against a small QR inflating to gigabytes).
    static let maxInflated = 64 * 1024

    /// The QR text of `credential`.
    public static func encode(_ credential: JSONValue) throws -> String {
        let canonical = Array(try JCS.canonicalize(credential))
        var length = compressBound(uLong(canonical.count))
        var out = [UInt8](repeating: 0, count: Int(length))
        let status = compress2(&out, &length, canonical, uLong(canonical.count), Z_BEST_COMPRESSION)
        guard status == Z_OK else { throw CertificateFailure.unreadable }
        return prefix + Base45.encode(Array(out.prefix(Int(length))))
    }

    /// The credential in a QR text.
    public static func decode(_ text: String) throws(CertificateFailure) -> JSONValue {
        guard text.hasPrefix(prefix), let compressed = Base45.decode(String(text.dropFirst(prefix.count))),
            !compressed.isEmpty
        else { throw .unreadable }
        var out = [UInt8](repeating: 0, count: maxInflated)
        var length = uLong(maxInflated)
        let status = uncompress(&out, &length, compressed, uLong(compressed.count))
        guard status == Z_OK, let value = try? JSONValue.parse(Data(out.prefix(Int(length)))) else {
            throw .unreadable
        }
        return value
    }
}
