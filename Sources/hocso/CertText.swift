import Certificates
import Foundation
import Localization
import ProgressStore

/// Everything `hocso cert` prints, in Vietnamese and English.
enum CertText {
    static func safe(_ text: String) -> String { ControlCharacters.replaced(in: text) }

    static let noneIssued = Phrase(vi: "Chưa cấp chứng nhận nào.", en: "No certificates issued yet.")
    static let listHeader = Phrase(
        vi: "Mã chứng nhận\tNgày cấp\tMã HV\tHọ tên\tKhoá học", en: "Certificate\tIssued\tLearner\tName\tCourse")

    static func listLine(_ issued: IssuedCertificate, _ view: Certificate) -> Phrase {
        let short = String(issued.id.dropFirst("urn:uuid:".count).prefix(8))
        let course = "\(view.courseTitle) (\(issued.courseId) v\(issued.courseVersion))"
        return .verbatim(
            [short, view.day, issued.learner, view.learnerName, course].map(safe).joined(separator: "\t"))
    }

    static func count(_ n: Int) -> Phrase { Phrase(vi: "\(n) chứng nhận.", en: "\(n) certificates.") }

    static func noneThatDay(_ day: String) -> Phrase {
        Phrase(vi: "không có chứng nhận nào cấp ngày \(safe(day)).", en: "no certificates were issued on \(safe(day)).")
    }

    static func notFound(_ id: String) -> Phrase {
        Phrase(
            vi: "không có chứng nhận nào mã «\(safe(id))»; xem `hocso cert list`.",
            en: "no certificate has the id “\(safe(id))”; see `hocso cert list`.")
    }

    static func ambiguous(_ id: String, _ n: Int) -> Phrase {
        Phrase(
            vi: "«\(safe(id))» khớp \(n) chứng nhận; hãy gõ thêm ký tự của mã.",
            en: "“\(safe(id))” matches \(n) certificates; type more of the id.")
    }

    static func cannotWrite(_ path: String) -> Phrase {
        Phrase(vi: "không ghi được tệp '\(safe(path))'.", en: "cannot write '\(safe(path))'.")
    }

    static func printed(_ n: Int, _ path: String) -> Phrase {
        Phrase(
            vi: "Đã tạo trang in \(n) chứng nhận: \(safe(path)) (mở bằng trình duyệt rồi in khổ A4).",
            en: "Wrote the printable page of \(n) certificate(s): \(safe(path)) (open it in a browser, print on A4).")
    }

    static func cannotReadInput(_ input: String) -> Phrase {
        Phrase(
            vi: "không đọc được '\(safe(input))': cần tệp .json/.html của chứng nhận hoặc chuỗi QR bắt đầu bằng HS1:.",
            en:
                "cannot read '\(safe(input))': give the certificate's .json/.html file or the QR text starting with HS1:."
        )
    }

    static func unknownLearner(_ code: String) -> Phrase {
        Phrase(
            vi: "trung tâm không có người học mã «\(safe(code))».", en: "this centre has no learner “\(safe(code))”.")
    }

    static let learnerNeedsDatabase = Phrase(
        vi: "--learner cần cơ sở dữ liệu trung tâm (--db); không có thì dùng --name.",
        en: "--learner needs the centre database (--db); without one, use --name.")

    static func valid(_ c: Certificate) -> Phrase {
        let (name, course, centre) = (safe(c.learnerName), safe(c.courseTitle), safe(c.centreName))
        return Phrase(
            vi:
                "HỢP LỆ: giấy chứng nhận hoàn thành khoá «\(course)» (phiên bản \(safe(c.courseVersion))) cấp cho \(name) bởi \(centre), ngày \(c.day). Chữ ký đúng, khoá được tin cậy, không bị thu hồi.",
            en:
                "VALID: certificate of completion of “\(course)” (version \(safe(c.courseVersion))) issued to \(name) by \(centre) on \(c.day). Signature correct, issuer trusted, not revoked."
        )
    }

    static func courseNotInstalled(_ id: String) -> Phrase {
        Phrase(
            vi: "bỏ qua: khoá học «\(safe(id))» chưa được cài ở đây nên chưa cấp được chứng nhận.",
            en: "skipped: the course “\(safe(id))” is not installed here, so its certificate cannot be issued.")
    }

    static func issued(_ c: IssuedCertificate) -> Phrase {
        let line = safe("\(c.id) \(c.learner) \(c.courseId) v\(c.courseVersion)")
        return Phrase(vi: "Đã cấp: \(line)", en: "Issued: \(line)")
    }

    static func issuedCount(_ n: Int) -> Phrase {
        Phrase(vi: "Đã cấp \(n) chứng nhận còn thiếu.", en: "Issued \(n) missing certificate(s).")
    }

    static func revoked(_ id: String) -> Phrase {
        Phrase(
            vi: "Đã thu hồi \(safe(id)); `hocso cert verify` ở trung tâm này sẽ từ chối nó.",
            en: "Revoked \(safe(id)); `hocso cert verify` at this centre now refuses it.")
    }

    static func statusForAnotherCentre(_ list: String) -> Phrase {
        Phrase(
            vi: "danh sách thu hồi này của trung tâm khác («\(safe(list))»).",
            en: "this status list belongs to another centre (“\(safe(list))”).")
    }

    static func statusImported(_ n: Int, _ hub: String) -> Phrase {
        Phrase(
            vi: "Đã nhập danh sách thu hồi của trạm \(safe(hub)): \(n) chứng nhận bị thu hồi.",
            en: "Imported hub \(safe(hub))'s status list: \(n) certificate(s) revoked.")
    }
}
