import ArchiveIO
import Foundation
import HubStore
import Testing

@testable import SyncCentre
@testable import SyncHub
@testable import SyncWire

/// Two defects a damaged bundle showed when every byte of one was flipped in turn: a manifest or
/// signature that was no longer JSON was refused in a sentence lacking "bundle refused:" (the end
/// to end test failed on it when its flipped byte landed there), and text read from the unverified
/// file — its format, its node id, its file name — reached the terminal with the control
/// characters it carried (a flipped bit made a line break of the format's `u`).
@Suite("Regression: refusals of damaged bundles")
struct BundleRefusalWordingRegressionTests {
    /// An archive holding `manifest` and `signature` as they are, and nothing else.
    static func archive(_ name: String, manifest: Data, signature: Data, in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent(name)
        let writer = try ArchiveWriter(path: url.path, compression: .zstd(level: 3))
        try writer.addFile(path: BundleFormat.manifestPath, contents: manifest)
        try writer.addFile(path: BundleFormat.signaturePath, contents: signature)
        try writer.close()
        return url
    }

    @Test func aManifestThatWasNotJSONWasRefusedWithoutSayingBundleRefused() throws {
        let dir = try temporaryDirectory()
        let hub = try TestHub(in: dir, name: "huyen")
        for (manifest, signature) in [("{not json", "{}"), ("{}", "{not json")] {
            let url = try Self.archive(
                "broken.hsbundle", manifest: Data(manifest.utf8), signature: Data(signature.utf8), in: dir)
            let result = BundleImporter(store: hub.store).importBundle(at: url)
            let refusal = try #require(result.refusal)
            #expect(refusal.en.hasPrefix("bundle refused: the "), "\(refusal.en)")
            #expect(refusal.vi.hasPrefix("từ chối gói: "), "\(refusal.vi)")
        }
    }

    @Test func textFromADamagedBundleReachedTheTerminalWithItsControlCharacters() throws {
        let dir = try temporaryDirectory()
        let hub = try TestHub(in: dir, name: "huyen")
        let centre = try TestCentre(in: dir, name: "xa")
        try centre.record(3)
        let exported = try #require(try BundleExporter().export(from: centre.store, to: dir).first)
        let reader = try ArchiveReader(path: exported.url.path)
        _ = try reader.nextEntry()
        let manifest = String(decoding: try reader.readAll(limit: 1 << 20), as: UTF8.self)
        _ = try reader.nextEntry()
        let signature = try reader.readAll(limit: 1 << 20)

        // The format with a line break and an escape sequence in it.
        let badFormat = manifest.replacingOccurrences(
            of: "\"\(BundleManifest.format)\"", with: "\"hocso-b\\ndle-1\\u001b[2J\"")
        #expect(badFormat != manifest)
        // A node id that is not registered, with an escape sequence in it.
        let badNode = manifest.replacingOccurrences(of: "\"\(centre.nodeId)\"", with: "\"n-\\u001b[31mred\"")
        #expect(badNode != manifest)
        for (name, text) in [("format.hsbundle", badFormat), ("node.hsbundle", badNode), ("x\u{1B}[2J.hsbundle", "{")] {
            let url = try Self.archive(name, manifest: Data(text.utf8), signature: signature, in: dir)
            let refusal = try #require(BundleImporter(store: hub.store).importBundle(at: url).refusal)
            for sentence in [refusal.en, refusal.vi] {
                #expect(!sentence.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(sentence)")
                #expect(sentence.contains("\u{FFFD}"), "\(sentence)")
            }
        }
    }
}
