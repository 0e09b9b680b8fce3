import Localization

/// Every sentence the certificates module says, in Vietnamese and English.
enum CertificatesText {
    static let unreadable = Phrase(
        vi:
            "không đọc được chứng nhận: cần tệp JSON của chứng nhận, trang in (.html) hoặc chuỗi mã QR bắt đầu bằng HS1:.",
        en:
            "cannot read a certificate: give the certificate's JSON file, its printed page (.html) or the QR text starting with HS1:."
    )

    static func malformed(_ member: String) -> Phrase {
        Phrase(
            vi: "chứng nhận bị lỗi định dạng: trường «\(member)» thiếu hoặc sai.",
            en: "the certificate is malformed: the member “\(member)” is missing or wrong.")
    }

    static func unsupportedProof(_ what: String) -> Phrase {
        Phrase(
            vi:
                "chứng nhận dùng kiểu chữ ký không hỗ trợ («\(what)»): chỉ chấp nhận eddsa-jcs-2022 với khoá did:key Ed25519.",
            en:
                "the certificate uses an unsupported proof (“\(what)”): only eddsa-jcs-2022 with an Ed25519 did:key is accepted."
        )
    }

    static let badSignature = Phrase(
        vi: "chữ ký không khớp: chứng nhận đã bị sửa sau khi ký.",
        en: "the signature does not match: the certificate was changed after it was signed.")

    static let issuerMismatch = Phrase(
        vi: "chữ ký không phải của đơn vị cấp ghi trên chứng nhận: khoá ký khác khoá của đơn vị cấp.",
        en: "the signature is not the issuer's: the signing key differs from the issuer named on the certificate.")

    static func untrustedIssuer(_ did: String, _ name: String) -> Phrase {
        Phrase(
            vi: "đơn vị cấp «\(name)» không nằm trong danh sách tin cậy (khoá \(did)).",
            en: "the issuer “\(name)” is not trusted here (key \(did)).")
    }

    static func revoked(_ reason: String?) -> Phrase {
        guard let reason else {
            return Phrase(
                vi: "chứng nhận đã bị thu hồi (theo danh sách thu hồi mới nhất đã tải).",
                en: "the certificate has been revoked (per the latest status list held).")
        }
        return Phrase(
            vi: "chứng nhận đã bị thu hồi (theo danh sách thu hồi mới nhất đã tải), lý do: \(reason).",
            en: "the certificate has been revoked (per the latest status list held), reason: \(reason).")
    }

    static func expired(_ day: String) -> Phrase {
        Phrase(vi: "chứng nhận đã hết hạn từ ngày \(day).", en: "the certificate expired on \(day).")
    }

    static func notYetValid(_ day: String) -> Phrase {
        Phrase(
            vi: "chứng nhận chưa có hiệu lực: chỉ có hiệu lực từ ngày \(day).",
            en: "the certificate is not valid yet: it is valid from \(day).")
    }

    static func otherLearner(_ name: String) -> Phrase {
        Phrase(
            vi: "chứng nhận này cấp cho người khác («\(name)»), không phải người được hỏi.",
            en: "this certificate was issued to someone else (“\(name)”), not the person asked about.")
    }
}
