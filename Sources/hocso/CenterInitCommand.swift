import ArgumentParser
import CommandSupport
import Foundation
import ProgressStore
import SyncCentre
import SyncWire

/// `hocso center init [--db] [--name] [--export-registration FILE]`: the centre's signing key,
/// made once.
struct CenterInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract:
            "Tạo khoá ký của trung tâm (một lần) và in mã nút. Make the centre's signing key once; print its node id and key."
    )

    @OptionGroup var common: CenterCommand.Common
    @Option(name: .long, help: "Tên trung tâm, trạm sẽ hiển thị. The centre's name, as hubs show it.") var name: String?
    @Option(name: .customLong("commune"), help: "Mã xã của trung tâm. The centre's commune code.") var commune: String?
    @Option(
        name: .customLong("export-registration"),
        help: "Ghi tệp đăng ký (mã nút, tên, khoá công khai) cho trạm. Write a registration file for the hub.")
    var exportRegistration: String?

    func run() throws {
        let lang = common.language.language
        try reportingFailures(lang) {
            let store = try common.open()
            let (identity, created) = try CentreSync.initialise(store, name: name)
            for line in CentreText.identity(nodeId: identity.nodeId, name: identity.name, publicKey: identity.publicKey)
            {
                Console.say(line, lang)
            }
            if !created { Console.error(CentreText.keyKept(lang)) }
            if let path = exportRegistration {
                let registration = try CentreSync.registration(store, communeCode: commune)
                try RegistrationFile(node: registration).write(to: URL(fileURLWithPath: path))
                Console.say(CentreText.registrationWritten(path), lang)
            }
        }
    }
}
