import ArgumentParser
import CertificatePrint
import Certificates
import CommandSupport
import Foundation
import Localization
import Packs
import ProgressStore

/// `hocso cert …`: the certificates a centre issued — list, show, print, verify, issue missing
/// ones, revoke.
struct CertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cert",
        abstract:
            "Giấy chứng nhận hoàn thành khoá học: xem, in, kiểm tra. Course certificates: list, show, print, verify.",
        subcommands: [
            List.self, Show.self, Print.self, Verify.self, Issue.self, Revoke.self, StatusImport.self, StatusPull.self,
        ])

    /// `hocso cert list [--learner CODE] [--day YYYY-MM-DD]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Liệt kê chứng nhận đã cấp. List the certificates issued here.")

        @OptionGroup var common: CenterCommand.Common
        @Option(help: "Chỉ của người học này. Only this learner's.") var learner: String?
        @Option(help: "Chỉ ngày này (YYYY-MM-DD, giờ Việt Nam). Only this day (Vietnam time).") var day: String?

        func run() throws {
            let lang = common.language.language
            try reportingFailures(lang) {
                let store = try common.open()
                let issued = try store.certificates(learner: learner, day: day)
                if issued.isEmpty { return Console.say(CertText.noneIssued, lang) }
                Console.say(CertText.listHeader, lang)
                for certificate in issued {
                    let view = try CertCommand.read(certificate)
                    Console.say(CertText.listLine(certificate, view), lang)
                }
                Console.say(CertText.count(issued.count), lang)
            }
        }
    }

    /// `hocso cert show ID`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "In ra chứng nhận (JSON). Print a certificate's credential (JSON).")

        @OptionGroup var common: CenterCommand.Common
        @Argument(help: "Mã chứng nhận (hoặc phần đầu). The certificate id (or its start).") var id: String

        func run() throws {
            let lang = common.language.language
            try reportingFailures(lang) {
                let certificate = try CertCommand.find(id, in: try common.open())
                Console.out(try Credential.pretty(try JSONValue.parse(certificate.credential)))
            }
        }
    }

    /// `hocso cert print ID -o FILE.html` or `hocso cert print --day YYYY-MM-DD -o FILE.html`.
    struct Print: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "print",
            abstract:
                "Tạo trang in A4 (HTML) có mã QR. Make the printable A4 page (HTML) with its QR code.")

        @OptionGroup var common: CenterCommand.Common
        @Argument(help: "Mã chứng nhận (hoặc phần đầu). The certificate id (or its start).") var id: String?
        @Option(help: "Mọi chứng nhận cấp trong ngày này. Every certificate issued that day.") var day: String?
        @Option(name: .shortAndLong, help: "Tệp HTML sẽ ghi. The HTML file to write.") var output: String

        func validate() throws {
            if (id == nil) == (day == nil) {
                throw ValidationError(
                    "Cho một mã chứng nhận hoặc --day, không cả hai. Give a certificate id or --day, not both.")
            }
        }

        func run() throws {
            let lang = common.language.language
            try reportingFailures(lang) {
                let store = try common.open()
                let chosen = try id.map { [try CertCommand.find($0, in: store)] } ?? store.certificates(day: day)
                guard !chosen.isEmpty else { throw Failure(CertText.noneThatDay(day ?? "")) }
                let html = try CertificatePage.html(try chosen.map(CertCommand.read))
                do {
                    try Data(html.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
                } catch {
                    throw Failure(CertText.cannotWrite(output))
                }
                Console.say(CertText.printed(chosen.count, output), lang)
            }
        }
    }

    /// Opens the certificate an id names, refusing none or several.
    static func find(_ id: String, in store: CentreStore) throws -> IssuedCertificate {
        let found = try store.certificates(matching: id.trimmingCharacters(in: .whitespaces))
        guard found.count == 1 else {
            throw Failure(found.isEmpty ? CertText.notFound(id) : CertText.ambiguous(id, found.count))
        }
        return found[0]
    }

    /// The stored credential read back (it was checked when issued; a failure here is damage).
    static func read(_ certificate: IssuedCertificate) throws -> Certificate {
        do {
            return try Certificate(try JSONValue.parse(certificate.credential))
        } catch let error as CertificateFailure {
            throw error
        } catch {
            throw CertificateFailure.malformed("credential")
        }
    }
}

/// Credentials written for people: two-space indented JSON, members in their signed order.
enum Credential {
    /// `value` pretty-printed (the signature covers the JCS form, so layout does not matter).
    static func pretty(_ value: JSONValue, indent: String = "") throws -> String {
        let inner = indent + "  "
        switch value {
        case .array(let elements) where !elements.isEmpty:
            let items = try elements.map { inner + (try pretty($0, indent: inner)) }
            return "[\n" + items.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let members) where !members.isEmpty:
            let items = try members.map { name, member in
                inner + (try JCS.string(.string(name))) + ": " + (try pretty(member, indent: inner))
            }
            return "{\n" + items.joined(separator: ",\n") + "\n\(indent)}"
        default:
            return try JCS.string(value)
        }
    }
}
