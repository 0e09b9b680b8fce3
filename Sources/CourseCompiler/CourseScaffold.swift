import CourseModel
import Foundation

/// `hocso course new`: a new course folder with `course.yaml` and one sample lesson that passes the check.
public enum CourseScaffold {
    /// Creates the course at `folder` (which must not exist or be empty); returns the files written.
    /// The sample lesson's fact is marked as checked on `today`, so a new course passes the check.
    public static func create(
        at folder: URL, id: String? = nil, title: String? = nil, language: String = "vi", today: FactDate = .today()
    ) throws -> [URL] {
        let folderName = VietnameseText.nfc(folder.absoluteURL.standardizedFileURL.lastPathComponent)
        let id = id ?? folderName
        guard Identifier.isValid(id) else {
            let slug = Identifier.slug(id)
            throw CourseCompilerError(
                .invalidID, CompilerText.scaffoldInvalidID(id, slug.isEmpty ? "ten-khoa-hoc" : slug))
        }
        guard id == folderName else {
            throw CourseCompilerError(.invalidID, CompilerText.scaffoldIDNotFolder(id, folderName))
        }
        guard language == "vi" || language == "en" else {
            throw CourseCompilerError(.invalidLanguage, CompilerText.scaffoldLanguage(language))
        }
        let manager = FileManager.default
        if let contents = try? manager.contentsOfDirectory(atPath: folder.path), !contents.isEmpty {
            throw CourseCompilerError(.folderNotEmpty, CompilerText.scaffoldFolderNotEmpty(folder.relativePath))
        }
        let template = language == "vi" ? Template.vietnamese : Template.english
        let courseTitle = title.map(VietnameseText.nfc) ?? template.defaultTitle
        let files: [(String, String)] = [
            ("course.yaml", template.courseYAML(id: id, title: courseTitle)),
            (template.lessonFile, template.lesson.replacingOccurrences(of: "%CHECKED%", with: "\(today)")),
        ]
        var written: [URL] = []
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in files {
                let url = folder.appendingPathComponent(name)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
                written.append(url)
            }
        } catch {
            throw CourseCompilerError(
                .cannotWrite, CompilerText.scaffoldCannotWrite(folder.relativePath, error.localizedDescription))
        }
        return written
    }

    /// Quotes `text` as a YAML double-quoted scalar.
    static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\x%02X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
