import Packs

/// Course and lesson titles, and each lesson's steps and questions, from the installed packs'
/// manifests: the board and sheet name places as learners see them. Empty when nothing is
/// installed (ids are shown instead).
public struct CourseNames: Sendable {
    private var courses: [String: PackManifest] = [:]

    /// No titles: ids are shown.
    public init() {}

    /// The titles of every course installed in `content` (an unreadable store gives none).
    public init(content: ContentStore) {
        for installed in (try? content.installedCourses()) ?? [] { courses[installed.id] = installed.manifest }
    }

    /// The course's title in `english` or not (falling back to its own), else its id.
    public func course(_ id: String, english: Bool) -> String {
        guard let info = courses[id]?.course else { return id }
        return english ? (info.titleEnglish ?? info.title) : info.title
    }

    /// `N. title` of a lesson, else its id.
    public func lesson(_ id: String, in course: String) -> String {
        guard let lessons = courses[course]?.lessons, let index = lessons.firstIndex(where: { $0.id == id }) else {
            return id
        }
        return "\(index + 1). \(lessons[index].title)"
    }

    /// How many steps and questions a lesson has (nil when unknown).
    func counts(lesson id: String, in course: String) -> (steps: [String], questions: [String])? {
        guard let lesson = courses[course]?.lessons.first(where: { $0.id == id }) else { return nil }
        return (lesson.steps, lesson.questions)
    }
}
