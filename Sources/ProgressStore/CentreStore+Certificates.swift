import Certificates
import Foundation
import GRDB
import LearnerEvents

/// A certificate as the centre holds it: the `certificate.issued` event and its credential.
public struct IssuedCertificate: Sendable, Equatable {
    /// The event's sequence number (also the certificate's index in the centre's status list).
    public var seq: Int64
    /// The learner's code (never in the credential itself).
    public var learner: String
    /// The course id.
    public var courseId: String
    /// The course version completed.
    public var courseVersion: Int
    /// When it was issued, ms since 1970 UTC.
    public var issuedAt: Int64
    /// The credential's id, `urn:uuid:…`.
    public var id: String
    /// The signed credential, JCS text.
    public var credential: String
}

extension CentreStore {
    /// The id of the status list this centre's certificates point to.
    public var statusListId: String { "urn:hocso:status:\(nodeId)" }

    /// The centre's signing key as a certificate signer; nil before `center init`.
    public func certificateSigner() throws -> CertificateSigner? {
        guard let key = try signingKey() else { return nil }
        guard let seed = Data(base64Encoded: key.privateKey), let signer = CertificateSigner(seed: seed) else {
            throw ProgressStoreError(.invalidSync, field: "key", ProgressStoreText.notAKeyFile(keyFile.path))
        }
        return signer
    }

    /// Issues the certificate of `learner` for `achievement` inside the caller's write
    /// transaction, unless they hold it already; returns its event.
    func issueIfMissing(
        learner: String, _ achievement: CourseAchievement, signer: CertificateSigner, recordedAt: Int64,
        _ db: Database
    ) throws -> Event? {
        let held = try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM events WHERE kind = 'certificate.issued'
                               AND learner = ? AND course_id = ? AND course_version = ?)
                """, arguments: [learner, achievement.courseId, achievement.version])
        guard held == false,
            let person = try Row.fetchOne(
                db, sql: "SELECT display_name, commune FROM learners WHERE code = ?", arguments: [learner]),
            let centre = try String.fetchOne(db, sql: "SELECT name FROM sync_identity")
        else { return nil }
        // The certificate's event takes the next seq: that number is its status list index.
        let seq = try Int64.fetchOne(db.cachedStatement(sql: Self.nextSeqSQL), arguments: [nodeId]) ?? 1
        let facts = CertificateFacts(
            id: "urn:uuid:" + UUID().uuidString.lowercased(), issuedAt: recordedAt, centreName: centre,
            learnerName: person["display_name"], commune: person["commune"], course: achievement,
            status: (statusListId, seq))
        let credential = try JCS.string(try signer.issue(facts))
        return try append(
            .certificateIssued(
                learner: learner, course: achievement.courseId, version: achievement.version, credential: credential,
                at: recordedAt), recordedAt: recordedAt, db)
    }

    /// Completions without their certificate (recorded before `center init`, or by a build
    /// without certificates): learner, course, version, oldest first.
    public func completionsWithoutCertificate(learner: String? = nil) throws -> [(String, String, Int)] {
        try storageErrors {
            try pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT c.learner, c.course_id, c.course_version FROM events c
                        WHERE c.kind = 'course.completed' AND c.course_version IS NOT NULL
                          AND (?1 IS NULL OR c.learner = ?1)
                          AND NOT EXISTS (SELECT 1 FROM events i WHERE i.kind = 'certificate.issued'
                                          AND i.learner = c.learner AND i.course_id = c.course_id
                                          AND i.course_version = c.course_version)
                        GROUP BY c.learner, c.course_id, c.course_version ORDER BY min(c.seq)
                        """, arguments: [learner?.uppercased()]
                ).map { ($0[0], $0[1], $0[2]) }
            }
        }
    }

    /// Issues one missing certificate in its own transaction; nil when it exists already (another
    /// process was first) or the learner is gone.
    public func issueCertificate(learner: String, achievement: CourseAchievement) throws -> IssuedCertificate? {
        guard let signer = try certificateSigner() else {
            throw ProgressStoreError(.invalidSync, field: "key", ProgressStoreText.certificatesNeedKey)
        }
        let event = try storageErrors {
            try writeImmediate { db in
                try self.issueIfMissing(learner: learner, achievement, signer: signer, recordedAt: self.now(), db)
            }
        }
        return try event.flatMap { try certificates(seq: $0.seq).first }
    }

    /// The certificates issued here, oldest first: all, one learner's, or one day's (Vietnam time).
    public func certificates(learner: String? = nil, day: String? = nil) throws -> [IssuedCertificate] {
        try certificateRows(
            where: "(?1 IS NULL OR learner = ?1)", [learner?.uppercased()]
        ).filter { certificate in
            day.map { Timestamp.vietnamDay(Date(timeIntervalSince1970: Double(certificate.issuedAt) / 1000)) == $0 }
                ?? true
        }
    }

    /// The certificates whose id is `id` or whose UUID starts with `id` (as `cert list` shows it).
    public func certificates(matching id: String) throws -> [IssuedCertificate] {
        let prefix = id.lowercased().hasPrefix("urn:uuid:") ? id.lowercased() : "urn:uuid:" + id.lowercased()
        return try certificateRows(where: "substr(json_extract(payload, '$.id'), 1, length(?1)) = ?1", [prefix])
    }

    func certificates(seq: Int64) throws -> [IssuedCertificate] {
        try certificateRows(where: "seq = ?1", [seq])
    }

    private func certificateRows(where condition: String, _ arguments: StatementArguments) throws
        -> [IssuedCertificate]
    {
        try storageErrors {
            try pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT seq, learner, course_id, course_version, occurred_at, payload,
                               json_extract(payload, '$.id') AS id
                        FROM events WHERE kind = 'certificate.issued' AND node_id = ?2 AND \(condition)
                        ORDER BY seq
                        """, arguments: arguments + [nodeId]
                ).map { row in
                    IssuedCertificate(
                        seq: row["seq"], learner: row["learner"], courseId: row["course_id"],
                        courseVersion: row["course_version"], issuedAt: row["occurred_at"], id: row["id"] ?? "",
                        credential: row["payload"])
                }
            }
        }
    }

    /// Records that certificate `id` is revoked (`source`: `centre` or the hub's id); keeps the
    /// first reason when it is known already.
    public func recordRevocation(_ id: String, reason: String, source: String) throws {
        try storageErrors {
            try pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO certificate_revocations (certificate_id, reason, revoked_at, source)
                        VALUES (?, ?, ?, ?) ON CONFLICT (certificate_id) DO NOTHING
                        """, arguments: [id, String(reason.prefix(500)), now(), source])
            }
        }
    }

    /// Revoked certificate ids → reasons, as this centre last heard.
    public func revocations() throws -> [String: String] {
        try storageErrors {
            try pool.read { db in
                Dictionary(
                    try Row.fetchAll(db, sql: "SELECT certificate_id, reason FROM certificate_revocations").map {
                        ($0[0], $0[1])
                    }, uniquingKeysWith: { first, _ in first })
            }
        }
    }
}
