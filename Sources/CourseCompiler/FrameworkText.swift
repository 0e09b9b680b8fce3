import CourseModel
import Localization

/// What `course check` says about competence codes (`tt02:`), in Vietnamese and English.
enum FrameworkText {
    /// A code that names no component competence of the circular.
    static func unknownCode(_ code: String) -> Phrase {
        Phrase(
            vi: "mã năng lực '\(code)' không có trong Thông tư 02/2025/TT-BGDĐT",
            en: "unknown competence code '\(code)' of Circular 02/2025/TT-BGDĐT")
    }

    /// The nearest valid code, with its name and its domain's codes.
    static func nearest(_ competence: Competence) -> Phrase {
        let domain = competence.domain
        let codes = domain.competences.map(\.code).joined(separator: ", ")
        return Phrase(
            vi: "có phải là '\(competence.code)' (\(competence.nameVietnamese))? "
                + "Miền \(domain.code) (\(domain.nameVietnamese)) gồm \(codes)",
            en: "did you mean '\(competence.code)' (\(competence.nameEnglish))? "
                + "domain \(domain.code) (\(domain.nameEnglish)) has \(codes)")
    }

    /// The same code given twice in one list.
    static func listedTwice(_ code: String) -> Phrase {
        Phrase(vi: "năng lực '\(code)' được ghi hai lần", en: "competence '\(code)' is listed twice")
    }

    /// How to fix a code given twice.
    static let removeOne = Phrase(vi: "xóa một lần ghi", en: "remove one of them")

    /// A lesson naming a competence its course does not.
    static func notInCourse(_ code: String) -> Phrase {
        Phrase(
            vi: "năng lực '\(code)' không có trong 'tt02' của course.yaml",
            en: "competence '\(code)' is not in the course's 'tt02' in course.yaml")
    }

    /// How to fix a lesson naming a competence its course does not.
    static func narrowOnly(_ code: String) -> Phrase {
        Phrase(
            vi:
                "'tt02' của bài học chỉ chọn bớt từ danh sách của khóa học: thêm '\(code)' vào course.yaml, hoặc bỏ ở đây",
            en: "a lesson's 'tt02' only narrows the course's list: add '\(code)' to course.yaml, or remove it here")
    }
}
