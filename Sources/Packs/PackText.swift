import Foundation
import Localization

/// Every sentence the Packs module says, in Vietnamese and English.
///
/// Names that come from a pack or a path someone typed are quoted with control characters
/// replaced (`shown`), so a hostile pack cannot write escape sequences to an operator's terminal.
enum PackText {
    /// `text` safe to quote in a message.
    static func shown(_ text: String) -> String { ControlCharacters.replaced(in: text) }

    /// "pack 'P' refused: WHY".
    static func refused(_ pack: String, _ why: Phrase) -> Phrase {
        Phrase(vi: "gói '\(shown(pack))' bị từ chối: ", en: "pack '\(shown(pack))' refused: ") + why
    }

    // MARK: The archive

    static let notAnArchive = Phrase(
        vi: "đây không phải tệp gói đọc được (tar nén zstd)", en: "it is not a readable archive (tar with zstd)")
    static let corruptStream = Phrase(
        vi: "tệp gói bị hỏng hoặc bị cắt cụt; hãy chép hoặc tải lại gói",
        en: "the archive is damaged or cut short; copy or download the pack again")
    static let emptyArchive = Phrase(vi: "tệp gói rỗng", en: "the archive is empty")
    static func firstEntry(_ path: String?) -> Phrase {
        guard let path else {
            return Phrase(
                vi: "mục đầu tiên có tên không đọc được, không phải manifest.json",
                en: "its first entry has an unreadable name, not manifest.json")
        }
        return Phrase(
            vi: "mục đầu tiên là '\(shown(path))', không phải manifest.json",
            en: "its first entry is '\(shown(path))', not manifest.json")
    }
    static func metadataTooLarge(_ path: String, _ size: Int64) -> Phrase {
        Phrase(
            vi: "'\(shown(path))' khai \(size) byte, lớn hơn mức cho phép của một tệp mô tả",
            en: "'\(shown(path))' claims \(size) bytes, more than a manifest may have")
    }

    // MARK: The manifest

    static let manifestUnreadable = Phrase(
        vi: "manifest.json không phải bản mô tả gói hợp lệ", en: "manifest.json is not a valid manifest")
    static let manifestNoVersions = Phrase(
        vi: "manifest.json không phải bản mô tả gói hợp lệ (thiếu format hoặc minReader)",
        en: "manifest.json is not a valid manifest (no format or minReader)")
    static func unsupportedFormat(format: Int, minReader: Int, reader: Int) -> Phrase {
        Phrase(
            vi: "gói có định dạng \(format), cần trình đọc \(minReader), mới hơn bản hocso này (\(reader)); hãy cập "
                + "nhật hocso",
            en: "it is pack format \(format) needing reader \(minReader), newer than this hocso reads (\(reader)); "
                + "update hocso"
        )
    }
    static func invalidCourseId(_ id: String) -> Phrase {
        Phrase(
            vi: "bản mô tả ghi mã khoá học không hợp lệ '\(shown(id))'",
            en: "its manifest names an invalid course id '\(shown(id))'")
    }
    static func invalidVersion(_ version: Int) -> Phrase {
        Phrase(
            vi: "bản mô tả ghi phiên bản \(version); phiên bản phải là số nguyên dương",
            en: "its manifest gives version \(version); versions are positive integers")
    }
    static let courseNotFirst = Phrase(
        vi: "bản mô tả không liệt kê course.json đầu tiên", en: "its manifest does not list course.json first")
    static func listsUnsafePath(_ path: String, _ problem: Phrase) -> Phrase {
        Phrase(vi: "trong bản mô tả, mục '\(shown(path))' ", en: "its manifest lists '\(shown(path))', which ")
            + problem
    }
    static func listsOutsideAssets(_ path: String) -> Phrase {
        Phrase(
            vi: "bản mô tả liệt kê '\(shown(path))', không phải course.json cũng không nằm trong assets/",
            en: "its manifest lists '\(shown(path))', which is neither course.json nor under assets/")
    }
    static func listsTwice(_ path: String) -> Phrase {
        Phrase(
            vi: "bản mô tả liệt kê '\(shown(path))' hai lần", en: "its manifest lists '\(shown(path))' twice")
    }
    static func listsFileAsFolder(_ file: String, _ inside: String) -> Phrase {
        Phrase(
            vi: "bản mô tả liệt kê cả tệp '\(shown(file))' lẫn '\(shown(inside))' nằm bên trong nó như một thư mục",
            en: "its manifest lists both the file '\(shown(file))' and '\(shown(inside))' inside it as a folder")
    }
    static func malformedHash(_ path: String) -> Phrase {
        Phrase(
            vi: "bản mô tả ghi mã SHA-256 sai dạng cho '\(shown(path))'",
            en: "its manifest gives '\(shown(path))' a malformed SHA-256")
    }
    static func negativeSize(_ path: String) -> Phrase {
        Phrase(
            vi: "bản mô tả ghi kích thước âm cho '\(shown(path))'",
            en: "its manifest gives '\(shown(path))' a negative size")
    }
    static func tooManyListed(_ count: Int, limit: Int) -> Phrase {
        Phrase(
            vi: "bản mô tả liệt kê \(count) tệp, nhiều hơn giới hạn \(limit) mục",
            en: "its manifest lists \(count) files, more than the limit of \(limit) entries")
    }
    static func tooManyBytesListed(_ bytes: Int64, limit: Int64) -> Phrase {
        Phrase(
            vi: "bản mô tả liệt kê \(bytes) byte, nhiều hơn giới hạn \(limit) byte",
            en: "its manifest lists \(bytes) bytes, more than the limit of \(limit)")
    }
    static func courseTooLarge(_ bytes: Int64, limit: Int) -> Phrase {
        Phrase(
            vi: "course.json khai \(bytes) byte, lớn hơn giới hạn \(limit) byte của một khoá học",
            en: "course.json claims \(bytes) bytes, more than the limit of \(limit) for a course")
    }

