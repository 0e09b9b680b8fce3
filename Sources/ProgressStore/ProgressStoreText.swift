import Localization

/// Every sentence the centre database says, in Vietnamese and English.
enum ProgressStoreText {
    // Learners
    static let unknownLearner = Phrase(
        vi: "không có người học nào mang mã này", en: "no learner has this code")
    static let codeTaken = Phrase(
        vi: "mã này đã có người học khác ở trung tâm", en: "the code is already registered in this centre")
    static let codeTakenEarlierInFile = Phrase(
        vi: "mã này đã có ở một dòng phía trên trong tệp", en: "the code appears earlier in the file")
    static let noFreeCode = Phrase(
        vi: "tên này đã hết mã trống; hãy tự đặt một mã", en: "no free code is left for this name; give one")
    static let badCode = Phrase(
        vi: "mã phải gồm 3–8 chữ cái không dấu hoặc chữ số (A–Z, 0–9)",
        en: "the code must be 3–8 letters or digits (A–Z, 0–9)")
    static let badName = Phrase(
        vi: "họ tên phải dài 1–100 ký tự và không chứa ký tự điều khiển",
        en: "the name must be 1–100 characters, without control characters")
    static func badBirthYear(upTo year: Int) -> Phrase {
        Phrase(vi: "năm sinh phải trong khoảng 1900–\(year)", en: "the birth year must be between 1900 and \(year)")
    }
    static let birthYearNotANumber = Phrase(
        vi: "năm sinh phải là một năm, ví dụ 1975", en: "the birth year must be a year such as 1975")
    static let badGender = Phrase(
        vi: "giới tính phải là nu, nam hoặc khac", en: "the gender must be nu, nam or khac")
    static let badCommune = Phrase(
        vi: "tên xã phải dài 1–100 ký tự và không chứa ký tự điều khiển",
        en: "the commune must be 1–100 characters, without control characters")
    static let badPIN = Phrase(vi: "mã PIN phải gồm 4–6 chữ số", en: "the PIN must be 4–6 digits")

    // CSV
    static let emptyFile = Phrase(vi: "tệp trống", en: "the file is empty")
    static let notUTF8 = Phrase(
        vi: "tệp không phải văn bản UTF-8; hãy lưu lại dạng \"CSV UTF-8\"",
        en: "the file is not UTF-8 text; save it as \"CSV UTF-8\"")
    static func unclosedQuote(line: Int) -> Phrase {
        Phrase(
            vi: "một ô bắt đầu bằng dấu ngoặc kép ở dòng \(line) không được đóng lại",
            en: "a quoted field that starts on line \(line) is never closed")
    }
    static func missingColumns(_ columns: [String]) -> Phrase {
        let list = columns.joined(separator: ", ")
        return Phrase(
            vi: "dòng tiêu đề thiếu cột \(list); cần ma,ho_ten,nam_sinh,gioi_tinh,xa,pin",
            en:
                "the header lacks \(list); expected ma,ho_ten,nam_sinh,gioi_tinh,xa,pin or code,name,birth_year,gender,commune,pin"
        )
    }

    // Sync bookkeeping
    static func unknownHub(_ hub: String) -> Phrase {
        Phrase(vi: "trung tâm chưa biết máy chủ \(hub)", en: "hub \(hub) is not known to this centre")
    }
    static func hubKeyChanged(_ hub: String) -> Phrase {
        Phrase(
            vi: "máy chủ \(hub) đã được ghi với một khoá khác", en: "hub \(hub) is already known with another key")
    }
    static func receiptClaimsTooMuch(_ claimed: Int64, recorded: Int64) -> Phrase {
        Phrase(
            vi: "biên nhận báo đã nhận đến sự kiện \(claimed) nhưng trung tâm mới ghi \(recorded) sự kiện",
            en: "the receipt claims events up to \(claimed) but this centre has recorded only \(recorded)")
    }
    static let identityVanished = Phrase(
        vi: "mất thông tin định danh của trung tâm; hãy chạy lại center init",
        en: "the centre identity vanished; run center init again")

