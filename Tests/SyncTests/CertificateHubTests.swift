import Certificates
import Foundation
import HubBackends
import HubStore
import LearnerClient
import Packs
import ProgressStore
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Certificates travel with sync as events; the hub keeps the registry, counts them per commune
/// and course, revokes with a reason and signs a status list the centre imports — on SQLite and
/// PostgreSQL alike.
@Suite("certificates at the hub", .serialized)
struct CertificateHubTests {
    @Test(arguments: Backend.all)
    func aCertificateSyncsIsCountedRevokedAndTheCentreLearnsIt(_ backend: Backend) throws {
        guard let hub = try backend.open() else { return }
        defer { hub.remove() }
        let dir = try temporaryDirectory("cert-hub")
        defer { try? FileManager.default.removeItem(at: dir) }
        let centreDB = dir.appendingPathComponent("centre.sqlite")
        let registration = dir.appendingPathComponent("registration.json")
        try expectSuccess(
            Program.hocso.run([
                "center", "init", "--db", centreDB.path, "--name", "Xã Hoà", "--export-registration", registration.path,
            ]))
        let centre = try CentreStore(path: centreDB)
        _ = try centre.addLearner(
            NewLearner(code: "HOA1", displayName: "Lê Thị Hoa", birthYear: 1965, gender: .nu, commune: "Xã Hoà"))
        let achievement = CourseAchievement(
            courseId: "vneid", version: 2, title: "Dùng VNeID", titleEnglish: "Using VNeID", areas: ["An toàn"],
            areasEnglish: ["Safety"])
        try centre.record(
            [.courseCompleted(learner: "HOA1", course: "vneid", version: 2, at: 1_750_000_000_000)],
            certifying: [achievement])
        let issued = try #require(try centre.certificates().first)

        try expectSuccess(Program.hub.run(["init", "--db", hub.location, "--name", "Tỉnh Thử"]))
        try expectSuccess(Program.hub.run(["centers", "add", registration.path, "--db", hub.location]))
        let usb = dir.appendingPathComponent("USB")
        try expectSuccess(Program.hocso.run(["sync", "export", "--db", centreDB.path, "--to", usb.path]))
        let bundle = try #require(
            try FileManager.default.contentsOfDirectory(atPath: usb.path).first { $0.hasSuffix(".hsbundle") })
        try expectSuccess(Program.hub.run(["import", usb.appendingPathComponent(bundle).path, "--db", hub.location]))

