import ArgumentParser
import Certificates
import CommandSupport
import Foundation
import HubStore
import Localization
import SyncHub

/// `hocso-hub cert …`: the certificates centres sent with their events — the registry, counts
/// per commune and course, revocation, and the status lists centres import.
struct HubCertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cert",
        abstract:
            "Sổ chứng nhận của trạm: liệt kê, thống kê, thu hồi, danh sách thu hồi. The hub's certificate registry: list, counts, revoke, status lists.",
        subcommands: [List.self, Counts.self, Revoke.self, Status.self])

    /// `hocso-hub cert list [--id PREFIX] [--limit N]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Liệt kê chứng nhận đã nhận. List the certificates received.")

        @OptionGroup var database: HubDatabase
        @OptionGroup var language: LanguageOption
        @Option(help: "Chỉ các mã bắt đầu thế này. Only ids starting so.") var id: String?
        @Option(help: "Tối đa bao nhiêu dòng. At most this many.") var limit = 1000

        func run() throws {
            let lang = language.language
            try reportingFailures(lang) {
                let prefix = id.map { $0.hasPrefix("urn:uuid:") ? $0 : "urn:uuid:" + $0 }
                let found = try database.open().certificates(idPrefix: prefix, limit: limit)
                Console.say(HubCertText.listHeader, lang)
                for certificate in found { Console.say(HubCertText.line(certificate), lang) }
                Console.say(HubCertText.count(found.count), lang)
            }
        }
    }

    /// `hocso-hub cert counts`: certificates per commune and course.
    struct Counts: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "counts",
            abstract: "Số chứng nhận theo xã và khoá học. Certificates per commune and course.")

        @OptionGroup var database: HubDatabase
        @OptionGroup var language: LanguageOption

        func run() throws {
            let lang = language.language
            try reportingFailures(lang) {
                let store = try database.open()
                let names = Dictionary(try store.areas().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
                Console.say(HubCertText.countsHeader, lang)
                var byCommune: [String: CertificateCount] = [:]
                for count in try store.certificateCounts() {
                    let key = "\(count.communeCode ?? "")|\(count.courseId)"
                    var sum =
                        byCommune[key]
                        ?? CertificateCount(
                            place: "", communeCode: count.communeCode, courseId: count.courseId, issued: 0, revoked: 0)
                    sum.issued += count.issued
                    sum.revoked += count.revoked
                    byCommune[key] = sum
                }
                for (_, count) in byCommune.sorted(by: { $0.key < $1.key }) {
                    Console.say(HubCertText.countLine(count, name: count.communeCode.flatMap { names[$0] }), lang)
                }
            }
        }
    }

    /// `hocso-hub cert revoke ID --reason TEXT`.
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: "Thu hồi một chứng nhận, có lý do. Revoke a certificate, with a reason.")

        @OptionGroup var database: HubDatabase
        @OptionGroup var language: LanguageOption
        @Argument(help: "Mã chứng nhận (urn:uuid:… hoặc phần đầu). The certificate id (or its start).") var id: String
        @Option(help: "Lý do thu hồi. Why.") var reason: String

        func validate() throws {
            let trimmed = reason.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.count > 500 || ControlCharacters.found(in: reason) {
                throw ValidationError(
                    "--reason cần một câu (tối đa 500 ký tự). --reason needs a sentence (at most 500 characters).")
            }
        }

        func run() throws {
            let lang = language.language
            try reportingFailures(lang) {
                let store = try database.open()
                let prefix = id.hasPrefix("urn:uuid:") ? id : "urn:uuid:" + id
                let matches = try store.certificates(idPrefix: prefix, limit: 2)
                guard matches.count == 1 else {
                    throw Failure(matches.isEmpty ? HubCertText.notFound(id) : HubCertText.ambiguous(id))
                }
                let now = Int64(Date().timeIntervalSince1970 * 1000)
                guard let revoked = try store.revokeCertificate(id: matches[0].id, reason: reason, at: now) else {
                    throw Failure(HubCertText.notFound(id))
                }
                Console.say(HubCertText.revoked(revoked), lang)
            }
        }
    }

    /// `hocso-hub cert status NODE -o FILE.json`: the signed status list a centre imports.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract:
                "Ghi danh sách thu hồi (Bitstring Status List, có chữ ký) của một trung tâm. Write a centre's signed revocation list."
        )

        @OptionGroup var database: HubDatabase
        @OptionGroup var language: LanguageOption
        @Argument(help: "Mã trung tâm. The centre's node id.") var node: String
        @Option(name: .shortAndLong, help: "Tệp ghi ra. Output file.") var output: String

        func run() throws {
            let lang = language.language
            try reportingFailures(lang) {
                let store = try database.open()
                let identity = try HubIdentity.load(store)
                let document = try HubCertificateChecks.statusList(
                    for: node, store: store, key: identity.key.base64, now: Int64(Date().timeIntervalSince1970 * 1000))
                do {
                    try JCS.canonicalize(document).write(to: URL(fileURLWithPath: output), options: .atomic)
                } catch {
                    throw Failure(HubCertText.cannotWrite(output))
                }
                Console.say(HubCertText.statusWritten(output), lang)
            }
        }
    }
}
