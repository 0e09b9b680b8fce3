import Credentials
import Foundation
import Testing

@Suite struct SecretHashTests {
    /// PBKDF2-HMAC-SHA256 test vectors (RFC 7914 §11 and the widely published "password"/"salt" set).
    static let vectors: [(String, String, Int, String)] = [
        ("password", "salt", 1, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"),
        ("password", "salt", 2, "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"),
        ("password", "salt", 4096, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"),
        (
            "passwd", "salt", 1,
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"
        ),
    ]

    /// A stored hash made by someone else from a published vector verifies, and a wrong secret does not.
    @Test(arguments: vectors)
    func publishedVectorsVerify(_ password: String, _ salt: String, _ rounds: Int, _ hex: String) {
        let bytes = stride(from: 0, to: hex.count, by: 2).map { i in
            UInt8(hex[hex.index(hex.startIndex, offsetBy: i)..<hex.index(hex.startIndex, offsetBy: i + 2)], radix: 16)!
        }
        let stored =
            "pbkdf2-sha256$\(rounds)$\(Data(salt.utf8).base64EncodedString())$\(Data(bytes).base64EncodedString())"
        #expect(SecretHash.verify(password, against: stored))
        #expect(!SecretHash.verify(password + "x", against: stored))
    }

    @Test func verifiesWhatItMadeWhateverTheNormalisation() {
        let stored = SecretHash.make("Mật khẩu dài", rounds: 500)
        #expect(stored.hasPrefix("pbkdf2-sha256$500$"))
        #expect(SecretHash.verify("Mật khẩu dài", against: stored))
        #expect(SecretHash.verify("Mật khẩu dài".decomposedStringWithCanonicalMapping, against: stored))
        #expect(!SecretHash.verify("mật khẩu dài", against: stored))
        #expect(!SecretHash.verify("x", against: "garbage"))
        #expect(!SecretHash.verify("x", against: "pbkdf2-sha256$0$AAAA$AAAA"))
    }
}
