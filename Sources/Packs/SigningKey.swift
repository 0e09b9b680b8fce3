import Crypto
import Foundation

/// An Ed25519 private key that signs pack manifests.
///
/// On disk (`NAME.key`, mode 0600): a header line, then the 32-byte seed in base64.
public struct SigningKey: Sendable {
    static let fileHeader = "hocso ed25519 private key"

    let key: Curve25519.Signing.PrivateKey

    /// A new random key.
    public static func generate() -> SigningKey { SigningKey(key: .init()) }

    init(key: Curve25519.Signing.PrivateKey) { self.key = key }

    /// Reads a key file written by `write(name:in:)`.
    public init(contentsOf url: URL) throws {
        let bytes = try KeyFile.read(url, header: Self.fileHeader)
        do {
            key = try Curve25519.Signing.PrivateKey(rawRepresentation: bytes)
        } catch {
            throw PackError(.badKey, url.path, StoreText.keyWrongFile(url.path, publicKey: false))
        }
    }

    /// The matching public key.
    public var publicKey: PublicKey { PublicKey(key: key.publicKey) }

    /// The signature of `data` (Ed25519 per RFC 8032: the same key and data give the same bytes).
    func signature(for data: Data) throws -> Data {
        try key.signature(for: data)
    }

    /// Writes `NAME.key` (owner-only) and `NAME.pub` into `directory`, refusing to overwrite either.
    @discardableResult
    public func write(name: String, in directory: URL) throws -> (privateKey: URL, publicKey: URL) {
        let privateURL = directory.appendingPathComponent("\(name).key")
        let publicURL = directory.appendingPathComponent("\(name).pub")
        for url in [privateURL, publicURL] where FileManager.default.fileExists(atPath: url.path) {
            throw PackError(.badKey, url.path, StoreText.keyExists(url.path))
        }
        try KeyFile.write(privateURL, header: Self.fileHeader, bytes: key.rawRepresentation, mode: 0o600)
        try KeyFile.write(publicURL, header: PublicKey.fileHeader, bytes: key.publicKey.rawRepresentation, mode: 0o644)
        return (privateURL, publicURL)
    }
}

/// An Ed25519 public key that packs may be trusted for.
///
/// On disk (`NAME.pub`): a header line, then the 32-byte key in base64.
public struct PublicKey: Sendable, Equatable, Hashable, CustomStringConvertible {
    static let fileHeader = "hocso ed25519 public key"

    /// The raw 32 bytes.
    public let rawRepresentation: Data

    init(key: Curve25519.Signing.PublicKey) { rawRepresentation = key.rawRepresentation }

    /// A key from its base64 text, as printed by `hocso keys generate` and stored in `manifest.sig`.
    public init?(base64: String) {
        guard let data = Data(base64Encoded: base64.trimmingCharacters(in: .whitespacesAndNewlines)),
            (try? Curve25519.Signing.PublicKey(rawRepresentation: data)) != nil
        else { return nil }
        rawRepresentation = data
    }

    /// Reads a `.pub` file.
    public init(contentsOf url: URL) throws {
        let bytes = try KeyFile.read(url, header: Self.fileHeader)
        guard (try? Curve25519.Signing.PublicKey(rawRepresentation: bytes)) != nil else {
            throw PackError(.badKey, url.path, StoreText.keyWrongFile(url.path, publicKey: true))
        }
        rawRepresentation = bytes
    }

    /// The key in base64.
    public var base64: String { rawRepresentation.base64EncodedString() }

    /// The key in base64.
    public var description: String { base64 }

    /// Whether `signature` is this key's signature of `data`.
    func isValidSignature(_ signature: Data, for data: Data) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation) else { return false }
        return key.isValidSignature(signature, for: data)
    }
}

/// The text form shared by both key files.
enum KeyFile {
    static func read(_ url: URL, header: String) throws -> Data {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw PackError(.badKey, url.path, StoreText.keyUnreadable(url.path))
        }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.count == 2, lines[0] == header, let bytes = Data(base64Encoded: lines[1]), bytes.count == 32 else {
            throw PackError(
                .badKey, url.path, StoreText.keyWrongFile(url.path, publicKey: header == PublicKey.fileHeader))
        }
        return bytes
    }

    static func write(_ url: URL, header: String, bytes: Data, mode: mode_t) throws {
        let text = "\(header)\n\(bytes.base64EncodedString())\n"
        // Created with its final mode so the private key is never readable by others, even briefly.
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw PackError.io(url.path, .create, errno: errno) }
        defer { close(fd) }
        try Posix.writeAll(fd, Data(text.utf8), path: url.path)
        if fchmod(fd, mode) != 0 { throw PackError.io(url.path, .setMode, errno: errno) }
    }
}
