import ArchiveIO
import Foundation
import HubStore
import HubStoreSQLite
import LearnerEvents
import ProgressStore
import SyncCentre
import SyncHub
import SyncWire
import TestSupport
import Testing

// Every signed thing HocSo reads, against every forgery, from one table: a row per artefact
// kind, a column per attack. A new signed artefact gets every attack by adding one row
// (`SignedArtefactKind`). Each cell either is refused with its own sentence and nothing changed,
// or says why the attack has no meaning for that artefact. `tools/mutate-signatures` bypasses
// each verification in turn and shows this table failing.

/// A forgery tried on a signed artefact.
enum Attack: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// A byte of what was signed changed after signing.
    case payloadAltered = "payload altered after signing"
    /// Signed by another key while the artefact names the trusted public key (public keys are not secret).
    case otherKeyNamingTrustedKey = "signed by another key, naming the trusted key"
    /// The signature cut short.
    case truncatedSignature = "truncated signature"
    /// No signature at all.
    case emptySignature = "empty signature"
    /// A genuine signature by the trusted key, but over other bytes than those stored.
    case signatureOverOtherBytes = "signature over other bytes"
    /// An algorithm name HocSo does not know.
    case unknownAlgorithm = "unknown algorithm"
    /// The signer's key was revoked at the reader.
    case revokedKey = "revoked key"
    /// The reader never registered the signer's key.
    case unregisteredKey = "unregistered key"
    /// The same genuine artefact presented again.
    case replay = "replay"

    var testDescription: String { rawValue }
}

/// What became of a presented artefact.
enum Verdict: Equatable {
    /// Refused with this sentence (English).
    case refused(String)
    /// Accepted (a forgery that gets here is a hole).
    case accepted
    /// The attack has no meaning for this artefact, for the reason given.
    case notApplicable(String)
}

/// One kind of signed artefact, set up so its signer is trusted by the reader.
protocol SignedArtefactKind: Sendable {
    /// The artefact's name in the table.
    var name: String { get }
    /// Makes a fresh world in `folder`: a signer, a reader that trusts it, a genuine artefact.
    func world(in folder: URL) throws -> any ArtefactWorld
}

/// A signer, a reader and one artefact, in temporary folders and databases.
protocol ArtefactWorld {
    /// Sets the scene an attack needs (a revoked signer, an earlier genuine delivery) before the
    /// reader's state is taken.
    func prepare(_ attack: Attack) throws
    /// Presents the genuine artefact to the reader.
    func presentGenuine() throws -> Verdict
    /// Presents the artefact forged by `attack`.
    func present(_ attack: Attack) throws -> Verdict
    /// The reader's state, to show that a refusal changed nothing.
    func state() throws -> String
    /// The sentence each attack must be refused with (a part of it).
    func expectedSentence(_ attack: Attack) -> String?
}

/// Runs `body`, turning a `SyncError` into a refusal.
func verdict(_ body: () throws -> Void) -> Verdict {
    do {
        try body()
        return .accepted
    } catch let error as SyncError {
        return .refused(error.phrase.en)
    } catch {
        return .refused("\(error)")
    }
}

/// Flips one base64 character of a signature (keeping it valid base64 of the same length).
func tampered(_ base64: String) -> String {
    var bytes = Data(base64Encoded: base64) ?? Data()
    if !bytes.isEmpty { bytes[bytes.count / 2] ^= 0x01 }
    return bytes.base64EncodedString()
}

/// A signature cut to half its bytes.
func truncated(_ base64: String) -> String {
    (Data(base64Encoded: base64) ?? Data()).prefix(32).base64EncodedString()
}

@Suite("Every signature against every forgery")
struct SignatureMatrixTests {
    static let kinds: [any SignedArtefactKind] = [
        PackKind(), BundleKind(), ReceiptKind(), RegistrationKind(), CentreRequestKind(), HubPushKind(), RollupKind(),
        CertificateKind(),
    ]

