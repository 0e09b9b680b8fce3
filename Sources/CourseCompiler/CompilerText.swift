import Localization
import MarkdownSyntax

/// Every message the compiler says to an author, in Vietnamese and English: course.yaml, files
/// and YAML here; lessons, questions and facts in the extensions beside this file.
///
/// Authors are Vietnamese trainers, so the Vietnamese text is the one that must read well; the
/// English text is byte for byte what `hocso course check` printed before it spoke Vietnamese.
enum CompilerText {
    /// A phrase from its two texts.
    static func p(_ vi: String, _ en: String) -> Phrase { Phrase(vi: vi, en: en) }

    /// `did you mean 'x'?`
    static func didYouMean(_ guess: String) -> Phrase {
        p("có phải ý bạn là '\(guess)'?", "did you mean '\(guess)'?")
    }

    /// `use one of: a, b, c`
    static func useOneOf(_ names: [String]) -> Phrase {
        let list = names.joined(separator: ", ")
        return p("dùng một trong: \(list)", "use one of: \(list)")
    }

    /// A place in another file: `first used in 01-a.md:3:5`.
    static func location(_ file: String, _ position: SourcePosition) -> String {
        "\(file):\(position.line):\(position.column)"
    }

    // MARK: - Files

    static func cannotRead(_ name: String) -> Phrase {
        p("không đọc được tệp '\(name)'", "cannot read '\(name)'")
    }
    static let cannotReadHint = p(
        "kiểm tra tệp có tồn tại và đọc được không", "check that the file exists and is readable")
    static func notUTF8(_ byte: String) -> Phrase {
        p("tệp không phải UTF-8 hợp lệ (byte 0x\(byte))", "file is not valid UTF-8 (byte 0x\(byte))")
    }
    static let notUTF8Hint = p("lưu tệp dạng UTF-8 trong trình soạn thảo", "save the file as UTF-8 in your editor")
    static let missingManifest = p("thiếu tệp course.yaml", "missing course.yaml")
    static let missingManifestHint = p(
        "mỗi thư mục khoá học cần một tệp course.yaml; lệnh 'hocso course new' tạo sẵn",
        "every course folder needs a course.yaml; 'hocso course new' makes one")
    static func missingLessonFile(_ name: String) -> Phrase {
        p("không có tệp bài học '\(name)'", "lesson file '\(name)' does not exist")
    }
    static let missingLessonFileHint = p(
        "tạo tệp này hoặc bỏ nó khỏi 'lessons'", "create the file or remove it from 'lessons'")
    static func unlistedLesson(_ name: String) -> Phrase {
        p("tệp bài học '\(name)' chưa có trong course.yaml", "lesson file '\(name)' is not listed in course.yaml")
    }
    static let unlistedLessonHint = p(
        "thêm tệp vào mục 'lessons:' của course.yaml, hoặc chuyển nó ra khỏi thư mục khoá học",
        "add it under 'lessons:' in course.yaml, or move it out of the course folder")
    static func duplicateLessonID(_ id: String) -> Phrase {
        p("id bài '\(id)' bị trùng", "duplicate lesson id '\(id)'")
    }
    static func duplicateLessonIDHint(_ first: String) -> Phrase {
        p(
            "đã dùng lần đầu ở \(first); mỗi bài cần một id riêng",
            "first used in \(first); every lesson needs its own id")
    }
    static func duplicateQuestionID(_ id: String) -> Phrase {
        p("id câu hỏi '\(id)' bị trùng", "duplicate question id '\(id)'")
    }
    static func duplicateQuestionIDHint(_ first: String) -> Phrase {
        p(
            "đã dùng lần đầu ở \(first); id câu hỏi không được trùng trong cả khoá học",
            "first used in \(first); question ids are unique in the course")
    }
    static let twoFinals = p("có hai bài ghi 'final: true'", "two lessons are marked 'final: true'")
    static func twoFinalsHint(_ file: String, _ line: Int) -> Phrase {
        p(
            "bài đầu tiên là \(file):\(line); mỗi khoá học có tối đa một bài kiểm tra cuối khoá",
            "the first is \(file):\(line); a course has at most one final quiz")
    }

