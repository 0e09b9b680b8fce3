import Localization

/// The sentences of a hub's side of sync (bundle imports, pushes received, upstream pushes).
enum HubSyncText {
    static let notInitialised = Phrase(
        vi: "máy chủ chưa có định danh; hãy chạy 'hocso-hub init' trước",
        en: "this hub has no identity yet; run 'hocso-hub init' first")
    static let identity = Phrase(vi: "định danh của máy chủ", en: "the hub identity")
    static func unknownCentre(_ node: String) -> Phrase {
        Phrase(
            vi: "máy chủ chưa đăng ký nút \(node); hãy thêm bằng 'hocso-hub centers add'",
            en: "no node \(node) is registered at this hub; add it with 'hocso-hub centers add'")
    }

    // Roll-ups
    static let nationalHoldsEvents = Phrase(
        vi: "máy chủ này đã giữ sự kiện của người học; trạm quốc gia phải là một cơ sở dữ liệu mới",
        en: "this hub already holds learners' events; a national hub must be a new database")
    static let notNational = Phrase(
        vi: "máy chủ này không phải trạm quốc gia (hocso-hub init --national); nó không nhận số liệu tổng hợp",
        en: "this hub is not a national hub (hocso-hub init --national); it does not take roll-ups")
    static func rollupFromRevoked(_ node: String) -> Phrase {
        Phrase(
            vi: "từ chối số liệu tổng hợp: trạm \(node) đã bị thu hồi",
            en: "roll-up refused: hub \(node) is revoked")
    }
    static func rollupFromCentre(_ node: String) -> Phrase {
        Phrase(
            vi: "từ chối số liệu tổng hợp: \(node) là trung tâm, không phải trạm tỉnh",
            en: "roll-up refused: \(node) is a centre, not a province hub")
    }
    static let nationalTakesNoEvents = Phrase(
        vi: "trạm quốc gia không nhận sự kiện của người học, chỉ nhận số liệu tổng hợp của trạm tỉnh",
        en: "a national hub takes no learners' events, only the province hubs' roll-ups")
    static let staysProvincial = Phrase(
        vi: "phân tích câu hỏi, danh sách cần hỗ trợ, phễu bài học và hoạt động theo ngày chỉ có ở trạm tỉnh: "
            + "trạm quốc gia chỉ nhận số liệu tổng hợp, không nhận từng người học",
        en: "question analysis, needs-help lists, lesson funnels and daily activity stay at the province hubs: "
            + "the national hub receives roll-ups, not single learners")

