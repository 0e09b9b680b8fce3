import Foundation
import TestSupport
import Testing

/// Password guessing at the dashboard, against the real `hocso-hub serve` on 127.0.0.1, with
/// `curl` sending from two loopback addresses (127.0.0.1 and 127.0.0.2) as two computers.
@Suite("Dashboard sign-in is throttled per account and address", .serialized)
struct SignInThrottleTests {
    /// A hub with one province and its coordinator `tinh`, served with its log captured.
    final class Hub {
        let folder: TemporaryFolder
        let server: HubServerProcess
        var log: String { (try? String(contentsOf: folder.path("serve.log"), encoding: .utf8)) ?? "" }

        init() throws {
            folder = try TemporaryFolder("throttle")
            let db = folder.path("hub.sqlite")
            try Data("ma,ten,cap,ma_cap_tren\n26,Tỉnh Thử,province,\n".utf8).write(to: folder.path("areas.csv"))
            for step in [
                (["init", "--db", db.path, "--name", "Tỉnh Thử"], ""),
                (["areas", "import", folder.path("areas.csv").path, "--db", db.path], ""),
                (["users", "add", "tinh", "--area", "26", "--password-stdin", "--db", db.path], "mật khẩu đúng\n"),
            ] {
                let result = try Program.hub.run(step.0, input: step.1)
                guard result.status == 0 else { throw CocoaError(.executableLoad, userInfo: ["why": result.stderr]) }
            }
            server = try HubServerProcess(db: db, log: folder.path("serve.log"))
        }
    }

    /// One sign-in by `curl` from `address`: the status, the body, the Retry-After header and the seconds it took.
    static func signIn(_ hub: Hub, password: String, from address: String, account: String = "tinh") throws
        -> (status: Int, body: String, retryAfter: String?, seconds: Double)
    {
        try signIn(at: hub.server.url.absoluteString, password: password, from: address, account: account)
    }

    static func signIn(at base: String, password: String, from address: String, account: String = "tinh") throws
        -> (status: Int, body: String, retryAfter: String?, seconds: Double)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RequiredTool.path("curl") ?? "/usr/bin/curl")
        process.arguments = [
            "--silent", "--interface", address, "--include", "--max-time", "60",
            "--data-urlencode", "username=\(account)", "--data-urlencode", "password=\(password)",
            "--data-urlencode", "next=/dashboard", "-H", "Accept-Language: en",
            base + "/dashboard/login?lang=en",
        ]
        let out = Pipe()
        process.standardOutput = out
        let began = Date()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let status = text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
        let retry = text.split(separator: "\r\n").first { $0.lowercased().hasPrefix("retry-after:") }
            .map { String($0.dropFirst("retry-after:".count)).trimmingCharacters(in: .whitespaces) }
        return (status, text, retry, Date().timeIntervalSince(began))
    }

    @Test func guessingSlowsDownWhileTheCoordinatorElsewhereSignsInAtOnce() throws {
        guard RequiredTool.available("curl") else { return }
        let hub = try Hub()
        // Three free failures, answered at once.
        for _ in 0..<3 {
            let reply = try Self.signIn(hub, password: "sai", from: "127.0.0.1")
            #expect(reply.status == 401)
            #expect(reply.seconds < 1)
        }
        // Then each failure is held back longer: 1 s, then 2 s, and the page says so.
        let fourth = try Self.signIn(hub, password: "sai", from: "127.0.0.1")
        #expect(fourth.status == 401 && fourth.seconds >= 1)
        #expect(fourth.body.contains("each further failure waits longer"))
        let fifth = try Self.signIn(hub, password: "sai", from: "127.0.0.1")
        #expect(fifth.status == 401 && fifth.seconds >= 2 && fifth.seconds > fourth.seconds)

        // A try during the wait is turned away unchecked, even with the right password.
        let sixth = try Self.signIn(hub, password: "sai", from: "127.0.0.1")
        #expect(sixth.status == 401 && sixth.seconds >= 4)
        let during = try Self.signInDuringTheWait(hub)
        #expect(during.status == 429)
        #expect(during.retryAfter != nil)
        #expect(during.body.contains("Too many failed sign-ins from this computer"))

        // The coordinator at another computer signs in at once, the account's failures notwithstanding.
        let elsewhere = try Self.signIn(hub, password: "mật khẩu đúng", from: "127.0.0.2")
        #expect(elsewhere.status == 303, "\(elsewhere.body)")
        #expect(elsewhere.seconds < 1)

        #expect(hub.log.contains("failed sign-in slowed"))
        #expect(hub.log.contains("127.0.0.1"))
        #expect(hub.log.contains("turned away"))
    }

    /// Starts a slow failing try and, while its answer is held back, sends the right password
    /// from the same address.
    static func signInDuringTheWait(_ hub: Hub) throws -> (
        status: Int, body: String, retryAfter: String?, seconds: Double
    ) {
        let slow = DispatchGroup()
        slow.enter()
        let base = hub.server.url.absoluteString
        DispatchQueue.global().async {
            _ = try? Self.signIn(at: base, password: "sai", from: "127.0.0.1")
            slow.leave()
        }
        // The held try waits 8 s; 2 s lets its curl reach the server even on a loaded machine.
        Thread.sleep(forTimeInterval: 2)
        let reply = try Self.signIn(hub, password: "mật khẩu đúng", from: "127.0.0.1")
        slow.wait()
        return reply
    }

    @Test func guessingSignInLinksIsSlowedToo() throws {
        guard RequiredTool.available("curl") else { return }
        let hub = try Hub()
        var times: [Double] = []
        var statuses: [Int] = []
        for n in 0..<5 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: RequiredTool.path("curl") ?? "/usr/bin/curl")
            process.arguments = [
                "--silent", "--output", "/dev/null", "--write-out", "%{http_code}", "--max-time", "60",
                hub.server.url.absoluteString + "/dashboard/link/guess\(n)",
            ]
            let out = Pipe()
            process.standardOutput = out
            let began = Date()
            try process.run()
            let code = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            times.append(Date().timeIntervalSince(began))
            statuses.append(Int(code) ?? 0)
        }
        #expect(statuses == [404, 404, 404, 404, 404])
        #expect(times[0] < 1 && times[1] < 1 && times[2] < 1)
        #expect(times[3] >= 1 && times[4] >= 2)
        #expect(hub.log.contains("unusable sign-in link slowed"))
    }
}
