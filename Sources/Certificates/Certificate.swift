import Foundation

/// A credential read back: the fields people and checks need, taken from its JSON. Reading
/// fails, naming the member, when the credential is not a HocSo OpenBadgeCredential.
public struct Certificate: Sendable, Equatable {
    /// The whole credential as signed.
    public var json: JSONValue
    /// `urn:uuid:…`.
    public var id: String
    /// The issuer's did:key.
    public var issuer: DidKey
    /// The issuing centre's name.
    public var centreName: String
    /// When it became valid.
    public var validFrom: Date
    /// When it stops being valid, if ever.
    public var validUntil: Date?
    /// The learner's name.
    public var learnerName: String
    /// The learner's commune.
    public var commune: String
    /// The achievement's name (the course title).
    public var courseTitle: String
    /// The course id (`humanCode`).
    public var courseId: String
    /// The course version.
    public var courseVersion: String
    /// The competence areas.
    public var areas: [String]
    /// The criteria text.
    public var criteria: String
    /// The status list entry: list id and index.
    public var status: (list: String, index: Int64)?

    /// Equal when the credentials are.
    public static func == (lhs: Certificate, rhs: Certificate) -> Bool { lhs.json == rhs.json }

    /// Reads a credential; throws `.malformed(member)` naming the first member that is wrong.
    public init(_ json: JSONValue) throws(CertificateFailure) {
        func text(_ value: JSONValue?, _ name: String) throws(CertificateFailure) -> String {
            guard let text = value?.string, !text.isEmpty else { throw .malformed(name) }
            return text
        }
        self.json = json
        guard json.members != nil else { throw .malformed("credential") }
        guard json["@context"]?.array?.compactMap(\.string) == OpenBadgeCredential.contexts else {
            throw .malformed("@context")
        }
        let types = json["type"]?.array?.compactMap(\.string) ?? []
        guard types.contains("VerifiableCredential"), types.contains("OpenBadgeCredential") else {
            throw .malformed("type")
        }
        id = try text(json["id"], "id")
        let issuerId = try text(json["issuer"]?["id"], "issuer.id")
        guard let issuer = DidKey(issuerId) else { throw .malformed("issuer.id") }
        self.issuer = issuer
        centreName = try text(json["issuer"]?["name"], "issuer.name")
        guard let from = Timestamp.parse(try text(json["validFrom"], "validFrom")) else {
            throw .malformed("validFrom")
        }
        validFrom = from
        if let until = json["validUntil"] {
            guard let date = until.string.flatMap(Timestamp.parse) else { throw .malformed("validUntil") }
            validUntil = date
        }
        let subject = json["credentialSubject"]
        let name = subject?["identifier"]?.array?.first { $0["identityType"]?.string == "name" }
        guard name?["hashed"] == .bool(false) else { throw .malformed("credentialSubject.identifier") }
        learnerName = try text(name?["identityHash"], "credentialSubject.identifier")
        commune = try text(subject?["address"]?["addressLocality"], "credentialSubject.address")
        let achievement = subject?["achievement"]
        courseTitle = try text(achievement?["name"], "credentialSubject.achievement.name")
        courseId = try text(achievement?["humanCode"], "credentialSubject.achievement.humanCode")
        courseVersion = try text(achievement?["version"], "credentialSubject.achievement.version")
        criteria = try text(achievement?["criteria"]?["narrative"], "credentialSubject.achievement.criteria")
        guard let tags = achievement?["tag"]?.array else { throw .malformed("credentialSubject.achievement.tag") }
        areas = tags.compactMap(\.string)
        if let entry = json["credentialStatus"] {
            guard entry["statusPurpose"]?.string == "revocation", let list = entry["statusListCredential"]?.string,
                let index = entry["statusListIndex"]?.string.flatMap({ Int64($0) }), index >= 0
            else { throw .malformed("credentialStatus") }
            status = (list, index)
        }
    }

    /// The issuing time's day in Vietnam (`2026-12-03`).
    public var day: String { Timestamp.vietnamDay(validFrom) }
}
