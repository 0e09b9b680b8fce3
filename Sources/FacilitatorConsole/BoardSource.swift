import Foundation
import LearnerEvents
import ProgressStore

/// The board's view of the centre database: the day's events read once, then only the new ones
/// at each refresh, through a read-only connection (a WAL reader: learners' writes never wait).
public final class BoardSource {
    /// The centre database, opened read-only.
    public let store: CentreStore
    /// The group shown, nil for everyone seen today.
    public private(set) var group: StudyGroup?
    /// The folded state.
    public private(set) var state = BoardState()
    /// Learners' names by code.
    public private(set) var names: [String: String] = [:]
    private let groupReference: String?
    private var members: Set<String>?
    private var after: Int64
    private let until: Int64?

    /// Opens the database at `path` read-only and reads the events recorded from `since` (ms
    /// since 1970 UTC; midnight today for the live board) up to `until` when given.
    public init(databaseAt path: URL, group: String?, since: Int64, until: Int64? = nil) throws {
        store = try CentreStore.openReadOnly(at: path)
        groupReference = group
        self.until = until
        after = try store.firstSeq(recordedAtOrAfter: since) - 1
        try refresh()
    }

    /// Reads what was recorded since the last refresh; names and members are read again when
    /// the log says they changed.
    public func refresh() throws {
        var reload = names.isEmpty
        while true {
            let batch = try store.events(afterSeq: after, limit: 5_000)
            guard let last = batch.last else { break }
            after = last.seq
            for event in batch {
                if let until, event.recordedAt >= until { continue }
                if event.kind.isAboutGroup || event.kind.isAboutLearner { reload = true }
                state.apply(event)
            }
            if batch.count < 5_000 { break }
        }
        if reload { try reloadPeople() }
    }

    /// The learners to show: the group's members, or everyone seen.
    public var shown: [BoardState.Learner] {
        state.learners.values.filter { members?.contains($0.code) ?? $0.came }.sorted { $0.code < $1.code }
    }

    private func reloadPeople() throws {
        names = Dictionary(try store.learners().map { ($0.code, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        if let groupReference {
            let found = try store.group(groupReference)
            group = found
            let codes = try store.members(of: found.id).map(\.code)
            members = Set(codes)
            for code in codes { state.expect(code) }
        }
    }
}