        let store = try hub.reopen()
        let held = try store.certificates(idPrefix: nil, limit: 10)
        #expect(held.map(\.id) == [issued.id])
        #expect(held.first?.credential == issued.credential, "the credential arrives byte for byte")
        #expect(
            try store.certificateCounts() == [
                CertificateCount(place: centre.nodeId, communeCode: nil, courseId: "vneid", issued: 1, revoked: 0)
            ])
        let listed = try Program.hub.run(["cert", "list", "--db", hub.location])
        #expect(listed.stdout.contains(issued.id) && listed.stdout.contains("valid"))

        let short = String(issued.id.dropFirst("urn:uuid:".count).prefix(8))
        try expectSuccess(
            Program.hub.run(["cert", "revoke", short, "--reason", "cấp nhầm người", "--db", hub.location]))
        #expect(try store.certificateCounts().first?.revoked == 1)
        // The coordinator's report counts it per course and area, revoked apart.
        let report = try Program.hub.run([
            "report", "certificates", "--db", hub.location, "--format", "csv", "--lang", "en",
        ])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("vneid") && report.stdout.contains(",1,1,0"), "\(report.stdout)")
        #expect(try store.certificateRevocations(node: centre.nodeId).map(\.index) == [issued.seq])

        // The centre still accepts it until it hears from the hub.
        let printed = dir.appendingPathComponent("cert.html")
        try expectSuccess(Program.hocso.run(["cert", "print", short, "-o", printed.path, "--db", centreDB.path]))
        try expectSuccess(Program.hocso.run(["cert", "verify", printed.path, "--db", centreDB.path]))

        let forCentre = dir.appendingPathComponent("hub-for-centre.json")
        try expectSuccess(
            Program.hub.run(["centers", "export", centre.nodeId, "-o", forCentre.path, "--db", hub.location]))
        try expectSuccess(Program.hocso.run(["sync", "hubs", "add", forCentre.path, "--db", centreDB.path]))
        let status = dir.appendingPathComponent("status.json")
        try expectSuccess(Program.hub.run(["cert", "status", centre.nodeId, "-o", status.path, "--db", hub.location]))
        try expectSuccess(Program.hocso.run(["cert", "status-import", status.path, "--db", centreDB.path]))
        let refused = try Program.hocso.run(["cert", "verify", printed.path, "--db", centreDB.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("has been revoked"))
        #expect(refused.stderr.contains("cấp nhầm người"))

        // Over HTTP: the hub serves the same signed list, and its /verify page names the failure.
        let server = try HubServerProcess(database: hub.location)
        defer { server.kill() }
        try expectSuccess(
            Program.hocso.run(["cert", "status-pull", "--hub", server.url.absoluteString, "--db", centreDB.path]))
        let qr = try CompactForm.encode(try JSONValue.parse(issued.credential))
        let form = "credential=" + (qr.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        var request = URLRequest(url: server.url.appendingPathComponent("verify"))
        request.httpMethod = "POST"
        request.httpBody = Data(form.utf8)
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        let page = try Self.fetch(request)
        #expect(page.contains("KHÔNG HỢP LỆ"), "\(page.prefix(300))")
        #expect(page.contains("has been revoked") && page.contains("cấp nhầm người"))
        let form2 = try Self.fetch(URLRequest(url: server.url.appendingPathComponent("verify")))
        #expect(form2.contains("<textarea name=\"credential\""))

        // A status list changed on the way is refused.
        let tampered = dir.appendingPathComponent("tampered.json")
        let text = try String(contentsOf: status, encoding: .utf8).replacingOccurrences(of: "cấp nhầm", with: "cấp sai")
        try Data(text.utf8).write(to: tampered)
        let bad = try Program.hocso.run(["cert", "status-import", tampered.path, "--db", centreDB.path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("signature does not match"))
    }

    /// The learner client's live backend issues the certificate of an installed course in the
    /// completing commit, and tells the result screen where to collect it.
    @Test func theClientsCentreBackendCertifiesAnInstalledCourse() throws {
        let dir = try temporaryDirectory("cert-client")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("centre.sqlite")
        let store = dir.appendingPathComponent("store")
        let folder = try SampleCourse.write(into: dir)
        let packs = dir.appendingPathComponent("packs")
        try expectSuccess(Program.hocso.run(["pack", "build", folder.path, "--output", packs.path]))
        try expectSuccess(
            Program.hocso.run([
                "pack", "install", packs.appendingPathComponent("khoa-mau-3.hspack").path, "--store", store.path,
            ]))
        try expectSuccess(Program.hocso.run(["center", "init", "--db", db.path, "--name", "Trung tâm xã Hoà"]))
        let centre = try CentreStore(path: db)
        _ = try centre.addLearner(
            NewLearner(code: "HOA1", displayName: "Lê Thị Hoa", birthYear: 1965, gender: .nu, commune: "Xã Hoà"))
        let backend = CentreBackend(store: centre, content: ContentStore(root: store))
        let course = try backend.loadCourse(id: "khoa-mau")
        try backend.record([.courseCompleted(learner: "HOA1", course: course.id, version: course.version, at: 1)])
        let issued = try centre.certificates(learner: "HOA1")
        #expect(issued.map(\.courseVersion) == [SampleCourse.version])
        #expect(try backend.certificateNotice(learner: "HOA1", course: course)?.centreName == "Trung tâm xã Hoà")
        let verified = try Program.hocso.run(["cert", "verify", "--db", db.path, "--learner", "HOA1", issued[0].id])
        #expect(verified.status == 1, "an id is not a credential: \(verified.stdout)")
        let json = dir.appendingPathComponent("c.json")
        try Data(issued[0].credential.utf8).write(to: json)
        try expectSuccess(Program.hocso.run(["cert", "verify", json.path, "--db", db.path, "--learner", "HOA1"]))
    }

    /// The body of a request to the test server (blocking: the tests are synchronous).
    static func fetch(_ request: URLRequest) throws -> String {
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, _, _ in
            box.text = data.map { String(decoding: $0, as: UTF8.self) } ?? ""
            done.signal()
        }.resume()
        done.wait()
        return box.text
    }

    final class Box: @unchecked Sendable { var text = "" }
}
