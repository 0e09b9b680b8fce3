import GRDB
import HubStore

extension Schema {
    /// `v7-hub-certificates`: certificates are `certificate.issued` events; an index finds them
    /// among millions of answers, and revocations are a table of their own.
    static func v7Certificates(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE INDEX events_certificates ON events (node_id, seq) WHERE kind = 'certificate.issued';
                CREATE TABLE certificate_revocations (
                    certificate_id TEXT PRIMARY KEY NOT NULL CHECK (certificate_id GLOB 'urn:uuid:*'),
                    node_id TEXT NOT NULL REFERENCES centers(node_id),
                    seq INTEGER NOT NULL CHECK (seq >= 1),
                    reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 500),
                    revoked_at INTEGER NOT NULL
                ) WITHOUT ROWID;
                """)
    }
}

extension SQLiteHubStore {
    static let certificateSelect = """
        SELECT e.node_id, e.seq, e.learner, e.course_id, e.course_version, e.occurred_at, e.payload,
               json_extract(e.payload, '$.id') AS id, r.reason
        FROM events e LEFT JOIN certificate_revocations r ON r.certificate_id = json_extract(e.payload, '$.id')
        WHERE e.kind = 'certificate.issued'
        """

    static func certificate(_ row: Row) -> HubCertificate {
        HubCertificate(
            nodeId: row["node_id"], seq: row["seq"], learner: row["learner"], courseId: row["course_id"] ?? "",
            courseVersion: row["course_version"] ?? 0, issuedAt: row["occurred_at"], id: row["id"] ?? "",
            credential: row["payload"], revokedReason: row["reason"])
    }

    /// See `HubStore`.
    public func certificates(idPrefix: String?, limit: Int) throws -> [HubCertificate] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    \(Self.certificateSelect)
                      AND (?1 IS NULL OR substr(json_extract(e.payload, '$.id'), 1, length(?1)) = ?1)
                    ORDER BY e.rowid LIMIT ?2
                    """, arguments: [idPrefix, max(0, limit)]
            ).map(Self.certificate)
        }
    }

    /// See `HubStore`.
    public func certificateCounts(issuedFrom from: Int64, before to: Int64) throws -> [CertificateCount] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT e.node_id, c.commune_code, e.course_id, count(*) AS issued,
                           count(r.certificate_id) AS revoked
                    FROM events e JOIN centers c ON c.node_id = e.node_id
                    LEFT JOIN certificate_revocations r ON r.certificate_id = json_extract(e.payload, '$.id')
                    WHERE e.kind = 'certificate.issued' AND e.occurred_at >= ? AND e.occurred_at < ?
                    GROUP BY e.node_id, c.commune_code, e.course_id ORDER BY e.node_id, e.course_id
                    """, arguments: [from, to]
            ).map {
                CertificateCount(
                    place: $0["node_id"], communeCode: $0["commune_code"], courseId: $0["course_id"] ?? "",
                    issued: $0["issued"], revoked: $0["revoked"])
            }
        }
    }

    /// See `HubStore`.
    public func revokeCertificate(id: String, reason: String, at: Int64) throws -> HubCertificate? {
        try write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "\(Self.certificateSelect) AND json_extract(e.payload, '$.id') = ?", arguments: [id])
            else { return nil }
            let certificate = Self.certificate(row)
            try db.execute(
                sql: """
                    INSERT INTO certificate_revocations (certificate_id, node_id, seq, reason, revoked_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (certificate_id) DO NOTHING
                    """, arguments: [id, certificate.nodeId, certificate.seq, reason, at])
            return try Row.fetchOne(
                db, sql: "\(Self.certificateSelect) AND json_extract(e.payload, '$.id') = ?", arguments: [id]
            ).map(Self.certificate)
        }
    }

    /// See `HubStore`.
    public func certificateRevocations(node: String?) throws -> [CertificateRevocation] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT certificate_id, node_id, seq, reason, revoked_at FROM certificate_revocations
                    WHERE ?1 IS NULL OR node_id = ?1 ORDER BY node_id, seq
                    """, arguments: [node]
            ).map {
                CertificateRevocation(
                    id: $0["certificate_id"], nodeId: $0["node_id"], index: $0["seq"], reason: $0["reason"],
                    revokedAt: $0["revoked_at"])
            }
        }
    }
}
