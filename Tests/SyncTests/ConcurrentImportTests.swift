import Foundation
import HubBackends
import HubStore
import ProgressStore
import Synchronization
import TestSupport
import Testing

/// Several `hocso-hub import` processes on one hub database at once, the same bundle in each:
/// every event is stored once, each process answers without error, and the receipts agree.
@Suite("concurrent hub imports", .serialized)
struct ConcurrentImportTests {
    @Test(arguments: Backend.all)
    func importersAtOnceStoreEachEventOnce(_ backend: Backend) throws {
        guard let hub = try backend.open() else { return }
        defer { hub.remove() }
        let dir = try temporaryDirectory("concurrent")
        defer { try? FileManager.default.removeItem(at: dir) }
        let centreDB = dir.appendingPathComponent("centre.sqlite")
        let centre = try CentreStore(path: centreDB, mode: .createIfMissing)
        _ = try centre.addLearner(
            NewLearner(code: "HOA1", displayName: "Lê Thị Hoa", birthYear: 1965, gender: .nu, commune: "Xã Hoà"))
        for n in 0..<300 {
            _ = try centre.record(
                .stepRead(
                    learner: "HOA1", course: "vneid", version: 2, lesson: "kich-hoat", step: "b\(n % 5)",
                    at: 1_750_000_000_000 + Int64(n)))
        }
        let registration = dir.appendingPathComponent("registration.json")
        try expectSuccess(
            Program.hocso.run([
                "center", "init", "--db", centreDB.path, "--name", "Xã Hoà", "--export-registration", registration.path,
            ]))
        try expectSuccess(Program.hub.run(["init", "--db", hub.location, "--name", "Tỉnh Thử"]))
        try expectSuccess(Program.hub.run(["centers", "add", registration.path, "--db", hub.location]))
        let usb = dir.appendingPathComponent("USB")
        try expectSuccess(Program.hocso.run(["sync", "export", "--db", centreDB.path, "--to", usb.path]))
        let bundle = try #require(
            try FileManager.default.contentsOfDirectory(atPath: usb.path).first { $0.hasSuffix(".hsbundle") })

        // Each process's `total: N new, …` line, or what went wrong.
        let outcomes = Mutex<[Result<String, any Error>]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { index in
            let copy = dir.appendingPathComponent("copy-\(index).hsbundle")
            let outcome = Result<String, any Error> {
                try FileManager.default.copyItem(at: usb.appendingPathComponent(bundle), to: copy)
                let result = try Program.hub.run(["import", copy.path, "--db", hub.location])
                guard result.status == 0 else { return "exit \(result.status): \(result.stderr)" }
                return String(result.stdout.split(separator: "\n").first { $0.hasPrefix("total:") } ?? "")
            }
            outcomes.withLock { $0.append(outcome) }
        }
        let totals = try outcomes.withLock { $0 }.map { try $0.get() }
        let news = totals.compactMap { $0.split(separator: " ").dropFirst().first.flatMap { Int($0) } }
        #expect(news.count == 4 && news.reduce(0, +) == 301, "\(totals)")
        let store = try hub.reopen()
        #expect(try store.eventCount() == 301)
        #expect(try store.holdings(centre.nodeId).held == [SeqRange(1, 301)])
    }

    /// Two `hocso-hub serve` processes on one database, two centres pushing to them at once,
    /// each centre to both: every event stored once, every push acknowledged.
    @Test(arguments: Backend.all)
    func twoServersOnOneDatabase(_ backend: Backend) throws {
        guard let hub = try backend.open() else { return }
        defer { hub.remove() }
        let dir = try temporaryDirectory("two-servers")
        defer { try? FileManager.default.removeItem(at: dir) }
        try expectSuccess(Program.hub.run(["init", "--db", hub.location, "--name", "Tỉnh Thử"]))
        var centres: [(db: URL, node: String)] = []
        for name in ["dong", "tay"] {
            let db = dir.appendingPathComponent("\(name).sqlite")
            let centre = try CentreStore(path: db, mode: .createIfMissing)
            _ = try centre.addLearner(
                NewLearner(code: "AN1", displayName: "An", birthYear: 1970, gender: .nam, commune: "Xã"))
            for n in 0..<200 {
                _ = try centre.record(
                    .stepRead(
                        learner: "AN1", course: "vneid", version: 2, lesson: "kich-hoat", step: "b\(n % 5)",
                        at: 1_750_000_000_000 + Int64(n)))
            }
            let registration = dir.appendingPathComponent("\(name)-registration.json")
            try expectSuccess(
                Program.hocso.run([
                    "center", "init", "--db", db.path, "--name", "Xã \(name)", "--export-registration",
                    registration.path,
                ]))
            try expectSuccess(Program.hub.run(["centers", "add", registration.path, "--db", hub.location]))
            let forCentre = dir.appendingPathComponent("hub-for-\(name).json")
            try expectSuccess(
                Program.hub.run(["centers", "export", centre.nodeId, "-o", forCentre.path, "--db", hub.location]))
            try expectSuccess(Program.hocso.run(["sync", "hubs", "add", forCentre.path, "--db", db.path]))
            centres.append((db, centre.nodeId))
        }
        let servers = try (0..<2).map { _ in try HubServerProcess(database: hub.location) }
        defer { for server in servers { server.kill() } }
        let failures = Mutex<[String]>([])
        let urls = servers.map(\.url.absoluteString)
        let databases = centres.map(\.db.path)
        // Each centre pushes to one server while the other centre pushes to the other, then swaps.
        for round in 0..<2 {
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let server = urls[(index + round) % 2]
                do {
                    let push = try Program.hocso.run([
                        "sync", "push", "--hub", server, "--db", databases[index], "--chunk",
                        "25",
                    ])
                    if push.status != 0 { failures.withLock { $0.append(push.stderr) } }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let store = try hub.reopen()
        #expect(try store.eventCount() == 402)
        for centre in centres { #expect(try store.holdings(centre.node).held == [SeqRange(1, 201)]) }
    }
}
