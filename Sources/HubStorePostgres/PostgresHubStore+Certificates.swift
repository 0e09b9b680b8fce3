import HubStore
import Logging
import PostgresNIO

extension PostgresSchema {
    /// `v5-certificates`: an index over `certificate.issued` events, and revocations.
    static let v5Certificates: [String] = [
        "CREATE INDEX events_certificates ON events (node_id, seq) WHERE kind = 'certificate.issued'",
        """
        CREATE TABLE certificate_revocations (
            certificate_id text PRIMARY KEY CHECK (certificate_id LIKE 'urn:uuid:%'),
            node_id text NOT NULL REFERENCES centers(node_id),
            seq bigint NOT NULL CHECK (seq >= 1),
            reason text NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 500),
            revoked_at bigint NOT NULL)
        """,
    ]
}

extension PostgresHubStore {
    static let certificateSelect = """
        SELECT e.node_id, e.seq, e.learner, coalesce(e.course_id, ''), coalesce(e.course_version, 0), e.occurred_at,
               e.payload::text, coalesce(e.payload->>'id', ''), r.reason
        FROM events e LEFT JOIN certificate_revocations r ON r.certificate_id = e.payload->>'id'
        WHERE e.kind = 'certificate.issued'
        """

    static func certificate(_ row: PostgresRow) throws -> HubCertificate {
        let (node, seq, learner, course, version, at, payload, id, reason) = try row.decode(
            (String, Int64, String, String, Int64, Int64, String, String, String?).self)
        return HubCertificate(
            nodeId: node, seq: seq, learner: learner, courseId: course, courseVersion: Int(version), issuedAt: at,
            id: id, credential: payload, revokedReason: reason)
    }

    /// See `HubStore`.
    public func certificates(idPrefix: String?, limit: Int) throws -> [HubCertificate] {
        let prefix = idPrefix ?? ""
        let limit = max(0, limit)
        return try run { connection, logger in
            try await connection.query(
                """
                \(unescaped: Self.certificateSelect) AND starts_with(coalesce(e.payload->>'id', ''), \(prefix))
                ORDER BY e.position LIMIT \(limit)
                """, logger: logger
            ).collect().map(Self.certificate)
        }
    }

    /// See `HubStore`.
    public func certificateCounts(issuedFrom from: Int64, before to: Int64) throws -> [CertificateCount] {
        try run { connection, logger in
            try await connection.query(
                """
                SELECT e.node_id, c.commune_code, coalesce(e.course_id, ''), count(*), count(r.certificate_id)
                FROM events e JOIN centers c ON c.node_id = e.node_id
                LEFT JOIN certificate_revocations r ON r.certificate_id = e.payload->>'id'
                WHERE e.kind = 'certificate.issued' AND e.occurred_at >= \(from) AND e.occurred_at < \(to)
                GROUP BY e.node_id, c.commune_code, e.course_id ORDER BY e.node_id, e.course_id
                """, logger: logger
            ).collect().map { row in
                let (node, commune, course, issued, revoked) = try row.decode(
                    (String, String?, String, Int64, Int64).self)
                return CertificateCount(
                    place: node, communeCode: commune, courseId: course, issued: Int(issued), revoked: Int(revoked))
            }
        }
    }

    /// See `HubStore`.
    public func revokeCertificate(id: String, reason: String, at: Int64) throws -> HubCertificate? {
        try transaction { connection, logger in
            guard
                let found = try await connection.query(
                    "\(unescaped: Self.certificateSelect) AND e.payload->>'id' = \(id)", logger: logger
                ).collect().first.map(Self.certificate)
            else { return nil }
            try await connection.query(
                """
                INSERT INTO certificate_revocations (certificate_id, node_id, seq, reason, revoked_at)
                VALUES (\(id), \(found.nodeId), \(found.seq), \(reason), \(at)) ON CONFLICT (certificate_id) DO NOTHING
                """, logger: logger)
            return try await connection.query(
                "\(unescaped: Self.certificateSelect) AND e.payload->>'id' = \(id)", logger: logger
            ).collect().first.map(Self.certificate)
        }
    }

    /// See `HubStore`.
    public func certificateRevocations(node: String?) throws -> [CertificateRevocation] {
        let all = node == nil
        let node = node ?? ""
        return try run { connection, logger in
            try await connection.query(
                """
                SELECT certificate_id, node_id, seq, reason, revoked_at FROM certificate_revocations
                WHERE \(all) OR node_id = \(node) ORDER BY node_id, seq
                """, logger: logger
            ).collect().map { row in
                let (id, node, seq, reason, at) = try row.decode((String, String, Int64, String, Int64).self)
                return CertificateRevocation(id: id, nodeId: node, index: seq, reason: reason, revokedAt: at)
            }
        }
    }
}