    // The database itself
    static let database = Phrase(vi: "cơ sở dữ liệu trung tâm", en: "the centre database")
    static func noDatabase(_ path: String) -> Phrase {
        Phrase(
            vi:
                "không có cơ sở dữ liệu trung tâm ở '\(path)'; hãy kiểm tra đường dẫn, hoặc tạo mới bằng `hocso center init`",
            en: "there is no centre database at '\(path)'; check the path, or make one with `hocso center init`")
    }
    static func notACentreDatabase(_ path: String) -> Phrase {
        Phrase(
            vi: "'\(path)' không phải cơ sở dữ liệu trung tâm của HocSo; không thay đổi gì",
            en: "'\(path)' is not a HocSo centre database; nothing was changed")
    }
    static let newerDatabase = Phrase(
        vi: "cơ sở dữ liệu này do một phiên bản HocSo mới hơn tạo ra; hãy cập nhật HocSo",
        en: "this database was made by a newer HocSo; update HocSo")
    static let noNodeId = Phrase(
        vi: "cơ sở dữ liệu không có mã trung tâm hợp lệ", en: "the database has no valid node id")
    static let migrationsIncomplete = Phrase(
        vi: "không nâng cấp được cơ sở dữ liệu; hãy thử lại", en: "the database could not be upgraded; try again")
    static let unknownKindStored = Phrase(
        vi: "nhật ký có một sự kiện không rõ loại; hãy chạy center doctor",
        en: "the log holds an event of an unknown kind; run center doctor")
    static let storedAnswerUnreadable = Phrase(
        vi: "một câu trả lời đã lưu không đọc được; hãy chạy center doctor",
        en: "a stored answer cannot be read; run center doctor")
    static func changedSchema(_ path: String, object: String) -> Phrase {
        Phrase(
            vi:
                "bảng '\(object)' trong '\(path)' đã bị sửa ngoài HocSo nên HocSo không dùng được; hãy dùng bản sao lưu (không thay đổi gì)",
            en:
                "'\(object)' in '\(path)' was changed outside HocSo, which cannot use it safely; restore a backup (nothing was changed)"
        )
    }
    static func cannotMakeFolder(_ path: String, _ error: any Error) -> Phrase {
        let reason = Phrase.of(error)
        return Phrase(
            vi: "không tạo được thư mục '\(path)' (\(reason.vi)); hãy chọn chỗ khác bằng --db",
            en: "the folder '\(path)' cannot be made (\(reason.en)); choose another place with --db")
    }
    static func cannotCreate(_ path: String, reason: Phrase) -> Phrase {
        Phrase(
            vi: "không tạo được cơ sở dữ liệu trung tâm ở '\(path)' (\(reason.vi))",
            en: "the centre database cannot be made at '\(path)' (\(reason.en))")
    }

