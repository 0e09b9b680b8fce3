import ArgumentParser
import CommandSupport
import Foundation
import Localization

/// `--lang vi|en` for the author's commands: the interface language, else `HOCSO_LANG`, else the
/// locale, else Vietnamese (`Language.resolve`).
struct InterfaceLanguage: ParsableArguments {
    @Option(
        name: .long,
        help: "Ngôn ngữ thông báo: vi hoặc en (mặc định theo HOCSO_LANG, rồi theo máy). Message language: vi or en.")
    var lang: String?

    func validate() throws {
        if let lang, !["vi", "en"].contains(lang.lowercased()) {
            throw ValidationError("--lang phải là vi hoặc en, không phải '\(lang)'. --lang must be vi or en.")
        }
    }

    /// The language to speak.
    var language: Language { Language.resolve(flag: lang, environment: ProcessInfo.processInfo.environment) }
}

/// Every message of `hocso course …` that is not a compiler diagnostic, in both languages.
enum CourseText {
    static func noLessons(_ course: String) -> Phrase {
        Phrase(vi: "khoá học '\(course)' không có bài nào", en: "course '\(course)' has no lessons")
    }
    static func noSuchLesson(_ name: String, _ course: String, _ known: String) -> Phrase {
        Phrase(
            vi: "khoá học '\(course)' không có bài '\(name)'; các bài là: \(known)",
            en: "no lesson '\(name)' in course '\(course)'; lessons are: \(known)")
    }
    static func notPacked(_ folder: String) -> Phrase {
        Phrase(
            vi: "hocso: lỗi: khoá học '\(folder)' có lỗi nên không được đóng gói",
            en: "hocso: error: course '\(folder)' has errors and was not packed")
    }
    static func badAge(_ text: String) -> String {
        "--older-than phải viết như '6m' hoặc '1y', không phải '\(text)'. --older-than takes '6m' or '1y', not '\(text)'."
    }
}
