import LearnerEvents

/// The hub's data, whatever database holds it: nodes, events, learners, areas, accounts.
///
/// Every method is one transaction. Events are identified by `(nodeId, seq)`; `insert` ignores
/// an event the hub already has, so imports are idempotent and order-free. Backends: SQLite
/// (`HubStoreSQLite`) and PostgreSQL; the reports read their aggregates through `ReportSource`.
public protocol HubStore: Sendable {
    // MARK: Identity and settings

    /// A value from the hub's settings, nil when absent.
    func meta(_ key: String) throws -> String?
    /// Stores `value` under `key` unless a value is already there; returns the value now stored.
    func setMetaIfAbsent(_ key: String, _ value: String) throws -> String

    // MARK: Nodes

    /// The registered node with this id (centre or lower hub), nil when unknown.
    func center(_ nodeId: String) throws -> Center?
    /// Every registered node, by node id.
    func centers() throws -> [Center]
    /// Registers a node; the same id and key again updates name and commune; another key is a conflict.
    func register(_ center: Center) throws -> Center
    /// Revokes a node: its events are refused from now on.
    func revoke(_ nodeId: String, at: Int64) throws -> Center
    /// Records that a node was just heard from.
    func touch(_ nodeId: String, at: Int64) throws
    /// Attaches a centre to a commune (an area of level `commune`).
    func attachCentre(_ nodeId: String, toCommune commune: String) throws

    // MARK: Events

    /// Inserts a batch of events delivered by `via`, ignoring those already held; keeps learners
    /// (last writer wins) and the per-node holdings in step. One transaction.
    func insert(_ events: [Event], via: String, receivedAt: Int64) throws -> InsertCounts
    /// What the hub holds of one node's events.
    func holdings(_ nodeId: String) throws -> Holdings
    /// Events in arrival order after `position`, at most `limit` (for pushing upstream); only
    /// positions no later commit can precede, so a cursor moved past the last one misses nothing.
    func events(afterPosition position: Int64, limit: Int) throws -> [StoredEvent]
    /// How many events the hub holds.
    func eventCount() throws -> Int

    // MARK: Replay protection

    /// Records a request nonce; false when the node already used it. Forgets nonces older than `forgetBefore`.
    func recordNonce(_ nonce: String, node: String, at: Int64, forgetBefore: Int64) throws -> Bool

    // MARK: Upstream

    /// How far pushing to `upstreamId` has got (0 when never).
    func upstreamCursor(_ upstreamId: String) throws -> UpstreamCursor
    /// Moves the push cursor for `upstreamId` forward (never back).
    func advanceUpstreamCursor(_ upstreamId: String, to position: Int64, at: Int64) throws

    // MARK: Learners and areas

    /// A learner's public facts.
    func learner(node: String, code: String) throws -> HubLearner?
    /// Every area, by code.
    func areas() throws -> [Area]
    /// The areas at, below and above `roots` (area codes or centres' node ids), and the nodes
    /// that are roots or attached below them.
    func areaBranch(_ roots: Set<String>) throws -> AreaBranch
    /// Inserts or replaces areas, in one transaction (parents before children).
    func saveAreas(_ areas: [Area]) throws

    // MARK: Coordinator accounts

    /// Every user, by username.
    func users() throws -> [HubUser]
    /// One user.
    func user(_ username: String) throws -> HubUser?
    /// Inserts or replaces a user.
    func saveUser(_ user: HubUser) throws
    /// Removes a user and their unused sign-in links; false when there was none.
    func removeUser(_ username: String) throws -> Bool
    /// Keeps a one-time sign-in link (only its token's hash), forgetting links expired before `now`.
    func saveLoginLink(_ link: LoginLink, now: Int64) throws
    /// Marks the link with this token hash used and returns it, when it exists, is unused and has
    /// not expired at `now`; two uses cannot both succeed.
    func useLoginLink(tokenHash: String, now: Int64) throws -> LoginLink?
    /// The secret stored under `name`, storing `fresh` first when there is none (made once per hub).
    func secret(_ name: String, orStore fresh: [UInt8]) throws -> [UInt8]

    // MARK: Roll-ups (a national hub)

    /// Keeps a province's roll-up; false when the same (province, period, version) is already
    /// kept, so receiving it twice changes nothing.
    func saveRollup(_ rollup: StoredRollup) throws -> Bool
    /// The roll-up each province sent last: the highest period, then the highest version.
    func latestRollups() throws -> [StoredRollup]

    // MARK: Certificates (`certificate.issued` events; docs/certificates.md)

    /// Certificates held, oldest arrival first: all, or those whose id (`urn:uuid:…`) starts with
    /// `idPrefix`; at most `limit`.
    func certificates(idPrefix: String?, limit: Int) throws -> [HubCertificate]
    /// How many certificates each issuing centre has per course, revoked ones apart, counting
    /// those issued from `from` up to (not including) `to`, in ms since 1970.
    func certificateCounts(issuedFrom from: Int64, before to: Int64) throws -> [CertificateCount]
    /// Revokes a certificate held here with a reason; nil when no certificate has that exact id.
    /// Revoking again keeps the first reason.
    func revokeCertificate(id: String, reason: String, at: Int64) throws -> HubCertificate?
    /// The revocations of one centre's certificates (all centres' when `node` is nil).
    func certificateRevocations(node: String?) throws -> [CertificateRevocation]
}

/// A one-time sign-in link as a hub keeps it.
public struct LoginLink: Sendable, Equatable {
    /// SHA-256 of the token, hex; the token itself is shown once and never stored.
    public var tokenHash: String
    /// Whose link it is.
    public var username: String
    /// Where to go after signing in (a path under `/dashboard`).
    public var next: String
    /// When it stops working, ms since 1970.
    public var expiresAt: Int64

    /// Makes a link record.
    public init(tokenHash: String, username: String, next: String, expiresAt: Int64) {
        self.tokenHash = tokenHash
        self.username = username
        self.next = next
        self.expiresAt = expiresAt
    }
}

extension HubStore {
    /// Every certificate's count, whenever issued.
    public func certificateCounts() throws -> [CertificateCount] {
        try certificateCounts(issuedFrom: .min, before: .max)
    }
}
