import Foundation
import Localization

#if canImport(Glibc)
    import Glibc
#endif

/// The centre's Ed25519 key pair as its key file holds it (keys base64, the private key being
/// the 32-byte seed).
public struct CentreKey: Codable, Sendable, Equatable {
    /// The centre the key belongs to.
    public var nodeId: String
    /// The public key, as hubs registered it.
    public var publicKey: String
    /// The private key; it never leaves this file but by `center init --export-key`.
    public var privateKey: String

    /// Makes a key record.
    public init(nodeId: String, publicKey: String, privateKey: String) {
        self.nodeId = nodeId
        self.publicKey = publicKey
        self.privateKey = privateKey
    }
}

/// The file that keeps a centre's private key apart from its database, readable by its owner
/// only (mode 0600): a copied or mailed database cannot sign as the centre.
///
/// It sits beside the database, named after it (`centre.sqlite` → `centre.key`), as SSH and
/// PostgreSQL keep their keys beside the data they protect.
public enum CentreKeyFile {
    /// Reads a key file, refusing one that others may read or that is not a key file.
    public static func read(_ url: URL) throws -> CentreKey {
        var status = stat()
        guard stat(url.path, &status) == 0 else {
            throw ProgressStoreError(
                .invalidSync, field: "key", ProgressStoreText.keyFileUnreadable(url.path, Phrase.systemReason(errno)))
        }
        guard status.st_mode & 0o077 == 0 else {
            throw ProgressStoreError(.invalidSync, field: "key", ProgressStoreText.keyFileOpenToOthers(url.path))
        }
        guard let data = FileManager.default.contents(atPath: url.path),
            data.count < 4096,
            let key = try? JSONDecoder().decode(CentreKey.self, from: data),
            key.publicKey.utf8.count == 44, key.privateKey.utf8.count == 44
        else {
            throw ProgressStoreError(.invalidSync, field: "key", ProgressStoreText.notAKeyFile(url.path))
        }
        return key
    }

    /// Writes `key` to `url` with mode 0600, whole or not at all (a temporary file renamed into
    /// place); refuses to replace an existing file unless `replacing`.
    public static func write(_ key: CentreKey, to url: URL, replacing: Bool) throws {
        if !replacing, FileManager.default.fileExists(atPath: url.path) {
            throw ProgressStoreError(.invalidSync, field: "key", ProgressStoreText.keyFileExists(url.path))
        }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        // Encoding three strings cannot fail.
        let data = (try? encoder.encode(key)) ?? Data()
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(UUID().uuidString).new")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw writeFailure(url, errno) }
        defer { unlink(temporary.path) }
        let written = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd)
        let saved = errno
        close(fd)
        guard written == data.count, synced == 0 else {
            throw writeFailure(url, written < 0 || synced != 0 ? saved : EIO)
        }
        if replacing {
            guard rename(temporary.path, url.path) == 0 else { throw writeFailure(url, errno) }
        } else {
            // link() never replaces: a file made meanwhile at `url` is kept and reported.
            guard link(temporary.path, url.path) == 0 else {
                if errno == EEXIST {
                    throw ProgressStoreError(.invalidSync, field: "key", ProgressStoreText.keyFileExists(url.path))
                }
                throw writeFailure(url, errno)
            }
        }
    }

    private static func writeFailure(_ url: URL, _ code: Int32) -> ProgressStoreError {
        ProgressStoreError(
            .storage, field: "key", ProgressStoreText.keyFileUnwritable(url.path, Phrase.systemReason(code)))
    }
}

extension CentreStore {
    /// Where the centre database at `database` keeps its private key: `centre.sqlite` → `centre.key`.
    public static func keyFile(for database: URL) -> URL {
        let beside = database.deletingPathExtension().appendingPathExtension("key")
        return beside == database ? database.appendingPathExtension("key") : beside
    }

    /// Where this centre keeps its private key.
    public var keyFile: URL { Self.keyFile(for: path) }

    /// The centre's key pair, read from its key file and checked against the identity in the
    /// database; nil before `center init`.
    public func signingKey() throws -> CentreKey? {
        guard let identity = try syncIdentity() else { return nil }
        guard FileManager.default.fileExists(atPath: keyFile.path) else {
            throw ProgressStoreError(.invalidSync, field: "key", ProgressStoreText.keyFileMissing(keyFile.path))
        }
        let key = try CentreKeyFile.read(keyFile)
        guard key.nodeId == identity.nodeId, key.publicKey == identity.publicKey else {
            throw ProgressStoreError(
                .invalidSync, field: "key", ProgressStoreText.keyOfAnotherCentre(keyFile.path, key.nodeId, nodeId))
        }
        return key
    }

    /// Installs a key exported from this centre (moving it to new hardware): it must be the key
    /// of this database's identity. Replaces the key file.
    public func importSigningKey(from url: URL) throws -> CentreKey {
        let key = try CentreKeyFile.read(url)
        guard let identity = try syncIdentity() else {
            throw ProgressStoreError(.invalidSync, field: "key", ProgressStoreText.importBeforeInit)
        }
        guard key.nodeId == identity.nodeId, key.publicKey == identity.publicKey else {
            throw ProgressStoreError(
                .invalidSync, field: "key", ProgressStoreText.keyOfAnotherCentre(url.path, key.nodeId, nodeId))
        }
        try CentreKeyFile.write(key, to: keyFile, replacing: true)
        return key
    }

    /// Copies this centre's key to `url` (mode 0600) for moving the centre to new hardware.
    public func exportSigningKey(to url: URL) throws {
        guard let key = try signingKey() else {
            throw ProgressStoreError(.invalidSync, field: "key", ProgressStoreText.exportBeforeInit)
        }
        try CentreKeyFile.write(key, to: url, replacing: false)
    }
}
