import Foundation
import TestSupport
import Testing

@testable import Packs

@Suite("hocso pack: trust, install and verify through the real binary, in Vietnamese and English")
struct PackCommandTests {
    /// A signed and an unsigned pack of the sample course, a key pair, and a store folder.
    struct Setup {
        let scratch: Scratch
        let signed: String
        let unsigned: String
        let publicKey: String
        let store: String

        init() throws {
            scratch = try Scratch()
            let key = SigningKey.generate()
            let files = try key.write(name: "so-giao-duc", in: scratch.url)
            publicKey = files.publicKey.path
            signed = try Sample.pack(Sample.course(version: 2), in: scratch, key: key, into: "signed").path
            unsigned = try Sample.pack(Sample.course(version: 3), in: scratch, into: "unsigned").path
            store = scratch.path("store").path
        }

        func hocso(_ arguments: [String], lang: String = "en") throws -> Program.Result {
            try Program.hocso.run(arguments, environment: ["HOCSO_LANG": lang])
        }
    }

    @Test("trust add, then unsigned refused in one clear sentence, the override installs it, remove")
    func trustRoundTrip() throws {
        let s = try Setup()
        let added = try s.hocso(["pack", "trust", "add", s.publicKey, "--store", s.store])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("now trusting 'so-giao-duc'") && added.stdout.contains("from now on"))
        let listed = try s.hocso(["pack", "trust", "list", "--store", s.store])
        #expect(listed.stdout.hasPrefix("so-giao-duc  "))

        let refused = try s.hocso(["pack", "install", s.unsigned, "--store", s.store])
        #expect(refused.status == 1)
        #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("refused: it is not signed"))
        let verify = try s.hocso(["pack", "verify", s.unsigned, "--store", s.store])
        #expect(verify.status == 1 && verify.stderr == refused.stderr, "verify says what install says")

        let vi = try s.hocso(["pack", "install", s.unsigned, "--store", s.store], lang: "vi")
        #expect(vi.stderr.contains("bị từ chối: gói không có chữ ký"), "\(vi.stderr)")

        let signed = try s.hocso(["pack", "install", s.signed, "--store", s.store])
        #expect(signed.status == 0 && signed.stdout == "installed nhan-dien-lua-dao version 2\n", "\(signed.stderr)")
        let forced = try s.hocso(["pack", "install", s.unsigned, "--store", s.store, "--allow-untrusted"])
        #expect(forced.status == 0 && forced.stderr.contains("without a trusted signature"), "\(forced.stderr)")

        let removed = try s.hocso(["pack", "trust", "remove", "so-giao-duc", "--store", s.store], lang: "vi")
        #expect(removed.status == 0 && removed.stdout.contains("đã bỏ tin khoá 'so-giao-duc'"), "\(removed.stderr)")
        let empty = try s.hocso(["pack", "trust", "list", "--store", s.store])
        #expect(empty.stdout.contains("trusts no key"))
        let again = try s.hocso(["pack", "trust", "remove", s.publicKey, "--store", s.store])
        #expect(again.status == 1 && again.stderr.contains("is not in the trust list"))
    }

    @Test("verify, list and show speak the chosen language", arguments: ["vi", "en"])
    func language(_ lang: String) throws {
        let s = try Setup()
        let verify = try s.hocso(["pack", "verify", s.signed, "--store", s.store, "--trust", s.publicKey], lang: lang)
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.hasPrefix(lang == "vi" ? "hợp lệ: " : "ok: "))
        #expect(verify.stdout.contains(lang == "vi" ? "(tin cậy)" : "(trusted)"))
        _ = try s.hocso(["pack", "install", s.signed, "--store", s.store])
        let list = try s.hocso(["pack", "list", "--store", s.store], lang: lang)
        #expect(list.stdout.contains(lang == "vi" ? "2 bài, 7 câu hỏi, có ký" : "2 lessons, 7 questions, signed"))
        let show = try s.hocso(["pack", "show", "nhan-dien-lua-dao", "--store", s.store], lang: lang)
        #expect(
            show.stdout.hasPrefix(lang == "vi" ? "nhan-dien-lua-dao phiên bản 2: " : "nhan-dien-lua-dao version 2: "))
        let missing = try s.hocso(
            ["pack", "install", s.scratch.path("none.hspack").path, "--store", s.store], lang: lang)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains(lang == "vi" ? "không có tệp hoặc thư mục này" : "no such file or folder"))
    }

    @Test("a pack name with escape sequences reaches the terminal replaced")
    func escapesReplaced() throws {
        let s = try Setup()
        let hostile = s.scratch.path("evil\u{1B}[31m.hspack")
        try Data("not a pack".utf8).write(to: hostile)
        let result = try s.hocso(["pack", "verify", hostile.path])
        #expect(result.status == 1)
        #expect(!result.stderr.contains("\u{1B}") && result.stderr.contains("evil\u{FFFD}[31m"), "\(result.stderr)")
    }
}
