import Localization
import ProgressStore
import SyncCentre
import SyncWire

/// Everything `hocso center` and `hocso sync` print, in Vietnamese and English.
enum CentreText {
    static func registered(_ l: Learner) -> Phrase {
        let safe = ControlCharacters.replaced(in: "\(l.code) — \(l.displayName), \(l.birthYear), \(l.commune)")
        return Phrase(vi: "Đã đăng ký: \(safe)", en: "Registered: \(safe)")
    }
    static func importSummary(imported: Int, rejected: Int) -> Phrase {
        rejected == 0
            ? Phrase(vi: "Đã nhập \(imported) người học.", en: "Imported \(imported) learners.")
            : Phrase(
                vi: "Đã nhập \(imported) người học; \(rejected) dòng bị bỏ qua (xem bên dưới).",
                en: "Imported \(imported) learners; \(rejected) rows skipped (see below).")
    }
    static func cannotRead(_ file: String) -> Phrase {
        Phrase(vi: "không đọc được tệp '\(file)'", en: "cannot read '\(file)'")
    }
    static let listHeader = Phrase(
        vi: "Mã\tHọ tên\tNăm sinh\tGiới tính\tXã\tPIN", en: "Code\tName\tBorn\tGender\tCommune\tPIN")
    static func listCount(_ n: Int) -> Phrase { Phrase(vi: "\(n) người học.", en: "\(n) learners.") }
    static let errorLabel = Phrase(vi: "lỗi", en: "error")
    static let badGender = "--gender phải là nu, nam hoặc khac. --gender must be nu, nam or khac."

    static func doctor(_ r: DoctorReport) -> [Phrase] {
        var lines: [Phrase] = []
        lines.append(
            r.integrity == ["ok"]
                ? Phrase(vi: "Toàn vẹn SQLite: tốt", en: "SQLite integrity: ok")
                : Phrase(vi: "Toàn vẹn SQLite: LỖI", en: "SQLite integrity: FAILED")
                    + .verbatim("\n  " + r.integrity.prefix(20).joined(separator: "\n  ")))
        lines.append(
            r.foreignKeyViolations == 0
                ? Phrase(vi: "Khoá ngoại: tốt", en: "Foreign keys: ok")
                : Phrase(
                    vi: "Khoá ngoại: \(r.foreignKeyViolations) vi phạm",
                    en: "Foreign keys: \(r.foreignKeyViolations) violations"))
        lines.append(
            Phrase(vi: "Sự kiện: \(r.eventCount)", en: "Events: \(r.eventCount)")
                + (r.sequenceIsGapFree
                    ? Phrase(vi: ", số thứ tự liền mạch", en: ", sequence without gaps")
                    : Phrase(vi: ", số thứ tự CÓ CHỖ HỔNG", en: ", sequence HAS GAPS")))
        if r.differences.isEmpty {
            lines.append(Phrase(vi: "Tiến độ khớp với nhật ký.", en: "Progress matches the log."))
        } else {
            for d in r.differences {
                lines.append(
                    Phrase(
                        vi:
                            "Bảng \(d.table): \(d.unexpectedRows) dòng sai/thừa, \(d.missingRows) dòng thiếu so với nhật ký",
                        en:
                            "Table \(d.table): \(d.unexpectedRows) wrong/extra rows, \(d.missingRows) missing rows against the log"
                    ))
            }
            lines.append(
                r.repaired
                    ? Phrase(vi: "Đã dựng lại tiến độ từ nhật ký.", en: "Progress was rebuilt from the log.")
                    : Phrase(
                        vi: "Chạy 'hocso center doctor --repair' để dựng lại tiến độ từ nhật ký.",
                        en: "Run 'hocso center doctor --repair' to rebuild progress from the log."))
        }
        return lines
    }

    // Identity
    static func identity(nodeId: String, name: String, publicKey: String) -> [Phrase] {
        [
            Phrase(vi: "mã nút: \(nodeId)", en: "node id: \(nodeId)"),
            Phrase(
                vi: "tên: \(ControlCharacters.replaced(in: name))", en: "name: \(ControlCharacters.replaced(in: name))"),
            Phrase(vi: "khoá công khai: \(publicKey)", en: "public key: \(publicKey)"),
        ]
    }
    static let keyKept = Phrase(
        vi: "khoá ký của trung tâm đã có từ trước và được giữ nguyên",
        en: "the signing key already existed; it was kept")
    static func keyKeptIn(_ path: String) -> Phrase {
        Phrase(
            vi:
                "khoá bí mật được giữ riêng trong \(path) (chỉ chủ máy đọc được); sao lưu nó cùng cơ sở dữ liệu ở nơi an toàn",
            en: "the private key is kept apart in \(path) (owner-only); back it up with the database somewhere safe")
    }
    static func keyExported(_ path: String) -> Phrase {
        Phrase(
            vi:
                "đã chép khoá ký ra \(path); mang nó sang máy mới rồi chạy `hocso center init --import-key \(path)`, sau đó xoá bản chép",
            en:
                "the signing key was copied to \(path); take it to the new computer, run `hocso center init --import-key \(path)`, then delete the copy"
        )
    }
    static func keyImported(node: String, into path: String) -> Phrase {
        Phrase(
            vi: "đã cài khoá ký của trung tâm \(node) vào \(path)",
            en: "the signing key of centre \(node) is installed in \(path)")
    }
    static let exportOrImportKey =
        "Chỉ dùng một trong --export-key và --import-key. Give --export-key or --import-key, not both."
    static func registrationWritten(_ path: String) -> Phrase {
        Phrase(vi: "tệp đăng ký: \(path)", en: "registration: \(path)")
    }