    static var cells: [(String, Attack)] { kinds.flatMap { kind in Attack.allCases.map { (kind.name, $0) } } }

    static func kind(_ name: String) -> any SignedArtefactKind { kinds.first { $0.name == name }! }

    @Test(arguments: kinds.map(\.name))
    func theGenuineArtefactIsAccepted(kind: String) throws {
        let folder = try TemporaryFolder("signatures")
        let world = try Self.kind(kind).world(in: folder.url)
        #expect(try world.presentGenuine() == .accepted)
    }

    @Test(arguments: cells)
    func everyForgeryIsRefusedWithItsOwnSentenceChangingNothing(kind: String, attack: Attack) throws {
        let folder = try TemporaryFolder("signatures")
        let world = try Self.kind(kind).world(in: folder.url)
        try world.prepare(attack)
        let before = try world.state()
        let outcome = try world.present(attack)
        switch outcome {
        case .notApplicable(let reason):
            #expect(world.expectedSentence(attack) == nil, "\(kind) × \(attack): \(reason)")
        case .accepted:
            Issue.record("\(kind) accepted a forgery: \(attack.rawValue)")
        case .refused(let sentence):
            let expected = try #require(world.expectedSentence(attack), "\(kind) × \(attack) has no sentence")
            #expect(sentence.contains(expected), "\(kind) × \(attack): \(sentence)")
        }
        #expect(try world.state() == before, "\(kind) × \(attack) changed the reader's state")
    }
}

// MARK: - Bundles: a centre's signed USB bundle, read by a hub

struct BundleKind: SignedArtefactKind {
    let name = "bundle"
    func world(in folder: URL) throws -> any ArtefactWorld { try BundleWorld(folder) }
}

struct BundleWorld: ArtefactWorld {
    let folder: URL
    let centre: TestCentre
    let hub: TestHub
    let events: [Event]

    init(_ folder: URL) throws {
        self.folder = folder
        centre = try TestCentre(in: folder, name: "xa")
        hub = try TestHub(in: folder, name: "huyen")
        try hub.enrol(centre)
        try centre.record(3)
        events = try centre.store.events(afterSeq: 0, limit: 100)
    }

    /// A bundle around `events` whose manifest and signature entry are what the attack makes them.
    func bundle(
        events: [Event]? = nil, signer: NodeKey? = nil, algorithm: String = "ed25519",
        signatureEdit: (String) -> String = { $0 }, signedManifest: Data? = nil, manifestEdit: (Data) -> Data = { $0 }
    ) throws -> URL {
        let events = events ?? self.events
        var bytes: [UInt8] = []
        for event in events { try EventLines.append(event, to: &bytes) }
        let file = BundleManifest.File(
            path: BundleFormat.dataPath(1), firstSeq: events[0].seq, lastSeq: events[events.count - 1].seq,
            events: events.count, bytes: Int64(bytes.count), sha256: Digest.sha256Hex(bytes))
        let manifest = BundleManifest(
            node: centre.nodeId, publicKey: centre.identity.publicKey, firstSeq: file.firstSeq, lastSeq: file.lastSeq,
            eventCount: events.count, kinds: [:], createdAt: 0, files: [file])
        let manifestData = try CanonicalJSON.pretty(manifest)
        let signature = BundleSignature(
            algorithm: algorithm, publicKey: centre.identity.publicKey,
            signature: signatureEdit(
                try (signer ?? centre.key).sign(BundleSignature.signedBytes(signedManifest ?? manifestData))))
        let url = folder.appendingPathComponent("b-\(UUID().uuidString.prefix(8)).hsbundle")
        let writer = try ArchiveWriter(path: url.path, compression: .zstd(level: 3))
        try writer.addFile(path: BundleFormat.manifestPath, contents: manifestEdit(manifestData))
        try writer.addFile(path: BundleFormat.signaturePath, contents: try CanonicalJSON.pretty(signature))
        try writer.addFile(path: file.path, contents: Data(bytes))
        try writer.close()
        return url
    }

