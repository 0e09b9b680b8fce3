import HubStore
import Localization
import SyncHub
import SyncWire

/// Everything `hocso-hub` prints, in Vietnamese and English.
enum HubCLIText {
    static func identity(_ id: HubIdentity) -> [Phrase] {
        [
            Phrase(vi: "mã nút: \(id.nodeId)", en: "node id: \(id.nodeId)"),
            Phrase(vi: "tên: \(id.name)", en: "name: \(id.name)"),
            Phrase(vi: "khoá công khai: \(id.publicKey)", en: "public key: \(id.publicKey)"),
        ]
    }
    static let keyKept = Phrase(
        vi: "khoá của trạm đã có từ trước và được giữ nguyên", en: "the hub's key already existed; it was kept")
    static func registrationWritten(_ path: String) -> Phrase {
        Phrase(vi: "tệp đăng ký: \(path)", en: "registration: \(path)")
    }
    static func role(_ role: Center.Role) -> String {
        switch role {
        case .centre: "centre"
        case .hub: "hub"
        }
    }
    static func roleName(_ role: Center.Role) -> Phrase {
        switch role {
        case .centre: Phrase(vi: "trung tâm", en: "centre")
        case .hub: Phrase(vi: "trạm", en: "hub")
        }
    }
    static func registered(_ c: Center) -> Phrase {
        let role = roleName(c.role)
        return Phrase(
            vi: "đã đăng ký \(role.vi) \(c.nodeId) (\(c.name))", en: "registered \(role.en) \(c.nodeId) (\(c.name))")
    }
    static func revoked(_ c: Center) -> Phrase {
        Phrase(vi: "đã thu hồi \(c.nodeId) (\(c.name))", en: "revoked \(c.nodeId) (\(c.name))")
    }
    static let registrationNeeded = "give a registration FILE, or --node-id, --public-key and --name"

    // Imports
    static func counts(_ c: InsertCounts) -> Phrase {
        Phrase(
            vi: "\(c.new) mới, \(c.duplicate) trùng, \(c.rejected) bị từ chối",
            en: "\(c.new) new, \(c.duplicate) duplicate, \(c.rejected) rejected")
    }
    /// One imported bundle's counts; its file name is the USB stick's, shown without control characters.
    static func bundleLine(_ file: String, _ c: InsertCounts) -> Phrase {
        .verbatim("\(ControlCharacters.replaced(in: file)): ") + counts(c)
    }
    static func total(_ c: InsertCounts) -> Phrase { Phrase(vi: "tổng: ", en: "total: ") + counts(c) }
    static func holdings(_ held: NodeHoldings) -> Phrase {
        let start =
            held.contiguousThrough > 0
            ? Phrase(
                vi: "có liền mạch 1–\(held.contiguousThrough)",
                en: "holds 1–\(held.contiguousThrough) without a break")
            : Phrase(vi: "thiếu sự kiện số 1", en: "lacks seq 1")
        let gaps =
            held.gaps.isEmpty
            ? Phrase(vi: "không có chỗ hổng", en: "no gaps")
            : Phrase(
                vi: "thiếu " + held.gaps.map(\.description).joined(separator: ", "),
                en: "missing " + held.gaps.map(\.description).joined(separator: ", "))
        return .verbatim("\(held.node): ") + start + .verbatim("; ") + gaps
    }
    static func receipt(_ path: String) -> Phrase { Phrase(vi: "biên nhận: \(path)", en: "receipt: \(path)") }

    // Server
    static func listening(_ host: String, _ port: Int) -> Phrase {
        // The first line on stdout says where the hub listens; tests and scripts read it.
        .verbatim("listening on http://\(host):\(port)")
    }
    static let serverStopped = Phrase(vi: "máy chủ của trạm đã dừng", en: "the hub server stopped")
    static func notHTTP(_ url: String) -> String { "'\(url)' is not an http(s) URL" }

    // Upstream
    static func pushed(_ r: PushReport) -> Phrase {
        Phrase(
            vi: "trạm cấp trên \(r.hub): đã gửi \(r.sent) sự kiện trong \(r.batches) lần, ",
            en: "upstream \(r.hub): \(r.sent) events sent in \(r.batches) requests, ") + counts(r.counts)
    }
    static func heldBack(node: String, events: Int) -> Phrase {
        Phrase(
            vi: "giữ lại \(events) sự kiện của trung tâm \(node): trạm cấp trên đã thu hồi trung tâm này; "
                + "chúng vẫn nằm ở đây, các trung tâm khác đã được gửi",
            en: "held back \(events) events of centre \(node): the upstream revoked that centre; "
                + "they stay here, every other centre's events went up")
    }
    static func upstreamAdded(_ r: NodeRegistration) -> Phrase {
        Phrase(vi: "đã thêm trạm cấp trên \(r.nodeId) (\(r.name))", en: "upstream \(r.nodeId) (\(r.name)) added")
    }

