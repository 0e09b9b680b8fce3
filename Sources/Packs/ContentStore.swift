import CourseModel
import Foundation

/// A centre's installed courses: a folder of verified pack contents, one current version per course.
///
/// Layout (see docs/pack-format.md):
/// ```
/// <root>/courses/<id>          symlink → ../versions/<id>@<version>.<token>  (swapped atomically)
/// <root>/versions/<id>@<v>.<t>/ manifest.json, manifest.sig?, course.json, assets/…
/// <root>/staging/<token>/       an install in progress (removed on failure or by the next install)
/// <root>/.lock                  serialises installs and changes to the trust list
/// <root>/trust.json             the keys this centre trusts (see `TrustPolicy`)
/// <root>/search.sqlite          the lesson-search index (see `ContentStore+Search.swift`)
/// ```
/// The store holds only content: nothing keyed by learner or progress ids lives here.
public struct ContentStore: Sendable {
    /// The store's folder.
    public let root: URL

    /// Called between install steps; tests inject failures here to simulate an interrupted install.
    var faultInjection: (@Sendable (InstallStep) throws -> Void)?

    /// Opens (lazily: nothing is created until the first install) the store at `root`.
    public init(root: URL) {
        self.root = root
    }

    /// `$HOCSO_STORE`, else `$XDG_DATA_HOME/hocso/store`, else `~/.local/share/hocso/store`.
    public static var defaultRoot: URL {
        let environment = ProcessInfo.processInfo.environment
        if let store = environment["HOCSO_STORE"], !store.isEmpty { return URL(fileURLWithPath: store) }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return URL(fileURLWithPath: data).appendingPathComponent("hocso/store")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share/hocso/store")
    }

    var coursesDirectory: URL { root.appendingPathComponent("courses") }
    var versionsDirectory: URL { root.appendingPathComponent("versions") }
    var stagingDirectory: URL { root.appendingPathComponent("staging") }

    /// The stable link of an installed course (whatever its version).
    func link(for id: String) -> URL { coursesDirectory.appendingPathComponent(id) }

    /// Installed courses, sorted by id; reads only each course's manifest.
    public func installedCourses() throws -> [InstalledCourse] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: coursesDirectory.path)
        } catch {
            return []  // no store yet: nothing installed
        }
        return names.filter { !$0.hasPrefix(".") && Identifier.isValid($0) }.sorted().compactMap { installed(id: $0) }
    }

    /// Each installed course's id and the version folder its link points at, sorted by id. Reads
    /// no file: every install makes a new folder, so what was read from one stays true while the
    /// link points there.
    public func installedFolders() -> [(id: String, folder: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: coursesDirectory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && Identifier.isValid($0) }.sorted().compactMap { id in
            (try? FileManager.default.destinationOfSymbolicLink(atPath: link(for: id).path)).map { (id, $0) }
        }
    }

    /// The installed course with `id`, or `nil`.
    public func installedCourse(id: String) -> InstalledCourse? {
        guard Identifier.isValid(id) else { return nil }
        return installed(id: id)
    }

    private func installed(id: String) -> InstalledCourse? {
        let directory = link(for: id)
        guard
            let data = FileManager.default.contents(
                atPath: directory.appendingPathComponent(PackFormat.manifestPath).path),
            let manifest = try? PackJSON.decode(PackManifest.self, from: data)
        else { return nil }
        let signer = FileManager.default.contents(
            atPath: directory.appendingPathComponent(PackFormat.signaturePath).path
        )
        .flatMap { try? PackJSON.decode(PackSignature.self, from: $0) }?.publicKey
        return InstalledCourse(manifest: manifest, directory: directory, signer: signer)
    }

    /// The compiled course installed under `id`.
    public func loadCourse(id: String) throws -> Course {
        guard Identifier.isValid(id),
            let data = FileManager.default.contents(
                atPath: link(for: id).appendingPathComponent(PackFormat.coursePath).path)
        else {
            throw PackError(.notInstalled, id, StoreText.notInstalled(id, root.path))
        }
        do {
            return try CourseJSON.decode(data)
        } catch {
            throw PackError(.badCourse, id, StoreText.installedUnreadable(id))
        }
    }

    /// Where the asset at `path` (relative to the course folder, as in `Course.assets`) is, if installed.
    public func assetURL(courseId: String, path: String) -> URL? {
        guard Identifier.isValid(courseId), PackPath.problem(path) == nil else { return nil }
        let url = link(for: courseId).appendingPathComponent(PackFormat.assetsPrefix + path)
        var info = stat()
        guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return url
    }
}

/// The steps of an install, named so a test can interrupt between them.
enum InstallStep: Sendable, Equatable {
    /// Every entry is verified and written to staging.
    case staged
    /// The staged folder has been renamed into `versions/`, not yet linked.
    case placed
    /// The course link now points at the new version; the old one is not yet removed.
    case swapped
}
