import Foundation
import Localization
import MarkdownSyntax

/// Pictures: `![alt](images/x.png)` relative to the lesson, a file inside the course folder.
extension LessonCompiler {
    /// The picture's path relative to the course folder, or `nil` after reporting why it cannot be used.
    mutating func resolveImage(_ url: String, at position: SourcePosition) -> String? {
        let hint = CompilerText.imageHint
        guard !url.isEmpty else {
            reporter.error(CompilerText.imageNoPath, at: position, hint: hint)
            return nil
        }
        let lowered = url.lowercased()
        if lowered.contains("://") || lowered.hasPrefix("data:") || lowered.hasPrefix("mailto:")
            || lowered.hasPrefix("//")
        {
            reporter.error(CompilerText.imageIsWebAddress(url), at: position, hint: hint)
            return nil
        }
        if url.hasPrefix("/") || url.hasPrefix("~") || url.contains("\\") || (url.count > 1 && Array(url)[1] == ":") {
            reporter.error(CompilerText.imageAbsolute(url), at: position, hint: hint)
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
                    reporter.error(CompilerText.imageLeaves(url), at: position, hint: hint)
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
                CompilerText.imageBroken(url, relative), at: position, hint: nearbyImageHint(relative) ?? hint)
            return nil
        }
        let realFolder = courseFolder.resolvingSymlinksInPath().path
        guard file.resolvingSymlinksInPath().path.hasPrefix(realFolder + "/") else {
            reporter.error(CompilerText.imageLinksOutside(url), at: position, hint: hint)
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

    private func nearbyImageHint(_ relative: String) -> Phrase? {
        let missing = courseFolder.appendingPathComponent(relative)
        let folder = missing.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path),
            let guess = Spelling.nearest(to: missing.lastPathComponent, in: names.sorted())
        else { return nil }
        let prefix = (relative as NSString).deletingLastPathComponent
        return CompilerText.imageNearby(prefix.isEmpty ? guess : prefix + "/" + guess)
    }
}