    // Areas
    static func cannotRead(_ file: String) -> Phrase {
        Phrase(vi: "không đọc được '\(file)'", en: "cannot read '\(file)'")
    }
    static func notUTF8(_ file: String) -> Phrase {
        Phrase(
            vi: "'\(file)' không phải UTF-8; hãy lưu từ Excel dạng \"CSV UTF-8\"",
            en: "'\(file)' is not UTF-8; save it from Excel as \"CSV UTF-8\"")
    }
    static func areasImported(added: Int, updated: Int, unchanged: Int) -> Phrase {
        Phrase(
            vi: "địa bàn: \(added) thêm mới, \(updated) cập nhật, \(unchanged) giữ nguyên",
            en: "areas: \(added) added, \(updated) updated, \(unchanged) unchanged")
    }
    static let centreLabel = Phrase(vi: "trung tâm", en: "centre")
    static let looseCentres = Phrase(
        vi: "(trung tâm chưa gắn với xã: hocso-hub areas attach-center MÃ_NÚT MÃ_XÃ)",
        en: "(centres not attached to a commune: hocso-hub areas attach-center NODE COMMUNE)")
    static func attached(_ node: String, _ commune: String) -> Phrase {
        Phrase(vi: "đã gắn trung tâm \(node) vào xã \(commune)", en: "centre \(node) attached to commune \(commune)")
    }

    // Users
    static let noTerminalForPassword = Phrase(
        vi: "không có màn hình để gõ mật khẩu; hãy dùng --password-stdin",
        en: "no terminal to type a password; use --password-stdin")
    static func userMaySee(_ user: String, _ area: String) -> Phrase {
        Phrase(
            vi: "tài khoản \(user) được xem địa bàn \(area) và cấp dưới",
            en: "user \(user) may see area \(area) and below")
    }
    static func noUser(_ user: String) -> Phrase {
        Phrase(vi: "không có tài khoản '\(user)'", en: "no user '\(user)'")
    }
    static func userRemoved(_ user: String) -> Phrase {
        Phrase(vi: "đã xoá tài khoản \(user)", en: "user \(user) removed")
    }

    // MARK: migrate

    static func noDatabase(_ place: String) -> Phrase {
        Phrase(vi: "không có cơ sở dữ liệu trạm ở '\(place)'", en: "no hub database at '\(place)'")
    }
    static func targetNotEmpty(_ place: String) -> Phrase {
        Phrase(
            vi: "cơ sở dữ liệu đích '\(place)' đã có dữ liệu: chuyển vào một cơ sở dữ liệu mới, còn trống",
            en: "the target database '\(place)' already holds data: move into a new, empty database")
    }
    static func migrated(_ c: HubMigration.Counts) -> Phrase {
        Phrase(
            vi:
                "đã chuyển \(c.areas) địa bàn, \(c.centres) nút, \(c.users) tài khoản, \(c.events) sự kiện, \(c.outlines) khoá học",
            en:
                "moved \(c.areas) areas, \(c.centres) nodes, \(c.users) accounts, \(c.events) events, \(c.outlines) courses"
        )
    }
    static func migrationDiffers(_ what: [String]) -> Phrase {
        let list = what.prefix(10).joined(separator: ", ")
        return Phrase(
            vi: "bản chuyển không khớp bản gốc (\(list)): đừng dùng cơ sở dữ liệu mới; giữ trạm cũ và báo lỗi này",
            en:
                "the copy does not match the original (\(list)): do not use the new database; keep the old hub and report this"
        )
    }
    static let migrationVerified = Phrase(
        vi: "đã kiểm tra: số lượng và mọi báo cáo khớp nhau", en: "checked: the counts and every report match")

    // MARK: roll-ups

    static func cannotWrite(_ file: String) -> Phrase {
        Phrase(vi: "không ghi được '\(file)'", en: "cannot write '\(file)'")
    }
    static func rollupWritten(_ file: String, cohorts: Int) -> Phrase {
        Phrase(
            vi: "đã ghi số liệu tổng hợp (\(cohorts) nhóm người học) vào \(file)",
            en: "wrote the roll-up (\(cohorts) cohorts) to \(file)")
    }
    static func rollupImported(_ file: String, province: String, stored: Bool) -> Phrase {
        stored
            ? Phrase(
                vi: "\(file): đã nhận số liệu tổng hợp của trạm \(province)",
                en: "\(file): took the roll-up of hub \(province)")
            : Phrase(
                vi: "\(file): đã có số liệu tổng hợp này của trạm \(province), không đổi gì",
                en: "\(file): already had this roll-up of hub \(province), nothing changed")
    }
    static func rollupPushed(_ outcome: RollupPush.Outcome) -> Phrase {
        outcome.stored
            ? Phrase(
                vi: "đã gửi số liệu tổng hợp (\(outcome.cohorts) nhóm người học) lên trạm \(outcome.hub)",
                en: "sent the roll-up (\(outcome.cohorts) cohorts) to hub \(outcome.hub)")
            : Phrase(
                vi: "trạm \(outcome.hub) đã có số liệu tổng hợp này", en: "hub \(outcome.hub) already had this roll-up")
    }
}