    func read(_ url: URL, into store: SQLiteHubStore? = nil) -> Verdict {
        let result = BundleImporter(store: store ?? hub.store).importBundle(at: url)
        if let refusal = result.refusal { return .refused(refusal.en) }
        return result.counts.new > 0 ? .accepted : .refused("nothing new (duplicates: \(result.counts.duplicate))")
    }

    func presentGenuine() throws -> Verdict { read(try bundle()) }

    func prepare(_ attack: Attack) throws {
        if attack == .revokedKey { _ = try HubCenters.revoke(centre.nodeId, in: hub.store, at: 2) }
        if attack == .replay { #expect(try presentGenuine() == .accepted) }
    }

    func present(_ attack: Attack) throws -> Verdict {
        switch attack {
        case .payloadAltered:
            // The manifest's creation time changed after signing: same events, other bytes.
            return read(
                try bundle(manifestEdit: { data in
                    Data(
                        String(decoding: data, as: UTF8.self).replacingOccurrences(
                            of: "\"createdAt\" : 0", with: "\"createdAt\" : 1"
                        ).utf8)
                }))
        case .otherKeyNamingTrustedKey: return read(try bundle(signer: NodeKey.generate()))
        case .truncatedSignature: return read(try bundle(signatureEdit: truncated))
        case .emptySignature: return read(try bundle(signatureEdit: { _ in "" }))
        case .signatureOverOtherBytes:
            // A genuine signature of another manifest (a bundle of the first event only).
            let other = try CanonicalJSON.pretty(
                BundleManifest(
                    node: centre.nodeId, publicKey: centre.identity.publicKey, firstSeq: 1, lastSeq: 1, eventCount: 1,
                    kinds: [:], createdAt: 0, files: []))
            return read(try bundle(signedManifest: other))
        case .unknownAlgorithm: return read(try bundle(algorithm: "rsa-sha1"))
        case .revokedKey:
            return read(try bundle())
        case .unregisteredKey:
            let stranger = try TestHub(in: folder, name: "la")
            let verdict = read(try bundle(), into: stranger.store)
            // The stranger hub must hold nothing either.
            return try stranger.store.eventCount() == 0 ? verdict : .accepted
        case .replay:
            return read(try bundle())
        }
    }

    func state() throws -> String {
        let held = try hub.heldIds()
        let centres = try hub.store.centers().map { "\($0.nodeId):\($0.status)" }
        return "\(held.ids.sorted()) \(held.rows) \(centres)"
    }

    func expectedSentence(_ attack: Attack) -> String? {
        switch attack {
        case .payloadAltered, .otherKeyNamingTrustedKey, .truncatedSignature, .emptySignature,
            .signatureOverOtherBytes, .unknownAlgorithm:
            return "it is not signed by the registered key of centre \(centre.nodeId)"
        case .revokedKey: return "centre \(centre.nodeId) is revoked"
        case .unregisteredKey: return "signed by an unknown centre \(centre.nodeId)"
        // Importing is idempotent: a bundle imported again is counted as held, nothing is added.
        case .replay: return "nothing new"
        }
    }
}

// MARK: - Receipts: a hub's signed statement, read by a centre (`sync ack`)

struct ReceiptKind: SignedArtefactKind {
    let name = "receipt"
    func world(in folder: URL) throws -> any ArtefactWorld { try ReceiptWorld(folder) }
}

struct ReceiptWorld: ArtefactWorld {
    let folder: URL
    let centre: TestCentre
    let hub: TestHub

    init(_ folder: URL) throws {
        self.folder = folder
        centre = try TestCentre(in: folder, name: "xa")
        hub = try TestHub(in: folder, name: "huyen")
        try hub.enrol(centre)
        try centre.record(4)
    }

