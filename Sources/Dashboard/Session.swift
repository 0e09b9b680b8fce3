import Crypto
import Foundation
import HubStore

/// A signed session cookie: `<username>.<expiry>.<mac>` (base64url), HMAC-SHA256 over the
/// username, the expiry and a fingerprint of the password hash, so changing a password or
/// removing a user ends their sessions.
struct Session {
    static let cookieName = "hocso_session"
    /// Eight hours: a working day at the district office.
    static let lifetimeSeconds = 8 * 3600

    static func make(for user: HubUser, key: SymmetricKey, now: Int64) -> String {
        let name = Accounts.base64url(Data(user.username.utf8))
        let expiry = String(now / 1000 + Int64(lifetimeSeconds))
        return "\(name).\(expiry).\(mac(name, expiry, user.passwordHash, key))"
    }

    /// The username when the cookie is genuine and not expired.
    static func username(in value: String, key: SymmetricKey, now: Int64, hashOf: (String) -> String?) -> String? {
        let parts = value.split(separator: ".").map(String.init)
        guard parts.count == 3, let expiry = Int64(parts[1]), expiry > now / 1000,
            let nameData = Data(base64url: parts[0]), let name = String(data: nameData, encoding: .utf8),
            let hash = hashOf(name)
        else { return nil }
        let expected = mac(parts[0], parts[1], hash, key)
        guard expected.utf8.count == parts[2].utf8.count,
            zip(expected.utf8, parts[2].utf8).reduce(UInt8(0), { $0 | ($1.0 ^ $1.1) }) == 0
        else { return nil }
        return name
    }

    static func mac(_ name: String, _ expiry: String, _ passwordHash: String, _ key: SymmetricKey) -> String {
        let fingerprint = SHA256.hash(data: Data(passwordHash.utf8)).prefix(8).map { String(format: "%02x", $0) }
            .joined()
        let code = HMAC<SHA256>.authenticationCode(for: Data("\(name)\n\(expiry)\n\(fingerprint)".utf8), using: key)
        return Accounts.base64url(Data(code))
    }
}

extension Data {
    /// Decodes base64url without padding.
    init?(base64url: String) {
        var s = base64url.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while s.count % 4 != 0 { s += "=" }
        self.init(base64Encoded: s)
    }
}
