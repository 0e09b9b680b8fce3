import Credentials
import Crypto
import Foundation
import HubStore
import LearnerEvents
import Localization

/// Coordinator accounts: creation with a hashed password, sign-in checks, one-time sign-in links,
/// and the key that signs session cookies — over any hub backend.
public struct Accounts: Sendable {
    /// The hub store holding users, sign-in links and the session key.
    public let store: any HubStore

    /// Accounts in this hub store.
    public init(store: any HubStore) { self.store = store }

    /// How long a sign-in link lives unless told otherwise.
    public static let defaultLinkMinutes = 15

    /// A username in canonical form: NFC, lower case, trimmed; nil when not 1–64 of `a-z 0-9 . _ -`.
    public static func canonical(_ username: String) -> String? {
        let u = username.precomposedStringWithCanonicalMapping.lowercased().trimmingCharacters(in: .whitespaces)
        guard (1...64).contains(u.count),
            u.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || "._-".contains($0) })
        else { return nil }
        return u
    }

    /// Adds a coordinator for `area` (and everything below it). Refuses an existing username
    /// unless `replace` is set.
    public func add(
        username: String, password: String, area: String, displayName: String? = nil, replace: Bool = false,
        rounds: Int = SecretHash.defaultRounds, now: Int64 = Self.now()
    ) throws {
        guard let name = Self.canonical(username) else {
            throw DashboardError(.invalid, DashboardText.badUsername(username))
        }
        guard password.count >= 8 else { throw DashboardError(.invalid, DashboardText.shortPassword) }
        if let displayName, ControlCharacters.found(in: displayName) {
            throw DashboardError(.invalid, DashboardText.badUsername(username))
        }
        try storage {
            guard try store.areas().contains(where: { $0.code == area }) else {
                throw DashboardError(.notFound, DashboardText.unknownArea(area))
            }
            if !replace, try store.user(name) != nil { throw DashboardError(.exists, DashboardText.userExists(name)) }
            try store.saveUser(
                HubUser(
                    username: name, passwordHash: SecretHash.make(password, rounds: rounds), areaCode: area,
                    displayName: displayName.map { $0.precomposedStringWithCanonicalMapping }, createdAt: now))
        }
    }

    /// The user whose password matches, or nil. Takes as long for an unknown user as for a known
    /// one, so the answer time does not tell which usernames exist.
    public func signIn(username: String, password: String) throws -> HubUser? {
        guard let name = Self.canonical(username) else { return nil }
        let user = try storage { try store.user(name) }
        let hash = user?.passwordHash ?? Self.decoyHash
        let ok = SecretHash.verify(password, against: hash)
        return ok ? user : nil
    }

    /// A hash of nothing anyone knows, verified for unknown users to spend the same time.
    static let decoyHash = SecretHash.make(UUID().uuidString)

    /// A user by canonical name.
    public func user(_ username: String) throws -> HubUser? {
        try storage { try store.user(username) }
    }

    /// Every user.
    public func users() throws -> [HubUser] { try storage { try store.users() } }

    /// Removes a user and their unused links; false when there was none.
    public func remove(_ username: String) throws -> Bool {
        guard let name = Self.canonical(username) else { return false }
        return try storage { try store.removeUser(name) }
    }

    /// Makes a one-time sign-in link token for `username`, valid for `minutes`, landing on `next`.
    /// Only a SHA-256 of the token is stored; the token itself is shown once.
    public func makeLoginLink(
        username: String, minutes: Int = defaultLinkMinutes, next: String = "/dashboard", now: Int64 = Self.now()
    ) throws -> String {
        guard let name = Self.canonical(username), try user(name) != nil else {
            throw DashboardError(.notFound, DashboardText.noUser(username))
        }
        guard (1...1440).contains(minutes) else { throw DashboardError(.invalid, DashboardText.linkMinutes) }
        let token = Self.base64url(Data(Self.randomBytes(32)))
        let link = LoginLink(
            tokenHash: Self.digest(token), username: name, next: Self.safePath(next),
            expiresAt: now + Int64(minutes) * 60_000)
        try storage { try store.saveLoginLink(link, now: now) }
        return token
    }

    /// Uses a sign-in link: the user and where to go, or nil when the token is unknown, used or
    /// expired. Two uses of one link cannot both succeed.
    public func useLoginLink(_ token: String, now: Int64 = Self.now()) throws -> (user: HubUser, next: String)? {
        guard token.count <= 128 else { return nil }
        guard let link = try storage({ try store.useLoginLink(tokenHash: Self.digest(token), now: now) }),
            let user = try self.user(link.username)
        else { return nil }
        return (user, link.next)
    }

    /// The session-signing key, made on first use and kept in the hub database.
    public func sessionKey() throws -> SymmetricKey {
        try storage { SymmetricKey(data: try store.secret("session", orStore: Self.randomBytes(32))) }
    }

    /// Only local absolute paths under /dashboard, so a link cannot send anyone elsewhere.
    static func safePath(_ next: String) -> String {
        next.hasPrefix("/dashboard") && !next.hasPrefix("//") && !next.contains("\\") && !next.contains("\n")
            ? next : "/dashboard"
    }

    static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func base64url(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// Now, ms since 1970.
    public static func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    func storage<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DashboardError {
            throw error
        } catch let error as HubStoreError {
            throw DashboardError(error.kind == .notFound ? .notFound : .storage, error.phrase)
        }
    }
}
