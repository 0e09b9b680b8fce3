/// The hub's database, narrow enough that a PostgreSQL backend can implement it later.
///
/// Every method is one transaction. Events are identified by `(nodeId, seq)`; `insert` ignores
/// an event the hub already has, so imports are idempotent and order-free.
public protocol HubStore: Sendable {
    // MARK: Identity and settings

    /// A value from `hub_meta`, nil when absent.
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

    // MARK: Events

    /// Inserts a batch of events delivered by `via`, ignoring those already held; keeps
    /// `learners` (last writer wins) and the per-node holdings in step. One transaction.
    func insert(_ events: [HubEvent], via: String, receivedAt: Int64) throws -> InsertCounts
    /// What the hub holds of one node's events.
    func holdings(_ nodeId: String) throws -> Holdings
    /// Events in arrival order after `position`, at most `limit` (for pushing upstream).
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

    // MARK: Learners, areas, users (shared with the reports work)

    /// A learner's public facts.
    func learner(node: String, code: String) throws -> HubLearner?
    /// Every area, by code.
    func areas() throws -> [Area]
    /// Inserts or replaces an area.
    func saveArea(_ area: Area) throws
    /// Every user, by username.
    func users() throws -> [HubUser]
    /// One user.
    func user(_ username: String) throws -> HubUser?
    /// Inserts or replaces a user.
    func saveUser(_ user: HubUser) throws
    /// Removes a user; false when there was none.
    func deleteUser(_ username: String) throws -> Bool
}
