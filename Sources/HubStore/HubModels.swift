import Foundation
import LearnerEvents
import Localization

/// An inclusive range of sequence numbers, `first…last`.
public struct SeqRange: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// The first sequence number.
    public var first: Int64
    /// The last sequence number (≥ first).
    public var last: Int64

    /// Makes a range.
    public init(_ first: Int64, _ last: Int64) {
        self.first = first
        self.last = last
    }

    /// How many numbers it holds.
    public var count: Int64 { last - first + 1 }

    /// Whether `seq` is inside.
    public func contains(_ seq: Int64) -> Bool { seq >= first && seq <= last }

    /// `first–last`, or one number.
    public var description: String { first == last ? "\(first)" : "\(first)–\(last)" }

    /// Sorted, merged ranges covering `seqs`.
    public static func ranges(of seqs: some Sequence<Int64>) -> [SeqRange] {
        var result: [SeqRange] = []
        for seq in seqs.sorted() {
            if let last = result.last, seq <= last.last + 1 {
                result[result.count - 1].last = max(last.last, seq)
            } else {
                result.append(SeqRange(seq, seq))
            }
        }
        return result
    }
}

/// What a hub holds of one node's events: sorted, disjoint, non-adjacent ranges.
public struct Holdings: Sendable, Equatable, Codable {
    /// The node whose events these are.
    public var nodeId: String
    /// The ranges held, sorted.
    public var held: [SeqRange]

    /// Makes holdings.
    public init(nodeId: String, held: [SeqRange]) {
        self.nodeId = nodeId
        self.held = held
    }

    /// The last seq of the unbroken run from 1, or 0 when seq 1 is missing.
    public var contiguousThrough: Int64 {
        guard let first = held.first, first.first == 1 else { return 0 }
        return first.last
    }

    /// The missing ranges between 1 and the highest seq held.
    public var gaps: [SeqRange] {
        var result: [SeqRange] = []
        var next: Int64 = 1
        for range in held {
            if range.first > next { result.append(SeqRange(next, range.first - 1)) }
            next = max(next, range.last + 1)
        }
        return result
    }

    /// How many events are held.
    public var count: Int64 { held.reduce(0) { $0 + $1.count } }

    /// Whether `seq` is held.
    public func holds(_ seq: Int64) -> Bool { held.contains { $0.contains(seq) } }
}

/// What inserting a batch did.
public struct InsertCounts: Sendable, Equatable, Codable {
    /// Events the hub did not have before.
    public var new: Int
    /// Events it already had (same node and seq).
    public var duplicate: Int
    /// Events refused by the schema's checks (malformed); they are not held.
    public var rejected: Int

    /// Makes counts.
    public init(new: Int = 0, duplicate: Int = 0, rejected: Int = 0) {
        self.new = new
        self.duplicate = duplicate
        self.rejected = rejected
    }

    /// Adds another batch's counts.
    public static func + (a: InsertCounts, b: InsertCounts) -> InsertCounts {
        InsertCounts(new: a.new + b.new, duplicate: a.duplicate + b.duplicate, rejected: a.rejected + b.rejected)
    }
}

/// A node a hub accepts events from: a commune centre, or a lower hub.
public struct Center: Sendable, Equatable, Codable {
    /// What kind of node it is.
    public enum Role: String, Sendable, Codable, Equatable {
        /// A commune centre: sends only its own events.
        case centre
        /// A hub below this one: may send events of the centres it vouches for.
        case hub
    }

    /// Whether events are accepted.
    public enum Status: String, Sendable, Codable, Equatable {
        /// Accepted.
        case active
        /// Refused from now on (events already stored stay).
        case revoked
    }

    /// Node id.
    public var nodeId: String
    /// Ed25519 public key, base64 (44 characters).
    public var publicKey: String
    /// A name people recognise.
    public var name: String
    /// The commune area code, when known.
    public var communeCode: String?
    /// Centre or hub.
    public var role: Role
    /// The lower hub that vouched for it, nil when registered here directly.
    public var vouchedBy: String?
    /// Active or revoked.
    public var status: Status
    /// When registered, ms since 1970.
    public var registeredAt: Int64
    /// When revoked, ms since 1970.
    public var revokedAt: Int64?
    /// When events or requests last came from it, ms since 1970.
    public var lastSeenAt: Int64?

