import Foundation
import MarkdownSyntax

/// Pictures: `![alt](images/x.png)` relative to the lesson, a file inside the course folder.
extension LessonCompiler {
    /// The picture's path relative to the course folder, or `nil` after reporting why it cannot be used.
    mutating func resolveImage(_ url: String, at position: SourcePosition) -> String? {
        let hint = "put the picture in the course's 'images' folder and write '![description](images/name.png)'"
        guard !url.isEmpty else {
            reporter.error("image has no path", at: position, hint: hint)
            return nil
        }
        let lowered = url.lowercased()
        if lowered.contains("://") || lowered.hasPrefix("data:") || lowered.hasPrefix("mailto:")
            || lowered.hasPrefix("//")
        {
            reporter.error("image '\(url)' is a web address; courses are used offline", at: position, hint: hint)
            return nil
        }
        if url.hasPrefix("/") || url.hasPrefix("~") || url.contains("\\") || (url.count > 1 && Array(url)[1] == ":") {
            reporter.error("image path '\(url)' is absolute", at: position, hint: hint)
            return nil
        }
        let decoded = url.removingPercentEncoding ?? url
        // Resolve against the lesson's folder inside the course, refusing any step above the course folder.
        var components = lessonFolderComponents
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !components.isEmpty else {
                    reporter.error("image path '\(url)' leaves the course folder", at: position, hint: hint)
                    return nil
                }
                components.removeLast()
            default: components.append(String(part))
            }
        }
        let relative = components.joined(separator: "/")
        let file = courseFolder.appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        guard !relative.isEmpty, FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory),
            !isDirectory.boolValue
        else {
            reporter.error(
                "broken image link '\(url)': no file '\(relative)' in the course", at: position,
                hint: nearbyImageHint(relative) ?? hint)
            return nil
        }
        let realFolder = courseFolder.resolvingSymlinksInPath().path
        guard file.resolvingSymlinksInPath().path.hasPrefix(realFolder + "/") else {
            reporter.error("image '\(url)' links outside the course folder", at: position, hint: hint)
            return nil
        }
        assets.insert(relative)
        return relative
    }

    /// The lesson file's folder as path components relative to the course folder (empty at top level).
    var lessonFolderComponents: [String] {
        let folder = courseFolder.standardizedFileURL.pathComponents
        let lesson = fileURL.standardizedFileURL.deletingLastPathComponent().pathComponents
        guard lesson.starts(with: folder) else { return [] }
        return Array(lesson.dropFirst(folder.count))
    }

    private func nearbyImageHint(_ relative: String) -> String? {
        let missing = courseFolder.appendingPathComponent(relative)
        let folder = missing.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path),
            let guess = Spelling.nearest(to: missing.lastPathComponent, in: names.sorted())
        else { return nil }
        let prefix = (relative as NSString).deletingLastPathComponent
        return "did you mean '\(prefix.isEmpty ? guess : prefix + "/" + guess)'? file names are case-sensitive"
    }
}
