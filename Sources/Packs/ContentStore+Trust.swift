import Foundation

/// A publisher's key that a centre trusts, with the name the operator knows it by.
public struct TrustedKey: Sendable, Equatable, Codable {
    /// The name shown in lists (by default the key file's name, e.g. `so-gd-ha-giang`).
    public var name: String
    /// The Ed25519 public key, base64.
    public var publicKey: String

    /// Makes a record.
    public init(name: String, publicKey: String) {
        self.name = name
        self.publicKey = publicKey
    }
}

/// `<store>/trust.json`: the centre's trust list, one file written whole.
private struct TrustFile: Codable {
    var keys: [TrustedKey]
}

extension ContentStore {
    var trustListURL: URL { root.appendingPathComponent("trust.json") }

    /// The keys this store trusts, in the order they were added; empty when none is.
    ///
    /// A list that exists but cannot be read is an error, never an empty list: that would
    /// quietly accept unsigned packs at a centre that meant to refuse them.
    public func trustedKeys() throws -> [TrustedKey] {
        guard let data = FileManager.default.contents(atPath: trustListURL.path) else {
            var info = stat()
            if lstat(trustListURL.path, &info) != 0 && errno == ENOENT { return [] }
            throw PackError(.badTrustList, trustListURL.path, StoreText.trustListDamaged(trustListURL.path))
        }
        guard let file = try? JSONDecoder().decode(TrustFile.self, from: data),
            file.keys.allSatisfy({ PublicKey(base64: $0.publicKey) != nil })
        else {
            throw PackError(.badTrustList, trustListURL.path, StoreText.trustListDamaged(trustListURL.path))
        }
        return file.keys
    }

    /// What installs into this store accept: its trusted keys, and the operator's override.
    public func trustPolicy(allowUntrusted: Bool = false) throws -> TrustPolicy {
        TrustPolicy(
            trustedKeys: try trustedKeys().compactMap { PublicKey(base64: $0.publicKey) },
            allowUntrusted: allowUntrusted)
    }

    /// Adds `key` to the trust list under `name`; `false` when it was already there (the name is
    /// then left as it was).
    @discardableResult
    public func trust(_ key: PublicKey, name: String) throws -> Bool {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw PackError(.badTrustList, name, StoreText.trustNameEmpty) }
        return try changingTrustList { keys in
            guard !keys.contains(where: { $0.publicKey == key.base64 }) else { return false }
            keys.append(TrustedKey(name: name, publicKey: key.base64))
            return true
        }
    }

    /// Removes `key` from the trust list; `false` when it was not there.
    @discardableResult
    public func untrust(_ key: PublicKey) throws -> Bool {
        try changingTrustList { keys in
            let before = keys.count
            keys.removeAll { $0.publicKey == key.base64 }
            return keys.count != before
        }
    }

    /// Reads, changes and writes back the list under the store lock, so a change never races an
    /// install or another change; the new list replaces the old by an atomic rename.
    private func changingTrustList(_ change: (inout [TrustedKey]) -> Bool) throws -> Bool {
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw PackError.io(root.path, .createFolder, errno: Self.errnoOf(error))
        }
        let lock = try StoreLock(path: root.appendingPathComponent(".lock").path)
        defer { lock.release() }
        var keys = try trustedKeys()
        guard change(&keys) else { return false }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(TrustFile(keys: keys))
        let temporary = root.appendingPathComponent(".trust.json.\(Self.token())")
        try Posix.writeFile(temporary.path, data)
        do {
            try Posix.rename(temporary.path, trustListURL.path)
        } catch {
            Posix.removeTree(temporary.path)
            throw error
        }
        Posix.fsyncPath(root.path)
        return true
    }
}
