import Foundation
import GRDB
import LearnerEvents

/// Progress derived from the event log: applied event by event as they are recorded, and
/// recomputed from `events` alone by `rebuild`. Both paths run the same `apply`, in seq order,
/// so a rebuild equals the live tables unless something went wrong (which `doctor` detects).
///
/// An answer changes no derived row unless it opens a new attempt: its commit writes the event
/// alone, like the benchmark's plain-SQLite baseline.
enum DerivedProgress {
    /// Applies one event, inside the caller's write transaction.
    static func apply(_ e: Event, _ db: Database) throws {
        if e.kind.isAboutGroup { return try DerivedGroups.apply(e, db) }
        guard let course = e.courseId else { return }  // learner events derive nothing here
        if e.kind != .answerSubmitted { try ensureCourse(e, course, db) }
        if e.kind == .courseCompleted {
            try db.cachedStatement(
                sql: """
                    UPDATE course_progress SET status = 'completed',
                        completed_at = CASE WHEN completed_at IS NULL OR ?1 < completed_at THEN ?1 ELSE completed_at END
                    WHERE learner = ?2 AND course_id = ?3
                    """
            ).execute(arguments: [e.occurredAt, e.learner, course])
            return
        }
        guard let lesson = e.lessonId else { return }
        let key: StatementArguments = [e.learner, course, lesson]
        if e.kind == .answerSubmitted {
            guard !e.isPractice else { return }
            let state = try Row.fetchOne(db.cachedStatement(sql: quizStateSQL), arguments: key).map { row in
                QuizState(attempt: row[0], finished: row[1], inQuiz: (row[2] as String) == "quiz")
            }
            try applyAnswer(e, course: course, lesson: lesson, state: state, db)
            return
        }
        try ensureLesson(e, course, lesson, touching: true, db)
        switch e.kind {
        case .lessonOpened:
            try update(lesson: "phase = 'reading'", [], key, db)
        case .stepRead:
            try update(lesson: "phase = 'reading', last_step_id = ?", [e.itemId], key, db)
        case .quizStarted:
            try startAttempt(e.attempt ?? 1, seq: e.seq, key, onlyIfChanged: false, db)
        case .answerSubmitted:
            break  // handled above
        case .quizFinished:
            guard let outcome = e.quizOutcome, !outcome.isPractice else { return }
            try finishAttempt(e, outcome, key, db)
            try db.cachedStatement(
                sql: """
                    UPDATE course_progress SET quizzes_passed = (
                        SELECT count(*) FROM lesson_progress l
                        WHERE l.learner = ?1 AND l.course_id = ?2 AND l.passed = 1)
                    WHERE learner = ?1 AND course_id = ?2
                    """
            ).execute(arguments: [e.learner, course])
            if outcome.isFinal {
                try db.cachedStatement(
                    sql: """
                        UPDATE course_progress SET final_best_share = max(coalesce(final_best_share, 0), ?1),
                            final_passed = max(final_passed, ?2)
                        WHERE learner = ?3 AND course_id = ?4
                        """
                ).execute(arguments: [outcome.share, outcome.passed ? 1 : 0, e.learner, course])
            }
        case .lessonCompleted:
            try update(
                lesson: """
                    status = 'completed', phase = 'finished',
                    completed_at = CASE WHEN completed_at IS NULL OR ? < completed_at THEN ? ELSE completed_at END
                    """, [e.occurredAt, e.occurredAt], key, db)
            try db.cachedStatement(
                sql: """
                    UPDATE course_progress SET lessons_completed = (
                        SELECT count(*) FROM lesson_progress l
                        WHERE l.learner = ?1 AND l.course_id = ?2 AND l.status = 'completed')
                    WHERE learner = ?1 AND course_id = ?2
                    """
            ).execute(arguments: [e.learner, course])
        case .learnerRegistered, .learnerUpdated, .courseCompleted, .certificateIssued, .unknown, .sessionStarted,
            .sessionEnded,
            .groupCreated, .groupMemberAdded, .groupMemberRemoved, .groupAssignmentAdded, .groupAssignmentRemoved:
            break
        }
    }

    /// The lesson row's quiz fields an answer depends on.
    struct QuizState: Equatable {
        /// `quiz_attempt`: the open (latest) attempt, nil before any.
        var attempt: Int?
        /// `quiz_attempt_finished`.
        var finished: Bool
        /// Whether `phase` is `quiz`.
        var inQuiz: Bool

        /// Whether an answer in `attempt` changes the row: the same rule as `startAttempt`'s
        /// WHERE, so the row is written only when something would change.
        func changes(answering attempt: Int) -> Bool {
            self.attempt.map { $0 < attempt || ($0 == attempt && !finished && !inQuiz) } ?? true
        }
    }

    /// The lesson row's quiz fields (`QuizState`), by learner, course and lesson.
    static let quizStateSQL = """
        SELECT quiz_attempt, quiz_attempt_finished, phase FROM lesson_progress
        WHERE learner = ? AND course_id = ? AND lesson_id = ?
        """

    /// Applies a graded (non-practice) answer, given its lesson row's state (nil: no row yet).
    ///
    /// The hot path: one answer per commit. The answer itself is read back from the log (see
    /// `CentreStore.answers`), so the commit writes the lesson's row only when the row is new or
    /// the attempt changes, and most commits write the event alone. Answers therefore do not move
    /// `last_activity_at`/`last_seq`; the quiz.started before them did.
    static func applyAnswer(
        _ e: Event, course: String, lesson: String, state: QuizState?, _ db: Database
    ) throws {
        let attempt = e.attempt ?? 1
        let key: StatementArguments = [e.learner, course, lesson]
        if let state {
            if state.changes(answering: attempt) {
                try startAttempt(attempt, seq: e.seq, key, onlyIfChanged: true, db)
            }
        } else {
            try ensureCourse(e, course, db)
            try ensureLesson(e, course, lesson, touching: false, db)
            try startAttempt(attempt, seq: e.seq, key, onlyIfChanged: true, db)
        }
    }