    func receipt(through: Int64 = 3, issuedAt: Int64 = 10, hubId: String? = nil) -> Receipt {
        Receipt(
            hub: hubId ?? hub.identity.nodeId, hubPublicKey: hub.identity.publicKey, issuedAt: issuedAt,
            nodes: [NodeHoldings(Holdings(nodeId: centre.nodeId, held: [SeqRange(1, through)]))])
    }

    func read(_ signed: SignedReceipt, at store: CentreStore? = nil) -> Verdict {
        verdict { try CentreSync.acknowledge(signed, store: store ?? centre.store) }
    }

    func presentGenuine() throws -> Verdict { read(try SignedReceipt(receipt(), key: hub.identity.key)) }

    func prepare(_ attack: Attack) throws {
        // A newer receipt (through 4) was applied; the genuine older one (through 3) is the replay.
        if attack == .replay {
            #expect(read(try SignedReceipt(receipt(through: 4, issuedAt: 20), key: hub.identity.key)) == .accepted)
        }
    }

    func present(_ attack: Attack) throws -> Verdict {
        let genuine = try SignedReceipt(receipt(), key: hub.identity.key)
        switch attack {
        case .payloadAltered:
            var altered = genuine
            altered.receipt.nodes[0].contiguousThrough = 4
            return read(altered)
        case .otherKeyNamingTrustedKey: return read(try SignedReceipt(receipt(), key: NodeKey.generate()))
        case .truncatedSignature:
            var cut = genuine
            cut.signature = truncated(cut.signature)
            return read(cut)
        case .emptySignature:
            var empty = genuine
            empty.signature = ""
            return read(empty)
        case .signatureOverOtherBytes:
            var swapped = genuine
            swapped.signature = try SignedReceipt(receipt(through: 1), key: hub.identity.key).signature
            return read(swapped)
        case .unknownAlgorithm:
            return .notApplicable("a receipt names no algorithm: hocso-receipt-1 is Ed25519 only")
        case .revokedKey:
            return .notApplicable("a centre does not revoke hubs; it trusts only hubs it added by hand")
        case .unregisteredKey:
            let stranger = try TestHub(in: folder, name: "la")
            return read(try SignedReceipt(receipt(hubId: stranger.identity.nodeId), key: stranger.identity.key))
        case .replay:
            // Applying an older receipt is not an error (receipts may arrive out of order), but
            // it must not move the acknowledgement back.
            let before = try centre.store.acknowledgedThrough()
            _ = read(genuine)
            return try centre.store.acknowledgedThrough() == before ? .refused("older receipt ignored") : .accepted
        }
    }

    func state() throws -> String {
        let status = try centre.store.syncStatus()
        return "\(status.acknowledgedThrough) \(status.hubs.map { "\($0.hubId):\($0.acknowledgedThrough)" })"
    }

    func expectedSentence(_ attack: Attack) -> String? {
        switch attack {
        case .payloadAltered, .otherKeyNamingTrustedKey, .truncatedSignature, .emptySignature,
            .signatureOverOtherBytes:
            return "the signature does not match hub \(hub.identity.nodeId)'s key"
        case .unregisteredKey: return "is not known here; add its registration with 'hocso sync hubs add'"
        case .replay: return "older receipt ignored"
        case .unknownAlgorithm, .revokedKey: return nil
        }
    }
}

// MARK: - Registration files: a node's self-signed introduction, read by a hub or a centre

struct RegistrationKind: SignedArtefactKind {
    let name = "registration file"
    func world(in folder: URL) throws -> any ArtefactWorld { try RegistrationWorld(folder) }
}

struct RegistrationWorld: ArtefactWorld {
    let folder: URL
    let centre: TestCentre
    let hub: TestHub

    init(_ folder: URL) throws {
        self.folder = folder
        centre = try TestCentre(in: folder, name: "xa")
        hub = try TestHub(in: folder, name: "huyen")
    }

