import Localization

/// Every sentence ArchiveIO says, in Vietnamese and English. Paths come from outside (a pack's
/// entry names, a file the operator typed), so they are printed with control characters replaced.
enum ArchiveText {
    static func cannotOpen(_ path: String, _ reason: Phrase?) -> Phrase {
        let name = ControlCharacters.replaced(in: path)
        guard let reason else {
            return Phrase(
                vi: "không mở được '\(name)' như một tệp nén (tar, zstd…)",
                en: "cannot open '\(name)' as an archive (tar, zstd…)")
        }
        return Phrase(vi: "không mở được '\(name)': ", en: "cannot open '\(name)': ") + reason
    }

    static func corrupt(_ path: String) -> Phrase {
        let name = ControlCharacters.replaced(in: path)
        return Phrase(
            vi: "tệp nén '\(name)' bị hỏng hoặc bị cắt cụt", en: "archive '\(name)' is damaged or cut short")
    }

    static func cannotWrite(_ path: String, _ reason: Phrase?) -> Phrase {
        let name = ControlCharacters.replaced(in: path)
        let head = Phrase(vi: "không ghi được tệp nén '\(name)'", en: "cannot write archive '\(name)'")
        return reason.map { head + .verbatim(": ") + $0 } ?? head
    }

    static func misuse(_ path: String) -> Phrase {
        let name = ControlCharacters.replaced(in: path)
        return Phrase(
            vi: "tệp nén '\(name)' bị dùng sai thứ tự (lỗi lập trình)",
            en: "archive '\(name)' was used out of order (a programming error)")
    }

    /// libarchive is missing: what to install.
    static let libraryMissing = Phrase(
        vi:
            "máy này thiếu thư viện libarchive để đọc và ghi tệp nén: cài gói libarchive13 (sudo apt-get install libarchive13) rồi thử lại",
        en:
            "this computer lacks libarchive, which reads and writes archives: install the libarchive13 package (sudo apt-get install libarchive13) and try again"
    )

    static func typeName(_ type: ArchiveEntryType) -> Phrase {
        switch type {
        case .regular: Phrase(vi: "tệp thường", en: "regular file")
        case .directory: Phrase(vi: "thư mục", en: "directory")
        case .symlink: Phrase(vi: "liên kết tượng trưng", en: "symlink")
        case .hardlink: Phrase(vi: "liên kết cứng", en: "hard link")
        case .characterDevice: Phrase(vi: "thiết bị ký tự", en: "character device")
        case .blockDevice: Phrase(vi: "thiết bị khối", en: "block device")
        case .fifo: Phrase(vi: "ống dẫn có tên (fifo)", en: "fifo")
        case .socket: Phrase(vi: "socket", en: "socket")
        case .other(let mode):
            Phrase(
                vi: "mục có kiểu lạ \(String(mode, radix: 8))", en: "entry of unknown type \(String(mode, radix: 8))")
        }
    }
}
