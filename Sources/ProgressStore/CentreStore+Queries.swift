import CourseModel
import Foundation
import GRDB
import LearnerEvents

extension CentreStore {
    /// The learner's courses, most recent activity first.
    public func courseProgress(learner: String) throws -> [CourseProgress] {
        let code = learner.uppercased()
        return try storageErrors {
            try pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT c.*, coalesce((SELECT max(l.last_activity_at) FROM lesson_progress l
                                              WHERE l.learner = c.learner AND l.course_id = c.course_id), c.started_at)
                               AS last_activity_at
                        FROM course_progress c WHERE c.learner = ? ORDER BY last_activity_at DESC, c.course_id
                        """, arguments: [code]
                ).map { row in
                    CourseProgress(
                        courseId: row["course_id"], status: ProgressStatus(rawValue: row["status"]) ?? .started,
                        lessonsCompleted: row["lessons_completed"], quizzesPassed: row["quizzes_passed"],
                        finalBestShare: row["final_best_share"], finalPassed: row["final_passed"],
                        startedAt: row["started_at"],
                        completedAt: row["completed_at"], lastActivityAt: row["last_activity_at"])
                }
            }
        }
    }

    /// The learner's lessons in a course (those touched at all), by lesson id.
    public func lessonProgress(learner: String, course: String) throws -> [LessonProgress] {
        try storageErrors {
            try pool.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT * FROM lesson_progress WHERE learner = ? AND course_id = ? ORDER BY lesson_id",
                    arguments: [learner.uppercased(), course]
                ).map(Self.lessonProgress(from:))
            }
        }
    }

    /// Where the learner last was: the most recently touched lesson and the place in it.
    public func resumePoint(learner: String) throws -> ResumePoint? {
        try storageErrors {
            try pool.read { db in
                // The primary key starts with the learner, so this reads only their rows.
                guard
                    let row = try Row.fetchOne(
                        db, sql: "SELECT * FROM lesson_progress WHERE learner = ? ORDER BY last_seq DESC LIMIT 1",
                        arguments: [learner.uppercased()])
                else { return nil }
                let p = Self.lessonProgress(from: row)
                return ResumePoint(
                    courseId: p.courseId, lessonId: p.lessonId, phase: p.phase, stepId: p.lastStepId,
                    attempt: p.phase == .quiz ? p.currentAttempt : nil)
            }
        }
    }

    /// The recorded answers of one attempt, in the order given, first answer per question (practice
    /// left out): feed them to `QuizSession(…answered:)`.
    ///
    /// Read from the log, from the attempt's first event on (kept in `lesson_progress`), so the
    /// range is bounded by what happened at the centre since the attempt began.
    public func answers(learner: String, course: String, lesson: String, attempt: Int) throws -> [RecordedAnswer] {
        let code = learner.uppercased()
        return try storageErrors {
            try pool.read { db in
                let bounds = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT quiz_attempt, attempt_first_seq, last_finished_attempt, finished_attempt_first_seq
                        FROM lesson_progress WHERE learner = ? AND course_id = ? AND lesson_id = ?
                        """, arguments: [code, course, lesson])
                guard let bounds else { return [] }
                // The open or the last finished attempt start where recorded; any other attempt
                // (or one whose start is unknown) is found by reading the whole log.
                var from: Int64 = 1
                if bounds["quiz_attempt"] == attempt, let seq: Int64 = bounds["attempt_first_seq"] {
                    from = seq
                } else if bounds["last_finished_attempt"] == attempt,
                    let seq: Int64 = bounds["finished_attempt_first_seq"]
                {
                    from = seq
                }
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM events
                        WHERE node_id = ? AND seq >= ? AND kind = 'answer.submitted'
                          AND learner = ? AND course_id = ? AND lesson_id = ? AND attempt = ?
                        ORDER BY seq
                        """, arguments: [nodeId, from, code, course, lesson, attempt])
                var seen: Set<String> = []
                var answers: [RecordedAnswer] = []
                for event in rows.map(Self.event(from:)) {
                    guard let answer = event.answer else {
                        throw ProgressStoreError(.corrupt, ProgressStoreText.storedAnswerUnreadable)
                    }
                    guard !event.isPractice, seen.insert(answer.questionId).inserted else { continue }
                    answers.append(answer)
                }
                return answers
            }
        }
    }

    /// The open (latest) attempt of a lesson's quiz and its answers, nil when none was started.
    public func currentAttempt(learner: String, course: String, lesson: String) throws -> (
        attempt: Int, finished: Bool, answers: [RecordedAnswer]
    )? {
        guard
            let progress = try lessonProgress(learner: learner, course: course).first(where: { $0.lessonId == lesson }),
            let attempt = progress.currentAttempt
        else { return nil }
        return (
            attempt, progress.currentAttemptFinished,
            try answers(learner: learner, course: course, lesson: lesson, attempt: attempt)
        )
    }

    /// The wrong answers of the latest finished attempt: what to review.
    public func wrongAnswers(learner: String, course: String, lesson: String) throws -> [RecordedAnswer] {
        guard
            let progress = try lessonProgress(learner: learner, course: course).first(where: { $0.lessonId == lesson }),
            let attempt = progress.lastFinishedAttempt
        else { return [] }
        return try answers(learner: learner, course: course, lesson: lesson, attempt: attempt).filter { !$0.correct }
    }

    static func lessonProgress(from row: Row) -> LessonProgress {
        LessonProgress(
            courseId: row["course_id"], lessonId: row["lesson_id"],
            status: ProgressStatus(rawValue: row["status"]) ?? .started,
            phase: LessonPhase(rawValue: row["phase"]) ?? .reading, lastStepId: row["last_step_id"],
            currentAttempt: row["quiz_attempt"], currentAttemptFinished: row["quiz_attempt_finished"],
            lastFinishedAttempt: row["last_finished_attempt"], attemptsFinished: row["attempts_finished"],
            bestScore: row["best_score"], bestMaxScore: row["best_max_score"], bestShare: row["best_share"],
            passed: row["passed"], startedAt: row["started_at"], completedAt: row["completed_at"],
            lastActivityAt: row["last_activity_at"])
    }
}