    /// Writes `file` as JSON and has the hub read it as `hocso-hub centers add FILE` does.
    func read(_ file: RegistrationFile) throws -> Verdict {
        let url = folder.appendingPathComponent("reg-\(UUID().uuidString.prefix(8)).json")
        try CanonicalJSON.pretty(file).write(to: url)
        return verdict {
            let read = try RegistrationFile.read(url)
            _ = try HubCenters.add(read.node, to: hub.store, at: 5)
        }
    }

    func genuine() throws -> RegistrationFile { try RegistrationFile(node: centre.registration, key: centre.key) }

    func presentGenuine() throws -> Verdict { try read(try genuine()) }

    func prepare(_ attack: Attack) throws {
        if attack == .revokedKey {
            _ = try HubCenters.add(centre.registration, to: hub.store, at: 1)
            _ = try HubCenters.revoke(centre.nodeId, in: hub.store, at: 2)
        }
    }

    func present(_ attack: Attack) throws -> Verdict {
        var file = try genuine()
        switch attack {
        case .payloadAltered:
            file.node.name = "Xã Khác"
        case .otherKeyNamingTrustedKey:
            file = try RegistrationFile(node: centre.registration, key: NodeKey.generate())
        case .truncatedSignature:
            let value = file.signature?.value ?? ""
            file.signature?.value = truncated(value)
        case .emptySignature:
            file.signature = nil
        case .signatureOverOtherBytes:
            var other = centre.registration
            other.communeCode = "C99"
            file.signature = try RegistrationFile(node: other, key: centre.key).signature
        case .unknownAlgorithm:
            file.signature?.algorithm = "ed448"
        case .revokedKey:
            break  // the genuine file of a node revoked here
        case .unregisteredKey:
            return .notApplicable("a registration file is how a key becomes registered")
        case .replay:
            return .notApplicable("registering the same node with the same key again changes nothing by design")
        }
        return try read(file)
    }

    func state() throws -> String {
        try hub.store.centers().map { "\($0.nodeId):\($0.name):\($0.status):\($0.publicKey)" }.joined(separator: ",")
    }

    func expectedSentence(_ attack: Attack) -> String? {
        switch attack {
        case .payloadAltered, .otherKeyNamingTrustedKey, .truncatedSignature, .signatureOverOtherBytes:
            return "is not signed by the key of node \(centre.nodeId) it names, or was changed after signing"
        case .emptySignature: return "is not signed; ask its sender to export it again"
        case .unknownAlgorithm: return "is signed with an unknown algorithm 'ed448'"
        case .revokedKey: return "revoked"
        case .unregisteredKey, .replay: return nil
        }
    }
}

// MARK: - Signed requests: a centre's HTTP push, read by a hub

struct CentreRequestKind: SignedArtefactKind {
    let name = "signed request (centre push)"
    func world(in folder: URL) throws -> any ArtefactWorld { try RequestWorld(folder, lowerHub: false) }
}

struct HubPushKind: SignedArtefactKind {
    let name = "hub-to-hub push"
    func world(in folder: URL) throws -> any ArtefactWorld { try RequestWorld(folder, lowerHub: true) }
}

/// A push to a hub: from a centre, or from a lower hub carrying a centre's events it vouches for.
struct RequestWorld: ArtefactWorld {
    let folder: URL
    let upstream: TestHub
    /// The node that signs the request, its key, and the events it carries.
    let sender: String
    let senderKey: NodeKey
    let body: Data
    let lowerHub: Bool
    let centreId: String

