import Foundation
import Localization

/// The sentences of the content store, the trust list, keys, file access and pack building.
enum StoreText {
    private static func shown(_ text: String) -> String { PackText.shown(text) }

    private static func megabytes(_ bytes: Int64) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }

    // MARK: Installing

    static func downgrade(_ id: String, pack: Int, installed: Int) -> Phrase {
        Phrase(
            vi: "gói chứa phiên bản \(pack) của '\(shown(id))' nhưng máy đã cài phiên bản \(installed); không được "
                + "cài phiên bản cũ hơn (dùng --allow-downgrade nếu thật sự muốn)",
            en: "it holds version \(pack) of '\(shown(id))' but version \(installed) is installed; downgrades are "
                + "not allowed (pass --allow-downgrade if you mean it)"
        )
    }
    static func noSpace(needed: Int64, left: Int64, at root: String, reserve: Int64) -> Phrase {
        Phrase(
            vi: "cài gói cần \(megabytes(needed)) và chỉ còn \(megabytes(left)) trống trên '\(shown(root))', ít hơn "
                + "mức dự trữ \(megabytes(reserve)); hãy giải phóng ổ đĩa",
            en: "installing it needs \(megabytes(needed)) and would leave \(megabytes(left)) free on "
                + "'\(shown(root))', less than the reserve of \(megabytes(reserve)); free some disk space"
        )
    }
    static func notInstalled(_ id: String, _ root: String) -> Phrase {
        Phrase(
            vi: "khoá học '\(shown(id))' chưa được cài trong kho '\(shown(root))'",
            en: "course '\(shown(id))' is not installed in the store at '\(shown(root))'")
    }
    static func installedUnreadable(_ id: String) -> Phrase {
        Phrase(
            vi: "khoá học '\(shown(id))' đã cài nhưng tệp course.json của nó không đọc được; hãy cài lại gói của "
                + "khoá học",
            en: "installed course '\(shown(id))' has an unreadable course.json; reinstall its pack")
    }

    // MARK: The trust list

    static func trustListDamaged(_ path: String) -> Phrase {
        Phrase(
            vi: "danh sách khoá tin cậy '\(shown(path))' bị hỏng, nên không cài được gói nào; hãy xoá tệp đó rồi "
                + "thêm lại các khoá bằng 'hocso pack trust add'",
            en: "the trust list '\(shown(path))' is damaged, so no pack can be installed; remove that file and add "
                + "the keys again with 'hocso pack trust add'"
        )
    }
    static let trustNameEmpty = Phrase(
        vi: "tên của khoá tin cậy không được để trống", en: "a trusted key needs a name")

    // MARK: Key files

    static func keyUnreadable(_ path: String) -> Phrase {
        Phrase(vi: "không đọc được tệp khoá '\(shown(path))'", en: "cannot read key file '\(shown(path))'")
    }
    static func keyWrongFile(_ path: String, publicKey: Bool) -> Phrase {
        publicKey
            ? Phrase(
                vi: "'\(shown(path))' không phải tệp khoá công khai của hocso (NAME.pub)",
                en: "'\(shown(path))' is not a hocso public key file (NAME.pub)")
            : Phrase(
                vi: "'\(shown(path))' không phải tệp khoá bí mật của hocso (NAME.key)",
                en: "'\(shown(path))' is not a hocso private key file (NAME.key)")
    }
    static func keyExists(_ path: String) -> Phrase {
        Phrase(
            vi: "tệp khoá '\(shown(path))' đã có; hãy chọn tên khác hoặc xoá tệp cũ",
            en: "key file '\(shown(path))' already exists; choose another name or remove it")
    }

    // MARK: Building

    static func invalidCourseId(_ id: String) -> Phrase {
        Phrase(
            vi: "mã khoá học '\(shown(id))' không hợp lệ nên không đặt tên gói được",
            en: "course id '\(shown(id))' is not a valid slug, so it cannot name a pack")
    }
    static func invalidVersion(_ id: String, _ version: Int) -> Phrase {
        Phrase(
            vi: "khoá học '\(shown(id))' có phiên bản \(version); phiên bản phải là số nguyên dương",
            en: "course '\(shown(id))' has version \(version); versions are positive integers")
    }
    static func assetUnsafe(_ path: String, _ id: String, _ problem: Phrase) -> Phrase {
        Phrase(
            vi: "tệp đính kèm '\(shown(path))' của khoá học '\(shown(id))' ",
            en: "asset '\(shown(path))' of course '\(shown(id))' ") + problem
    }
    static func assetMissing(_ path: String, _ id: String) -> Phrase {
        Phrase(
            vi: "tệp đính kèm '\(shown(path))' của khoá học '\(shown(id))' không có hoặc không phải tệp thường",
            en: "asset '\(shown(path))' of course '\(shown(id))' is missing or not a regular file")
    }
    static func assetChanged(_ path: String) -> Phrase {
        Phrase(
            vi: "tệp đính kèm '\(shown(path))' bị thay đổi trong lúc đóng gói; hãy đóng gói lại",
            en: "asset '\(shown(path))' changed while the pack was being built; build it again")
    }
    static func cannotWritePack(_ path: String, _ reason: Phrase) -> Phrase {
        Phrase(vi: "không ghi được gói '\(shown(path))': ", en: "cannot write pack '\(shown(path))': ") + reason
    }

    // MARK: Files

    /// What the store was doing with a file when the system refused.
    enum FileAction {
        case create, write, close, read, open, rename, createLink, createFolder, lock, measureSpace, setMode

        /// "cannot VERB 'PATH'" in both languages.
        func failed(_ path: String) -> Phrase {
            let p = "'\(PackText.shown(path))'"
            return switch self {
            case .create: Phrase(vi: "không tạo được \(p)", en: "cannot create \(p)")
            case .write: Phrase(vi: "không ghi được \(p)", en: "cannot write \(p)")
            case .close: Phrase(vi: "không đóng được \(p)", en: "cannot close \(p)")
            case .read: Phrase(vi: "không đọc được \(p)", en: "cannot read \(p)")
            case .open: Phrase(vi: "không mở được \(p)", en: "cannot open \(p)")
            case .rename: Phrase(vi: "không đổi tên được \(p)", en: "cannot rename \(p)")
            case .createLink: Phrase(vi: "không tạo được liên kết \(p)", en: "cannot create the link \(p)")
            case .createFolder: Phrase(vi: "không tạo được thư mục \(p)", en: "cannot create folder \(p)")
            case .lock: Phrase(vi: "không khoá được \(p)", en: "cannot lock \(p)")
            case .measureSpace:
                Phrase(vi: "không đo được dung lượng trống ở \(p)", en: "cannot measure free space at \(p)")
            case .setMode: Phrase(vi: "không đặt được quyền cho \(p)", en: "cannot set the mode of \(p)")
            }
        }
    }

    static func fileFailure(_ action: FileAction, _ path: String, _ reason: Phrase) -> Phrase {
        action.failed(path) + .verbatim(": ") + reason
    }
}
