import ArgumentParser
import CommandSupport
import CourseCompiler
import Foundation
import HubStore
import HubStorePostgres
import HubStoreSQLite
import Localization
import ProvinceSeed

/// `hocso-dev seed --db PATH [--seed N] [--learners N] [--active PERCENT] [--writers N]
/// [--scale small|medium|province|nation]`.
struct SeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Sinh dữ liệu một tỉnh giả lập. Generate a realistic province into a new hub database.")

    @Option(name: .long, help: "CSDL trạm mới: tệp hoặc postgres://… A new hub database: a file or postgres://…")
    var db: String
    @Option(name: .long, help: "Hạt giống. Seed (same seed, same data).") var seed: UInt64 = 1
    @Option(name: .long, help: "Số người học. Learners.") var learners = 200_000
    @Option(name: .long, help: "% người học có học (còn lại chỉ đăng ký). % of learners who take courses.")
    var active = 100.0
    @Option(name: .long, help: "small|medium|province|nation") var scale: String = "province"
    @Option(name: .long, help: "Thư mục khoá học. Courses folder.") var courses: String = "Courses"
    @Flag(name: .long, help: "Ghi đè tệp đã có. Replace an existing file.") var force = false
    @Option(name: .long, help: "Số luồng ghi. Centres generated and inserted at once.") var writers = 2

    func validate() throws {
        guard ProvinceSeeder.Scale(rawValue: scale) != nil else {
            throw ValidationError("--scale must be small, medium, province or nation")
        }
        guard (0...100).contains(active) else { throw ValidationError("--active must be a percentage, 0 to 100") }
        guard learners >= 1 else { throw ValidationError("--learners must be at least 1") }
        guard (1...64).contains(writers) else { throw ValidationError("--writers must be 1 to 64") }
    }

    func run() throws {
        let scale = ProvinceSeeder.Scale(rawValue: scale) ?? .province
        try reportingFailures(.en) {
            let url = URL(fileURLWithPath: db)
            let postgres = PostgresLocation.isURL(db)
            if !postgres, FileManager.default.fileExists(atPath: url.path) {
                guard force else {
                    throw Failure(.verbatim("'\(db)' exists; seed writes a new database (use --force to replace it)"))
                }
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: courses, isDirectory: &isFolder), isFolder.boolValue else {
                throw Failure(
                    .verbatim("no courses folder at '\(courses)'; run from the repository or pass --courses FOLDER"))
            }
            let folders = try FileManager.default.contentsOfDirectory(atPath: courses).sorted()
                .map { URL(fileURLWithPath: courses).appendingPathComponent($0) }
                .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("course.yaml").path) }
            let compiled = folders.compactMap { CourseCompiler().compile(courseAt: $0).course }
            guard !compiled.isEmpty else { throw Failure(.verbatim("no course compiles in '\(courses)'")) }
            let started = Date()
            let store: any HubStore & ReportSource =
                postgres ? try PostgresHubStore(url: db) : try SQLiteHubStore(path: url)
            let seeder = ProvinceSeeder(
                courses: compiled, seed: seed, learners: learners, scale: scale, activeShare: active / 100,
                writers: writers, foldsWhileWriting: postgres)
            let showProgress = Console.stderrIsTerminal
            // The events start once the map and centres are in place (progress 0).
            var eventsStarted = started
            let summary = try seeder.run(into: store) { done, total in
                if done == 0 { eventsStarted = Date() }
                if showProgress, done > 0, done % 10 == 0 || done == total {
                    Console.error("hocso-dev seed: centre \(done)/\(total)")
                }
            }
            let inserted = Date()
            // Through the seam: what the writers' folds left (PostgreSQL) or everything (SQLite).
            try store.refreshAggregates()
            let end = Date()
            Console.out(
                """
                seeded \(db): \(summary.areas) areas, \(summary.centres) centres, \(summary.learners) learners, \
                \(summary.events) events (\(summary.answers) answers)
                time: map and centres \(String(format: "%.1f", eventsStarted.timeIntervalSince(started))) s, \
                events \(String(format: "%.1f", inserted.timeIntervalSince(eventsStarted))) s, \
                report tables \(String(format: "%.1f", end.timeIntervalSince(inserted))) s
                """)
        }
    }
}
