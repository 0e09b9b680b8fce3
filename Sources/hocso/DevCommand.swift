import ArgumentParser
import CourseCompiler
import CourseModel
import Dashboard
import Foundation
import HubStore
import Hummingbird
import Reports

/// `hocso dev …`: developer tools (generated data). Owned by the reports work.
struct DevCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev", abstract: "Công cụ phát triển. Developer tools.",
        subcommands: [Seed.self, ServeDashboard.self])

    /// `hocso dev seed --db PATH [--seed N] [--learners N] [--scale small|medium|province]`.
    struct Seed: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "seed",
            abstract: "Sinh dữ liệu một tỉnh giả lập. Generate a realistic province into a new hub database.")

        @Option(name: .long, help: "Tệp CSDL trạm mới. A new hub database file.") var db: String
        @Option(name: .long, help: "Hạt giống. Seed (same seed, same data).") var seed: UInt64 = 1
        @Option(name: .long, help: "Số người học. Learners.") var learners = 200_000
        @Option(name: .long, help: "small|medium|province") var scale: String = "province"
        @Option(name: .long, help: "Thư mục khoá học. Courses folder.") var courses: String = "Courses"
        @Flag(name: .long, help: "Ghi đè tệp đã có. Replace an existing file.") var force = false

        func run() throws {
            guard let scale = ProvinceSeeder.Scale(rawValue: scale) else {
                throw ValidationError("--scale must be small, medium or province")
            }
            guard learners >= 1 else { throw ValidationError("--learners must be at least 1") }
            try reportingFailures {
                let url = URL(fileURLWithPath: db)
                if FileManager.default.fileExists(atPath: url.path) {
                    guard force else {
                        throw Failure("'\(db)' exists; seed writes a new database (use --force to replace it)")
                    }
                    for suffix in ["", "-wal", "-shm"] {
                        try? FileManager.default.removeItem(atPath: url.path + suffix)
                    }
                }
                let folders = try FileManager.default.contentsOfDirectory(atPath: courses).sorted()
                    .map { URL(fileURLWithPath: courses).appendingPathComponent($0) }
                    .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("course.yaml").path) }
                let compiled = folders.compactMap { CourseCompiler().compile(courseAt: $0).course }
                guard !compiled.isEmpty else { throw Failure("no course compiles in '\(courses)'") }
                let started = Date()
                let store = try SQLiteHubStore(path: url)
                let seeder = ProvinceSeeder(courses: compiled, seed: seed, learners: learners, scale: scale)
                let showProgress = Console.stderrIsTerminal
                let summary = try seeder.run(into: store) { done, total in
                    if showProgress, done % 10 == 0 || done == total {
                        Console.error("hocso dev seed: centre \(done)/\(total)")
                    }
                }
                let inserted = Date()
                let refreshed = try ReportDatabase(store).refresh()
                let end = Date()
                print(
                    """
                    seeded \(db): \(summary.areas) areas, \(summary.centres) centres, \(summary.learners) learners, \
                    \(summary.events) events (\(summary.answers) answers)
                    time: events \(String(format: "%.1f", inserted.timeIntervalSince(started))) s, \
                    report tables \(String(format: "%.1f", end.timeIntervalSince(inserted))) s (\(refreshed.events) events read)
                    """)
            }
        }
    }

    /// `hocso dev dashboard --db PATH [--port N]`: the dashboard alone, for trying it and for
    /// screenshots (the hub server mounts the same routes).
    struct ServeDashboard: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dashboard", abstract: "Chạy riêng bảng điều phối. Serve only the dashboard (127.0.0.1).")

        @Option(name: .long, help: "CSDL trạm. The hub database.") var db: String?
        @Option(name: .long, help: "Cổng. Port.") var port = 8090

        func run() async throws {
            let store: SQLiteHubStore
            do {
                store = try SQLiteHubStore(path: db.map { URL(fileURLWithPath: $0) } ?? SQLiteHubStore.defaultPath)
            } catch {
                Console.error("hocso: error: \(error)")
                throw ExitCode.failure
            }
            let router = Router()
            Dashboard.addRoutes(to: router, store: store)
            let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
            Console.error("hocso dev dashboard: http://127.0.0.1:\(port)/dashboard")
            try await app.runService()
        }
    }
}
