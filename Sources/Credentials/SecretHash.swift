import Crypto
import Foundation
import _CryptoExtras

/// Secrets people type — learners' PINs, coordinators' passwords — stored as salted
/// PBKDF2-HMAC-SHA256 hashes: `pbkdf2-sha256$<rounds>$<salt>$<hash>` (base64).
///
/// A 4–6 digit PIN has at most a million values, so no hash makes a stolen database safe; the
/// iterations make each guess cost a few hundred milliseconds. Text is NFC-normalised first, so
/// the same typed text always matches whatever the keyboard sent.
public enum SecretHash {
    /// OWASP's 2023 minimum for PBKDF2-HMAC-SHA256.
    public static let defaultRounds = 210_000

    /// A new salted hash of `secret`.
    public static func make(_ secret: String, rounds: Int = defaultRounds) -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let hash = derive(secret, salt: salt, rounds: rounds, length: 32) ?? []
        return "pbkdf2-sha256$\(rounds)$\(Data(salt).base64EncodedString())$\(Data(hash).base64EncodedString())"
    }

    /// Whether `secret` matches `stored` (constant-time comparison of the derived keys).
    public static func verify(_ secret: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let rounds = Int(parts[1]),
            (1...10_000_000).contains(rounds), let salt = Data(base64Encoded: parts[2]),
            let expected = Data(base64Encoded: parts[3]), (16...64).contains(expected.count),
            let actual = derive(secret, salt: Array(salt), rounds: rounds, length: expected.count)
        else { return false }
        return zip(actual, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func derive(_ secret: String, salt: [UInt8], rounds: Int, length: Int) -> [UInt8]? {
        let key = try? KDF.Insecure.PBKDF2.deriveKey(
            from: Array(secret.precomposedStringWithCanonicalMapping.utf8), salt: salt, using: .sha256,
            outputByteCount: length, unsafeUncheckedRounds: rounds)
        return key?.withUnsafeBytes { Array($0) }
    }
}
