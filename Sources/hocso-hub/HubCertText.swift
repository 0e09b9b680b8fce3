import HubStore
import Localization

/// Everything `hocso-hub cert` prints, in Vietnamese and English.
enum HubCertText {
    static func safe(_ text: String) -> String { ControlCharacters.replaced(in: text) }

    static let listHeader = Phrase(
        vi: "Mã chứng nhận\tTrung tâm\tMã HV\tKhoá học\tPhiên bản\tTình trạng",
        en: "Certificate\tCentre\tLearner\tCourse\tVersion\tStatus")

    static func line(_ c: HubCertificate) -> Phrase {
        let fields = [c.id, c.nodeId, c.learner, c.courseId, String(c.courseVersion)].map(safe).joined(separator: "\t")
        guard let reason = c.revokedReason else {
            return Phrase(vi: fields + "\tcòn hiệu lực", en: fields + "\tvalid")
        }
        return Phrase(vi: fields + "\tđã thu hồi: \(safe(reason))", en: fields + "\trevoked: \(safe(reason))")
    }

    static func count(_ n: Int) -> Phrase { Phrase(vi: "\(n) chứng nhận.", en: "\(n) certificates.") }

    static let countsHeader = Phrase(
        vi: "Xã\tKhoá học\tĐã cấp\tĐã thu hồi", en: "Commune\tCourse\tIssued\tRevoked")

    static func countLine(_ c: CertificateCount, name: String?) -> Phrase {
        let commune = c.communeCode.map { code in name.map { "\($0) (\(code))" } ?? code }
        let rest = [c.courseId, String(c.issued), String(c.revoked)].map(safe).joined(separator: "\t")
        return Phrase(
            vi: safe(commune ?? "(chưa gắn xã)") + "\t" + rest, en: safe(commune ?? "(no commune)") + "\t" + rest)
    }

    static func notFound(_ id: String) -> Phrase {
        Phrase(
            vi: "trạm không có chứng nhận nào mã «\(safe(id))»; xem `hocso-hub cert list`.",
            en: "this hub holds no certificate “\(safe(id))”; see `hocso-hub cert list`.")
    }

    static func ambiguous(_ id: String) -> Phrase {
        Phrase(
            vi: "«\(safe(id))» khớp nhiều chứng nhận; hãy gõ đủ mã.",
            en: "“\(safe(id))” matches several certificates; type the whole id.")
    }

    static func revoked(_ c: HubCertificate) -> Phrase {
        Phrase(
            vi:
                "Đã thu hồi \(safe(c.id)) (trung tâm \(safe(c.nodeId))), lý do: \(safe(c.revokedReason ?? "")). Trung tâm sẽ biết khi nhập danh sách thu hồi (`hocso-hub cert status`).",
            en:
                "Revoked \(safe(c.id)) (centre \(safe(c.nodeId))), reason: \(safe(c.revokedReason ?? "")). The centre learns it when it imports the status list (`hocso-hub cert status`)."
        )
    }

    static func cannotWrite(_ path: String) -> Phrase {
        Phrase(vi: "không ghi được tệp '\(safe(path))'.", en: "cannot write '\(safe(path))'.")
    }

    static func statusWritten(_ path: String) -> Phrase {
        Phrase(
            vi:
                "Đã ghi danh sách thu hồi có chữ ký: \(safe(path)); ở trung tâm chạy `hocso cert status-import \(safe(path))`.",
            en:
                "Wrote the signed status list: \(safe(path)); at the centre run `hocso cert status-import \(safe(path))`."
        )
    }
}