    // The centre's key file
    static func keyFileMissing(_ path: String) -> Phrase {
        Phrase(
            vi:
                "không thấy khoá ký của trung tâm ở '\(path)' (khoá được giữ riêng, ngoài cơ sở dữ liệu); nếu trung tâm vừa chuyển sang máy mới, hãy mang khoá theo bằng `hocso center init --import-key TỆP`",
            en:
                "the centre's signing key is not at '\(path)' (it is kept apart from the database); if the centre moved to a new computer, bring its key with `hocso center init --import-key FILE`"
        )
    }
    static func keyFileUnreadable(_ path: String, _ reason: Phrase) -> Phrase {
        Phrase(
            vi: "không đọc được tệp khoá '\(path)' (\(reason.vi))",
            en: "the key file '\(path)' cannot be read (\(reason.en))")
    }
    static func keyFileUnwritable(_ path: String, _ reason: Phrase) -> Phrase {
        Phrase(
            vi: "không ghi được tệp khoá '\(path)' (\(reason.vi)); không thay đổi gì",
            en: "the key file '\(path)' cannot be written (\(reason.en)); nothing was changed")
    }
    static func keyFileOpenToOthers(_ path: String) -> Phrase {
        Phrase(
            vi: "tệp khoá '\(path)' để người khác đọc được; hãy chạy `chmod 600 \(path)` rồi thử lại",
            en: "the key file '\(path)' can be read by other users; run `chmod 600 \(path)` and try again")
    }
    static func notAKeyFile(_ path: String) -> Phrase {
        Phrase(
            vi: "'\(path)' không phải tệp khoá trung tâm của HocSo", en: "'\(path)' is not a HocSo centre key file")
    }
    static func keyFileExists(_ path: String) -> Phrase {
        Phrase(
            vi: "đã có tệp '\(path)'; HocSo không ghi đè, hãy chọn tên khác",
            en: "'\(path)' already exists; HocSo does not overwrite it, choose another name")
    }
    static func keyOfAnotherCentre(_ path: String, _ keyNode: String, _ node: String) -> Phrase {
        Phrase(
            vi:
                "khoá trong '\(path)' là của trung tâm \(keyNode), không phải của trung tâm này (\(node)); không thay đổi gì",
            en: "the key in '\(path)' belongs to centre \(keyNode), not to this centre (\(node)); nothing was changed")
    }
    static let importBeforeInit = Phrase(
        vi:
            "cơ sở dữ liệu này chưa có định danh trung tâm; hãy chép cơ sở dữ liệu của trung tâm cũ sang trước rồi mới nhập khoá",
        en: "this database has no centre identity; copy the old centre's database over first, then import its key")
    static let exportBeforeInit = Phrase(
        vi: "trung tâm chưa có khoá; hãy chạy `hocso center init` trước",
        en: "the centre has no key yet; run `hocso center init` first")

    // Groups
    static let badGroupName = Phrase(
        vi: "tên nhóm phải có 1–100 ký tự và có ít nhất một chữ cái hoặc chữ số",
        en: "a group name is 1–100 characters with at least one letter or digit")
    static let badFacilitator = Phrase(
        vi: "tên người phụ trách phải có 1–100 ký tự", en: "the facilitator's name is 1–100 characters")
    static let badSchedule = Phrase(
        vi: "lịch sinh hoạt dài tối đa 100 ký tự", en: "the schedule is at most 100 characters")
    static func groupExists(_ id: String) -> Phrase {
        Phrase(
            vi: "đã có nhóm mang mã '\(id)'; hãy đặt tên khác",
            en: "a group with the id '\(id)' exists; choose another name")
    }
    static func unknownGroup(_ reference: String) -> Phrase {
        Phrase(
            vi: "không có nhóm nào tên hoặc mã '\(reference)'; xem `hocso center group list`",
            en: "no group is named or has the id '\(reference)'; see `hocso center group list`")
    }
    static func unknownLearnerCode(_ code: String) -> Phrase {
        Phrase(vi: "không có người học nào mang mã '\(code)'", en: "no learner has the code '\(code)'")
    }
    static let badAssignmentTarget = Phrase(
        vi: "hãy ghi KHOÁ_HỌC hoặc KHOÁ_HỌC/BÀI bằng mã (chữ thường không dấu, chữ số, dấu gạch ngang)",
        en: "write COURSE or COURSE/LESSON as ids (lowercase letters, digits, hyphens)")
    static func badDueDay(_ text: String) -> Phrase {
        Phrase(
            vi: "hạn '\(text)' không phải một ngày dạng NĂM-THÁNG-NGÀY (ví dụ 2026-12-15)",
            en: "the due day '\(text)' is not a day written YEAR-MONTH-DAY (for example 2026-12-15)")
    }
    static let certificatesNeedKey = Phrase(
        vi: "trung tâm chưa có khoá nên chưa cấp được chứng nhận; hãy chạy `hocso center init` trước",
        en: "the centre has no key yet, so it cannot issue certificates; run `hocso center init` first")
}
