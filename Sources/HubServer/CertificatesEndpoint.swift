import BlockingCalls
import Certificates
import Foundation
import HTMLText
import HubStore
import Hummingbird
import Localization
import NIOCore
import SyncHub

/// `GET /verify` and `POST /verify`: a page where anyone pastes a credential, a printed page's
/// source or the QR text and reads, in Vietnamese and English, whether it holds and if not
/// exactly why. `GET /api/v1/certificates/status/{node}`: a centre's signed status list.
enum CertificatesEndpoint {
    /// The largest paste accepted: room for a whole printed page with its embedded credential.
    static let maxBytes = 512 * 1024

    static func addRoutes<Context: RequestContext>(
        to router: Router<Context>, store: any HubStore, identity: HubIdentity
    ) {
        router.get("verify") { _, _ -> Response in
            html(page(result: nil))
        }
        router.post("verify") { request, _ -> Response in
            let body = try await request.body.collect(upTo: maxBytes)
            let text = formValue("credential", in: String(buffer: body)) ?? ""
            let verdict = try await BlockingCalls.run { HubCertificateChecks.verify(text, store: store, now: Date()) }
            return html(page(result: verdict))
        }
        router.get("api/v1/certificates/status/:node") { _, context -> Response in
            let node = context.parameters.get("node") ?? ""
            let document = try await BlockingCalls.run {
                try HubCertificateChecks.statusList(
                    for: node, store: store, key: identity.key.base64, now: Int64(Date().timeIntervalSince1970 * 1000))
            }
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: try JCS.canonicalize(document))))
        }
    }

    static func html(_ text: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// The value of `name` in an `application/x-www-form-urlencoded` body.
    static func formValue(_ name: String, in body: String) -> String? {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == name else { continue }
            return String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return nil
    }

    static func page(result: Result<Certificate, CertificateFailure>?) -> String {
        var verdict = ""
        switch result {
        case .none: break
        case .success(let c):
            let said = VerifyText.valid(c)
            verdict = "<p class=\"ok\">\(HTML.escape(said.vi))</p><p class=\"en\">\(HTML.escape(said.en))</p>"
        case .failure(let failure):
            verdict =
                "<p class=\"bad\">\(HTML.escape(VerifyText.refused.vi)) \(HTML.escape(failure.phrase.vi))</p>"
                + "<p class=\"en\">\(HTML.escape(VerifyText.refused.en)) \(HTML.escape(failure.phrase.en))</p>"
        }
        return """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><title>Kiểm tra giấy chứng nhận</title>
            <style>body{font-family:sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}
            textarea{width:100%;height:12rem}.ok{color:#14632b;font-weight:bold}.bad{color:#8a1c1c;font-weight:bold}
            .en{color:#555}</style></head><body>
            <h1>Kiểm tra giấy chứng nhận <small>(Verify a certificate)</small></h1>
            <p>Dán chuỗi đọc từ mã QR (bắt đầu bằng HS1:), hoặc nội dung tệp chứng nhận (.json).</p>
            <p class="en">Paste the QR text (starting with HS1:) or the certificate's JSON.</p>
            <form method="post" action="/verify"><textarea name="credential" required></textarea>
            <p><button type="submit">Kiểm tra · Verify</button></p></form>
            \(verdict)
            </body></html>

            """
    }
}

/// The verification page's own sentences.
enum VerifyText {
    static let refused = Phrase(vi: "KHÔNG HỢP LỆ:", en: "NOT VALID:")

    static func valid(_ c: Certificate) -> Phrase {
        Phrase(
            vi:
                "HỢP LỆ: giấy chứng nhận hoàn thành khoá «\(c.courseTitle)» (phiên bản \(c.courseVersion)) cấp cho \(c.learnerName) bởi \(c.centreName), ngày \(c.day).",
            en:
                "VALID: certificate of completion of “\(c.courseTitle)” (version \(c.courseVersion)) issued to \(c.learnerName) by \(c.centreName) on \(c.day)."
        )
    }
}