    // MARK: - YAML

    /// What a YAML block is, for messages about it.
    static let manifestName = p("course.yaml", "course.yaml")
    static let frontMatterName = p("phần đầu bài (front matter)", "front matter")

    static func yamlSyntax(_ what: Phrase, _ problem: String) -> Phrase {
        p("lỗi cú pháp YAML trong \(what.vi): \(problem)", "YAML syntax error in \(what.en): \(problem)")
    }
    static func yamlSyntax(_ what: Phrase) -> Phrase {
        p("lỗi cú pháp YAML trong \(what.vi)", "YAML syntax error in \(what.en)")
    }
    static let yamlSyntaxHint = p(
        "kiểm tra thụt đầu dòng, dấu hai chấm và dấu ngoặc kép ở dòng này",
        "check indentation, colons and quotes on this line")
    static func notAMapping(_ what: Phrase) -> Phrase {
        p("\(what.vi) phải là các dòng 'khoá: giá trị'", "\(what.en) must be a list of 'key: value' lines")
    }
    static func unknownKey(_ key: String, _ what: Phrase) -> Phrase {
        p("khoá lạ '\(key)' trong \(what.vi)", "unknown key '\(key)' in \(what.en)")
    }
    static func knownKeys(_ keys: [String]) -> Phrase {
        let list = keys.joined(separator: ", ")
        return p("các khoá hợp lệ: \(list)", "known keys: \(list)")
    }
    static func missingKey(_ key: String, _ what: Phrase) -> Phrase {
        p("thiếu khoá bắt buộc '\(key)' trong \(what.vi)", "missing required key '\(key)' in \(what.en)")
    }
    static func missingKeyHint(_ key: String) -> Phrase { p("thêm dòng '\(key): …'", "add a line '\(key): …'") }
    static func mustBeText(_ key: String) -> Phrase { p("'\(key)' phải là chữ", "'\(key)' must be text") }
    static func entryMustBeText(_ key: String) -> Phrase {
        p("mỗi mục của '\(key)' phải là chữ", "each entry of '\(key)' must be text")
    }
    static func mustBeList(_ key: String) -> Phrase { p("'\(key)' phải là một danh sách", "'\(key)' must be a list") }
    static let mustBeListHint = p("mỗi dòng viết một mục '- …'", "write one '- entry' per line")
    static func mustBeNumber(_ key: String, _ text: String) -> Phrase {
        p("'\(key)' phải là một số, không phải '\(text)'", "'\(key)' must be a number, not '\(text)'")
    }
    static func mustBeBool(_ key: String, _ text: String) -> Phrase {
        p("'\(key)' phải là true hoặc false, không phải '\(text)'", "'\(key)' must be true or false, not '\(text)'")
    }
    static func mustBePositive(_ key: String, _ text: String) -> Phrase {
        p(
            "'\(key)' phải là số nguyên dương, không phải '\(text)'",
            "'\(key)' must be a positive whole number, not '\(text)'")
    }
    static func passOutOfRange(_ text: String) -> Phrase {
        p("điểm đạt \(text) nằm ngoài khoảng 0–1", "pass mark \(text) is outside 0–1")
    }
    static func passAsShare(_ share: String) -> Phrase {
        p("viết tỉ lệ, ví dụ 'pass: \(share)'", "write a share, e.g. 'pass: \(share)'")
    }
    static let passBetween = p(
        "viết tỉ lệ từ 0 đến 1, ví dụ 'pass: 0.8'", "write a share between 0 and 1, e.g. 'pass: 0.8'")
    static func empty(_ key: String) -> Phrase { p("'\(key)' đang để trống", "'\(key)' is empty") }

    // MARK: - course.yaml

