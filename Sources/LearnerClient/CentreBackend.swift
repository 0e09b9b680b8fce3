import Certificates
import CourseModel
import Foundation
import LearnerEvents
import LessonSearch
import Packs
import ProgressStore
import QuizEngine

/// The live backend: the centre database (`CentreStore`) and the installed packs (`ContentStore`).
public final class CentreBackend: LearnerBackend {
    /// The centre database.
    public let store: CentreStore
    /// The installed content.
    public let content: ContentStore
    private var loaded: [String: Course] = [:]
    /// Listings already read, by the version folder they were read from: the course list is
    /// drawn again and again, and fifty manifests must not be decoded each time.
    private var listingsByFolder: [String: CourseListing] = [:]
    /// The search index, opened (and brought up to date) at the first search.
    private var searchIndex: SearchIndex?

    /// Makes the backend.
    public init(store: CentreStore, content: ContentStore) {
        self.store = store
        self.content = content
    }

    /// See `LearnerBackend`.
    public func learner(code: String) throws -> LearnerAccount? {
        guard let learner = try store.learner(code: code) else { return nil }
        return LearnerAccount(
            code: learner.code, displayName: learner.displayName, hasPIN: learner.hasPIN,
            key: learner.globalKey(node: store.nodeId))
    }

    /// See `LearnerBackend`.
    public func attemptPIN(_ pin: String, code: String) throws -> PINOutcome {
        try store.attemptPIN(code: code, pin: pin)
    }

    /// See `LearnerBackend`.
    public func operatorCodeIsSet() throws -> Bool { try store.clientSettings().hasOperatorCode }

    /// See `LearnerBackend`.
    public func verifyOperatorCode(_ code: String) throws -> Bool { try store.verifyOperatorCode(code) }

    /// See `LearnerBackend`.
    public func installedCourses() throws -> [CourseListing] {
        var current: [String: CourseListing] = [:]
        let listings = content.installedFolders().compactMap { course -> CourseListing? in
            let listing = listingsByFolder[course.folder] ?? content.installedCourse(id: course.id).map(listing(of:))
            current[course.folder] = listing
            return listing
        }
        listingsByFolder = current
        return listings
    }

    /// What the course list shows of an installed course.
    private func listing(of installed: InstalledCourse) -> CourseListing {
        let info = installed.manifest.course
        return CourseListing(
            id: info.id, version: info.version, title: info.title, titleEnglish: info.titleEnglish,
            language: info.language, lessonCount: installed.manifest.lessons.count,
            isSelfCheck: isSelfCheck(installed))
    }

    /// Whether an installed course is a self-check, without reading all of it.
    ///
    /// The manifest does not say, and fifty courses must not be decoded to draw the course list:
    /// `course.json` is written with sorted keys, so a self-check's `selfCheck` key comes after
    /// the lessons, in the file's last few kilobytes. Only a course whose tail names it is read
    /// whole to be sure.
    private func isSelfCheck(_ installed: InstalledCourse) -> Bool {
        let url = installed.directory.appendingPathComponent(PackFormat.coursePath)
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        let tail: UInt64 = 64 * 1024
        try? handle.seek(toOffset: size > tail ? size - tail : 0)
        guard let data = try? handle.readToEnd(), data.range(of: Data("\"selfCheck\":{".utf8)) != nil else {
            return false
        }
        return (try? loadCourse(id: installed.id))?.isSelfCheck ?? false
    }

    /// See `LearnerBackend`.
    public func loadCourse(id: String) throws -> Course {
        if let course = loaded[id] { return course }
        let course = try content.loadCourse(id: id)
        // Self-checks and the course last opened stay in memory; the rest are read again when
        // opened, so fifty installed courses do not sit in a terminal's memory all day.
        if !course.isSelfCheck { loaded = loaded.filter { $0.value.isSelfCheck } }
        loaded[id] = course
        return course
    }

    /// See `LearnerBackend`.
    public func searchLessons(_ queries: [String]) throws -> [SearchHit] {
        if searchIndex == nil { searchIndex = try content.searchIndex() }
        return try searchIndex?.search(queries) ?? []
    }