    /// Recomputes every derived table from `events` alone, inside the caller's transaction.
    static func rebuild(_ db: Database) throws {
        // An early migration rebuilds before later ones have made their derived tables.
        for table in Schema.derivedTables.reversed() where try db.tableExists(table) {
            try db.execute(sql: "DELETE FROM \(table)")
        }
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM events ORDER BY node_id, seq")
        while let row = try cursor.next() {
            try apply(CentreStore.event(from: row), db)
        }
    }

    private static func ensureCourse(_ e: Event, _ course: String, _ db: Database) throws {
        // Writes only when the row is new or the event is older than the known start.
        try db.cachedStatement(
            sql: """
                INSERT INTO course_progress (learner, course_id, status, started_at) VALUES (?, ?, 'started', ?)
                ON CONFLICT (learner, course_id) DO UPDATE SET started_at = excluded.started_at
                WHERE excluded.started_at < course_progress.started_at
                """
        ).execute(arguments: [e.learner, course, e.occurredAt])
    }

    private static func ensureLesson(
        _ e: Event, _ course: String, _ lesson: String, touching: Bool, _ db: Database
    ) throws {
        let onConflict =
            touching
            ? """
            DO UPDATE SET
                started_at = min(started_at, excluded.started_at),
                last_activity_at = max(last_activity_at, excluded.last_activity_at),
                last_seq = max(last_seq, excluded.last_seq)
            """ : "DO NOTHING"
        try db.cachedStatement(
            sql: """
                INSERT INTO lesson_progress (learner, course_id, lesson_id, status, phase, started_at, last_activity_at, last_seq)
                VALUES (?, ?, ?, 'started', 'reading', ?4, ?4, ?5)
                ON CONFLICT (learner, course_id, lesson_id) \(onConflict)
                """
        ).execute(arguments: [e.learner, course, lesson, e.occurredAt, e.seq])
    }

    private static func update(
        lesson assignments: String, _ values: [(any DatabaseValueConvertible)?], _ key: StatementArguments,
        _ db: Database
    ) throws {
        try db.cachedStatement(
            sql: "UPDATE lesson_progress SET \(assignments) WHERE learner = ? AND course_id = ? AND lesson_id = ?"
        )
        .execute(arguments: StatementArguments(values) + key)
    }

    private static func startAttempt(
        _ attempt: Int, seq: Int64, _ key: StatementArguments, onlyIfChanged: Bool, _ db: Database
    ) throws {
        guard onlyIfChanged else { return try update(lesson: startAttemptSet, [attempt, seq], key, db) }
        try db.cachedStatement(sql: startAttemptIfChangedSQL).execute(arguments: [attempt, seq] + key)
    }

    /// Opens attempt ?1 whose first event is ?2. SET expressions all read the old row, so each
    /// CASE sees the previous attempt number. A new attempt remembers its first event: answers
    /// are read from the log from there.
    private static let startAttemptSet = """
        phase = 'quiz',
        quiz_attempt_finished = CASE WHEN ?1 > coalesce(quiz_attempt, 0) THEN 0 ELSE quiz_attempt_finished END,
        attempt_first_seq = CASE WHEN ?1 > coalesce(quiz_attempt, 0) THEN ?2 ELSE attempt_first_seq END,
        quiz_attempt = max(coalesce(quiz_attempt, 0), ?1)
        """

    /// `startAttemptSet` for learner ?3, course ?4, lesson ?5, skipping the write when nothing
    /// would change (same open attempt, already in the quiz). The answer commit runs it too.
    static let startAttemptIfChangedSQL = """
        UPDATE lesson_progress SET \(startAttemptSet)
        WHERE learner = ?3 AND course_id = ?4 AND lesson_id = ?5
          AND (quiz_attempt IS NULL OR quiz_attempt < ?1
               OR (quiz_attempt = ?1 AND quiz_attempt_finished = 0 AND phase <> 'quiz'))
        """

    private static func finishAttempt(_ e: Event, _ p: QuizOutcome, _ key: StatementArguments, _ db: Database)
        throws
    {
        let share = p.share
        let better = "best_share IS NULL OR ?2 > best_share"
        try update(
            lesson: """
                phase = 'finished',
                attempts_finished = attempts_finished + 1,
                best_score = CASE WHEN \(better) THEN ?3 ELSE best_score END,
                best_max_score = CASE WHEN \(better) THEN ?4 ELSE best_max_score END,
                best_share = CASE WHEN \(better) THEN ?2 ELSE best_share END,
                passed = max(passed, ?5),
                last_finished_attempt = max(coalesce(last_finished_attempt, 0), ?1),
                finished_attempt_first_seq = CASE
                    WHEN ?1 < coalesce(last_finished_attempt, 0) THEN finished_attempt_first_seq
                    WHEN ?1 > coalesce(quiz_attempt, 0) THEN ?6
                    WHEN ?1 = quiz_attempt THEN attempt_first_seq
                    ELSE NULL END,
                attempt_first_seq = CASE WHEN ?1 > coalesce(quiz_attempt, 0) THEN ?6 ELSE attempt_first_seq END,
                quiz_attempt_finished = CASE WHEN ?1 >= coalesce(quiz_attempt, 0) THEN 1 ELSE quiz_attempt_finished END,
                quiz_attempt = max(coalesce(quiz_attempt, 0), ?1)
                """,
            [e.attempt ?? 1, share, p.score, p.maxScore, p.passed ? 1 : 0, e.seq], key, db)
    }
}
