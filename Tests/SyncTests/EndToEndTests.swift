import Foundation
import GRDB
import HubStore
import HubStoreSQLite
import ProgressStore
import TestSupport
import Testing

@testable import SyncCentre
@testable import SyncHub
@testable import SyncWire

/// The real binary, as operators use it: a centre's answers reach a hub on a USB stick and over
/// HTTP, receipts come back, and a hub killed mid-push loses and doubles nothing.
@Suite("hocso sync end to end", .serialized)
struct EndToEndTests {
    /// A centre database with answers, its registration at a new hub, and the hub's registration at the centre.
    struct Setup {
        let dir: URL
        let centreDB: URL
        let hubDB: URL
        let centre: CentreStore

        init(events: Int) throws {
            dir = try temporaryDirectory("e2e")
            centreDB = dir.appendingPathComponent("centre.sqlite")
            hubDB = dir.appendingPathComponent("hub.sqlite")
            centre = try CentreStore(path: centreDB, mode: .createIfMissing)
            _ = try centre.addLearner(
                NewLearner(
                    code: "MINH7", displayName: "Trần Văn Minh", birthYear: 1958, gender: .nam, commune: "Xã Đông"))
            for n in 0..<events {
                _ = try centre.record(
                    .stepRead(
                        learner: "MINH7", course: "vneid", version: 2, lesson: "kich-hoat", step: "b\(n % 5)",
                        at: 1_750_000_000_000 + Int64(n)))
            }
            let registration = dir.appendingPathComponent("centre-registration.json")
            try expectSuccess(
                Program.hocso.run([
                    "center", "init", "--db", centreDB.path, "--name", "Xã Đông", "--export-registration",
                    registration.path,
                ]))
            try expectSuccess(Program.hub.run(["init", "--db", hubDB.path, "--name", "Huyện Tây"]))
            try expectSuccess(Program.hub.run(["centers", "add", registration.path, "--db", hubDB.path]))
            let forCentre = dir.appendingPathComponent("hub-for-centre.json")
            try expectSuccess(
                Program.hub.run(["centers", "export", centre.nodeId, "-o", forCentre.path, "--db", hubDB.path]))
            try expectSuccess(Program.hocso.run(["sync", "hubs", "add", forCentre.path, "--db", centreDB.path]))
        }

