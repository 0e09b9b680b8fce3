import ArgumentParser
import Certificates
import CommandSupport
import Foundation
import Localization
import Packs
import ProgressStore

extension CertCommand {
    /// `hocso cert verify FILE.json|FILE.html|TEXT [--trust DID]… [--learner CODE | --name NAME]`:
    /// offline, naming exactly what failed.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract:
                "Kiểm tra một chứng nhận (tệp JSON, trang in HTML hoặc chuỗi QR), không cần mạng. Verify a certificate (JSON file, printed HTML page or QR text), offline."
        )

        @Option(
            name: .long,
            help:
                "Cơ sở dữ liệu trung tâm: tin khoá của trung tâm và danh sách thu hồi của nó (mặc định nếu có). The centre database whose key and revocations to use (the default one when present)."
        )
        var db: String?
        @Argument(help: "Tệp .json/.html, hoặc chuỗi QR (HS1:…). A .json/.html file, or the QR text (HS1:…).")
        var input: String
        @Option(name: .long, help: "Tin thêm khoá này (did:key:…). Also trust this issuer key (did:key:…).")
        var trust: [String] = []
        @Option(help: "Phải là của người học này (mã tại trung tâm). Must be this learner's (code here).")
        var learner: String?
        @Option(help: "Phải là của người có họ tên này. Must be issued to this name.") var name: String?
        @OptionGroup var language: LanguageOption

        func validate() throws {
            if learner != nil, name != nil {
                throw ValidationError("Dùng --learner hoặc --name, không cả hai. Use --learner or --name, not both.")
            }
            for did in trust where DidKey(did) == nil {
                throw ValidationError(
                    "--trust cần một did:key Ed25519 (did:key:z6Mk…). --trust needs an Ed25519 did:key.")
            }
        }

        func run() throws {
            let lang = language.language
            try reportingFailures(lang) {
                let text = try readInput()
                var trust = CertificateTrust(trustedIssuers: Set(self.trust.compactMap(DidKey.init)))
                var expectedName = name
                if let store = try openStore() {
                    if let signer = try store.certificateSigner() { trust.trustedIssuers.insert(signer.didKey) }
                    trust.revoked = try store.revocations()
                    if let learner {
                        guard let found = try store.learner(code: learner) else {
                            throw Failure(CertText.unknownLearner(learner))
                        }
                        expectedName = found.displayName
                    }
                } else if learner != nil {
                    throw Failure(CertText.learnerNeedsDatabase)
                }
                let json = try CertificateVerifier.extract(text)
                let certificate = try CertificateVerifier.verify(
                    json, policy: trust, now: Date(), learnerName: expectedName
                ).get()
                Console.say(CertText.valid(certificate), lang)
            }
        }

        /// The input: a file's text when a file is named, else the argument itself (QR text).
        func readInput() throws -> String {
            if input.hasPrefix(CompactForm.prefix) || input.hasPrefix("{") { return input }
            guard let data = FileManager.default.contents(atPath: input) else {
                throw Failure(CertText.cannotReadInput(input))
            }
            return String(decoding: data, as: UTF8.self)
        }

        /// The centre database named, or the default one when it exists; nil when there is none.
        func openStore() throws -> CentreStore? {
            if let db { return try CentreStore(path: URL(fileURLWithPath: db)) }
            guard FileManager.default.fileExists(atPath: CentreStore.defaultPath.path) else { return nil }
            return try CentreStore(path: CentreStore.defaultPath)
        }
    }

    /// `hocso cert issue [--learner CODE]`: certificates for completions that have none.
    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "issue",
            abstract:
                "Cấp chứng nhận còn thiếu cho các khoá đã hoàn thành. Issue the missing certificates of completed courses."
        )

        @OptionGroup var common: CenterCommand.Common
        @Option(help: "Chỉ cho người học này. Only for this learner.") var learner: String?
        @Option(name: .long, help: "Kho khoá học. The content store.") var store: String?

        func run() throws {
            let lang = common.language.language
            try reportingFailures(lang) {
                let centre = try common.open()
                let content = ContentStore.at(store)
                var issued = 0
                for (code, courseId, version) in try centre.completionsWithoutCertificate(learner: learner) {
                    guard let course = try? content.loadCourse(id: courseId), !course.isSelfCheck else {
                        Console.say(CertText.courseNotInstalled(courseId), lang)
                        continue
                    }
                    let achievement = CourseAchievement(course: course, version: version)
                    if let certificate = try centre.issueCertificate(learner: code, achievement: achievement) {
                        issued += 1
                        Console.say(CertText.issued(certificate), lang)
                    }
                }
                Console.say(CertText.issuedCount(issued), lang)
            }
        }
    }

    /// `hocso cert revoke ID --reason TEXT`: this centre withdraws a certificate it issued.
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: "Thu hồi một chứng nhận trung tâm đã cấp. Revoke a certificate this centre issued.")

        @OptionGroup var common: CenterCommand.Common
        @Argument(help: "Mã chứng nhận (hoặc phần đầu). The certificate id (or its start).") var id: String
        @Option(help: "Lý do thu hồi. Why it is revoked.") var reason: String

        func validate() throws {
            if reason.trimmingCharacters(in: .whitespaces).isEmpty || ControlCharacters.found(in: reason) {
                throw ValidationError(
                    "--reason cần một câu, không ký tự điều khiển. --reason needs a sentence, no control characters.")
            }
        }

        func run() throws {
            let lang = common.language.language
            try reportingFailures(lang) {
                let store = try common.open()
                let certificate = try CertCommand.find(id, in: store)
                try store.recordRevocation(certificate.id, reason: reason, source: "centre")
                Console.say(CertText.revoked(certificate.id), lang)
            }
        }
    }
}
