import Foundation
import HubStore
import LearnerEvents
import Localization

/// Who a node is, as carried between nodes in registration files: id, name, role, public key.
public struct NodeRegistration: Sendable, Equatable, Codable {
    /// Node id.
    public var nodeId: String
    /// Name people recognise.
    public var name: String
    /// `centre` or `hub`.
    public var role: Center.Role
    /// Ed25519 public key, base64.
    public var publicKey: String
    /// Commune area code, when known.
    public var communeCode: String?

    /// Makes a registration.
    public init(nodeId: String, name: String, role: Center.Role, publicKey: String, communeCode: String? = nil) {
        self.nodeId = nodeId
        self.name = name
        self.role = role
        self.publicKey = publicKey
        self.communeCode = communeCode
    }

    /// Checks the fields' form.
    public func validated() throws -> NodeRegistration {
        guard NodeId.isValid(nodeId) else {
            throw SyncError(.invalid, SyncText.notANodeId(nodeId))
        }
        guard NodeKey.isPublicKey(publicKey) else {
            throw SyncError(.invalid, SyncText.notAPublicKey(nodeId))
        }
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(trimmed.count), !ControlCharacters.found(in: trimmed) else {
            throw SyncError(.invalid, SyncText.badNodeName(nodeId))
        }
        var copy = self
        copy.name = trimmed
        return copy
    }
}

/// A registration file: one node's registration, and, when a hub exports it for a centre, that
/// centre's own registration too (so the centre checks it was made for it), signed by the node
/// it introduces. The signature proves the file was made by the holder of the key it names and
/// has not been changed since (a name, commune or `for` edited on the way is refused); whether
/// to trust that key is still decided by the person who imports the file.
///
/// ```json
/// {"format": "hocso-registration-1", "node": {…}, "for": {…}, "signature": {"algorithm": "ed25519", "value": "…"}}
/// ```
public struct RegistrationFile: Sendable, Equatable, Codable {
    /// The format marker.
    public static let format = "hocso-registration-1"

    /// `hocso-registration-1`.
    public var format: String
    /// The node the file introduces.
    public var node: NodeRegistration
    /// For a hub's file given to one centre: that centre.
    public var `for`: NodeRegistration?
    /// The node's signature over the rest (nil only in files from before signing, which are refused).
    public var signature: RegistrationSignature?

    /// The signature of a registration file: Ed25519 by the introduced node's key over
    /// `hocso-registration-1\n` + the canonical JSON of the file without its signature.
    public struct RegistrationSignature: Sendable, Equatable, Codable {
        /// `ed25519`.
        public var algorithm: String
        /// The signature, base64.
        public var value: String
    }

    /// Makes a file signed by `key`, which must be `node`'s.
    public init(node: NodeRegistration, for other: NodeRegistration? = nil, key: NodeKey) throws {
        format = Self.format
        self.node = node
        self.for = other
        signature = nil
        signature = RegistrationSignature(algorithm: "ed25519", value: try key.sign(try signedBytes()))
    }

    /// The bytes the signature covers.
    public func signedBytes() throws -> Data {
        var unsigned = self
        unsigned.signature = nil
        return Data("hocso-registration-1\n".utf8) + (try CanonicalJSON.encode(unsigned))
    }

    /// Refuses a file whose signature is missing, of an unknown kind, or not by the key it names.
    public func verified(name: String) throws -> RegistrationFile {
        guard let signature else { throw SyncError(.badSignature, SyncText.registrationUnsigned(name)) }
        guard signature.algorithm == "ed25519" else {
            throw SyncError(.badSignature, SyncText.unknownAlgorithm(signature.algorithm, in: name))
        }
        guard NodeKey.verify(signature: signature.value, of: try signedBytes(), publicKey: node.publicKey) else {
            throw SyncError(.badSignature, SyncText.registrationBadSignature(name, node: node.nodeId))
        }
        return self
    }

    /// Reads and checks a registration file.
    public static func read(_ url: URL) throws -> RegistrationFile {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SyncError(.io, SyncText.cannotRead(url.path))
        }
        guard data.count < 64 * 1024 else {
            throw SyncError(.invalid, SyncText.tooLarge(url.path, toBe: SyncText.aRegistrationFile))
        }
        var file = try CanonicalJSON.decode(
            RegistrationFile.self, from: data, what: SyncText.registrationFile(url.path))
        guard file.format == format else { throw SyncError(.invalid, SyncText.notFormat(url.path, format)) }
        file = try file.verified(name: url.lastPathComponent)
        file.node = try file.node.validated()
        file.for = try file.for?.validated()
        return file
    }

    /// Writes the file (pretty JSON).
    public func write(to url: URL) throws {
        do {
            try CanonicalJSON.pretty(self).write(to: url, options: .atomic)
        } catch let error as SyncError {
            throw error
        } catch {
            throw SyncError(.io, SyncText.cannotWrite(url.path))
        }
    }
}