    // Bundles: names, formats and node ids come from the file (and its name from the USB stick),
    // unverified, so what a terminal would act on is shown as `�`.
    private static func shown(_ text: String) -> String { ControlCharacters.replaced(in: text) }
    static func bundleDamaged(_ name: String) -> Phrase {
        Phrase(
            vi: "từ chối gói: '\(shown(name))' bị hỏng hoặc không phải gói đồng bộ",
            en: "bundle refused: '\(shown(name))' is damaged or is not a sync bundle")
    }
    static func bundleDoesNotStart(_ name: String, with expected: String) -> Phrase {
        Phrase(
            vi: "từ chối gói: '\(shown(name))' không bắt đầu bằng \(expected)",
            en: "bundle refused: '\(shown(name))' does not start with \(expected)")
    }
    static func bundleFormat(_ name: String, _ format: String, expected: String) -> Phrase {
        Phrase(
            vi: "từ chối gói: '\(shown(name))' có định dạng '\(shown(format))', không phải \(expected)",
            en: "bundle refused: '\(shown(name))' is format '\(shown(format))', not \(expected)")
    }
    static func bundleUnknownCentre(_ node: String) -> Phrase {
        Phrase(
            vi: "từ chối gói: được ký bởi trung tâm chưa đăng ký \(shown(node))",
            en: "bundle refused: signed by an unknown centre \(shown(node))")
    }
    static func bundleRevokedCentre(_ node: String) -> Phrase {
        Phrase(
            vi: "từ chối gói: trung tâm \(shown(node)) đã bị thu hồi",
            en: "bundle refused: centre \(shown(node)) is revoked")
    }
    static func bundleBadSignature(_ node: String) -> Phrase {
        Phrase(
            vi: "từ chối gói: chữ ký không phải của khoá đã đăng ký của trung tâm \(shown(node))",
            en: "bundle refused: it is not signed by the registered key of centre \(shown(node))")
    }
    static func bundleLacksFile(_ name: String, _ path: String) -> Phrase {
        Phrase(
            vi: "từ chối gói: '\(shown(name))' thiếu \(shown(path)) mà bản kê có ghi",
            en: "bundle refused: '\(shown(name))' lacks \(shown(path)) where its manifest lists it")
    }
    static func bundleHashMismatch(_ name: String, _ path: String) -> Phrase {
        Phrase(
            vi:
                "từ chối gói: \(shown(path)) trong '\(shown(name))' không khớp mã băm trong bản kê đã ký (bị hỏng hoặc bị sửa)",
            en:
                "bundle refused: \(shown(path)) in '\(shown(name))' does not match its hash in the signed manifest (damaged or altered)"
        )
    }
    static func bundleExtraEntries(_ name: String) -> Phrase {
        Phrase(
            vi: "từ chối gói: '\(shown(name))' có tệp không có trong bản kê",
            en: "bundle refused: '\(shown(name))' holds entries its manifest does not list")
    }
    static func bundleInconsistent(_ name: String) -> Phrase {
        Phrase(
            vi: "từ chối gói: bản kê của '\(shown(name))' không nhất quán",
            en: "bundle refused: the manifest of '\(shown(name))' is inconsistent")
    }
    static func bundleOtherNode(_ name: String, _ node: String) -> Phrase {
        Phrase(
            vi: "từ chối gói: '\(shown(name))' chứa sự kiện của nút khác (\(shown(node)))",
            en: "bundle refused: '\(shown(name))' claims events of another node (\(shown(node)))")
    }
    static func bundleWrongEvents(_ name: String, _ path: String) -> Phrase {
        Phrase(
            vi: "từ chối gói: \(shown(path)) trong '\(shown(name))' không chứa đúng các sự kiện bản kê ghi",
            en: "bundle refused: \(shown(path)) in '\(shown(name))' does not hold the events its manifest lists")
    }
    static func manifestOf(_ name: String) -> Phrase {
        Phrase(vi: "từ chối gói: bản kê của '\(shown(name))'", en: "bundle refused: the manifest of '\(shown(name))'")
    }
    static func signatureOf(_ name: String) -> Phrase {
        Phrase(vi: "từ chối gói: chữ ký của '\(shown(name))'", en: "bundle refused: the signature of '\(shown(name))'")
    }

