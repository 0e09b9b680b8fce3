import Localization

/// The sentences of a centre's side of sync (export, push, receipts, pulling packs).
enum CentreSyncText {
    static let notInitialised = Phrase(
        vi: "trung tâm chưa có khoá ký; hãy chạy 'hocso center init' trước",
        en: "this centre has no signing key yet; run 'hocso center init' first")
    static func notAHub(_ file: String, role: String, node: String) -> Phrase {
        Phrase(
            vi: "'\(file)' đăng ký \(role) \(node), không phải một máy chủ",
            en: "'\(file)' registers \(role) \(node), not a hub")
    }
    static func madeForAnotherCentre(_ file: String, target: String, me: String) -> Phrase {
        Phrase(
            vi: "'\(file)' được làm cho trung tâm \(target), không phải trung tâm này (\(me))",
            en: "'\(file)' was made for centre \(target), not this centre (\(me))")
    }
    static func unknownHub(_ hub: String, at address: String? = nil) -> Phrase {
        let place = address.map { " ở \($0)" } ?? ""
        let placeEn = address.map { " at \($0)" } ?? ""
        return Phrase(
            vi: "trung tâm chưa biết máy chủ \(hub)\(place); hãy thêm tệp đăng ký của nó bằng 'hocso sync hubs add'",
            en: "hub \(hub)\(placeEn) is not known here; add its registration with 'hocso sync hubs add'")
    }
    static func receiptSaysNothing(_ me: String) -> Phrase {
        Phrase(
            vi: "từ chối biên nhận: nó không nói gì về trung tâm này (\(me))",
            en: "receipt refused: it says nothing about this centre (\(me))")
    }
    static func hubSaysNothing(_ hub: String) -> Phrase {
        Phrase(
            vi: "máy chủ \(hub) trả lời mà không cho biết đã giữ gì của trung tâm này",
            en: "hub \(hub) answered without saying what it holds of this centre")
    }
    static func hubDidNotStore(_ hub: String, first: Int64, last: Int64) -> Phrase {
        Phrase(
            vi: "máy chủ \(hub) trả lời nhưng không lưu các sự kiện \(first)–\(last); hãy thử lại",
            en: "hub \(hub) answered without storing events \(first)–\(last); try again")
    }

    // Export
    static func cannotCreateFolder(_ path: String) -> Phrase {
        Phrase(vi: "không tạo được thư mục '\(path)'", en: "cannot create folder '\(path)'")
    }
    static func limitTooSmall(_ bytes: Int64) -> Phrase {
        Phrase(
            vi: "giới hạn kích thước gói \(bytes) byte quá nhỏ", en: "the bundle size limit \(bytes) is too small")
    }
    static func eventTooLarge(_ id: String) -> Phrase {
        Phrase(
            vi: "sự kiện \(id) lớn hơn giới hạn kích thước gói cho phép",
            en: "event \(id) is larger than the bundle size limit allows")
    }
    static let emptyPart = Phrase(vi: "một phần của gói không có sự kiện nào", en: "empty bundle part")
    static func logChanged(first: Int64, last: Int64) -> Phrase {
        Phrase(
            vi: "các sự kiện \(first)–\(last) thay đổi trong lúc xuất; nhật ký bị hỏng, hãy chạy center doctor",
            en: "events \(first)–\(last) changed while exporting; the event log is damaged, run center doctor")
    }
    static func cannotCreate(_ path: String, _ reason: Phrase) -> Phrase {
        Phrase(vi: "không tạo được '\(path)': \(reason.vi)", en: "cannot create '\(path)': \(reason.en)")
    }
    static func cannotFlush(_ path: String, _ reason: Phrase) -> Phrase {
        Phrase(
            vi: "không ghi hẳn được '\(path)' xuống đĩa: \(reason.vi)",
            en: "cannot flush '\(path)' to disk: \(reason.en)")
    }
    static func bundleOverLimit(_ name: String, bytes: Int64, limit: Int64) -> Phrase {
        Phrase(
            vi: "gói '\(name)' ra \(bytes) byte, vượt giới hạn \(limit) byte",
            en: "bundle '\(name)' came out at \(bytes) bytes, over the \(limit)-byte limit")
    }
    static func cannotRename(_ from: String, _ to: String, _ reason: Phrase) -> Phrase {
        Phrase(
            vi: "không đổi tên được '\(from)' thành '\(to)': \(reason.vi)",
            en: "cannot rename '\(from)' to '\(to)': \(reason.en)")
    }
    static func cannotWriteBundle(_ path: String) -> Phrase {
        Phrase(
            vi: "không ghi được gói '\(path)'; hãy kiểm tra chỗ trống và quyền ghi của thư mục",
            en: "cannot write bundle '\(path)'; check the folder's free space and permissions")
    }

    // Pulling packs
    static func badCatalogueName(_ file: String) -> Phrase {
        Phrase(
            vi: "danh mục ghi một tên tệp không hợp lệ '\(file)'", en: "the catalogue lists a bad file name '\(file)'")
    }
    static func packNotInstalled(_ file: String, _ why: Phrase) -> Phrase {
        Phrase(
            vi: "gói '\(file)' chưa được cài: \(why.vi)", en: "pack '\(file)' was not installed: \(why.en)")
    }
    static func emptyPiece(_ file: String) -> Phrase {
        Phrase(vi: "máy chủ gửi một phần rỗng của '\(file)'", en: "the hub sent an empty piece of '\(file)'")
    }
    static func downloadMismatch(_ file: String) -> Phrase {
        Phrase(
            vi: "gói '\(file)' không khớp kích thước và mã băm trong danh mục; bản tải đã bị bỏ",
            en: "pack '\(file)' does not match the catalogue's size and hash; the download was discarded")
    }
    static func keepsFailing(_ hub: String) -> Phrase {
        Phrase(vi: "máy chủ \(hub) liên tục gặp lỗi; hãy thử lại sau", en: "hub \(hub) keeps failing; try later")
    }
    static let catalogue = Phrase(vi: "danh mục của máy chủ", en: "the hub's catalogue")
}
