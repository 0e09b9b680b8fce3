import Certificates
import Crypto
import Foundation
import Testing

/// The eddsa-jcs-2022 test vectors of W3C's vc-di-eddsa specification (TestVectors/eddsa-jcs-2022):
/// every intermediate value — canonical document, canonical proof configuration, both hashes,
/// the signature — must come out as published.
@Suite struct DataIntegrityProofTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/certificates/eddsa-jcs-2022")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func json(_ name: String) throws -> JSONValue {
        try JSONValue.parse(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func hex(_ data: some Sequence<UInt8>) -> String { data.map { String(format: "%02x", $0) }.joined() }

    /// The spec's key pair: `privateKeyMultibase` is multicodec 0x8026 (ed25519-priv) + the seed.
    static func key() throws -> Curve25519.Signing.PrivateKey {
        let pair = try json("keyPair.json")
        let multibase = try #require(pair["privateKeyMultibase"]?.string)
        let bytes = try #require(Base58.decode(String(multibase.dropFirst())))
        #expect(Array(bytes.prefix(2)) == [0x80, 0x26])
        return try Curve25519.Signing.PrivateKey(rawRepresentation: bytes.dropFirst(2))
    }

    @Test func theKeyPairsDidKeyIsThePublishedOne() throws {
        let did = DidKey(publicKey: try Self.key().publicKey)
        #expect(did.multibase == (try Self.json("keyPair.json"))["publicKeyMultibase"]?.string)
        #expect(DidKey(did.verificationMethod) == did)
        #expect(DidKey("did:key:\(did.multibase)#zSomethingElse") == nil)
    }

    @Test func everyIntermediateValueMatchesThePublishedVectors() throws {
        let unsigned = try Self.json("unsigned.json")
        let config = try Self.json("proofConfigJCS.json")
        #expect(try JCS.string(unsigned) == (try Self.text("canonDocJCS.txt")))
        #expect(try JCS.string(config) == (try Self.text("proofCanonJCS.txt")))
        let combined = try DataIntegrityProof.hashData(document: unsigned, proofConfiguration: config)
        #expect(Self.hex(combined.prefix(32)) == (try Self.text("proofHashJCS.txt")))
        #expect(Self.hex(combined.suffix(32)) == (try Self.text("docHashJCS.txt")))
        #expect(Self.hex(combined) == (try Self.text("combinedHashJCS.txt")))
    }

    /// Ed25519 is deterministic, so signing the unsigned document with the spec's key and options
    /// must give the published proofValue and the published signed document.
    @Test func signingGivesThePublishedProofValueAndDocument() throws {
        let key = try Self.key()
        let signed = try DataIntegrityProof.sign(
            try Self.json("unsigned.json"), with: key, created: "2023-02-24T23:36:38Z",
            verificationMethod: DidKey(publicKey: key.publicKey).verificationMethod)
        #expect(signed["proof"]?["proofValue"]?.string == (try Self.text("sigBTC58JCS.txt")))
        #expect(signed == (try Self.json("signedJCS.json")))
        let proofValue = try Self.text("sigBTC58JCS.txt")
        let signature = try #require(Base58.decode(String(proofValue.dropFirst())))
        #expect(Self.hex(signature) == (try Self.text("sigHexJCS.txt")))
    }

    @Test func thePublishedSignedDocumentVerifiesAndAnyChangeBreaksIt() throws {
        let signed = try Self.json("signedJCS.json")
        #expect(try DataIntegrityProof.verify(signed).get() == DidKey(publicKey: try Self.key().publicKey))
        let changed = signed.setting("name", to: .string("Alumni Credential!"))
        #expect(DataIntegrityProof.verify(changed) == .failure(.badSignature))
        let proof = try #require(signed["proof"])
        let otherDay = signed.setting("proof", to: proof.setting("created", to: .string("2023-02-25T23:36:38Z")))
        #expect(DataIntegrityProof.verify(otherDay) == .failure(.badSignature))
        #expect(DataIntegrityProof.verify(signed.removing("proof")) == .failure(.missing))
    }

    @Test func base58RoundTripsLeadingZeros() {
        for bytes: [UInt8] in [[], [0], [0, 0, 1], [0xFF, 0xFE], Array(0...40)] {
            #expect(Base58.decode(Base58.encode(bytes)) == bytes)
        }
        #expect(Base58.encode(Array("Hello World!".utf8)) == "2NEpo7TZRRrLZSi2U")
        #expect(Base58.decode("0OIl") == nil)
    }

    /// RFC 9285 §4's examples.
    @Test func base45MatchesRFC9285Examples() {
        #expect(Base45.encode(Array("AB".utf8)) == "BB8")
        #expect(Base45.encode(Array("Hello!!".utf8)) == "%69 VD92EX0")
        #expect(Base45.encode(Array("base-45".utf8)) == "UJCLQE7W581")
        #expect(Base45.decode("QED8WEX0").map { String(decoding: $0, as: UTF8.self) } == "ietf!")
        #expect(Base45.decode("GGW") == nil)
    }
}
