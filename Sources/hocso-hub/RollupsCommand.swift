import ArgumentParser
import CommandSupport
import Foundation
import HubStore
import Localization
import SyncHub
import SyncWire

/// `hocso-hub rollups export|import`: the national tier by file (a USB stick, a secure copy),
/// besides `hocso-hub push` to an upstream added with `--rollups`.
struct RollupsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollups", abstract: "Số liệu tổng hợp cho trạm quốc gia. Roll-ups for a national hub.",
        subcommands: [Export.self, Import.self])

    /// `hocso-hub rollups export -o FILE`: this province's signed roll-up through today.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Ghi số liệu tổng hợp đã ký của trạm tỉnh. Write this province's signed roll-up.")
        @OptionGroup var database: HubDatabase
        @OptionGroup var language: LanguageOption
        @Option(name: .shortAndLong, help: "Tệp ghi ra. Output file.") var output: String

        func run() throws {
            let lang = language.language
            try reportingFailures(lang) {
                let store = try database.open()
                let now = Int64(Date().timeIntervalSince1970 * 1000)
                let signed = try HubRollups.make(
                    store: store, identity: try HubIdentity.load(store), period: Int((now / 1000 + 25_200) / 86_400),
                    version: now)
                do {
                    try CanonicalJSON.pretty(signed).write(to: URL(fileURLWithPath: output), options: .atomic)
                } catch {
                    throw Failure(HubCLIText.cannotWrite(output))
                }
                Console.say(HubCLIText.rollupWritten(output, cohorts: signed.rollup.cohorts.count), lang)
            }
        }
    }

    /// `hocso-hub rollups import FILE…` on a national hub.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract:
                "Nhận số liệu tổng hợp của trạm tỉnh (đã kiểm chữ ký). Take province roll-ups (signatures checked).")
        @OptionGroup var database: HubDatabase
        @OptionGroup var language: LanguageOption
        @Argument(help: "Tệp số liệu tổng hợp. Roll-up files.") var files: [String]

        func run() throws {
            let lang = language.language
            try reportingFailures(lang) {
                let store = try database.open()
                for file in files {
                    guard let data = FileManager.default.contents(atPath: file) else {
                        throw Failure(HubCLIText.cannotRead(file))
                    }
                    let signed = try SignedRollup.decode(data, what: file)
                    let stored = try HubRollups.accept(signed, store: store)
                    Console.say(HubCLIText.rollupImported(file, province: signed.rollup.province, stored: stored), lang)
                }
            }
        }
    }
}
