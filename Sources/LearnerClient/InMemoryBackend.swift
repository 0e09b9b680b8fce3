import CourseModel
import LearnerEvents
import QuizEngine

/// A backend kept in memory: for tests, and for trying the client with no database.
///
/// Progress and resume points are derived from the recorded events alone, the way the centre
/// database derives them, so a test that "quits and comes back" exercises real resumption.
public final class InMemoryBackend: LearnerBackend {
    /// Every occurrence recorded, in order.
    public private(set) var events: [Occurrence] = []
    private var courses: [Course]
    private var accounts: [String: (account: LearnerAccount, pin: String?)] = [:]
    /// When set, `record` throws it (to test that a failed write never shows feedback).
    public var failNextRecord: (any Error)?

    /// Makes a backend with these courses and the demo learner `DEMO` (no PIN).
    public init(courses: [Course]) {
        self.courses = courses
        addLearner(code: "DEMO", name: "Học viên thử", pin: nil)
    }

    /// Adds a learner.
    public func addLearner(code: String, name: String, pin: String?) {
        let code = code.uppercased()
        accounts[code] = (LearnerAccount(code: code, displayName: name, hasPIN: pin != nil, key: "n-test/\(code)"), pin)
    }

    /// See `LearnerBackend`.
    public func learner(code: String) throws -> LearnerAccount? { accounts[code.uppercased()]?.account }

    /// See `LearnerBackend`.
    public func verifyPIN(_ pin: String, code: String) throws -> Bool {
        guard let entry = accounts[code.uppercased()] else { return false }
        return entry.pin == nil || entry.pin == pin
    }

    /// See `LearnerBackend`.
    public func installedCourses() throws -> [CourseListing] { courses.map(CourseListing.init) }

    /// See `LearnerBackend`.
    public func loadCourse(id: String) throws -> Course {
        guard let course = courses.first(where: { $0.id == id }) else { throw InMemoryBackendError.unknownCourse(id) }
        return course
    }

    /// See `LearnerBackend`.
    public func lessonsDone(learner: String) throws -> [String: Int] {
        var done: [String: Set<String>] = [:]
        for e in events where e.learner == learner && e.kind == .lessonCompleted {
            done[e.courseId ?? "", default: []].insert(e.lessonId ?? "")
        }
        return done.mapValues(\.count)
    }

    /// See `LearnerBackend`.
    public func progress(learner: String, course: Course) throws -> CourseProgress {
        var progress = CourseProgress()
        for e in events where e.learner == learner && e.courseId == course.id {
            guard let lesson = e.lessonId else { continue }
            switch e.kind {
            case .lessonCompleted: progress.lessons[lesson] = .done
            case .quizFinished:
                if let outcome = e.quizOutcome, !outcome.isPractice {
                    progress.bestScores[lesson] = max(progress.bestScores[lesson] ?? 0, outcome.share)
                }
            case .quizStarted:
                progress.attempts[lesson] = max(progress.attempts[lesson] ?? 0, e.attempt ?? 1)
            default: break
            }
            if progress.lessons[lesson] == nil { progress.lessons[lesson] = .inProgress }
        }
        return progress
    }

    /// See `LearnerBackend`.
    public func resumePoint(learner: String) throws -> ResumePoint? {
        guard let last = events.last(where: { $0.learner == learner && $0.lessonId != nil }),
            let lessonID = last.lessonId, last.kind != .lessonCompleted, last.kind != .quizFinished,
            let course = courses.first(where: { $0.id == last.courseId }), let lesson = course.lesson(id: lessonID)
        else { return nil }
        let mine = events.filter { $0.learner == learner && $0.courseId == course.id && $0.lessonId == lessonID }
        if let started = mine.last(where: { $0.kind == .quizStarted }), let attempt = started.attempt,
            !mine.contains(where: { $0.kind == .quizFinished && $0.attempt == attempt })
        {
            let answered = mine.filter { $0.kind == .answerSubmitted && $0.attempt == attempt && !$0.isPractice }
                .compactMap(\.answer)
            return ResumePoint(
                courseID: course.id, lessonID: lessonID, position: .quiz(attempt: attempt, answered: answered))
        }
        let read = Set(mine.filter { $0.kind == .stepRead }.compactMap(\.itemId))
        if let next = lesson.steps.firstIndex(where: { !read.contains($0.id) }) {
            return ResumePoint(courseID: course.id, lessonID: lessonID, position: .step(next))
        }
        let attempts = mine.compactMap { $0.kind == .quizStarted ? $0.attempt : nil }.max() ?? 0
        return lesson.quiz == nil
            ? nil : ResumePoint(courseID: course.id, lessonID: lessonID, position: .quizStart(attempt: attempts + 1))
    }

    /// See `LearnerBackend`.
    public func record(_ occurrences: [Occurrence]) throws {
        if let error = failNextRecord {
            failNextRecord = nil
            throw error
        }
        events += occurrences
    }
}

/// What the in-memory backend can fail with.
public enum InMemoryBackendError: Error, Equatable {
    /// No course with this id is installed.
    case unknownCourse(String)
}
