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
            vi: "không có cơ sở dữ liệu trung tâm ở '\(path)'; hãy kiểm tra đường dẫn",
            en: "there is no centre database at '\(path)'; check the path")
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
}
