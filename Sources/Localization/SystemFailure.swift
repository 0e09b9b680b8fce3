#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Phrase {
    /// What `error` says to a person: its own phrase when it is a `PhrasedError`, else a plain
    /// sentence — a library's raw error text is never shown.
    public static func of(_ error: any Error) -> Phrase {
        if let phrased = error as? any PhrasedError { return phrased.phrase }
        return Phrase(
            vi: "đã xảy ra lỗi ngoài dự kiến; hãy thử lại, nếu vẫn lỗi hãy báo người phụ trách kỹ thuật",
            en: "something unexpected failed; try again, and if it fails again tell the technical contact")
    }

    /// Why a system call failed, for the common reasons a person can act on; the system's own
    /// (English) text for the rest.
    public static func systemReason(_ code: Int32) -> Phrase {
        switch code {
        case ENOSPC, EDQUOT:
            Phrase(vi: "ổ đĩa đã đầy", en: "the disk is full")
        case EACCES, EPERM:
            Phrase(vi: "không có quyền truy cập", en: "permission denied")
        case EROFS:
            Phrase(vi: "ổ đĩa chỉ cho đọc", en: "the disk is read-only")
        case ENOENT:
            Phrase(vi: "không có tệp hoặc thư mục này", en: "no such file or folder")
        case EIO:
            Phrase(vi: "lỗi đọc ghi ổ đĩa", en: "the disk could not be read or written")
        case EEXIST:
            Phrase(vi: "đã có tệp trùng tên", en: "a file with that name exists")
        case ENOTDIR:
            Phrase(vi: "một phần của đường dẫn không phải thư mục", en: "part of the path is not a folder")
        case EISDIR:
            Phrase(vi: "đây là một thư mục", en: "it is a folder")
        default:
            .verbatim(String(cString: strerror(code)))
        }
    }
}