    /// See `LearnerBackend`.
    public func lessonsDone(learner: String) throws -> [String: Int] {
        var done: [String: Int] = [:]
        for course in try store.courseProgress(learner: learner) { done[course.courseId] = course.lessonsCompleted }
        return done
    }

    /// See `LearnerBackend`.
    public func progress(learner: String, course: Course) throws -> CourseProgress {
        var progress = CourseProgress()
        for lesson in try store.lessonProgress(learner: learner, course: course.id) {
            progress.lessons[lesson.lessonId] = lesson.status == .completed ? .done : .inProgress
            if let best = lesson.bestShare { progress.bestScores[lesson.lessonId] = best }
            if let attempt = lesson.currentAttempt { progress.attempts[lesson.lessonId] = attempt }
        }
        return progress
    }

    /// See `LearnerBackend`.
    public func resumePoint(learner: String) throws -> ResumePoint? {
        guard let point = try store.resumePoint(learner: learner), point.phase != .finished,
            let course = try? loadCourse(id: point.courseId), let lesson = course.lesson(id: point.lessonId)
        else { return nil }
        let here = { (position: ResumePoint.Position) in
            ResumePoint(courseID: point.courseId, lessonID: point.lessonId, position: position)
        }
        if point.phase == .quiz,
            let current = try store.currentAttempt(learner: learner, course: course.id, lesson: lesson.id)
        {
            // A finished attempt (failed) leaves nothing to resume: the learner chooses what next.
            return current.finished ? nil : here(.quiz(attempt: current.attempt, answered: current.answers))
        }
        // `step.read` is recorded when the learner moves past a step: carry on with the next one.
        let next = point.stepId.flatMap { id in lesson.steps.firstIndex { $0.id == id } }.map { $0 + 1 } ?? 0
        if next < lesson.steps.count { return here(.step(next)) }
        let attempts = try progress(learner: learner, course: course).attempts[lesson.id] ?? 0
        return lesson.quiz == nil ? nil : here(.quizStart(attempt: attempts + 1))
    }

    /// See `LearnerBackend`.
    public func finishedAnswers(learner: String, course: Course, lesson: String) throws -> [RecordedAnswer] {
        guard
            let progress = try store.lessonProgress(learner: learner, course: course.id).first(where: {
                $0.lessonId == lesson
            }), let attempt = progress.lastFinishedAttempt
        else { return [] }
        return try store.answers(learner: learner, course: course.id, lesson: lesson, attempt: attempt)
    }

    /// See `LearnerBackend`.
    public func record(_ occurrences: [Occurrence]) throws {
        guard !occurrences.isEmpty else { return }
        // A completion is certified in its own transaction: the course's achievement goes along.
        let completed = Set(occurrences.filter { $0.kind == .courseCompleted }.compactMap(\.courseId))
        let achievements = completed.compactMap { id in
            (try? loadCourse(id: id)).flatMap { $0.isSelfCheck ? nil : CourseAchievement(course: $0) }
        }
        _ = try store.record(occurrences, certifying: achievements)
    }

    /// See `LearnerBackend`.
    public func certificateNotice(learner: String, course: Course) throws -> CertificateNotice? {
        guard
            let held = try store.certificates(learner: learner).last(where: {
                $0.courseId == course.id && $0.courseVersion == course.version
            }), let centre = try store.syncIdentity()
        else { return nil }
        return CertificateNotice(centreName: centre.name, issuedAt: held.issuedAt)
    }

    /// See `LearnerBackend`.
    public func assignments(learner: String) throws -> [GroupAssignment] { try store.assignments(learner: learner) }

    /// See `LearnerBackend`: `session.started` or `session.ended` in the centre's log.
    public func noteSession(learner: String, started: Bool, at: Int64) throws {
        _ = try store.record(
            started ? .sessionStarted(learner: learner, at: at) : .sessionEnded(learner: learner, at: at))
    }
}
