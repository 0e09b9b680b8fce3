import Crypto
import Foundation

/// What a certificate says, before it is written as a credential: who earned what, from whom.
public struct CertificateFacts: Sendable, Equatable {
    /// The credential's id, `urn:uuid:…`.
    public var id: String
    /// When it was issued, ms since 1970 UTC.
    public var issuedAt: Int64
    /// The centre's name, as registered.
    public var centreName: String
    /// The learner's name, as registered (never their code or PIN).
    public var learnerName: String
    /// The learner's commune, as registered.
    public var commune: String
    /// The course.
    public var course: CourseAchievement
    /// Where the centre's status list will say whether this certificate is revoked: the list's
    /// id (`urn:hocso:status:<node>`) and this certificate's index in it (its event's seq).
    public var status: (list: String, index: Int64)?

    /// Makes the facts.
    public init(
        id: String, issuedAt: Int64, centreName: String, learnerName: String, commune: String,
        course: CourseAchievement, status: (list: String, index: Int64)?
    ) {
        self.id = id
        self.issuedAt = issuedAt
        self.centreName = centreName
        self.learnerName = learnerName
        self.commune = commune
        self.course = course
        self.status = status
    }

    /// Equal when every field is.
    public static func == (lhs: CertificateFacts, rhs: CertificateFacts) -> Bool {
        lhs.id == rhs.id && lhs.issuedAt == rhs.issuedAt && lhs.centreName == rhs.centreName
            && lhs.learnerName == rhs.learnerName && lhs.commune == rhs.commune && lhs.course == rhs.course
            && lhs.status?.list == rhs.status?.list && lhs.status?.index == rhs.status?.index
    }
}

/// The achievement a course stands for: its id, version, titles, competence areas, criteria.
public struct CourseAchievement: Sendable, Equatable, Codable {
    /// The course id.
    public var courseId: String
    /// The content version completed.
    public var version: Int
    /// The title in the course's language.
    public var title: String
    /// The English title, when the course has one.
    public var titleEnglish: String?
    /// The competence areas (domains of Circular 02/2025), Vietnamese names, in order.
    public var areas: [String]
    /// The areas' English names, same order.
    public var areasEnglish: [String]

    /// Makes an achievement.
    public init(
        courseId: String, version: Int, title: String, titleEnglish: String?, areas: [String], areasEnglish: [String]
    ) {
        self.courseId = courseId
        self.version = version
        self.title = title
        self.titleEnglish = titleEnglish
        self.areas = areas
        self.areasEnglish = areasEnglish
    }

    /// The criteria, Vietnamese then English (Open Badges' `criteria.narrative` is Markdown).
    public var criteria: String {
        let vi =
            "Hoàn thành khoá học «\(title)» (phiên bản \(version)) tại trung tâm học tập cộng đồng: "
            + "đạt bài kiểm tra cuối khoá, hoặc hoàn thành mọi bài học khi khoá học không có bài kiểm tra cuối khoá."
        let en =
            "Completed the course “\(titleEnglish ?? title)” (version \(version)) at a community learning centre: "
            + "passed the final quiz, or completed every lesson where the course has no final quiz."
        return vi + "\n\n" + en
    }

    /// The achievement's id, the same for everyone who completes this version.
    public var achievementId: String { "urn:hocso:course:\(courseId):\(version)" }
}

/// Open Badges 3.0 `OpenBadgeCredential`s (on the W3C VC Data Model 2.0) issued by a centre.
public enum OpenBadgeCredential {
    /// The VC 2.0 and OB 3.0 contexts, in the order OB 3.0 requires.
    public static let contexts = [
        "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]

    /// The unsigned credential for `facts`, issued by `issuer`.
    public static func unsigned(_ facts: CertificateFacts, issuer: DidKey) -> JSONValue {
        let course = facts.course
        var description = "Khoá học «\(course.title)», phiên bản \(course.version)."
        if let english = course.titleEnglish { description += " Course “\(english)”, version \(course.version)." }
        let achievement: JSONValue = .object([
            ("id", .string(course.achievementId)),
            ("type", .array([.string("Achievement")])),
            ("achievementType", .string("Course")),
            ("name", .string(course.title)),
            ("description", .string(description)),
            ("criteria", .object([("narrative", .string(course.criteria))])),
            ("version", .string(String(course.version))),
            ("inLanguage", .string("vi")),
            ("tag", .array(course.areas.map { .string($0) })),
            ("humanCode", .string(course.courseId)),
        ])
        let subject: JSONValue = .object([
            ("type", .array([.string("AchievementSubject")])),
            (
                "identifier",
                .array([
                    .object([
                        ("type", .string("IdentityObject")), ("identityType", .string("name")),
                        ("hashed", .bool(false)), ("identityHash", .string(facts.learnerName)),
                    ])
                ])
            ),
            (
                "address",
                .object([("type", .array([.string("Address")])), ("addressLocality", .string(facts.commune))])
            ),
            ("activityEndDate", .string(Timestamp.format(milliseconds: facts.issuedAt))),
            ("achievement", achievement),
        ])
        var members: [(String, JSONValue)] = [
            ("@context", .array(contexts.map { .string($0) })),
            ("id", .string(facts.id)),
            ("type", .array([.string("VerifiableCredential"), .string("OpenBadgeCredential")])),
            ("name", .string("Chứng nhận hoàn thành khoá học: \(course.title)")),
            (
                "issuer",
                .object([
                    ("id", .string(issuer.did)), ("type", .array([.string("Profile")])),
                    ("name", .string(facts.centreName)),
                ])
            ),
            ("validFrom", .string(Timestamp.format(milliseconds: facts.issuedAt))),
            ("credentialSubject", subject),
        ]
        if let status = facts.status {
            members.append(
                (
                    "credentialStatus",
                    .object([
                        ("id", .string("\(status.list)#\(status.index)")),
                        ("type", .string("BitstringStatusListEntry")), ("statusPurpose", .string("revocation")),
                        ("statusListIndex", .string(String(status.index))),
                        ("statusListCredential", .string(status.list)),
                    ])
                ))
        }
        return .object(members)
    }

    /// The signed credential for `facts`: issued and proved by `key`'s did:key.
    public static func issue(_ facts: CertificateFacts, key: Curve25519.Signing.PrivateKey) throws -> JSONValue {
        let issuer = DidKey(publicKey: key.publicKey)
        return try DataIntegrityProof.sign(
            unsigned(facts, issuer: issuer), with: key, created: Timestamp.format(milliseconds: facts.issuedAt),
            verificationMethod: issuer.verificationMethod)
    }
}

/// A centre's Ed25519 key as a certificate signer, so the store signs without handling keys itself.
public struct CertificateSigner: Sendable {
    let key: Curve25519.Signing.PrivateKey

    /// The signer for a 32-byte Ed25519 seed; nil for anything else.
    public init?(seed: Data) {
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else { return nil }
        self.key = key
    }

    /// The signer for a swift-crypto key.
    public init(key: Curve25519.Signing.PrivateKey) { self.key = key }

    /// The centre's did:key.
    public var didKey: DidKey { DidKey(publicKey: key.publicKey) }

    /// The signed credential for `facts`.
    public func issue(_ facts: CertificateFacts) throws -> JSONValue { try OpenBadgeCredential.issue(facts, key: key) }
}
