import Foundation
import Localization
import Packs

/// Every line `hocso pack …` and `hocso keys …` print, in Vietnamese and English. Names that
/// come from a pack (titles, ids, file paths) are printed with control characters replaced.
enum PackCommandText {
    private static func shown(_ text: String) -> String { ControlCharacters.replaced(in: text) }

    // MARK: verify, install

    static func verified(_ pack: String, _ manifest: PackManifest, _ signature: Phrase) -> Phrase {
        let id = shown(manifest.course.id)
        let version = manifest.course.version
        return Phrase(
            vi: "hợp lệ: \(shown(pack)): khoá học \(id) phiên bản \(version), \(manifest.files.count) tệp, ",
            en: "ok: \(shown(pack)): \(id) version \(version), \(manifest.files.count) files, ") + signature
    }
    static func installed(_ pack: InstalledPack) -> Phrase {
        Phrase(
            vi: "đã cài \(shown(pack.id)) phiên bản \(pack.version)",
            en: "installed \(shown(pack.id)) version \(pack.version)")
    }

    /// Who signed a pack and whether this centre trusts the key.
    static func signature(_ signer: PublicKey?, trusted: Bool) -> Phrase {
        guard let signer else { return unsigned }
        return trusted
            ? Phrase(vi: "ký bởi \(signer.base64) (tin cậy)", en: "signed by \(signer.base64) (trusted)")
            : Phrase(
                vi: "ký bởi \(signer.base64) (không có trong danh sách tin cậy)",
                en: "signed by \(signer.base64) (not in the trust list)")
    }
    static let unsigned = Phrase(vi: "không ký", en: "unsigned")
    static func signedBy(_ key: String) -> Phrase {
        Phrase(vi: "ký bởi \(shown(key))", en: "signed by \(shown(key))")
    }

    // MARK: list, show

    static func noCourses(_ store: String) -> Phrase {
        Phrase(
            vi: "Chưa cài khoá học nào trong \(shown(store)).", en: "No courses installed in \(shown(store)).")
    }
    static func notPackNorCourse(_ target: String, _ store: String) -> Phrase {
        Phrase(
            vi: "'\(shown(target))' không phải tệp gói cũng không phải khoá học đã cài trong '\(shown(store))'",
            en: "'\(shown(target))' is neither a pack file nor a course installed in '\(shown(store))'")
    }
    static func listLine(_ course: InstalledCourse) -> Phrase {
        let m = course.manifest
        let head = "\(shown(m.course.id))  v\(m.course.version)  \(shown(m.course.title))  — "
        let signature = course.signer == nil ? unsigned : Phrase(vi: "có ký", en: "signed")
        return Phrase(
            vi: head + "\(m.lessons.count) bài, \(m.questionCount) câu hỏi, ",
            en: head + "\(m.lessons.count) lessons, \(m.questionCount) questions, ") + signature
    }
    static func showHead(_ listing: CourseListing) -> Phrase {
        let title = shown(listing.title) + (listing.titleEnglish.map { " (\(shown($0)))" } ?? "")
        return Phrase(
            vi: "\(shown(listing.id)) phiên bản \(listing.version): \(title)",
            en: "\(shown(listing.id)) version \(listing.version): \(title)")
    }
    static func showDetails(_ listing: CourseListing) -> Phrase {
        Phrase(
            vi: "  ngôn ngữ: \(shown(listing.language)); \(listing.signaturePhrase.vi); \(shown(listing.builtBy))",
            en: "  language: \(shown(listing.language)); \(listing.signaturePhrase.en); \(shown(listing.builtBy))")
    }
    static func showCounts(_ listing: CourseListing) -> Phrase {
        Phrase(
            vi: "  \(listing.lessons.count) bài, \(listing.questions) câu hỏi:",
            en: "  \(listing.lessons.count) lessons, \(listing.questions) questions:")
    }
    static func showLesson(_ lesson: CourseListing.Lesson) -> Phrase {
        let head = "    \(shown(lesson.id)): \(shown(lesson.title)) — "
        return Phrase(
            vi: head + "\(lesson.steps) phần, \(lesson.questions) câu hỏi",
            en: head + "\(lesson.steps) steps, \(lesson.questions) questions")
    }
    static func showFiles(_ count: Int) -> Phrase {
        Phrase(vi: "  \(count) tệp:", en: "  \(count) files:")
    }
    static func showFile(_ file: PackManifest.FileRecord) -> Phrase {
        .verbatim("    \(shown(file.path))  \(file.size) bytes  sha256 \(file.sha256.prefix(16))…")
    }

    // MARK: trust

    static func trustAdded(_ name: String, _ key: PublicKey, first: Bool) -> Phrase {
        let head = Phrase(
            vi: "đã tin khoá '\(shown(name))' (\(key.base64))", en: "now trusting '\(shown(name))' (\(key.base64))")
        guard first else { return head }
        return head
            + Phrase(
                vi: "; từ nay điểm học chỉ cài gói được ký bằng một khoá tin cậy",
                en: "; from now on this centre installs only packs signed by a trusted key")
    }
    static func trustAlready(_ key: PublicKey) -> Phrase {
        Phrase(vi: "khoá \(key.base64) đã được tin từ trước", en: "key \(key.base64) was already trusted")
    }
    static func trustRemoved(_ name: String, remaining: Int) -> Phrase {
        let head = Phrase(vi: "đã bỏ tin khoá '\(shown(name))'", en: "no longer trusting '\(shown(name))'")
        guard remaining == 0 else { return head }
        return head
            + Phrase(
                vi: "; danh sách tin cậy đã trống nên gói không ký cũng cài được",
                en: "; the trust list is empty, so unsigned packs install again")
    }
    static func trustNotFound(_ what: String) -> Phrase {
        Phrase(
            vi: "'\(shown(what))' không có trong danh sách khoá tin cậy (xem 'hocso pack trust list')",
            en: "'\(shown(what))' is not in the trust list (see 'hocso pack trust list')")
    }
    static func trustListEmpty(_ store: String) -> Phrase {
        Phrase(
            vi: "Kho \(shown(store)) chưa tin khoá nào: mọi gói hợp lệ đều cài được, có ký hay không.",
            en: "The store \(shown(store)) trusts no key: every valid pack installs, signed or not.")
    }
    static func trustLine(_ key: TrustedKey) -> Phrase {
        .verbatim("\(shown(key.name))  \(key.publicKey)")
    }
    static func untrustedAllowed(_ pack: String) -> Phrase {
        Phrase(
            vi: "chú ý: '\(shown(pack))' được cài dù không có chữ ký tin cậy (--allow-untrusted)",
            en: "note: '\(shown(pack))' installed without a trusted signature (--allow-untrusted)")
    }

    // MARK: keys

    static func privateKeyWritten(_ path: String) -> Phrase {
        Phrase(
            vi: "khoá bí mật: \(shown(path)) (chỉ bạn đọc được; hãy giữ kín)",
            en: "private key: \(shown(path)) (owner-only; keep it secret)")
    }
    static func publicKeyWritten(_ path: String) -> Phrase {
        Phrase(
            vi: "khoá công khai: \(shown(path)) (gửi cho các điểm học để họ tin gói bạn ký)",
            en: "public key: \(shown(path)) (give it to centres so they trust the packs you sign)")
    }
    static func badKeyName(_ name: String) -> String {
        "tên khoá '\(shown(name))' phải là tên tệp đơn giản, không có '/' và không bắt đầu bằng '.'. "
            + "key name '\(shown(name))' must be a plain file name without '/' or a leading '.'"
    }
}
