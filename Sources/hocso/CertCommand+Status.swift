import ArgumentParser
import Certificates
import CommandSupport
import Foundation
import Localization
import ProgressStore

extension CertCommand {
    /// `hocso cert status-import FILE`: the revocation list a hub signed for this centre
    /// (`hocso-hub cert status NODE -o FILE`), checked against the hubs this centre trusts.
    struct StatusImport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status-import",
            abstract:
                "Nhập danh sách thu hồi do trạm ký cho trung tâm này. Import the revocation list a hub signed for this centre."
        )

        @OptionGroup var common: CenterCommand.Common
        @Argument(help: "Tệp danh sách thu hồi (.json). The status list file.") var file: String

        func run() throws {
            let lang = common.language.language
            try reportingFailures(lang) {
                let store = try common.open()
                guard let data = FileManager.default.contents(atPath: file),
                    let json = try? JSONValue.parse(data)
                else { throw Failure(CertText.cannotReadInput(file)) }
                let (hub, list, entries) = try Self.read(json, trusting: try store.syncHubs())
                guard list == store.statusListId else { throw Failure(CertText.statusForAnotherCentre(list)) }
                for entry in entries {
                    try store.recordRevocation(entry.id, reason: entry.reason, source: hub)
                }
                Console.say(CertText.statusImported(entries.count, hub), lang)
            }
        }

        /// The hub that signed `json` among `hubs`, and the list; the failure of the first hub
        /// when none signed it.
        static func read(_ json: JSONValue, trusting hubs: [SyncHub]) throws -> (String, String, [StatusList.Entry]) {
            var failure: CertificateFailure = .untrustedIssuer(json["issuer"]?.string ?? "", "")
            for hub in hubs {
                guard let key = Data(base64Encoded: hub.publicKey).flatMap(DidKey.init(rawPublicKey:)) else { continue }
                do throws(CertificateFailure) {
                    let (list, entries) = try StatusList.read(json, issuer: key)
                    return (hub.hubId, list, entries)
                } catch {
                    if case .untrustedIssuer = error { continue }
                    failure = error
                }
            }
            throw failure
        }
    }
}
