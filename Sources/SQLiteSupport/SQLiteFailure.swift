import GRDB
import Localization

/// What a SQLite failure means for a person: what happened and what to do, never a raw
/// `SQLite error 13` (GRDB's messages also hide the values bound to a statement).
public enum SQLiteFailure {
    /// One sentence for `error` thrown while using the database described by `what`
    /// (e.g. "the centre database").
    public static func phrase(for error: any Error, database what: Phrase) -> Phrase {
        guard let error = error as? DatabaseError else {
            return Phrase(vi: "\(what.vi) gặp lỗi không rõ; hãy thử lại", en: "\(what.en) failed; try again")
        }
        switch error.resultCode {
        case .SQLITE_FULL:
            return Phrase(
                vi: "ổ đĩa đã đầy nên không ghi được vào \(what.vi); hãy xoá bớt tệp rồi thử lại",
                en: "the disk is full, so \(what.en) cannot be written; free some space and try again")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return Phrase(
                vi: "\(what.vi) đang bị một chương trình khác giữ; hãy đợi một lát rồi thử lại",
                en: "\(what.en) is held by another program; wait a moment and try again")
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            return Phrase(
                vi: "không có quyền ghi vào \(what.vi); hãy kiểm tra quyền của tệp và thư mục",
                en: "\(what.en) may not be written; check the file's and folder's permissions")
        case .SQLITE_CANTOPEN:
            return Phrase(
                vi: "không mở được \(what.vi); hãy kiểm tra đường dẫn và quyền truy cập",
                en: "\(what.en) cannot be opened; check the path and its permissions")
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return Phrase(
                vi: "tệp không phải \(what.vi) của HocSo hoặc đã hỏng; hãy dùng bản sao lưu",
                en: "the file is not \(what.en) of HocSo or it is damaged; restore a backup")
        case .SQLITE_IOERR:
            return Phrase(
                vi: "không đọc hoặc ghi được ổ đĩa chứa \(what.vi); hãy kiểm tra ổ đĩa hoặc USB",
                en: "the disk holding \(what.en) could not be read or written; check the disk or USB stick")
        case .SQLITE_CONSTRAINT:
            return Phrase(
                vi: "\(what.vi) từ chối một giá trị trái quy tắc của nó",
                en: "\(what.en) refused a value that breaks its rules")
        default:
            return Phrase(
                vi: "\(what.vi) gặp lỗi (SQLite \(error.resultCode.rawValue)); hãy thử lại",
                en: "\(what.en) failed (SQLite \(error.resultCode.rawValue)); try again")
        }
    }
}
