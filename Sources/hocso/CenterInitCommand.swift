import ArgumentParser
import Foundation
import ProgressStore
import Sync

/// `hocso center init [--db] [--name] [--export-registration FILE]`: the centre's signing key,
/// made once. Registered by the lead under `hocso center`.
struct CenterInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract:
            "Tạo khoá ký của trung tâm (một lần) và in mã nút. Make the centre's signing key once; print its node id and key."
    )

    @Option(name: .long, help: "Cơ sở dữ liệu trung tâm. The centre database.") var db: String?

    @Option(name: .long, help: "Tên trung tâm, trạm sẽ hiển thị. The centre's name, as hubs show it.") var name: String?

    @Option(name: .customLong("commune"), help: "Mã xã của trung tâm. The centre's commune code.") var commune: String?

    @Option(
        name: .customLong("export-registration"),
        help: "Ghi tệp đăng ký (mã nút, tên, khoá công khai) cho trạm. Write a registration file for the hub.")
    var exportRegistration: String?

    func run() throws {
        try reportingFailures {
            let store = try CentreStore(path: db.map { URL(fileURLWithPath: $0) } ?? CentreStore.defaultPath)
            let (identity, created) = try CentreSync.initialise(store, name: name)
            print("node id: \(identity.nodeId)")
            print("name: \(identity.name)")
            print("public key: \(identity.publicKey)")
            if !created { Console.error("hocso: the signing key already existed; it was kept") }
            if let path = exportRegistration {
                let registration = try CentreSync.registration(store, communeCode: commune)
                try RegistrationFile(node: registration).write(to: URL(fileURLWithPath: path))
                print("registration: \(path)")
            }
        }
    }
}