    init(_ folder: URL, lowerHub: Bool) throws {
        self.folder = folder
        self.lowerHub = lowerHub
        let centre = try TestCentre(in: folder, name: "xa")
        try centre.record(3)
        let events = try centre.store.events(afterSeq: 0, limit: 100)
        centreId = centre.nodeId
        upstream = try TestHub(in: folder, name: lowerHub ? "tinh" : "huyen")
        if lowerHub {
            let district = try TestHub(in: folder, name: "huyen")
            try upstream.enrol(lowerHub: district)
            sender = district.identity.nodeId
            senderKey = district.identity.key
            body = try PushBody.encode(events: events, vouches: [centre.registration])
        } else {
            try upstream.enrol(centre)
            sender = centre.nodeId
            senderKey = centre.key
            body = try PushBody.encode(events: events, vouches: [])
        }
    }

    func request(
        key: NodeKey? = nil, signedBody: Data? = nil, signatureEdit: (String) -> String = { $0 }, nonce: String? = nil,
        at: Int64 = 0
    ) throws -> SignedRequest {
        let now = at == 0 ? Int64(Date().timeIntervalSince1970 * 1000) : at
        var signed = try SignedRequest.sign(
            method: "POST", path: PushBody.path, body: signedBody ?? body, node: sender, key: key ?? senderKey, at: now)
        if let nonce {
            signed = SignedRequest(
                node: sender, timestamp: now, nonce: nonce,
                signature: try (key ?? senderKey).sign(
                    SignedRequest.signedBytes(
                        method: "POST", path: PushBody.path, timestamp: now, nonce: nonce,
                        bodySHA256: Digest.sha256Hex(signedBody ?? body), node: sender)))
        }
        signed.signature = signatureEdit(signed.signature)
        return signed
    }

    func send(_ request: SignedRequest, body: Data? = nil, to hub: TestHub? = nil) -> Verdict {
        verdict {
            _ = try (hub ?? upstream).service.acceptEvents(
                method: "POST", path: PushBody.path, request: request, body: body ?? self.body)
        }
    }

    static let fixedNonce = "0123456789abcdef0123456789abcdef"

    func presentGenuine() throws -> Verdict { send(try request(nonce: Self.fixedNonce)) }

    func prepare(_ attack: Attack) throws {
        if attack == .revokedKey { _ = try HubCenters.revoke(sender, in: upstream.store, at: 2) }
        if attack == .replay { #expect(try presentGenuine() == .accepted) }
    }

    func present(_ attack: Attack) throws -> Verdict {
        switch attack {
        case .payloadAltered:
            var altered = body
            altered[altered.count - 3] ^= 0x01
            return send(try request(), body: altered)
        case .otherKeyNamingTrustedKey: return send(try request(key: NodeKey.generate()))
        case .truncatedSignature: return send(try request(signatureEdit: truncated))
        case .emptySignature: return send(try request(signatureEdit: { _ in "" }))
        case .signatureOverOtherBytes:
            return send(try request(signedBody: try PushBody.encode(events: [], vouches: [])))
        case .unknownAlgorithm:
            return .notApplicable("a request names no algorithm: hocso-request-1 is Ed25519 only")
        case .revokedKey:
            return send(try request())
        case .unregisteredKey:
            let stranger = try TestHub(in: folder, name: "la")
            let verdict = send(try request(), to: stranger)
            return try stranger.store.eventCount() == 0 ? verdict : .accepted
        case .replay:
            return send(try request(nonce: Self.fixedNonce))
        }
    }

    func state() throws -> String {
        let held = try upstream.heldIds()
        let nodes = try upstream.store.centers().map { "\($0.nodeId):\($0.status)" }
        return "\(held.ids.sorted()) \(held.rows) \(nodes)"
    }

    func expectedSentence(_ attack: Attack) -> String? {
        switch attack {
        case .payloadAltered, .otherKeyNamingTrustedKey, .truncatedSignature, .emptySignature,
            .signatureOverOtherBytes:
            return "the signature does not match node \(sender)'s key"
        case .revokedKey: return "\(sender) is revoked"
        case .unregisteredKey: return "node \(sender) is not registered at this hub"
        case .replay: return "already received"
        case .unknownAlgorithm: return nil
        }
    }
}

// MARK: - Roll-ups: a province hub's signed aggregates, read by the national hub

struct RollupKind: SignedArtefactKind {
    let name = "roll-up"
    func world(in folder: URL) throws -> any ArtefactWorld { try RollupWorld(folder) }
}

struct RollupWorld: ArtefactWorld {
    let national: TestHub
    let province: TestHub
    let folder: URL

