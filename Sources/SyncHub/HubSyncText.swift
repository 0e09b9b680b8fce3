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

    // Bundles
    static func bundleDamaged(_ name: String) -> Phrase {
        Phrase(
            vi: "từ chối gói: '\(name)' bị hỏng hoặc không phải gói đồng bộ",
            en: "bundle refused: '\(name)' is damaged or is not a sync bundle")
    }
    static func bundleDoesNotStart(_ name: String, with expected: String) -> Phrase {
        Phrase(
            vi: "từ chối gói: '\(name)' không bắt đầu bằng \(expected)",
            en: "bundle refused: '\(name)' does not start with \(expected)")
    }
    static func bundleFormat(_ name: String, _ format: String, expected: String) -> Phrase {
        Phrase(
            vi: "từ chối gói: '\(name)' có định dạng '\(format)', không phải \(expected)",
            en: "bundle refused: '\(name)' is format '\(format)', not \(expected)")
    }
    static func bundleUnknownCentre(_ node: String) -> Phrase {
        Phrase(
            vi: "từ chối gói: được ký bởi trung tâm chưa đăng ký \(node)",
            en: "bundle refused: signed by an unknown centre \(node)")
    }
    static func bundleRevokedCentre(_ node: String) -> Phrase {
        Phrase(vi: "từ chối gói: trung tâm \(node) đã bị thu hồi", en: "bundle refused: centre \(node) is revoked")
    }
    static func bundleBadSignature(_ node: String) -> Phrase {
        Phrase(
            vi: "từ chối gói: chữ ký không phải của khoá đã đăng ký của trung tâm \(node)",
            en: "bundle refused: it is not signed by the registered key of centre \(node)")
    }
    static func bundleLacksFile(_ name: String, _ path: String) -> Phrase {
        Phrase(
            vi: "từ chối gói: '\(name)' thiếu \(path) mà bản kê có ghi",
            en: "bundle refused: '\(name)' lacks \(path) where its manifest lists it")
    }
    static func bundleHashMismatch(_ name: String, _ path: String) -> Phrase {
        Phrase(
            vi: "từ chối gói: \(path) trong '\(name)' không khớp mã băm trong bản kê đã ký (bị hỏng hoặc bị sửa)",
            en:
                "bundle refused: \(path) in '\(name)' does not match its hash in the signed manifest (damaged or altered)"
        )
    }
    static func bundleExtraEntries(_ name: String) -> Phrase {
        Phrase(
            vi: "từ chối gói: '\(name)' có tệp không có trong bản kê",
            en: "bundle refused: '\(name)' holds entries its manifest does not list")
    }
    static func bundleInconsistent(_ name: String) -> Phrase {
        Phrase(
            vi: "từ chối gói: bản kê của '\(name)' không nhất quán",
            en: "bundle refused: the manifest of '\(name)' is inconsistent")
    }
    static func bundleOtherNode(_ name: String, _ node: String) -> Phrase {
        Phrase(
            vi: "từ chối gói: '\(name)' chứa sự kiện của nút khác (\(node))",
            en: "bundle refused: '\(name)' claims events of another node (\(node))")
    }
    static func bundleWrongEvents(_ name: String, _ path: String) -> Phrase {
        Phrase(
            vi: "từ chối gói: \(path) trong '\(name)' không chứa đúng các sự kiện bản kê ghi",
            en: "bundle refused: \(path) in '\(name)' does not hold the events its manifest lists")
    }
    static func manifestOf(_ name: String) -> Phrase {
        Phrase(vi: "bản kê của '\(name)'", en: "the manifest of '\(name)'")
    }
    static func signatureOf(_ name: String) -> Phrase {
        Phrase(vi: "chữ ký của '\(name)'", en: "the signature of '\(name)'")
    }

    // Signed requests
    static func requestUnknownNode(_ node: String) -> Phrase {
        Phrase(
            vi: "từ chối yêu cầu: nút \(node) chưa đăng ký ở máy chủ này",
            en: "request refused: node \(node) is not registered at this hub")
    }
    static func requestRevokedNode(_ node: String) -> Phrase {
        Phrase(vi: "từ chối yêu cầu: nút \(node) đã bị thu hồi", en: "request refused: node \(node) is revoked")
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
            vi: "từ chối yêu cầu: chữ ký không khớp khoá của nút \(node)",
            en: "request refused: the signature does not match node \(node)'s key")
    }
    static let requestBadNonce = Phrase(
        vi: "từ chối yêu cầu: mã dùng một lần (nonce) sai dạng", en: "request refused: the nonce is malformed")
    static let requestReplayed = Phrase(
        vi: "từ chối yêu cầu: yêu cầu đã ký này đã được nhận trước đó",
        en: "request refused: this signed request was already received")
    static func requestOthersEvents(_ sender: String, _ origin: String) -> Phrase {
        Phrase(
            vi: "từ chối yêu cầu: nút \(sender) không được gửi sự kiện của nút \(origin)",
            en: "request refused: node \(sender) may not deliver events of node \(origin)")
    }
    static func requestCentreVouches(_ sender: String) -> Phrase {
        Phrase(
            vi: "từ chối yêu cầu: trung tâm \(sender) chỉ được gửi sự kiện của chính mình",
            en: "request refused: centre \(sender) may only deliver its own events")
    }
    static func requestOtherKey(_ node: String) -> Phrase {
        Phrase(
            vi: "từ chối yêu cầu: nút \(node) đã đăng ký ở đây với một khoá khác",
            en: "request refused: node \(node) is registered here with another key")
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