        func hubEventCount() throws -> (rows: Int, distinct: Int) {
            let store = try SQLiteHubStore(path: hubDB)
            return try store.read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? -1,
                    try Int.fetchOne(db, sql: "SELECT count(DISTINCT node_id || '/' || seq) FROM events") ?? -1
                )
            }
        }
    }

    @Test("answers → export to a USB folder → hub import → receipt → ack")
    func usb() throws {
        let setup = try Setup(events: 60)
        let usb = setup.dir.appendingPathComponent("USB")
        let export = try Program.hocso.run(["sync", "export", "--db", setup.centreDB.path, "--to", usb.path])
        try expectSuccess(export)
        let bundles = try FileManager.default.contentsOfDirectory(atPath: usb.path).filter { $0.hasSuffix(".hsbundle") }
        #expect(bundles == ["\(setup.centre.nodeId)-1-61.hsbundle"])
        // A copy with a flipped byte: refused with one clear line and exit status 1, nothing stored.
        var data = try Data(contentsOf: usb.appendingPathComponent(bundles[0]))
        data[data.count / 2] ^= 1
        try data.write(to: setup.dir.appendingPathComponent("damaged.hsbundle"))
        let damaged = try Program.hub.run([
            "import", setup.dir.appendingPathComponent("damaged.hsbundle").path, "--db", setup.hubDB.path,
        ])
        #expect(damaged.status == 1 && damaged.stderr.contains("bundle refused:"), "\(damaged.stderr)")
        #expect(
            !damaged.stdout.contains("damaged.hsbundle:"),
            "a refused bundle has its sentence, not a count of rejected events")
        #expect(try setup.hubEventCount() == (0, 0))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: setup.dir.path).allSatisfy {
                !$0.hasSuffix("-receipt.json")
            }, "a refused bundle gets no receipt")
        // Issue 13: a missing receipts folder was found only after the events were committed.
        let noFolder = try Program.hub.run([
            "import", usb.appendingPathComponent(bundles[0]).path, "--db", setup.hubDB.path, "--receipts",
            setup.dir.appendingPathComponent("no-such-folder").path,
        ])
        #expect(noFolder.status == 1)
        #expect(noFolder.stderr.contains("there is no folder") && noFolder.stderr.contains("nothing was imported"))
        #expect(try setup.hubEventCount() == (0, 0))
        let imported = try Program.hub.run([
            "import", usb.appendingPathComponent(bundles[0]).path, "--db", setup.hubDB.path,
        ])
        try expectSuccess(imported)
        #expect(imported.stdout.contains("61 new, 0 duplicate, 0 rejected"))
        let receipt = try #require(
            try FileManager.default.contentsOfDirectory(atPath: usb.path).first { $0.hasSuffix("-receipt.json") })
        let again = try Program.hub.run([
            "import", usb.appendingPathComponent(bundles[0]).path, "--db", setup.hubDB.path,
        ])
        #expect(again.stdout.contains("0 new, 61 duplicate, 0 rejected"))
        try expectSuccess(
            Program.hocso.run(["sync", "ack", usb.appendingPathComponent(receipt).path, "--db", setup.centreDB.path]))
        let status = try Program.hocso.run(["sync", "status", "--db", setup.centreDB.path])
        #expect(status.stdout.contains("to export: 0") && status.stdout.contains("acknowledged: 61"))
        #expect(try setup.hubEventCount() == (61, 61))
        // The coordinator lists and revokes the centre; its next bundle is refused.
        let list = try Program.hub.run(["centers", "list", "--json", "--db", setup.hubDB.path])
        #expect(
            list.stdout.contains("\"nodeId\" : \"\(setup.centre.nodeId)\"")
                && list.stdout.contains("\"status\" : \"active\""))
        try expectSuccess(Program.hub.run(["centers", "revoke", setup.centre.nodeId, "--db", setup.hubDB.path]))
        _ = try setup.centre.record(
            .stepRead(
                learner: "MINH7", course: "vneid", version: 2, lesson: "kich-hoat", step: "b9", at: 1_760_000_000_000))
        let later = setup.dir.appendingPathComponent("USB2")
        try expectSuccess(Program.hocso.run(["sync", "export", "--db", setup.centreDB.path, "--to", later.path]))
        let bundle = try #require(try FileManager.default.contentsOfDirectory(atPath: later.path).first)
        let refused = try Program.hub.run([
            "import", later.appendingPathComponent(bundle).path, "--db", setup.hubDB.path,
        ])
        #expect(
            refused.status == 1 && refused.stderr.contains("bundle refused: centre \(setup.centre.nodeId) is revoked"))
    }

    @Test("answers → push over HTTP to a real `hocso hub serve` → acknowledged")
    func http() throws {
        let setup = try Setup(events: 250)
        let server = try HubServerProcess(db: setup.hubDB)
        defer { server.kill() }
        let push = try Program.hocso.run([
            "sync", "push", "--hub", server.url.absoluteString, "--db", setup.centreDB.path, "--chunk", "40",
        ])
        try expectSuccess(push)
        #expect(push.stdout.contains("acknowledged 1–251"))
        let again = try Program.hocso.run([
            "sync", "push", "--hub", server.url.absoluteString, "--db", setup.centreDB.path,
        ])
        #expect(again.stdout.contains("0 events sent"))
        #expect(try setup.hubEventCount() == (251, 251))
    }

    @Test("the hub killed mid-push and restarted: the next push resumes, nothing lost or doubled")
    func killedServer() throws {
        let setup = try Setup(events: 1500)
        let first = try HubServerProcess(db: setup.hubDB)
        let port = first.url.port ?? 0
        let pushProcess = Process()
        pushProcess.executableURL = Program.hocso.url
        pushProcess.arguments = [
            "sync", "push", "--hub", first.url.absoluteString, "--db", setup.centreDB.path, "--chunk", "10",
        ]
        pushProcess.standardOutput = FileHandle.nullDevice
        pushProcess.standardError = FileHandle.nullDevice
        try pushProcess.run()
        // Kill the hub once it has stored something (whatever the push is doing at that moment).
        let hub = try SQLiteHubStore(path: setup.hubDB)
        while try hub.eventCount() == 0 && pushProcess.isRunning {}
        first.kill()
        pushProcess.waitUntilExit()
        let second = try HubServerProcess(db: setup.hubDB, port: port)
        defer { second.kill() }
        let resumed = try Program.hocso.run([
            "sync", "push", "--hub", second.url.absoluteString, "--db", setup.centreDB.path, "--chunk", "200",
        ])
        try expectSuccess(resumed)
        #expect(resumed.stdout.contains("acknowledged 1–1501"))
        #expect(try setup.hubEventCount() == (1501, 1501))
    }
}

/// Fails the test with the command's stderr when it did not succeed.
func expectSuccess(_ result: Program.Result, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try #require(
        result.status == 0, "hocso failed (\(result.status)): \(result.stderr)", sourceLocation: sourceLocation)
}