    /// Makes a centre record.
    public init(
        nodeId: String, publicKey: String, name: String, communeCode: String? = nil, role: Role = .centre,
        vouchedBy: String? = nil, status: Status = .active, registeredAt: Int64, revokedAt: Int64? = nil,
        lastSeenAt: Int64? = nil
    ) {
        self.nodeId = nodeId
        self.publicKey = publicKey
        self.name = name
        self.communeCode = communeCode
        self.role = role
        self.vouchedBy = vouchedBy
        self.status = status
        self.registeredAt = registeredAt
        self.revokedAt = revokedAt
        self.lastSeenAt = lastSeenAt
    }
}

/// A learner as the hub knows them: public facts only, the latest `learner.*` event wins.
public struct HubLearner: Sendable, Equatable, Codable {
    /// The centre.
    public var nodeId: String
    /// The code at that centre.
    public var code: String
    /// Display name, when a centre chose to send one (centres send none today).
    public var displayName: String?
    /// Birth year.
    public var birthYear: Int?
    /// `nu`, `nam`, `khac`.
    public var gender: String?
    /// Commune as entered at the centre.
    public var commune: String?
    /// `occurred_at` of the event that set these facts.
    public var updatedAt: Int64

    /// Makes a learner record.
    public init(
        nodeId: String, code: String, displayName: String? = nil, birthYear: Int? = nil, gender: String? = nil,
        commune: String? = nil, updatedAt: Int64
    ) {
        self.nodeId = nodeId
        self.code = code
        self.displayName = displayName
        self.birthYear = birthYear
        self.gender = gender
        self.commune = commune
        self.updatedAt = updatedAt
    }
}

/// A province, district or commune.
public struct Area: Sendable, Equatable, Codable {
    /// Area code.
    public var code: String
    /// Name.
    public var name: String
    /// Level (never `.center`).
    public var level: AreaLevel
    /// The containing area's code.
    public var parentCode: String?

    /// Makes an area.
    public init(code: String, name: String, level: AreaLevel, parentCode: String? = nil) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
    }
}

/// The part of the area tree under some areas or centres: those, every area below and above
/// them, and the nodes attached to the areas below (a province's report reads its own part of a
/// nation's thousands of communes and centres).
public struct AreaBranch: Sendable, Equatable {
    /// The areas, by code.
    public var areas: [Area]
    /// The nodes that are roots or attached to the areas at or below them, by node id.
    public var centers: [Center]

    /// Makes a branch.
    public init(areas: [Area], centers: [Center]) {
        self.areas = areas
        self.centers = centers
    }
}

/// A coordinator who may sign in to the dashboard.
public struct HubUser: Sendable, Equatable, Codable {
    /// Sign-in name.
    public var username: String
    /// Password hash (the reports work chooses the scheme).
    public var passwordHash: String
    /// The area the user may see.
    public var areaCode: String?
    /// Name shown.
    public var displayName: String?
    /// When created, ms since 1970.
    public var createdAt: Int64

    /// Makes a user.
    public init(
        username: String, passwordHash: String, areaCode: String? = nil, displayName: String? = nil, createdAt: Int64
    ) {
        self.username = username
        self.passwordHash = passwordHash
        self.areaCode = areaCode
        self.displayName = displayName
        self.createdAt = createdAt
    }
}

/// Where a hub's push to an upstream hub has reached.
public struct UpstreamCursor: Sendable, Equatable {
    /// The upstream hub's node id.
    public var upstreamId: String
    /// Every event with a rowid up to this one is held upstream.
    public var pushedThrough: Int64
    /// When the upstream last answered, ms since 1970.
    public var updatedAt: Int64?

    /// Makes a cursor.
    public init(upstreamId: String, pushedThrough: Int64, updatedAt: Int64?) {
        self.upstreamId = upstreamId
        self.pushedThrough = pushedThrough
        self.updatedAt = updatedAt
    }
}

/// An event with its arrival position at this hub, for pushing upstream in arrival order.
public struct StoredEvent: Sendable, Equatable {
    /// The hub's arrival order (SQLite rowid).
    public var position: Int64
    /// The event.
    public var event: Event

    /// Makes a stored event.
    public init(position: Int64, event: Event) {
        self.position = position
        self.event = event
    }
}

extension Center {
    /// Checks the registration's form before any backend stores it: node id, key and name.
    public func validate() throws(HubStoreError) {
        guard NodeId.isValid(nodeId) else { throw HubStoreError(.invalid, HubStoreText.notANodeId(nodeId)) }
        guard publicKey.utf8.count == 44 else { throw HubStoreError(.invalid, HubStoreText.notAPublicKey) }
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(trimmed.count), !ControlCharacters.found(in: trimmed) else {
            throw HubStoreError(.invalid, HubStoreText.badName)
        }
    }
}
