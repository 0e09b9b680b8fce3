import Foundation
import HubStore
import ProgressStore

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
    func validated() throws -> NodeRegistration {
        guard NodeId.isValid(nodeId) else {
            throw SyncError(.invalid, "'\(nodeId)' is not a node id (n- and 16 base32 characters)")
        }
        guard NodeKey.isPublicKey(publicKey) else {
            throw SyncError(.invalid, "the public key of \(nodeId) is not a base64 Ed25519 key")
        }
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(trimmed.count) else {
            throw SyncError(.invalid, "the name of \(nodeId) must have 1 to 200 characters")
        }
        var copy = self
        copy.name = trimmed
        return copy
    }
}

/// A registration file: one node's registration, and, when a hub exports it for a centre, that
/// centre's own registration too (so the centre checks it was made for it).
///
/// ```json
/// {"format": "hocso-registration-1", "node": {…the hub…}, "for": {…the centre…}}
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

    /// Makes a file.
    public init(node: NodeRegistration, for other: NodeRegistration? = nil) {
        format = Self.format
        self.node = node
        self.for = other
    }

    /// Reads and checks a registration file.
    public static func read(_ url: URL) throws -> RegistrationFile {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SyncError(.io, "cannot read registration file '\(url.path)'")
        }
        guard data.count < 64 * 1024 else {
            throw SyncError(.invalid, "'\(url.path)' is too large to be a registration file")
        }
        var file = try CanonicalJSON.decode(RegistrationFile.self, from: data, what: "registration file '\(url.path)'")
        guard file.format == format else { throw SyncError(.invalid, "'\(url.path)' is not a \(format) file") }
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
            throw SyncError(.io, "cannot write registration file '\(url.path)'")
        }
    }
}
