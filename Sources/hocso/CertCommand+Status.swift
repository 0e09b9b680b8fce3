import ArgumentParser
import Certificates
import CommandSupport
import Foundation
import Localization
import ProgressStore
import SyncWire

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
                Console.say(try Self.apply(json, to: store), lang)
            }
        }

        /// Checks a status list and records its revocations; says what was done.
        static func apply(_ json: JSONValue, to store: CentreStore) throws -> Phrase {
            let (hub, list, entries) = try read(json, trusting: try store.syncHubs())
            guard list == store.statusListId else { throw Failure(CertText.statusForAnotherCentre(list)) }
            for entry in entries {
                try store.recordRevocation(entry.id, reason: entry.reason, source: hub)
            }
            return CertText.statusImported(entries.count, hub)
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

extension CertCommand {
    /// `hocso cert status-pull --hub URL`: the same list fetched from the hub
    /// (`GET /api/v1/certificates/status/{node}`).
    struct StatusPull: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status-pull",
            abstract:
                "Tải danh sách thu hồi từ trạm qua mạng. Fetch this centre's revocation list from a hub.")

        @OptionGroup var common: CenterCommand.Common
        @Option(name: .long, help: "Địa chỉ trạm. The hub's URL.") var hub: String

        func validate() throws {
            guard let url = URL(string: hub), url.scheme == "http" || url.scheme == "https" else {
                throw ValidationError(CentreText.notHTTP(hub))
            }
        }

        func run() async throws {
            let lang = common.language.language
            guard let base = URL(string: hub) else { throw ValidationError(CentreText.notHTTP(hub)) }
            try await reportingFailures(lang) {
                let store = try common.open()
                let url = base.appendingPathComponent("api/v1/certificates/status/\(store.nodeId)")
                let response: TransportResponse
                do {
                    response = try await HTTPClientTransport().send(TransportRequest(method: "GET", url: url))
                } catch let error as SyncError {
                    throw error
                } catch {
                    throw Failure(NetworkFailure.phrase(for: error, hub: hub))
                }
                guard response.status == 200 else { throw EventPusher.refusal(response) }
                guard let json = try? JSONValue.parse(response.body) else {
                    throw Failure(CertText.cannotReadInput(url.absoluteString))
                }
                Console.say(try StatusImport.apply(json, to: store), lang)
            }
        }
    }
}
