import Localization

/// Every sentence the event model says, in Vietnamese and English.
enum EventText {
    static let notALearnerCode = Phrase(
        vi: "mã người học phải gồm 3–8 chữ cái in hoa hoặc chữ số",
        en: "a learner code is 3–8 capital letters or digits")
    static let idTooLong = Phrase(
        vi: "mã khoá học, bài hoặc mục dài quá \(Occurrence.maxIdLength) ký tự",
        en: "a course, lesson or item id is longer than \(Occurrence.maxIdLength) characters")
    static let attemptBelowOne = Phrase(
        vi: "số lần làm bài phải từ 1 trở lên", en: "the attempt number must be 1 or more")
    static let negativeVersion = Phrase(
        vi: "phiên bản khoá học không được âm", en: "the course version must not be negative")
    static let answerPayload = Phrase(
        vi: "câu trả lời phải có nội dung, kết quả đúng/sai và điểm trong khoảng 0…điểm tối đa",
        en: "an answer needs a response, whether it was right, and a score within 0…max")
    static let quizPayload = Phrase(
        vi: "kết quả bài kiểm tra phải có điểm, điểm tối đa, đạt/không đạt và quy tắc đạt",
        en: "a finished quiz needs a score, a maximum, passed and the mastery rule")
    static let payloadUnreadable = Phrase(
        vi: "nội dung sự kiện không đọc được", en: "the event's payload cannot be read")

    static let groupPayload = Phrase(
        vi: "sự kiện về nhóm phải có mã nhóm (chữ thường không dấu, chữ số, dấu gạch ngang)",
        en: "a group event needs a group id (lowercase letters, digits, hyphens)")

    static func groupEventHasNoLearner(_ kind: EventKind) -> Phrase {
        Phrase(
            vi: "sự kiện \(kind.rawValue) không thuộc về người học nào: mã người học phải là '\(Occurrence.noLearner)'",
            en: "a \(kind.rawValue) event is about no learner: its learner must be '\(Occurrence.noLearner)'")
    }

    static func missing(_ field: Occurrence.Field, for kind: EventKind) -> Phrase {
        let vi: String
        switch field {
        case .course: vi = "khoá học"
        case .lesson: vi = "bài học"
        case .item: vi = "mục (bước hoặc câu hỏi)"
        case .attempt: vi = "lần làm bài"
        }
        return Phrase(
            vi: "sự kiện \(kind.rawValue) thiếu \(vi)", en: "a \(kind.rawValue) event needs its \(field.rawValue)")
    }
}
