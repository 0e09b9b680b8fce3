import Foundation
import Localization
import SyncHub
import SyncWire

/// `bundle`: the hub's bundle importer on an arbitrary file, into a hub that knows the fixture
/// centre. A refusal is reported in the result (never thrown) and must be worded; counts are
/// never negative.
final class BundleTarget: FuzzTarget {
    let name = "bundle"
    let hub = FuzzHub(name: "bundle-hub")
    let file = FuzzScratch.folder("bundle").appendingPathComponent("fuzz.hsbundle")

    func run(_ input: Data) {
        FuzzScratch.write(input, to: file)
        let result = BundleImporter(store: hub.store).importBundle(at: file)
        if let refusal = result.refusal { FuzzCheck.phrase(refusal, name) }
        let counts = result.counts
        if counts.new < 0 || counts.duplicate < 0 || counts.rejected < 0 {
            FuzzCheck.fail(name, "negative counts \(counts)")
        }
    }
}

/// `receipt`: a receipt file as `hocso sync ack` reads it, then its signature checked against
/// the hub it names (so a self-consistent receipt is verified all the way).
final class ReceiptTarget: FuzzTarget {
    let name = "receipt"
    let file = FuzzScratch.folder("receipt").appendingPathComponent("fuzz-receipt.json")

    func run(_ input: Data) {
        FuzzScratch.write(input, to: file)
        do {
            let signed = try SignedReceipt.read(file)
            let receipt = try signed.verified(hubId: signed.receipt.hub, hubPublicKey: signed.receipt.hubPublicKey)
            for holdings in receipt.nodes {
                _ = holdings.holds(holdings.contiguousThrough)
            }
        } catch {
            FuzzCheck.worded(error, name)
        }
    }
}

/// `registration`: a registration file as `hocso-hub centers add --file` reads it, then
/// registered in a scratch hub.
final class RegistrationTarget: FuzzTarget {
    let name = "registration"
    let hub = FuzzHub(name: "registration-hub")
    let file = FuzzScratch.folder("registration").appendingPathComponent("fuzz.registration.json")

    func run(_ input: Data) {
        FuzzScratch.write(input, to: file)
        do {
            let registration = try RegistrationFile.read(file)
            _ = try HubCenters.add(registration.node, to: hub.store, at: systemSyncClock())
        } catch {
            FuzzCheck.worded(error, name)
        }
    }
}
