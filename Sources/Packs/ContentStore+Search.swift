import CourseModel
import Foundation
import LessonSearch

/// The store's lesson-search index, `<root>/search.sqlite`: written at install, brought up to
/// date whenever it is opened, rebuilt whole by `hocso center doctor --repair`.
///
/// It holds nothing that is not in the installed courses, so any damage is repaired by
/// building it again; each course's stamp is its version folder's name, which changes with
/// every install (even of the same version).
extension ContentStore {
    /// Where the index lives.
    public var searchIndexURL: URL { root.appendingPathComponent("search.sqlite") }

    /// The installed courses' stamps by course id (the version folder each course link names).
    public func searchStamps() -> [String: String] {
        var stamps: [String: String] = [:]
        for course in (try? installedCourses()) ?? [] {
            if let target = Posix.readLink(link(for: course.id).path) {
                stamps[course.id] = (target as NSString).lastPathComponent
            }
        }
        return stamps
    }

    /// Whether anything was ever installed here (the store has its courses folder).
    public var hasCourseFolder: Bool { FileManager.default.fileExists(atPath: coursesDirectory.path) }

    /// The index, up to date with what is installed.
    ///
    /// A store this user may not write to (or a missing one) gets an index built in memory
    /// instead: search still works, only slower to open.
    public func searchIndex() throws -> SearchIndex {
        if hasCourseFolder {
            do {
                let index = try SearchIndex(url: searchIndexURL)
                try refresh(index)
                return index
            } catch {
                // Fall through to memory: the file could not be opened or written.
            }
        }
        let index = try SearchIndex()
        try refresh(index)
        return index
    }

    /// How many installed courses the index on disk lacks or holds an old version of, and how
    /// many it holds that are no longer installed; nothing is changed.
    public func searchIndexStaleness() throws -> (stale: Int, gone: Int) {
        let installed = searchStamps()
        guard FileManager.default.fileExists(atPath: searchIndexURL.path) else { return (installed.count, 0) }
        let indexed = try SearchIndex(url: searchIndexURL).stamps()
        return (
            installed.filter { indexed[$0.key] != $0.value }.count, indexed.keys.filter { installed[$0] == nil }.count
        )
    }

    /// Builds the index on disk again from the installed courses; returns how many courses it holds.
    @discardableResult
    public func rebuildSearchIndex() throws -> Int {
        for suffix in ["", "-wal", "-shm"] { unlink(searchIndexURL.path + suffix) }
        let index = try SearchIndex(url: searchIndexURL)
        try refresh(index)
        return try index.stamps().count
    }

    /// Indexes the courses installed since the index was written, drops the removed ones.
    func refresh(_ index: SearchIndex) throws {
        try index.update(installed: searchStamps()) { id in try searchDocuments(id: id) }
    }

    /// The steps of the installed course `id`, decoded as the client decodes the course.
    func searchDocuments(id: String) throws -> [StepDocument] {
        guard Identifier.isValid(id),
            let data = FileManager.default.contents(
                atPath: link(for: id).appendingPathComponent(PackFormat.coursePath).path)
        else {
            throw PackError(.notInstalled, id, StoreText.notInstalled(id, root.path))
        }
        do {
            let course = try CourseJSON.decode(data)
            return StepDocument.documents(
                courseID: course.id, courseTitle: course.title,
                lessons: course.lessons.map { ($0.id, $0.title, $0.steps) })
        } catch {
            throw PackError(.badCourse, id, StoreText.installedUnreadable(id))
        }
    }

    /// After an install: the index learns the new course from what install already decoded,
    /// not from reading it again. An index that cannot be written now does not undo the
    /// install; it is brought up to date the next time it is opened.
    func updateSearchIndexAfterInstall(_ course: Course) {
        guard let index = try? SearchIndex(url: searchIndexURL) else { return }
        _ = try? index.update(installed: searchStamps()) { id in
            guard id == course.id else { return try searchDocuments(id: id) }
            return StepDocument.documents(
                courseID: course.id, courseTitle: course.title,
                lessons: course.lessons.map { ($0.id, $0.title, $0.steps) })
        }
    }
}
