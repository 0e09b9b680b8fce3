import Dashboard
import Foundation
import HubBackends
import TestSupport
import Testing

@testable import Reports

/// Headless Chromium, when installed (tools/setup-system installs it).
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs Chromium headless with `arguments` plus the URL; returns standard output.
    static func run(_ arguments: [String], url: String) throws -> String {
        guard let path else { return "" }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hocso-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments =
            [
                "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=\(profile.path)",
            ] + arguments + [url]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// A real browser loads the dashboard from a running server and the numbers it shows are the
/// report's numbers.
@Suite(.serialized)
struct ChromiumTests {
    @Test func overviewShowsTheReportsNumbers() async throws {
        guard Chromium.path != nil || RequiredTool.available("chromium") else { return }
        guard let fixture = try HubFixture(.sqlite) else { return }
        defer { fixture.remove() }
        let accounts = Accounts(store: fixture.store)
        try accounts.add(username: "huyen1", password: "mật khẩu một", area: "D1", rounds: 1000)
        try await withDashboardServer(store: fixture.store) { server in
            // Sign in the way a headless run can: a one-time link, landing on the overview.
            let token = try accounts.makeLoginLink(username: "huyen1")
            let dom = try Chromium.run(["--dump-dom"], url: "\(server.base)/dashboard/link/\(token)")
            let model = try fixture.db.report(ReportQuery(.completion, scope: "D1", by: .commune))
            let total = try #require(model.rows.last)
            let t = ReportText(.vi)
            for (id, column) in [
                ("enrolled", "enrolled"), ("started", "started"), ("completed", "completed"), ("passed", "passed"),
            ] {
                let shown = Self.text(of: "data-testid=\"\(id)\"", in: dom)
                let value = total[model.columns.firstIndex { $0.id == column } ?? 0]
                #expect(shown == t.format(value, as: .integer), "\(id)")
            }
            #expect(Self.text(of: "data-testid=\"rate\"", in: dom) == "33,3%")
            // Not D2's numbers, not the province's.
            #expect(!dom.contains("Huyện Hai"))

            // The course page in English, through a second link (links work once).
            let link = try accounts.makeLoginLink(username: "huyen1", next: "/dashboard/course/k?lang=en")
            let course = try Chromium.run(["--dump-dom"], url: "\(server.base)/dashboard/link/\(link)")
            let funnel = try fixture.db.report(ReportQuery(.funnel, course: "k", scope: "D1", language: .en))
            let learners = funnel.column("learners").compactMap { $0.double.map { Int($0) } }
            #expect(learners == [3, 1, 1, 1])
            let shown = course.components(separatedBy: "data-col=\"learners\" class=\"num\">").dropFirst()
                .map { String($0.prefix { $0 != "<" }) }
            #expect(shown == learners.map(String.init))
            #expect(course.contains("Test course"))
        }
    }

    /// The text inside the element whose opening tag contains `marker`.
    static func text(of marker: String, in html: String) -> String? {
        guard let r = html.range(of: marker), let close = html[r.upperBound...].firstIndex(of: ">") else { return nil }
        return String(html[html.index(after: close)...].prefix { $0 != "<" })
    }
}
