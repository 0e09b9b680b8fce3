import Crypto
import Foundation

/// Passwords stored as salted PBKDF2-HMAC-SHA256: `pbkdf2-sha256$<rounds>$<salt>$<hash>` (base64),
/// the same form as the centres' PINs.
///
/// PBKDF2 is written out over swift-crypto's HMAC (RFC 8018 §5.2) because this module does not
/// link `_CryptoExtras`; the tests check it against published test vectors.
public enum PasswordHash {
    /// OWASP's 2023 minimum for PBKDF2-HMAC-SHA256.
    public static let defaultRounds = 210_000

    /// A new salted hash of `password` (NFC-normalised first, so the same typed text always matches).
    public static func make(_ password: String, rounds: Int = defaultRounds) -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let hash = pbkdf2(Array(normalised(password).utf8), salt: salt, rounds: rounds, length: 32)
        return "pbkdf2-sha256$\(rounds)$\(Data(salt).base64EncodedString())$\(Data(hash).base64EncodedString())"
    }

    /// Whether `password` matches `stored`, comparing in constant time.
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let rounds = Int(parts[1]),
            (1...10_000_000).contains(rounds),
            let salt = Data(base64Encoded: parts[2]), let expected = Data(base64Encoded: parts[3]), !expected.isEmpty
        else { return false }
        let actual = pbkdf2(Array(normalised(password).utf8), salt: Array(salt), rounds: rounds, length: expected.count)
        return zip(actual, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func normalised(_ s: String) -> String { s.precomposedStringWithCanonicalMapping }

    /// PBKDF2 with HMAC-SHA256 as the PRF.
    static func pbkdf2(_ password: [UInt8], salt: [UInt8], rounds: Int, length: Int) -> [UInt8] {
        let key = SymmetricKey(data: password)
        var out: [UInt8] = []
        var block: UInt32 = 1
        while out.count < length {
            var u = Array(
                HMAC<SHA256>.authenticationCode(
                    for: salt + withUnsafeBytes(of: block.bigEndian, Array.init), using: key))
            var t = u
            if rounds > 1 {
                for _ in 1..<rounds {
                    u = Array(HMAC<SHA256>.authenticationCode(for: u, using: key))
                    for i in 0..<t.count { t[i] ^= u[i] }
                }
            }
            out += t
            block += 1
        }
        return Array(out.prefix(length))
    }
}
