import ArgumentParser
import CommandSupport
import Foundation
import ProgressStore
import SyncCentre
import SyncWire

/// `hocso center init [--db] [--name] [--export-registration FILE] [--export-key FILE | --import-key FILE]`:
/// the centre database and its signing key, made once; the key kept in its own file beside the
/// database, and carried to new hardware by export and import.
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
    @Option(
        name: .customLong("export-key"),
        help:
            "Chép khoá ký ra tệp (chỉ chủ đọc được) để chuyển trung tâm sang máy mới. Copy the signing key out (owner-only) to move the centre to a new computer."
    )
    var exportKey: String?
    @Option(
        name: .customLong("import-key"),
        help:
            "Cài khoá ký đã chép từ máy cũ (cơ sở dữ liệu phải là của trung tâm đó). Install the signing key copied from the old computer."
    )
    var importKey: String?

    func validate() throws {
        if exportKey != nil, importKey != nil { throw ValidationError(CentreText.exportOrImportKey) }
    }

    func run() throws {
        let lang = common.language.language
        try reportingFailures(lang) {
            if let importKey {
                // Moving a centre: its database was copied over, its key comes separately.
                let store = try common.open()
                let key = try store.importSigningKey(from: URL(fileURLWithPath: importKey))
                Console.say(CentreText.keyImported(node: key.nodeId, into: store.keyFile.path), lang)
                return
            }
            let store = try common.open(.createIfMissing)
            let (identity, created) = try CentreSync.initialise(store, name: name)
            for line in CentreText.identity(nodeId: identity.nodeId, name: identity.name, publicKey: identity.publicKey)
            {
                Console.say(line, lang)
            }
            if !created { Console.error(CentreText.keyKept(lang)) }
            if created { Console.say(CentreText.keyKeptIn(store.keyFile.path), lang) }
            if let exportKey {
                try store.exportSigningKey(to: URL(fileURLWithPath: exportKey))
                Console.say(CentreText.keyExported(exportKey), lang)
            }
            if let path = exportRegistration {
                let registration = try CentreSync.registration(store, communeCode: commune)
                try RegistrationFile(node: registration, key: try CentreSync.signingKey(store)).write(
                    to: URL(fileURLWithPath: path))
                Console.say(CentreText.registrationWritten(path), lang)
            }
        }
    }
}
