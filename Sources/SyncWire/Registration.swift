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
            throw SyncError(.io, SyncText.cannotRead(url.path))
        }
        guard data.count < 64 * 1024 else {
            throw SyncError(.invalid, SyncText.tooLarge(url.path, toBe: SyncText.aRegistrationFile))
        }
        var file = try CanonicalJSON.decode(
            RegistrationFile.self, from: data, what: SyncText.registrationFile(url.path))
        guard file.format == format else { throw SyncError(.invalid, SyncText.notFormat(url.path, format)) }
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
