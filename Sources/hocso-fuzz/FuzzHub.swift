import Foundation
import HubStore
import HubStoreSQLite
import ProgressStore
import SyncHub
import SyncWire

/// A scratch hub database for the targets that need one, with the fixture centre registered:
/// the centre whose key made the seed bundles and push bodies (`Tests/Fixtures/fuzz/support`),
/// so a seed is accepted and its mutations reach past the signature check.
final class FuzzHub {
    /// The hub's database.
    let store: SQLiteHubStore
    /// The hub's own identity (signs receipts).
    let identity: HubIdentity
    /// The fixture centre's key.
    let centre: CentreKey
    /// The fixture centre's signing key.
    let centreKey: NodeKey

    /// Makes a hub database in its own scratch folder `name`.
    init(name: String) {
        let folder = FuzzScratch.folder(name)
        let support = Self.supportFolder
        let keyFile = support.appendingPathComponent("fuzz-centre.key")
        do {
            let store = try SQLiteHubStore(path: folder.appendingPathComponent("hub.sqlite"))
            let centre = try JSONDecoder().decode(CentreKey.self, from: Data(contentsOf: keyFile))
            let registration = NodeRegistration(
                nodeId: centre.nodeId, name: "fuzz centre", role: .centre, publicKey: centre.publicKey)
            _ = try HubCenters.add(registration, to: store, at: systemSyncClock())
            identity = try HubIdentity.initialise(store, name: "fuzz hub").identity
            centreKey = try NodeKey(base64: centre.privateKey)
            self.store = store
            self.centre = centre
        } catch {
            FuzzCheck.fail("set-up", "cannot make the hub database with the fixture centre (\(keyFile.path)): \(error)")
        }
    }

    /// `HOCSO_FUZZ_SUPPORT`, else `Tests/Fixtures/fuzz/support` under the current folder.
    static var supportFolder: URL {
        if let path = ProcessInfo.processInfo.environment["HOCSO_FUZZ_SUPPORT"] {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return URL(fileURLWithPath: "Tests/Fixtures/fuzz/support", isDirectory: true)
    }
}