    // MARK: The signature and trust

    static func signatureNotRegular(_ type: Phrase) -> Phrase {
        Phrase(vi: "manifest.sig là ", en: "manifest.sig is a ") + type
            + Phrase(vi: ", không phải tệp thường", en: ", not a regular file")
    }
    static let signatureUnreadable = Phrase(
        vi: "manifest.sig không phải bản ghi chữ ký hợp lệ", en: "manifest.sig is not a valid signature record")
    static func signatureAlgorithm(_ algorithm: String) -> Phrase {
        Phrase(
            vi: "manifest.sig dùng thuật toán '\(shown(algorithm))', không phải ed25519",
            en: "manifest.sig uses algorithm '\(shown(algorithm))', not ed25519")
    }
    static let signerKeyMalformed = Phrase(
        vi: "manifest.sig ghi một khoá công khai không phải khoá Ed25519",
        en: "manifest.sig names a public key that is not an Ed25519 key")
    static let signatureMalformed = Phrase(
        vi: "chữ ký trong manifest.sig rỗng, bị cắt cụt hoặc sai dạng (chữ ký Ed25519 dài 64 byte)",
        en: "the signature in manifest.sig is empty, cut short or malformed (an Ed25519 signature is 64 bytes)")
    static let signatureMismatch = Phrase(
        vi: "chữ ký không khớp với bản mô tả (gói đã bị sửa, hoặc được ký bằng khoá khác với khoá nó ghi)",
        en: "its signature does not match the manifest (the pack was altered, or signed by another key than the one "
            + "it names)"
    )
    static func untrusted(_ signer: PublicKey) -> Phrase {
        Phrase(
            vi: "gói được ký bằng khoá \(signer.base64), không có trong danh sách khoá tin cậy của điểm học; nếu tin "
                + "người phát hành, hãy thêm khoá bằng 'hocso pack trust add KHOÁ.pub'",
            en: "it is signed by key \(signer.base64), which is not in this centre's trust list; if you trust its "
                + "publisher, add the key with 'hocso pack trust add KEY.pub'"
        )
    }
    static let unsigned = Phrase(
        vi: "gói không có chữ ký, mà điểm học này chỉ nhận gói được ký bằng khoá tin cậy (danh sách: 'hocso pack "
            + "trust list')",
        en: "it is not signed, and this centre accepts only packs signed by a trusted key (see 'hocso pack trust "
            + "list')")

