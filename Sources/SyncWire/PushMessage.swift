import Foundation
import HubStore
import LearnerEvents
import Localization

/// The body of `POST /api/v1/events`: NDJSON. The first line is a header, every other line an
/// event in its wire form (`EventLines`):
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
    /// The path of the events endpoint.
    public static let path = "/api/v1/events"

    /// Encodes a body.
    public static func encode(events: [Event], vouches: [NodeRegistration]) throws -> Data {
        var out = [UInt8](try CanonicalJSON.encode(PushHeader(vouches: vouches)))
        out.append(0x0A)
        for event in events { try EventLines.append(event, to: &out) }
        return Data(out)
    }

    /// Decodes a body.
    public static func decode(_ data: Data) throws -> (header: PushHeader, events: [Event]) {
        let newline = data.firstIndex(of: 0x0A) ?? data.endIndex
        let header = try CanonicalJSON.decode(
            PushHeader.self, from: Data(data[data.startIndex..<newline]), what: SyncText.pushHeader)
        guard header.format == PushHeader.format else {
            throw SyncError(.invalid, SyncText.notPushBody(PushHeader.format))
        }
        let events = newline < data.endIndex ? try EventLines.decode(data[(newline + 1)...]) : []
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
    /// Per origin node the hub has revoked, how many of its events in this request it did not
    /// take; the rest of the request was stored. Absent from hubs before 2026-12.
    public var heldBack: [String: Int]

    /// Makes an answer.
    public init(counts: InsertCounts, receipt: SignedReceipt, heldBack: [String: Int] = [:]) {
        self.counts = counts
        self.receipt = receipt
        self.heldBack = heldBack
    }

    private enum CodingKeys: String, CodingKey { case counts, receipt, heldBack }

    /// Decodes an answer; `heldBack` may be absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        counts = try container.decode(InsertCounts.self, forKey: .counts)
        receipt = try container.decode(SignedReceipt.self, forKey: .receipt)
        heldBack = try container.decodeIfPresent([String: Int].self, forKey: .heldBack) ?? [:]
    }
}

/// An error as the hub sends it: `{"error": {"code": …, "message": …, "messageVi": …}}`, so the
/// centre can show the operator the hub's sentence in their language.
public struct ErrorBody: Sendable, Equatable, Codable {
    /// The error.
    public struct Detail: Sendable, Equatable, Codable {
        /// Machine-readable code (the `SyncError.Kind` raw value, or `internal`).
        public var code: String
        /// One sentence, in English.
        public var message: String
        /// The same sentence in Vietnamese (absent from hubs older than the language layer).
        public var messageVi: String?

        /// The sentence in both languages (English for both when the hub sent no Vietnamese).
        public var phrase: Phrase { Phrase(vi: messageVi ?? message, en: message) }
    }

    /// The error.
    public var error: Detail

    /// Makes a body.
    public init(code: String, phrase: Phrase) {
        error = Detail(code: code, message: phrase.en, messageVi: phrase.vi)
    }
}

/// What a push did (`hocso sync push` from a centre, `hocso-hub push` from a hub).
public struct PushReport: Sendable, Equatable {
    /// Makes a report.
    public init(hub: String, sent: Int, counts: InsertCounts, acknowledgedThrough: Int64, batches: Int) {
        self.hub = hub
        self.sent = sent
        self.counts = counts
        self.acknowledgedThrough = acknowledgedThrough
        self.batches = batches
    }

    /// The hub that answered.
    public var hub: String
    /// Events sent (counting resends).
    public var sent: Int
    /// New and duplicate counts summed over the answers.
    public var counts: InsertCounts
    /// What the hub acknowledges now.
    public var acknowledgedThrough: Int64
    /// Batches sent.
    public var batches: Int
    /// Per origin node, the events the upstream refused to take because it revoked that node;
    /// they stay here (a hub pushing upstream).
    public var heldBack: [String: Int] = [:]

    /// Replaces the summed answers' new and duplicate counts by what the hub's receipts say it
    /// holds: an answer lost to a cut connection makes the resent batch look duplicate although
    /// the hub stored it in this push.
    public mutating func countStored(heldBefore: Int64, heldAfter: Int64) {
        let stored = Int(max(0, heldAfter - heldBefore))
        counts.new = stored
        counts.duplicate = max(0, sent - stored - counts.rejected)
    }
}
