import Crypto
import Foundation
import _CryptoExtras

/// PINs stored as salted PBKDF2-HMAC-SHA256 hashes: `pbkdf2-sha256$<rounds>$<salt>$<hash>` (base64).
///
/// A 4–6 digit PIN has at most a million values, so no hash makes a stolen database safe; the
/// iterations make each guess cost a few hundred milliseconds, and the PIN never leaves the centre.
enum PINHash {
    /// OWASP's 2023 minimum for PBKDF2-HMAC-SHA256.
    static let rounds = 210_000

    /// A new salted hash of `pin`.
    static func make(_ pin: String) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let hash = try derive(pin, salt: salt, rounds: rounds)
        return "pbkdf2-sha256$\(rounds)$\(Data(salt).base64EncodedString())$\(hash.base64EncodedString())"
    }

    /// Whether `pin` matches `stored` (constant-time comparison of the derived keys).
    static func verify(_ pin: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let rounds = Int(parts[1]), rounds > 0,
            let salt = Data(base64Encoded: parts[2]), let expected = Data(base64Encoded: parts[3]),
            let actual = try? derive(pin, salt: Array(salt), rounds: rounds), actual.count == expected.count
        else { return false }
        return zip(actual, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func derive(_ pin: String, salt: [UInt8], rounds: Int) throws -> Data {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(pin.utf8), salt: salt, using: .sha256, outputByteCount: 32, unsafeUncheckedRounds: rounds)
        return key.withUnsafeBytes { Data($0) }
    }
}
