import Certificates
import Foundation
import HTMLText
import Localization

/// The printed certificate: one A4 page per certificate, HTML with its styles inline so any
/// browser prints it with no network. Each page carries the whole credential as JSON-LD (to be
/// re-extracted by `hocso cert verify page.html`) and a QR code of its compact form.
public enum CertificatePage {
    /// The QR code's printed side: large enough for a phone camera at the module sizes of the
    /// versions a credential needs (version ~25: 0.4 mm modules at 5 cm).
    public static let qrMillimetres = 50.0

    /// A document of one page per certificate (in order).
    public static func html(_ certificates: [Certificate]) throws -> String {
        let pages = try certificates.map(page)
        return """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <title>\(HTML.escape(certificates.count == 1 ? certificates[0].courseTitle : "Giấy chứng nhận"))</title>
            <style>\(style)</style>
            </head>
            <body>
            \(pages.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    /// One certificate's page.
    static func page(_ certificate: Certificate) throws -> String {
        let compact = try CompactForm.encode(certificate.json)
        guard let qr = QRCode(compact) else { throw PrintFailure.tooLargeForQR }
        let embedded = try JCS.string(certificate.json).replacingOccurrences(of: "</", with: "<\\/")
        let areas = certificate.areas.isEmpty ? "—" : certificate.areas.map(HTML.escape).joined(separator: "; ")
        return """
            <section class="page">
            <header>
            <p class="centre">\(HTML.escape(certificate.centreName))</p>
            <p class="programme">Bình dân học vụ số · học tại trung tâm học tập cộng đồng</p>
            </header>
            <h1>GIẤY CHỨNG NHẬN<br><span>HOÀN THÀNH KHOÁ HỌC</span></h1>
            <p class="en">Certificate of course completion</p>
            <p class="lead">Chứng nhận ông/bà</p>
            <p class="name">\(HTML.escape(certificate.learnerName))</p>
            <table>
            <tr><th>Xã/phường</th><td>\(HTML.escape(certificate.commune))</td></tr>
            <tr><th>Đã hoàn thành khoá học</th><td><strong>\(HTML.escape(certificate.courseTitle))</strong> \
            (phiên bản \(HTML.escape(certificate.courseVersion)))</td></tr>
            <tr><th>Lĩnh vực năng lực số</th><td>\(areas)</td></tr>
            <tr><th>Nơi cấp</th><td>\(HTML.escape(certificate.centreName))</td></tr>
            <tr><th>Ngày cấp</th><td>\(vietnameseDate(certificate.validFrom))</td></tr>
            </table>
            <div class="proof">
            <div class="qr">\(qr.svg(millimetres: qrMillimetres))</div>
            <div class="check">
            <p><strong>Kiểm tra giấy chứng nhận</strong> (không cần mạng): quét mã QR rồi chạy \
            <code>hocso cert verify</code> với chuỗi đọc được, hoặc mở trang kiểm tra của trạm tổng hợp.</p>
            <p>Ký số bởi: \(HTML.escape(certificate.centreName))<br>
            Dấu vân tay khoá: <code>\(certificate.issuer.fingerprint)</code><br>
            Mã chứng nhận: <code>\(HTML.escape(String(certificate.id.dropFirst("urn:uuid:".count))))</code></p>
            <p class="en">Signed (eddsa-jcs-2022) by the centre's key \
            <code class="did">\(HTML.escape(certificate.issuer.did))</code>. \
            Scan the QR code and check it with <code>hocso cert verify</code>.</p>
            </div>
            </div>
            <script type="application/ld+json">\(embedded)</script>
            </section>
            """
    }

    /// `ngày 03 tháng 12 năm 2026`, in Vietnam's time.
    static func vietnameseDate(_ date: Date) -> String {
        let day = Timestamp.vietnamDay(date).split(separator: "-")
        guard day.count == 3 else { return Timestamp.vietnamDay(date) }
        return "ngày \(day[2]) tháng \(day[1]) năm \(day[0])"
    }

    static let style = """
        @page { size: A4; margin: 0; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: "Noto Serif", "Times New Roman", serif; color: #1a1a1a; }
        .page { width: 210mm; height: 297mm; padding: 18mm 20mm; page-break-after: always;
                border: 3mm double #7a1f1f; position: relative; overflow: hidden; }
        header { text-align: center; }
        .centre { font-size: 15pt; font-weight: bold; text-transform: uppercase; margin: 0 0 2mm; }
        .programme { font-size: 10pt; font-style: italic; margin: 0; }
        h1 { text-align: center; color: #7a1f1f; font-size: 26pt; margin: 14mm 0 0; letter-spacing: 0.5pt; }
        h1 span { font-size: 18pt; }
        .en { text-align: center; font-size: 9pt; color: #555; margin: 1mm 0; }
        .lead { text-align: center; font-size: 13pt; margin: 10mm 0 2mm; }
        .name { text-align: center; font-size: 24pt; font-weight: bold; margin: 0 0 8mm; }
        table { width: 100%; border-collapse: collapse; font-size: 12.5pt; }
        th { text-align: left; font-weight: normal; color: #444; width: 38%; padding: 2mm 0; vertical-align: top; }
        td { padding: 2mm 0; }
        .proof { display: flex; gap: 6mm; margin-top: 12mm; align-items: flex-start; }
        .qr svg { display: block; }
        .check { font-size: 9.5pt; }
        .check .en { text-align: left; }
        code { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; }
        .did { word-break: break-all; }
        """
}

/// Why a page could not be made.
public enum PrintFailure: PhrasedError, Equatable {
    /// The credential's QR text does not fit a QR code.
    case tooLargeForQR

    /// What happened.
    public var phrase: Phrase {
        Phrase(
            vi: "chứng nhận quá dài, không vừa một mã QR; hãy rút ngắn tên khoá học hoặc tên trung tâm.",
            en: "the certificate is too long for a QR code; shorten the course or centre name.")
    }
}
