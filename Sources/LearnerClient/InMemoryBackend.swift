import CourseModel
import LearnerEvents
import LessonSearch
import ProgressStore
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
    /// The clock wrong PINs are counted by (milliseconds since 1970).
    public var now: @Sendable () -> Int64 = { 0 }
    /// The operator's code for leaving a kiosk; nil when the key alone is enough.
    public var operatorCode: String?
    private var pinFailures: [String: (failures: Int, lockedUntil: Int64)] = [:]
    private var searchIndex: SearchIndex?

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

    /// See `LearnerBackend`: the centre database's rules (`PINLockPolicy`), kept in memory.
    public func attemptPIN(_ pin: String, code: String) throws -> PINOutcome {
        let code = code.uppercased()
        guard let entry = accounts[code] else { return .unknownLearner }
        let at = now()
        let state = pinFailures[code] ?? (0, 0)
        if state.lockedUntil > at { return .locked(until: state.lockedUntil) }
        if entry.pin == nil || entry.pin == pin {
            pinFailures[code] = nil
            return .accepted
        }
        let failures = state.failures + 1
        let delay = PINLockPolicy.delayMs(afterFailures: failures)
        pinFailures[code] = (failures, delay > 0 ? at + delay : 0)
        return .wrong(failures: failures, lockedUntil: delay > 0 ? at + delay : nil)
    }

    /// Forgets a learner's wrong PINs, as `hocso center learners reset-pin` does.
    public func resetPIN(code: String) { pinFailures[code.uppercased()] = nil }

    /// See `LearnerBackend`.
    public func operatorCodeIsSet() throws -> Bool { operatorCode != nil }

    /// See `LearnerBackend`.
    public func verifyOperatorCode(_ code: String) throws -> Bool { operatorCode == nil || operatorCode == code }

    /// See `LearnerBackend`.
    public func installedCourses() throws -> [CourseListing] { courses.map(CourseListing.init) }

    /// See `LearnerBackend`.
    public func loadCourse(id: String) throws -> Course {
        guard let course = courses.first(where: { $0.id == id }) else { throw InMemoryBackendError.unknownCourse(id) }
        return course
    }

    /// See `LearnerBackend`: an index in memory over these courses, built at the first search.
    public func searchLessons(_ queries: [String]) throws -> [SearchHit] {
        if searchIndex == nil {
            let index = try SearchIndex()
            for course in courses {
                try index.replace(
                    courseID: course.id, stamp: "\(course.version)", documents: StepDocument.documents(of: course))
            }
            searchIndex = index
        }
        return try searchIndex?.search(queries) ?? []
    }

    /// See `LearnerBackend`.
    public func lessonsDone(learner: String) throws -> [String: Int] {
        var done: [String: Set<String>] = [:]
        for e in events where e.learner == learner {
            guard let course = e.courseId else { continue }
            if done[course] == nil { done[course] = [] }
            if e.kind == .lessonCompleted { done[course, default: []].insert(e.lessonId ?? "") }
        }
        return done.mapValues(\.count)
    }

    /// See `LearnerBackend`.
    public func finishedAnswers(learner: String, course: Course, lesson: String) throws -> [RecordedAnswer] {
        let mine = events.filter { $0.learner == learner && $0.courseId == course.id && $0.lessonId == lesson }
        guard let finished = mine.last(where: { $0.kind == .quizFinished && !$0.isPractice }),
            let attempt = finished.attempt
        else { return [] }
        var seen: Set<String> = []
        return mine.filter { $0.kind == .answerSubmitted && $0.attempt == attempt && !$0.isPractice }.compactMap(
            \.answer
        )
        .filter { seen.insert($0.questionId).inserted }
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

    /// See `LearnerBackend`: a course completed here holds its certificate, as at a centre.
    public func certificateNotice(learner: String, course: Course) throws -> CertificateNotice? {
        events.last {
            $0.kind == .courseCompleted && $0.learner == learner && $0.courseId == course.id
                && $0.courseVersion == course.version
        }.map { CertificateNotice(centreName: "Trung tâm thử", issuedAt: $0.occurredAt) }
    }
}

/// What the in-memory backend can fail with.
public enum InMemoryBackendError: Error, Equatable {
    /// No course with this id is installed.
    case unknownCourse(String)
}
