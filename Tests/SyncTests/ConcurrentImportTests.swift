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
        let centre = try CentreStore(path: centreDB)
        _ = try centre.addLearner(NewLearner(code: "HOA1", displayName: "Lê Thị Hoa", birthYear: 1965, gender: .nu))
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
}
