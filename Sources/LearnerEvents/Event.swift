/// An event in a centre's append-only log: what happened (`occurrence`) and its place in the log.
///
/// `(nodeId, seq)` identifies it everywhere: centres number their events 1, 2, 3… without gaps,
/// and hubs keep that id however many hubs an event passes through. The same value is what the
/// client records, what the centre stores, what bundles and pushes carry, and what hubs store.
@dynamicMemberLookup
public struct Event: Sendable, Hashable {
    /// The centre that recorded it (its origin).
    public var nodeId: String
    /// Its sequence number at that centre.
    public var seq: Int64
    /// When the centre stored it, ms since 1970 UTC.
    public var recordedAt: Int64
    /// What happened.
    public var occurrence: Occurrence

    /// Places an occurrence in a centre's log.
    public init(nodeId: String, seq: Int64, recordedAt: Int64, occurrence: Occurrence) {
        self.nodeId = nodeId
        self.seq = seq
        self.recordedAt = recordedAt
        self.occurrence = occurrence
    }

    /// The global id, `<nodeId>/<seq>`.
    public var id: String { "\(nodeId)/\(seq)" }

    /// The occurrence's fields and views, read as the event's own (`event.kind`, `event.answer`).
    public subscript<T>(dynamicMember path: KeyPath<Occurrence, T>) -> T { occurrence[keyPath: path] }
}

extension Event: Codable {
    /// The wire names: one flat JSON object per event, the payload as a JSON string so it
    /// arrives byte for byte.
    private enum Key: String, CodingKey {
        case node, seq, kind, learner, occurredAt, recordedAt, courseId, courseVersion, lessonId, itemId, attempt
        case payload
    }

    /// Reads the wire form (bundle lines, pushes).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        nodeId = try c.decode(String.self, forKey: .node)
        seq = try c.decode(Int64.self, forKey: .seq)
        recordedAt = try c.decode(Int64.self, forKey: .recordedAt)
        occurrence = Occurrence(
            kind: try c.decode(EventKind.self, forKey: .kind), learner: try c.decode(String.self, forKey: .learner),
            occurredAt: try c.decode(Int64.self, forKey: .occurredAt),
            courseId: try c.decodeIfPresent(String.self, forKey: .courseId),
            courseVersion: try c.decodeIfPresent(Int32.self, forKey: .courseVersion).map(Int.init),
            lessonId: try c.decodeIfPresent(String.self, forKey: .lessonId),
            itemId: try c.decodeIfPresent(String.self, forKey: .itemId),
            attempt: try c.decodeIfPresent(Int32.self, forKey: .attempt).map(Int.init),
            payload: EventPayload(json: try c.decode(String.self, forKey: .payload)))
    }

    /// Writes the wire form; absent fields are left out.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(nodeId, forKey: .node)
        try c.encode(seq, forKey: .seq)
        try c.encode(occurrence.kind, forKey: .kind)
        try c.encode(occurrence.learner, forKey: .learner)
        try c.encode(occurrence.occurredAt, forKey: .occurredAt)
        try c.encode(recordedAt, forKey: .recordedAt)
        try c.encodeIfPresent(occurrence.courseId, forKey: .courseId)
        try c.encodeIfPresent(occurrence.courseVersion, forKey: .courseVersion)
        try c.encodeIfPresent(occurrence.lessonId, forKey: .lessonId)
        try c.encodeIfPresent(occurrence.itemId, forKey: .itemId)
        try c.encodeIfPresent(occurrence.attempt, forKey: .attempt)
        try c.encode(occurrence.payload.json, forKey: .payload)
    }
}
