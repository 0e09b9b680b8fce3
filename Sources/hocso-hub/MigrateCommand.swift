import ArgumentParser
import CommandSupport
import Foundation
import HubStore
import HubStorePostgres
import HubStoreSQLite
import Localization
import Reports

/// `hocso-hub migrate --from hub.sqlite --to postgres://…`: moves a hub to PostgreSQL (or any
/// backend to any other), then checks the counts and that every report gives the same numbers.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract:
            "Chuyển trạm sang cơ sở dữ liệu khác (SQLite → PostgreSQL). Move a hub to another database (SQLite → PostgreSQL)."
    )

    @Option(name: .long, help: "Cơ sở dữ liệu hiện có. The hub database to read.") var from: String
    @Option(name: .long, help: "Cơ sở dữ liệu mới, còn trống. The new, empty database.") var to: String
    @OptionGroup var language: LanguageOption

    func run() throws {
        let lang = language.language
        try reportingFailures(lang) {
            guard PostgresLocation.isURL(from) || FileManager.default.fileExists(atPath: from) else {
                throw Failure(HubCLIText.noDatabase(from))
            }
            let source = try HubDatabase.open(from)
            let target = try HubDatabase.open(to)
            guard try target.eventCount() == 0, try target.centers().isEmpty else {
                throw Failure(HubCLIText.targetNotEmpty(to))
            }
            let copied = try HubMigration.copy(from: source, to: target) { done in
                if Console.stderrIsTerminal { Console.error("hocso-hub migrate: \(done) events") }
            }
            Console.say(HubCLIText.migrated(copied), lang)
            let differences = try HubMigration.compare(source, target)
            guard differences.isEmpty else { throw Failure(HubCLIText.migrationDiffers(differences)) }
            Console.say(HubCLIText.migrationVerified, lang)
        }
    }
}

/// Copying a hub between backends through the store protocols, and checking the copy.
enum HubMigration {
    /// What was copied.
    struct Counts: Equatable {
        var areas = 0
        var centres = 0
        var users = 0
        var events = 0
        var outlines = 0
    }

    /// Copies identity, areas, nodes, accounts, events and outlines. Events keep their order;
    /// pushes upstream start again from the first event (the upstream counts them as duplicates).
    static func copy(
        from source: any HubStore & ReportSource, to target: any HubStore & ReportSource,
        progress: (Int) -> Void = { _ in }
    ) throws -> Counts {
        var counts = Counts()
        if let identity = try source.meta("identity") { _ = try target.setMetaIfAbsent("identity", identity) }
        let areas = try source.areas()
        try target.saveAreas(areas)
        counts.areas = areas.count
        // Lower hubs first: a centre a lower hub vouched for names it.
        let centres = try source.centers().sorted { ($0.vouchedBy == nil ? 0 : 1) < ($1.vouchedBy == nil ? 0 : 1) }
        for centre in centres {
            var fresh = centre
            fresh.status = .active
            fresh.revokedAt = nil
            _ = try target.register(fresh)
            if let seen = centre.lastSeenAt { try target.touch(centre.nodeId, at: seen) }
        }
        counts.centres = centres.count
        for user in try source.users() { try target.saveUser(user) }
        counts.users = try source.users().count
        // The dashboard's signing key, so sessions survive the move.
        _ = try target.secret("session", orStore: try source.secret("session", orStore: randomBytes(32)))
        var position: Int64 = 0
        while true {
            let batch = try source.events(afterPosition: position, limit: 20_000)
            guard let last = batch.last else { break }
            for (node, events) in Dictionary(grouping: batch.map(\.event), by: \.nodeId).sorted(by: { $0.key < $1.key })
            {
                counts.events += try target.insert(events, via: node, receivedAt: Self.now()).new
            }
            position = last.position
            progress(counts.events)
        }
        // Revoked last, so their events went in first.
        for centre in centres where centre.status == .revoked {
            _ = try target.revoke(centre.nodeId, at: centre.revokedAt ?? Self.now())
        }
        let outlines = try source.outlines(only: nil)
        try target.saveOutlines(Array(outlines.values))
        counts.outlines = outlines.count
        try target.refreshAggregates()
        return counts
    }

    /// The checks that failed: counts of each kind, then every report by centre and by commune.
    static func compare(_ a: any HubStore & ReportSource, _ b: any HubStore & ReportSource) throws -> [String] {
        var differences: [String] = []
        try a.refreshAggregates()
        try b.refreshAggregates()
        if try a.eventCount() != b.eventCount() { differences.append("events") }
        if try a.centers().map(\.nodeId) != b.centers().map(\.nodeId) { differences.append("centres") }
        if try a.areas() != b.areas() { differences.append("areas") }
        if try a.users() != b.users() { differences.append("users") }
        for node in try a.centers().map(\.nodeId) where try a.holdings(node) != b.holdings(node) {
            differences.append("holdings \(node)")
        }
        let courses = try a.coursesSeen(only: nil)
        var queries: [ReportQuery] = []
        for by in [AreaLevel.center, .commune] {
            queries += [
                ReportQuery(.completion, by: by), ReportQuery(.activity, by: by, period: .month),
                ReportQuery(.inclusion), ReportQuery(.needsHelp, by: by),
            ]
        }
        for course in courses {
            queries += [ReportQuery(.items, course: course), ReportQuery(.funnel, course: course)]
        }
        for query in queries {
            let left = JSONRenderer().render(try HubReports(a).report(query))
            let right = JSONRenderer().render(try HubReports(b).report(query))
            if left != right { differences.append("\(query.kind.rawValue) \(query.course ?? "") \(query.by.rawValue)") }
        }
        return differences
    }

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}
