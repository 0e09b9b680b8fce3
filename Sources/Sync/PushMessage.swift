import Foundation
import HubStore

/// The body of `POST /api/v1/events`: NDJSON. The first line is a header, every other line an
/// event (`EventLine`):
///
/// `{"format":"hocso-push-1","vouches":[…registrations of the centres a hub vouches for…]}`
public struct PushHeader: Sendable, Equatable, Codable {
    /// The format marker.
    public static let format = "hocso-push-1"

    /// `hocso-push-1`.
    public var format: String
    /// For a hub pushing upstream: the registrations of the origin nodes of its events.
    public var vouches: [NodeRegistration]

    /// Makes a header.
    public init(vouches: [NodeRegistration] = []) {
        format = Self.format
        self.vouches = vouches
    }
}

/// A push body: header and events.
public enum PushBody {
    /// Encodes a body.
    public static func encode(events: [HubEvent], vouches: [NodeRegistration]) throws -> Data {
        var out = [UInt8](try CanonicalJSON.encode(PushHeader(vouches: vouches)))
        out.append(0x0A)
        for event in events {
            EventLine.encode(event, into: &out)
            out.append(0x0A)
        }
        return Data(out)
    }

    /// Decodes a body.
    public static func decode(_ data: Data) throws -> (header: PushHeader, events: [HubEvent]) {
        let newline = data.firstIndex(of: 0x0A) ?? data.endIndex
        let header = try CanonicalJSON.decode(
            PushHeader.self, from: Data(data[data.startIndex..<newline]), what: "the push header")
        guard header.format == PushHeader.format else {
            throw SyncError(.invalid, "the body is not \(PushHeader.format)")
        }
        var events: [HubEvent] = []
        if newline < data.endIndex {
            try data[(newline + 1)...].withUnsafeBytes { bytes in
                try EventLine.forEachLine(in: bytes) { events.append(try EventLine.decode($0)) }
            }
        }
        return (header, events)
    }
}

/// The hub's answer to a push: counts for this request and a signed receipt of what it now
/// holds for every node in the request.
public struct PushAnswer: Sendable, Equatable, Codable {
    /// What this request did.
    public var counts: InsertCounts
    /// What the hub holds, signed.
    public var receipt: SignedReceipt

    /// Makes an answer.
    public init(counts: InsertCounts, receipt: SignedReceipt) {
        self.counts = counts
        self.receipt = receipt
    }
}

/// An error as the hub sends it: `{"error": {"code": …, "message": …}}`.
public struct ErrorBody: Sendable, Equatable, Codable {
    /// The error.
    public struct Detail: Sendable, Equatable, Codable {
        /// Machine-readable code (the `SyncError.Kind` raw value, or `internal`).
        public var code: String
        /// One sentence.
        public var message: String
    }

    /// The error.
    public var error: Detail

    /// Makes a body.
    public init(code: String, message: String) { error = Detail(code: code, message: message) }
}