    // Signed requests
    static func requestUnknownNode(_ node: String) -> Phrase {
        Phrase(
            vi: "từ chối yêu cầu: nút \(shown(node)) chưa đăng ký ở máy chủ này",
            en: "request refused: node \(shown(node)) is not registered at this hub")
    }
    static func requestRevokedNode(_ node: String) -> Phrase {
        Phrase(
            vi: "từ chối yêu cầu: nút \(shown(node)) đã bị thu hồi",
            en: "request refused: node \(shown(node)) is revoked")
    }
    static func requestStale(hubTime: String) -> Phrase {
        Phrase(
            vi:
                "từ chối yêu cầu: thời gian của nó lệch quá 5 phút so với đồng hồ máy chủ (giờ máy chủ \(hubTime)); hãy chỉnh ngày giờ của máy tính này",
            en:
                "request refused: its timestamp is more than 5 minutes from the hub's clock (hub time \(hubTime)); check this computer's date and time"
        )
    }
    static func requestBadSignature(_ node: String) -> Phrase {
        Phrase(
            vi: "từ chối yêu cầu: chữ ký không khớp khoá của nút \(shown(node))",
            en: "request refused: the signature does not match node \(shown(node))'s key")
    }
    static let requestBadNonce = Phrase(
        vi: "từ chối yêu cầu: mã dùng một lần (nonce) sai dạng", en: "request refused: the nonce is malformed")
    static let requestReplayed = Phrase(
        vi: "từ chối yêu cầu: yêu cầu đã ký này đã được nhận trước đó",
        en: "request refused: this signed request was already received")
    static func requestOthersEvents(_ sender: String, _ origin: String) -> Phrase {
        Phrase(
            vi: "từ chối yêu cầu: nút \(shown(sender)) không được gửi sự kiện của nút \(shown(origin))",
            en: "request refused: node \(shown(sender)) may not deliver events of node \(shown(origin))")
    }
    static func requestCentreVouches(_ sender: String) -> Phrase {
        Phrase(
            vi: "từ chối yêu cầu: trung tâm \(shown(sender)) chỉ được gửi sự kiện của chính mình",
            en: "request refused: centre \(shown(sender)) may only deliver its own events")
    }
    static func requestOtherKey(_ node: String) -> Phrase {
        Phrase(
            vi: "từ chối yêu cầu: nút \(shown(node)) đã đăng ký ở đây với một khoá khác",
            en: "request refused: node \(shown(node)) is registered here with another key")
    }

    // Receipts
    static func receiptsFolderMissing(_ path: String) -> Phrase {
        Phrase(
            vi: "không có thư mục '\(path)' để ghi biên nhận; chưa nhập gì — hãy tạo thư mục hoặc chọn thư mục khác",
            en:
                "there is no folder '\(path)' to write receipts into; nothing was imported — create it or choose another"
        )
    }
    static func receiptsFolderReadOnly(_ path: String) -> Phrase {
        Phrase(
            vi:
                "không ghi được biên nhận vào '\(path)' (chỉ đọc); chưa nhập gì — hãy dùng --receipts với thư mục ghi được",
            en:
                "cannot write receipts into '\(path)' (read-only); nothing was imported — use --receipts with a writable folder"
        )
    }

    // Upstream
    static let storedUpstream = Phrase(vi: "máy chủ cấp trên đã lưu", en: "the stored upstream")
    static func notAHub(_ file: String, role: String, node: String) -> Phrase {
        Phrase(
            vi: "'\(file)' đăng ký \(role) \(node), không phải một máy chủ",
            en: "'\(file)' registers \(role) \(node), not a hub")
    }
    static func upstreamOtherKey(_ node: String) -> Phrase {
        Phrase(
            vi: "máy chủ cấp trên \(node) đã được ghi với một khoá khác",
            en: "upstream \(node) is already known with another key")
    }
    static func heldButUnregistered(_ node: String) -> Phrase {
        Phrase(
            vi: "máy chủ đang giữ sự kiện của nút \(node) nhưng nút này chưa đăng ký",
            en: "events of node \(node) are held here but the node is not registered")
    }
    static func upstreamDidNotStore(_ hub: String, _ event: String) -> Phrase {
        Phrase(
            vi: "máy chủ cấp trên \(hub) trả lời nhưng không lưu sự kiện \(event); hãy thử lại",
            en: "upstream \(hub) answered without storing event \(event); try again")
    }
    static func unknownUpstream(_ hub: String, at address: String) -> Phrase {
        Phrase(
            vi:
                "chưa biết máy chủ cấp trên \(hub) ở \(address); hãy thêm tệp đăng ký của nó bằng 'hocso-hub upstreams add'",
            en: "upstream \(hub) at \(address) is not known here; add its registration with 'hocso-hub upstreams add'")
    }

    static let noCertificateKey = Phrase(
        vi: "trạm chưa có khoá để ký danh sách thu hồi; hãy chạy `hocso-hub init` trước.",
        en: "the hub has no key to sign status lists with; run `hocso-hub init` first.")
}
