import Foundation
import HubStore
import Localization
import Reports

/// The dashboard's reports, each built once and kept for `maxAge`.
///
/// A hub at national scale takes seconds to build one report, and coordinators reload the same
/// few pages many times a minute while imports run; building every report for every request
/// would queue pages behind each other until none answers. So: requests for a report nobody has
/// built yet wait for one build (never one each); a kept report answers at once; one older than
/// `maxAge` still answers at once while a single rebuild runs in the background, so a page is at
/// most `maxAge` plus one build behind the database. `maxAge` zero builds every report for every
/// request, as the command-line reports do.
public final class ReportCache: @unchecked Sendable {
    /// How long a built report counts as current.
    public let maxAge: Duration
    /// Where the reports come from.
    public let reports: HubReports
    /// Most reports kept; past it the least recently built go first.
    let capacity: Int
    /// Guards `entries`; waiting requests sleep on it until a build ends.
    private let state = NSCondition()
    private var entries: [Key: Entry] = [:]
    private let rebuilds = DispatchQueue(label: "hocso.dashboard.rebuild")
    private let clock = ContinuousClock()

    /// What is kept.
    enum Key: Hashable {
        case report(ReportQuery)
        case areaTree
        case courses(Language)
    }

    /// One kept value: a report, the area tree, or the list of courses, and when it was built.
    private struct Entry {
        var value: (any Sendable)?
        var builtAt: ContinuousClock.Instant
        /// A build of this key is under way (the first, or a background rebuild).
        var building: Bool
        /// The first build failed: waiting requests get its error, and the next request tries again.
        var failure: (any Error)?
    }

    /// Reports from `reports`, kept for `maxAge`.
    public init(_ reports: HubReports, maxAge: Duration = .seconds(30), capacity: Int = 64) {
        self.reports = reports
        self.maxAge = maxAge
        self.capacity = max(1, capacity)
    }

    /// The report `query` asks for.
    public func report(_ query: ReportQuery) throws -> Report {
        let reports = reports
        return try value(.report(query)) { try reports.report(query) }
    }

    /// The area tree.
    public func areaTree() throws -> AreaTree {
        let reports = reports
        return try value(.areaTree) { try reports.areaTree() }
    }

    /// Course ids with their titles in `language`.
    public func courses(language: Language) throws -> [(id: String, title: String)] {
        let reports = reports
        return try value(.courses(language)) { try reports.courses(language: language) }
    }

    /// The kept value of `key`, built by `build` when there is none, rebuilt in the background
    /// when it is older than `maxAge`.
    func value<T: Sendable>(_ key: Key, build: @escaping @Sendable () throws -> T) throws -> T {
        if maxAge <= .zero { return try build() }
        state.lock()
        var waited = false
        while let entry = entries[key] {
            if let value = entry.value as? T {
                let stale = clock.now - entry.builtAt > maxAge
                if stale && !entry.building { entries[key]?.building = true }
                state.unlock()
                if stale && !entry.building { rebuilds.async { self.rebuild(key, build) } }
                return value
            }
            if !entry.building {
                // A first build failed: those that waited for it get its error, a new request tries again.
                if waited, let failure = entry.failure {
                    state.unlock()
                    throw failure
                }
                break
            }
            waited = true
            state.wait()
        }
        entries[key] = Entry(value: nil, builtAt: clock.now, building: true, failure: nil)
        state.unlock()
        do {
            let value = try build()
            keep(value, for: key)
            return value
        } catch {
            state.lock()
            entries[key] = Entry(value: nil, builtAt: clock.now, building: false, failure: error)
            state.broadcast()
            state.unlock()
            throw error
        }
    }

    /// A background rebuild: the old value stays until the new one is there; a failed rebuild
    /// keeps it, and the next request after `maxAge` tries again.
    private func rebuild<T: Sendable>(_ key: Key, _ build: @Sendable () throws -> T) {
        if let value = try? build() {
            keep(value, for: key)
        } else {
            state.lock()
            entries[key]?.building = false
            state.unlock()
        }
    }

    private func keep(_ value: some Sendable, for key: Key) {
        state.lock()
        entries[key] = Entry(value: value, builtAt: clock.now, building: false, failure: nil)
        if entries.count > capacity {
            let oldest = entries.filter { $0.value.value != nil && !$0.value.building }
                .sorted { $0.value.builtAt < $1.value.builtAt }
                .prefix(entries.count - capacity)
            for (old, _) in oldest { entries[old] = nil }
        }
        state.broadcast()
        state.unlock()
    }
}
