import CertificatePrint
import Certificates
import Crypto
import Foundation
import Localization
import Testing

/// Credentials as a centre issues them, and every way `CertificateVerifier` refuses one — each
/// with its own sentence.
@Suite struct CredentialTests {
    static let key = Curve25519.Signing.PrivateKey()
    static let issuer = DidKey(publicKey: key.publicKey)
    static let trust = CertificateTrust(trustedIssuers: [issuer])

    static let facts = CertificateFacts(
        id: "urn:uuid:3f1c2b7a-9d3e-4c55-8a21-0b6f4e9d7c11", issuedAt: 1_764_752_400_000,
        centreName: "Trung tâm HTCĐ xã Tân Phú", learnerName: "Nguyễn Thị Lan", commune: "Xã Tân Phú",
        course: CourseAchievement(
            courseId: "lua-dao", version: 3, title: "Phòng tránh lừa đảo trên mạng",
            titleEnglish: "Avoiding online scams", areas: ["An toàn", "Giao tiếp và hợp tác trong môi trường số"],
            areasEnglish: ["Safety", "Communication"]),
        status: ("urn:hocso:status:n-0123456789abcdef", 42))

    static func issued() throws -> JSONValue { try OpenBadgeCredential.issue(facts, key: key) }

    static func verdict(_ json: JSONValue, trust: CertificateTrust = trust, learner: String? = nil)
        -> CertificateFailure?
    {
        switch CertificateVerifier.verify(json, policy: trust, now: Date(), learnerName: learner) {
        case .success: nil
        case .failure(let failure): failure
        }
    }

    @Test func anIssuedCredentialVerifiesAndReadsBack() throws {
        let json = try Self.issued()
        let certificate = try CertificateVerifier.verify(json, policy: Self.trust, now: Date()).get()
        #expect(certificate.learnerName == "Nguyễn Thị Lan")
        #expect(certificate.courseVersion == "3")
        #expect(certificate.areas.count == 2)
        #expect(certificate.issuer == Self.issuer)
        #expect(certificate.status?.index == 42)
        #expect(json["type"]?.array == [.string("VerifiableCredential"), .string("OpenBadgeCredential")])
        #expect(
            json["credentialSubject"]?["achievement"]?["criteria"]?["narrative"]?.string?.contains("Completed") == true)
        // Any spelling of the same name is the same person: NFD, case, spaces.
        #expect(Self.verdict(json, learner: "  nguyễn thị lan".decomposedStringWithCanonicalMapping) == nil)
    }

    /// Every member a person reads, changed after signing: the signature no longer matches.
    static let tamperings: [(String, [String], JSONValue)] = [
        (
            "learner name", ["credentialSubject", "identifier"],
            .array([
                .object([
                    ("type", .string("IdentityObject")), ("identityType", .string("name")),
                    ("hashed", .bool(false)), ("identityHash", .string("Nguyễn Thị Lam")),
                ])
            ])
        ),
        ("commune", ["credentialSubject", "address", "addressLocality"], .string("Xã Tân Phước")),
        ("course title", ["credentialSubject", "achievement", "name"], .string("Tin học văn phòng nâng cao")),
        ("course version", ["credentialSubject", "achievement", "version"], .string("4")),
        ("competence areas", ["credentialSubject", "achievement", "tag"], .array([.string("An toàn")])),
        ("issuer name", ["issuer", "name"], .string("Sở Giáo dục và Đào tạo")),
        ("issue date", ["validFrom"], .string("2025-01-01T00:00:00Z")),
        ("credential id", ["id"], .string("urn:uuid:00000000-0000-4000-8000-000000000000")),
        ("status index", ["credentialStatus", "statusListIndex"], .string("43")),
        ("proof date", ["proof", "created"], .string("2025-12-04T09:00:00Z")),
    ]

    static func setting(_ json: JSONValue, _ path: [String], _ value: JSONValue) -> JSONValue {
        guard let first = path.first else { return value }
        return json.setting(first, to: setting(json[first] ?? .object([]), Array(path.dropFirst()), value))
    }

    @Test(arguments: tamperings)
    func tamperingAnyFieldBreaksTheSignature(_ field: String, _ path: [String], _ value: JSONValue) throws {
        let changed = Self.setting(try Self.issued(), path, value)
        #expect(Self.verdict(changed) == .signature, "\(field)")
    }

    @Test func aCertificateResignedWithAnotherKeyIsRefusedForWhatItIs() throws {
        let other = Curve25519.Signing.PrivateKey()
        // Re-signed by another key, still naming the centre as issuer: not the issuer's signature.
        let stolen = try DataIntegrityProof.sign(
            try Self.issued().removing("proof"), with: other, created: "2025-12-03T09:00:00Z",
            verificationMethod: DidKey(publicKey: other.publicKey).verificationMethod)
        #expect(Self.verdict(stolen) == .issuerMismatch)
        // Issued outright by an unknown key (issuer swapped too): signed, but not trusted here.
        let forged = try OpenBadgeCredential.issue(Self.facts, key: other)
        #expect(Self.verdict(forged) == .untrustedIssuer(DidKey(publicKey: other.publicKey).did, Self.facts.centreName))
    }

    @Test func revokedExpiredAndOtherLearnerEachSayWhy() throws {
        let json = try Self.issued()
        var revoking = Self.trust
        revoking.revoked = [Self.facts.id: "cấp nhầm người"]
        #expect(Self.verdict(json, trust: revoking) == .revoked("cấp nhầm người"))
        #expect(Self.verdict(json, learner: "Trần Văn Minh") == .otherLearner("Nguyễn Thị Lan"))
        let expiring = try DataIntegrityProof.sign(
            json.removing("proof").setting("validUntil", to: .string("2025-12-31T00:00:00Z")), with: Self.key,
            created: "2025-12-03T09:00:00Z", verificationMethod: Self.issuer.verificationMethod)
        if case .expired = Self.verdict(expiring) {} else { Issue.record("not refused as expired") }
        #expect(Self.verdict(json.removing("proof")) == .malformed("proof"))
        #expect(Self.verdict(json.removing("credentialSubject")) == .malformed("credentialSubject.identifier"))
        #expect(throws: CertificateFailure.unreadable) { try CertificateVerifier.extract("not a certificate") }
    }

    /// Each failure is its own sentence in both languages, so a person is told exactly what failed.
    @Test func everyFailureHasItsOwnSentence() {
        let failures: [CertificateFailure] = [
            .unreadable, .malformed("id"), .unsupportedProof("x"), .signature, .issuerMismatch,
            .untrustedIssuer("did:key:z", "A"), .revoked(nil), .expired(Date()), .notYetValid(Date()),
            .otherLearner("B"),
        ]
        for language in [Language.vi, .en] {
            #expect(Set(failures.map { $0.phrase(language) }).count == failures.count)
        }
    }

    /// The QR text carries the credential byte for byte, fits a QR code at a printable size, and
    /// is refused when damaged.
    @Test func theQRTextRoundTripsAndFitsAPrintableCode() throws {
        let json = try Self.issued()
        let text = try CompactForm.encode(json)
        #expect(text.hasPrefix("HS1:"))
        #expect(try CertificateVerifier.extract(text) == json)
        #expect(try JCS.canonicalize(try CompactForm.decode(text)) == (try JCS.canonicalize(json)))
        let code = try #require(QRCode(text))
        #expect(code.version <= 30, "version \(code.version): modules under 0.4 mm at 5 cm")
        #expect(throws: CertificateFailure.unreadable) { try CompactForm.decode(String(text.dropLast(7))) }
    }
}
