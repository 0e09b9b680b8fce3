import Foundation
import HubStore

/// What a hub holds of one node's events, as it states in receipts and push answers.
public struct NodeHoldings: Sendable, Equatable, Codable {
    /// The node (an event's origin).
    public var node: String
    /// Every seq from 1 through this one is held.
    public var contiguousThrough: Int64
    /// All ranges held, sorted.
    public var held: [SeqRange]
    /// Missing ranges between 1 and the highest seq held.
    public var gaps: [SeqRange]

    /// The statement for some holdings.
    public init(_ holdings: Holdings) {
        node = holdings.nodeId
        contiguousThrough = holdings.contiguousThrough
        held = holdings.held
        gaps = holdings.gaps
    }

    /// Whether `seq` is held.
    public func holds(_ seq: Int64) -> Bool { held.contains { $0.contains(seq) } }
    /// How many events of the node the hub holds.
    public var heldCount: Int64 { held.reduce(0) { $0 + $1.count } }
}

/// A hub's signed statement of what it holds, written after an import
/// (`<node>-<hub>-receipt.json`) and returned by every push.
public struct Receipt: Sendable, Equatable, Codable {
    /// The format marker.
    public static let format = "hocso-receipt-1"

    /// `hocso-receipt-1`.
    public var format: String
    /// The hub's node id.
    public var hub: String
    /// The hub's public key, base64 (informative: the verifier uses the key it was given before).
    public var hubPublicKey: String
    /// When the hub issued it, ms since 1970 on the hub's clock.
    public var issuedAt: Int64
    /// What the hub holds, per node.
    public var nodes: [NodeHoldings]

    /// Makes a receipt.
    public init(hub: String, hubPublicKey: String, issuedAt: Int64, nodes: [NodeHoldings]) {
        format = Self.format
        self.hub = hub
        self.hubPublicKey = hubPublicKey
        self.issuedAt = issuedAt
        self.nodes = nodes
    }

    /// The bytes the signature covers: a domain line, then the canonical JSON.
    public func signedBytes() throws -> Data {
        Data("hocso-receipt-1\n".utf8) + (try CanonicalJSON.encode(self))
    }

    /// The holdings of one node.
    public func holdings(of node: String) -> NodeHoldings? { nodes.first { $0.node == node } }
}

/// A receipt with the hub's Ed25519 signature.
public struct SignedReceipt: Sendable, Equatable, Codable {
    /// The receipt.
    public var receipt: Receipt
    /// Ed25519 signature of `receipt`'s signed bytes, base64.
    public var signature: String

    /// Signs a receipt.
    public init(_ receipt: Receipt, key: NodeKey) throws {
        self.receipt = receipt
        signature = try key.sign(try receipt.signedBytes())
    }

    /// The receipt, when it is signed by `hubPublicKey` and names `hubId`.
    public func verified(hubId: String, hubPublicKey: String) throws -> Receipt {
        guard receipt.format == Receipt.format else { throw SyncError(.invalid, SyncText.notAReceipt(Receipt.format)) }
        guard receipt.hub == hubId else {
            throw SyncError(.badSignature, SyncText.receiptFromOtherHub(receipt.hub, expected: hubId))
        }
        guard NodeKey.verify(signature: signature, of: try receipt.signedBytes(), publicKey: hubPublicKey) else {
            throw SyncError(.badSignature, SyncText.receiptBadSignature(hubId))
        }
        return receipt
    }

    /// The file name of a receipt for `node` from `hub`.
    public static func fileName(node: String, hub: String) -> String { "\(node)-\(hub)-receipt.json" }

    /// Reads a receipt file.
    public static func read(_ url: URL) throws -> SignedReceipt {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SyncError(.io, SyncText.cannotRead(url.path))
        }
        guard data.count < 16 * 1024 * 1024 else {
            throw SyncError(.invalid, SyncText.tooLarge(url.path, toBe: SyncText.aReceipt))
        }
        return try CanonicalJSON.decode(SignedReceipt.self, from: data, what: SyncText.receiptFile(url.path))
    }

    /// Writes the receipt to a temporary name, then renames it into place.
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