    // Sync
    static let nothingToExport = Phrase(
        vi: "không có gì để xuất: mọi sự kiện đã được trạm xác nhận",
        en: "nothing to export: every event is acknowledged")
    static func exported(_ b: ExportedBundle) -> Phrase {
        Phrase(
            vi: "\(b.url.path): sự kiện \(b.firstSeq)–\(b.lastSeq) (\(b.eventCount)), \(b.bytes) byte",
            en: "\(b.url.path): events \(b.firstSeq)–\(b.lastSeq) (\(b.eventCount)), \(b.bytes) bytes")
    }
    static func acknowledged(by hub: String, through: Int64) -> Phrase {
        Phrase(
            vi: "trạm \(hub) đã xác nhận: sự kiện 1–\(through)", en: "acknowledged by \(hub): events 1–\(through)")
    }
    static func status(node: String, _ s: SyncStatus) -> [Phrase] {
        [
            Phrase(vi: "nút: \(node)", en: "node: \(node)"),
            Phrase(vi: "sự kiện đã ghi: \(s.lastSeq)", en: "events recorded: \(s.lastSeq)"),
            Phrase(vi: "cần xuất: \(s.toExport)", en: "to export: \(s.toExport)"),
            Phrase(
                vi: "đã xuất, chưa được xác nhận: \(s.exportedNotAcknowledged)",
                en: "exported, not acknowledged: \(s.exportedNotAcknowledged)"),
            Phrase(vi: "đã được xác nhận: \(s.acknowledgedThrough)", en: "acknowledged: \(s.acknowledgedThrough)"),
        ]
    }
    static func hubStatus(_ hub: SyncHub, heard: String?) -> Phrase {
        let name = ControlCharacters.replaced(in: hub.name)
        return Phrase(
            vi:
                "trạm \(hub.hubId) (\(name)): đã xác nhận 1–\(hub.acknowledgedThrough), lần nghe tin gần nhất \(heard ?? "chưa bao giờ")",
            en:
                "hub \(hub.hubId) (\(name)): acknowledged 1–\(hub.acknowledgedThrough), last heard from this centre \(heard ?? "never")"
        )
    }
    static func hubAdded(_ r: NodeRegistration) -> Phrase {
        let name = ControlCharacters.replaced(in: r.name)
        return Phrase(vi: "đã thêm trạm \(r.nodeId) (\(name))", en: "hub \(r.nodeId) (\(name)) added")
    }
    static func hubLine(_ hub: SyncHub) -> Phrase {
        let name = ControlCharacters.replaced(in: hub.name)
        return Phrase(
            vi: "\(hub.hubId)\t\(name)\tđã xác nhận 1–\(hub.acknowledgedThrough)",
            en: "\(hub.hubId)\t\(name)\tacknowledged 1–\(hub.acknowledgedThrough)")
    }
    static func pushed(_ r: PushReport) -> Phrase {
        Phrase(
            vi:
                "trạm \(r.hub): đã gửi \(r.sent) sự kiện trong \(r.batches) lần, \(r.counts.new) mới, \(r.counts.duplicate) trùng; đã xác nhận 1–\(r.acknowledgedThrough)",
            en:
                "hub \(r.hub): \(r.sent) events sent in \(r.batches) requests, \(r.counts.new) new, \(r.counts.duplicate) duplicate; acknowledged 1–\(r.acknowledgedThrough)"
        )
    }
    static let noPacksOffered = Phrase(vi: "trạm không có gói khoá học nào", en: "the hub offers no packs")
    static func pulled(_ p: PulledPack) -> Phrase {
        let outcome: Phrase =
            switch p.outcome {
            case .installed: Phrase(vi: "đã cài", en: "installed")
            case .upToDate: Phrase(vi: "đã có bản mới nhất", en: "up to date")
            }
        return .verbatim("\(p.entry.id) \(p.entry.version): ") + outcome
    }
    static func notHTTP(_ url: String) -> String { "'\(url)' is not an http(s) URL" }
}
