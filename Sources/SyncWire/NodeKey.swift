import Crypto
import Foundation
import Localization

/// An Ed25519 private key of a node (centre or hub), kept in that node's database.
public struct NodeKey: Sendable {
    let key: Curve25519.Signing.PrivateKey

    /// A new random key.
    public static func generate() -> NodeKey { NodeKey(key: Curve25519.Signing.PrivateKey()) }

    /// The key from its base64 seed.
    public init(base64: String) throws {
        guard let data = Data(base64Encoded: base64),
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: data)
        else {
            throw SyncError(.corrupt, SyncText.badPrivateKey)
        }
        self.key = key
    }

    init(key: Curve25519.Signing.PrivateKey) { self.key = key }

    /// The 32-byte seed, base64 (for storing in the node's own database only).
    public var base64: String { key.rawRepresentation.base64EncodedString() }

    /// The public key, base64.
    public var publicKey: String { key.publicKey.rawRepresentation.base64EncodedString() }

    /// The signature of `data`, base64.
    public func sign(_ data: Data) throws -> String {
        do {
            return try key.signature(for: data).base64EncodedString()
        } catch {
            throw SyncError(.badSignature, SyncText.signingFailed)
        }
    }

    /// Whether `signature` (base64) is the signature of `data` by `publicKey` (base64).
    public static func verify(signature: String, of data: Data, publicKey: String) -> Bool {
        guard let keyData = Data(base64Encoded: publicKey), let sig = Data(base64Encoded: signature),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyData)
        else { return false }
        return key.isValidSignature(sig, for: data)
    }

    /// Whether `text` is a base64 Ed25519 public key.
    public static func isPublicKey(_ text: String) -> Bool {
        guard let data = Data(base64Encoded: text) else { return false }
        return (try? Curve25519.Signing.PublicKey(rawRepresentation: data)) != nil
    }
}

/// SHA-256 helpers.
public enum Digest {
    /// Lower-case hex SHA-256 of `data`.
    public static func sha256Hex(_ data: some DataProtocol) -> String {
        hex(SHA256.hash(data: data))
    }

    /// Lower-case hex of a digest.
    static func hex(_ digest: some Sequence<UInt8>) -> String {
        var text = ""
        for byte in digest {
            text.append(Self.digits[Int(byte >> 4)])
            text.append(Self.digits[Int(byte & 0xF)])
        }
        return text
    }

    private static let digits = Array("0123456789abcdef")
}

/// JSON as we sign it: sorted keys, no escaped slashes, so both sides produce the same bytes.
public enum CanonicalJSON {
    /// Compact, sorted keys, no escaped slashes.
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(value)
        } catch {
            throw SyncError(.invalid, SyncText.cannotEncode)
        }
    }

    /// Indented, sorted keys, with a final newline: files people may open.
    public static func pretty(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        do {
            return try encoder.encode(value) + Data("\n".utf8)
        } catch {
            throw SyncError(.invalid, SyncText.cannotEncode)
        }
    }

    /// `type` read from `data`; `what` names it in the error.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, what: Phrase) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw SyncError(.corrupt, SyncText.notJSON(what))
        }
    }
}

/// The clock, a seam so tests control time: ms since 1970 UTC.
public typealias SyncClock = @Sendable () -> Int64

/// The wall clock in ms since 1970 UTC.
public let systemSyncClock: SyncClock = { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }

extension Digest {
    /// Lower-case hex SHA-256 of a file, read in 1 MiB pieces.
    public static func sha256Hex(fileAt url: URL) throws -> String {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw SyncError(.io, SyncText.cannotRead(url.path))
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let data = try handle.read(upToCount: 1 << 20), !data.isEmpty { hasher.update(data: data) }
        return hex(hasher.finalize())
    }
}
