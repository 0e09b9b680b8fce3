/// A certificate a hub holds: its `certificate.issued` event, and its revocation if any.
public struct HubCertificate: Sendable, Equatable {
    /// The issuing centre.
    public var nodeId: String
    /// The event's seq at that centre: the certificate's index in the centre's status list.
    public var seq: Int64
    /// The learner's code at the centre.
    public var learner: String
    /// The course.
    public var courseId: String
    /// The course version completed.
    public var courseVersion: Int
    /// When it was issued, ms since 1970 UTC.
    public var issuedAt: Int64
    /// The credential's id, `urn:uuid:…`.
    public var id: String
    /// The signed credential, as the centre sent it.
    public var credential: String
    /// Why it was revoked, nil while it stands.
    public var revokedReason: String?

    /// Makes a record.
    public init(
        nodeId: String, seq: Int64, learner: String, courseId: String, courseVersion: Int, issuedAt: Int64, id: String,
        credential: String, revokedReason: String?
    ) {
        self.nodeId = nodeId
        self.seq = seq
        self.learner = learner
        self.courseId = courseId
        self.courseVersion = courseVersion
        self.issuedAt = issuedAt
        self.id = id
        self.credential = credential
        self.revokedReason = revokedReason
    }
}

/// Certificates of one course issued by one centre.
public struct CertificateCount: Sendable, Equatable {
    /// The issuing centre's node id.
    public var place: String
    /// The commune of the issuing centre, nil when the centre is attached to none.
    public var communeCode: String?
    /// The course.
    public var courseId: String
    /// Certificates issued.
    public var issued: Int
    /// Of which revoked.
    public var revoked: Int

    /// Makes a count.
    public init(place: String, communeCode: String?, courseId: String, issued: Int, revoked: Int) {
        self.place = place
        self.communeCode = communeCode
        self.courseId = courseId
        self.issued = issued
        self.revoked = revoked
    }
}

/// A revoked certificate, as a status list publishes it.
public struct CertificateRevocation: Sendable, Equatable {
    /// The certificate's id.
    public var id: String
    /// The issuing centre.
    public var nodeId: String
    /// Its index in the centre's status list.
    public var index: Int64
    /// Why.
    public var reason: String
    /// When, ms since 1970 UTC.
    public var revokedAt: Int64

    /// Makes a revocation.
    public init(id: String, nodeId: String, index: Int64, reason: String, revokedAt: Int64) {
        self.id = id
        self.nodeId = nodeId
        self.index = index
        self.reason = reason
        self.revokedAt = revokedAt
    }
}