    init(_ folder: URL) throws {
        self.folder = folder
        national = try TestHub(in: folder, name: "quoc-gia")
        try HubRollups.markNational(national.store)
        province = try TestHub(in: folder, name: "tinh")
        try national.enrol(lowerHub: province)
    }

    func rollup(of hub: TestHub, version: Int64 = 5) -> Rollup {
        Rollup(
            province: hub.identity.nodeId, period: 20_300, version: version,
            areas: [Area(code: "P", name: "Tỉnh", level: .province)], outlines: [], latestActivity: 1,
            cohorts: [
                .init(
                    place: "X1", course: "k", birthYear: 1960, gender: "nu", week: 20_290, enrolled: 4, started: 3,
                    completed: 2, passed: 1)
            ], hours: [], activity: [], registrations: [])
    }

    /// Sends `signed` through its wire form, as `POST /api/v1/rollups` and `rollups import` read it.
    func send(_ signed: SignedRollup) -> Verdict {
        verdict {
            let read = try SignedRollup.decode(try signed.encoded(), what: "test")
            _ = try HubRollups.accept(read, store: national.store)
        }
    }

    func genuine() throws -> SignedRollup { try SignedRollup(rollup(of: province), key: province.identity.key) }

    func presentGenuine() throws -> Verdict { send(try genuine()) }

    func prepare(_ attack: Attack) throws {
        if attack == .revokedKey { _ = try HubCenters.revoke(province.identity.nodeId, in: national.store, at: 2) }
    }

    func present(_ attack: Attack) throws -> Verdict {
        var signed = try genuine()
        switch attack {
        case .payloadAltered: signed.rollup.cohorts[0].completed = 4
        case .otherKeyNamingTrustedKey: signed = try SignedRollup(rollup(of: province), key: NodeKey.generate())
        case .truncatedSignature: signed.signature = truncated(signed.signature)
        case .emptySignature: signed.signature = ""
        case .signatureOverOtherBytes:
            signed.signature = try SignedRollup(rollup(of: province, version: 6), key: province.identity.key).signature
        case .unknownAlgorithm:
            return .notApplicable("a roll-up names no algorithm: hocso-rollup-1 is Ed25519 only")
        case .revokedKey: break  // the genuine roll-up of a province revoked at the national hub
        case .unregisteredKey:
            let stranger = try TestHub(in: folder, name: "tinh-la")
            signed = try SignedRollup(rollup(of: stranger), key: stranger.identity.key)
        case .replay:
            return .notApplicable(
                "a roll-up is kept once per (province, period, version): presenting it again stores nothing")
        }
        return send(signed)
    }

    func state() throws -> String {
        let kept = try national.store.latestRollups().map { "\($0.province)/\($0.period)/\($0.version)" }
        let nodes = try national.store.centers().map { "\($0.nodeId):\($0.status)" }
        return "\(kept) \(nodes)"
    }

    func expectedSentence(_ attack: Attack) -> String? {
        let hub = province.identity.nodeId
        switch attack {
        case .payloadAltered, .otherKeyNamingTrustedKey, .truncatedSignature, .emptySignature,
            .signatureOverOtherBytes:
            return "roll-up refused: the signature does not match hub \(hub)'s key"
        case .revokedKey: return "roll-up refused: hub \(hub) is revoked"
        case .unregisteredKey: return "is registered at this hub"
        case .unknownAlgorithm, .replay: return nil
        }
    }
}