    static func invalidCourseID(_ id: String) -> Phrase {
        p("id khoá học '\(id)' không hợp lệ", "invalid course id '\(id)'")
    }
    static func courseIDHint(_ example: String) -> Phrase {
        p(
            "id là các từ chữ thường không dấu nối bằng '-', ví dụ '\(example)'",
            "ids are lower-case ASCII words joined by '-', e.g. '\(example)'")
    }
    static func idDiffersFromFolder(_ id: String, _ folder: String) -> Phrase {
        p(
            "id khoá học '\(id)' khác tên thư mục '\(folder)'",
            "course id '\(id)' differs from its folder name '\(folder)'")
    }
    static func idDiffersFromFolderHint(_ folder: String) -> Phrase {
        p(
            "đổi tên thư mục hoặc viết 'id: \(folder)'; đừng bao giờ đổi id của khoá học đã phát hành",
            "rename the folder or write 'id: \(folder)'; never change the id of a published course")
    }
    static func unknownLanguage(_ lang: String) -> Phrase {
        p("ngôn ngữ lạ '\(lang)'", "unknown language '\(lang)'")
    }
    static let languageHint = p("viết 'lang: vi' hoặc 'lang: en'", "write 'lang: vi' or 'lang: en'")
    static func invalidTag(_ tag: String) -> Phrase { p("nhãn '\(tag)' không hợp lệ", "invalid tag '\(tag)'") }
    static let tagHint = p("nhãn viết dạng id, ví dụ 'an-toan-so'", "tags are slugs like 'an-toan-so'")
    static func unknownDigComp(_ area: String) -> Phrase {
        p("lĩnh vực DigComp lạ '\(area)'", "unknown DigComp area '\(area)'")
    }
    static let sourcesNotList = p(
        "'sources' phải là danh sách các mục '{title, url}'", "'sources' must be a list of '{title, url}' entries")
    static let sourceNeedsTitleAndURL = p(
        "mỗi nguồn cần có 'title' và 'url'", "each source needs a 'title' and a 'url'")
    static let sourceHint = p("- title: …\n    url: https://…", "- title: …\n    url: https://…")
    static func lessonPathLeaves(_ name: String) -> Phrase {
        p("đường dẫn bài '\(name)' ra ngoài thư mục khoá học", "lesson path '\(name)' leaves the course folder")
    }
    static let lessonPathHint = p(
        "chỉ liệt kê tệp trong thư mục khoá học, ví dụ '01-bai-mo-dau.md'",
        "list files inside the course folder, e.g. '01-bai-mo-dau.md'")
    static func lessonListedTwice(_ name: String) -> Phrase {
        p("bài '\(name)' được liệt kê hai lần", "lesson '\(name)' is listed twice")
    }
    static func lessonListedTwiceHint(_ line: Int) -> Phrase {
        p("đã liệt kê ở dòng \(line); xoá một dòng", "first listed at line \(line); remove one")
    }
    static let noLessons = p("'lessons' chưa liệt kê bài nào", "'lessons' lists no lesson")
    static let noLessonsHint = p(
        "liệt kê các tệp bài học theo thứ tự học", "list the lesson files in study order")

    // MARK: - hocso course new

    static func scaffoldInvalidID(_ id: String, _ example: String) -> Phrase {
        p(
            "id khoá học '\(id)' không hợp lệ; hãy dùng dạng như '\(example)'",
            "invalid course id '\(id)'; use a slug such as '\(example)'")
    }
    static func scaffoldIDNotFolder(_ id: String, _ folder: String) -> Phrase {
        p(
            "id khoá học '\(id)' phải trùng tên thư mục '\(folder)'",
            "course id '\(id)' must equal the folder name '\(folder)'")
    }
    static func scaffoldLanguage(_ language: String) -> Phrase {
        p("ngôn ngữ lạ '\(language)'; dùng 'vi' hoặc 'en'", "unknown language '\(language)'; use 'vi' or 'en'")
    }
    static func scaffoldFolderNotEmpty(_ folder: String) -> Phrase {
        p("thư mục '\(folder)' đã có và không trống", "folder '\(folder)' exists and is not empty")
    }
    static func scaffoldCannotWrite(_ folder: String, _ why: String) -> Phrase {
        p("không ghi được khoá học vào '\(folder)': \(why)", "cannot write the course in '\(folder)': \(why)")
    }
}
