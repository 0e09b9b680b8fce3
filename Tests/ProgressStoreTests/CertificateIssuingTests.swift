import Certificates
import Foundation
import GRDB
import LearnerEvents
import QuizEngine
import Testing

@testable import ProgressStore

/// Issuing at the centre: in the completing transaction, exactly once per learner × course
/// version, whatever process dies when.
@Suite("Certificate issuing", .serialized)
struct CertificateIssuingTests {
    /// W3C vc-di-eddsa's published test key pair, as the centre's key (any Ed25519 key would do).
    static let seed = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"
    static let publicKey = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"

    static let achievement = CourseAchievement(
        courseId: "lua-dao", version: 3, title: "Phòng tránh lừa đảo trên mạng", titleEnglish: "Avoiding online scams",
        areas: ["An toàn"], areasEnglish: ["Safety"])

    /// A centre with an identity and key file, and one learner.
    static func centre(_ db: TestDatabase) throws -> CentreStore {
        let store = try db.open()
        let seedBytes = try #require(Base58.decode(String(seed.dropFirst())))
        let key = try #require(DidKey.publicKey(multibase: publicKey))
        _ = try store.createSyncIdentity(
            name: "Trung tâm HTCĐ xã Tân Phú", publicKey: key.rawRepresentation.base64EncodedString(),
            privateKey: Data(seedBytes.dropFirst(2)).base64EncodedString())
        try store.addLearner(Sample.learner("LAN1"))
        return store
    }

    static func completion(_ learner: String = "LAN1", version: Int = 3) -> Occurrence {
        .courseCompleted(learner: learner, course: "lua-dao", version: version, at: 1_772_323_200_000)
    }

    @Test func aCompletionIssuesAVerifiableCertificateInTheSameCommit() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try Self.centre(db)
        let events = try store.record([Self.completion()], certifying: [Self.achievement])
        #expect(events.map(\.kind) == [.courseCompleted, .certificateIssued])
        #expect(events[1].seq == events[0].seq + 1)

        let issued = try #require(try store.certificates(learner: "lan1").first)
        let json = try JSONValue.parse(issued.credential)
        let issuer = try #require(DidKey("did:key:" + Self.publicKey))
        let trust = CertificateTrust(trustedIssuers: [issuer])
        let certificate = try CertificateVerifier.verify(
            json, policy: trust, now: Date(), learnerName: "Nguyễn Thị Lan"
        )
        .get()
        #expect(certificate.courseTitle == "Phòng tránh lừa đảo trên mạng")
        #expect(certificate.commune == "Xã Tân Phú")
        #expect(certificate.status?.index == events[1].seq)
        #expect(!issued.credential.contains("LAN1"), "the learner code never appears in the credential")
        #expect(try store.certificates(matching: String(issued.id.dropFirst(9).prefix(6))).count == 1)
    }

    @Test func completingTheSameVersionAgainIssuesNothingMoreButANewVersionDoes() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try Self.centre(db)
        try store.record([Self.completion()], certifying: [Self.achievement])
        let again = try store.record([Self.completion()], certifying: [Self.achievement])
        #expect(again.map(\.kind) == [.courseCompleted])
        var next = Self.achievement
        next.version = 4
        let newer = try store.record([Self.completion(version: 4)], certifying: [next])
        #expect(newer.map(\.kind) == [.courseCompleted, .certificateIssued])
        #expect(try store.certificates().count == 2)
    }

    @Test func withoutACentreKeyTheCompletionIsKeptAndIssueCatchesUpLater() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        try store.addLearner(Sample.learner("LAN1"))
        #expect(try store.record([Self.completion()], certifying: [Self.achievement]).map(\.kind) == [.courseCompleted])
        #expect(try store.completionsWithoutCertificate().count == 1)
        #expect(throws: ProgressStoreError.self) {
            try store.issueCertificate(learner: "LAN1", achievement: Self.achievement)
        }
    }

    /// The schema itself refuses a second certificate for the same learner and version, so no
    /// path — another process, a retried transaction — can make two.
    @Test func theDatabaseRefusesASecondCertificateForTheSameVersion() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try Self.centre(db)
        try store.record([Self.completion()], certifying: [Self.achievement])
        #expect(throws: (any Error).self) {
            try store.record(
                .certificateIssued(learner: "LAN1", course: "lua-dao", version: 3, credential: "{}", at: 1))
        }
    }

    /// Processes recording the same completion with its certificate, killed with SIGKILL at
    /// random moments, then one left to finish: exactly one certificate, a gap-free log, derived
    /// progress equal to a rebuild.
    @Test func sigkillDuringIssuingLeavesExactlyOneCertificate() throws {
        let helper = try #require(StressHelper.executable, "hocso-stress is not built next to the tests")
        let db = try TestDatabase()
        defer { db.remove() }
        _ = try Self.centre(db)
        var rng = SplitMix64(state: 0xce27)
        var sawIssue = 0
        for _ in 0..<12 {
            let runs = try (0..<2).map { _ in
                try StressHelper.Run(
                    executable: helper, db: db.path, learner: "LAN1", count: 1_000_000, extra: ["--certify", "kill"])
            }
            usleep(useconds_t(2_000 + rng.next() % 120_000))
            for run in runs { run.kill() }
            for run in runs { sawIssue += run.finishLines().lines.filter { $0.contains("certificate.issued") }.count }
        }
        let last = try StressHelper.Run(
            executable: helper, db: db.path, learner: "LAN1", count: 3, extra: ["--certify", "kill"])
        let (lines, status, _, errors) = last.finishLines()
        #expect(status == 0, "\(errors)")
        #expect(lines.count == 3)
        #expect(sawIssue <= 1, "two processes each said they issued the certificate")

        let reopened = try db.open()
        let count = try reopened.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM events WHERE kind = 'certificate.issued'") ?? -1
        }
        #expect(count == 1)
        let report = try reopened.doctor(repair: false, folder: db.folder)
        #expect(report.integrity == ["ok"])
        #expect(report.sequenceIsGapFree)
        #expect(report.differences.isEmpty)
    }
}