    // MARK: Entries

    static let entryNameNotUTF8 = Phrase(
        vi: "tên một mục không phải văn bản UTF-8 hợp lệ", en: "an entry's name is not valid UTF-8")
    static func tooManyEntries(_ limit: Int) -> Phrase {
        Phrase(vi: "gói có hơn \(limit) mục", en: "it has more than \(limit) entries")
    }
    static func entryNotRegular(_ path: String, _ type: Phrase) -> Phrase {
        Phrase(vi: "mục '\(shown(path))' là ", en: "entry '\(shown(path))' is a ") + type
            + Phrase(vi: "; gói chỉ được chứa tệp thường", en: "; packs hold only regular files")
    }
    static func entryUnsafe(_ path: String, _ problem: Phrase) -> Phrase {
        Phrase(vi: "mục '\(shown(path))' ", en: "entry '\(shown(path))' ") + problem
    }
    static func entryNotListed(_ path: String) -> Phrase {
        Phrase(
            vi: "mục '\(shown(path))' không có trong bản mô tả",
            en: "entry '\(shown(path))' is not listed in the manifest")
    }
    static func entryTwice(_ path: String) -> Phrase {
        Phrase(vi: "mục '\(shown(path))' xuất hiện hai lần", en: "entry '\(shown(path))' appears twice")
    }
    static func expandsTooMuch(_ limit: Int64, _ path: String, _ size: Int64) -> Phrase {
        Phrase(
            vi: "các mục bung ra hơn \(limit) byte (mục '\(shown(path))' khai \(size) byte)",
            en: "its entries expand to more than \(limit) bytes (entry '\(shown(path))' claims \(size))")
    }
    static func sizeDiffers(_ path: String, _ size: Int64, _ listed: Int64) -> Phrase {
        Phrase(
            vi: "mục '\(shown(path))' có \(size) byte nhưng bản mô tả ghi \(listed)",
            en: "entry '\(shown(path))' has \(size) bytes but the manifest says \(listed)")
    }
    static func moreDataThanHeader(_ path: String) -> Phrase {
        Phrase(
            vi: "mục '\(shown(path))' chứa nhiều dữ liệu hơn phần đầu của nó khai",
            en: "entry '\(shown(path))' holds more data than its header claims")
    }
    static func endsEarly(_ path: String, _ count: Int64, _ size: Int64) -> Phrase {
        Phrase(
            vi: "mục '\(shown(path))' dừng sau \(count) trên \(size) byte",
            en: "entry '\(shown(path))' ends after \(count) of its \(size) bytes")
    }
    static func hashDiffers(_ path: String) -> Phrase {
        Phrase(
            vi: "mục '\(shown(path))' không khớp mã SHA-256 ghi trong bản mô tả",
            en: "entry '\(shown(path))' does not match its SHA-256 in the manifest")
    }
    static func missingEntry(_ path: String) -> Phrase {
        Phrase(
            vi: "bản mô tả liệt kê mục '\(shown(path))' nhưng gói không có",
            en: "entry '\(shown(path))' is listed in the manifest but absent")
    }

    // MARK: The course

    static let courseUnreadable = Phrase(
        vi: "course.json không phải khoá học đã biên dịch hợp lệ", en: "course.json is not a valid compiled course")
    static func courseDiffers(_ id: String, _ version: Int, manifest: String, _ manifestVersion: Int) -> Phrase {
        Phrase(
            vi: "course.json chứa khoá học '\(shown(id))' phiên bản \(version) nhưng bản mô tả ghi "
                + "'\(shown(manifest))' phiên bản \(manifestVersion)",
            en: "course.json holds course '\(shown(id))' version \(version) but the manifest names "
                + "'\(shown(manifest))' version \(manifestVersion)"
        )
    }
}
