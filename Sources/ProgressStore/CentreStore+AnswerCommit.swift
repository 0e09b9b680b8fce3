import GRDB
import SQLiteSupport

extension CentreStore {
    /// Records a validated answer: the same `BEGIN IMMEDIATE` transaction as `append` (next seq,
    /// the event, derived progress) with its usual statements bound and stepped through SQLite's
    /// C API, since the commit is the hot path and GRDB's layers cost more CPU than SQLite did.
    ///
    /// An answer that opens an attempt runs `DerivedProgress`'s own UPDATE, and the rare one that
    /// opens a lesson goes through `DerivedProgress.applyAnswer`, as `apply` and a rebuild do, so
    /// the live rows stay equal to a rebuild. The next seq and the lesson's state come from
    /// `AnswerMemo` when nothing committed since the previous answer. Returns after COMMIT, i.e.
    /// once the WAL is fsynced (`synchronous=FULL`).
    func recordAnswer(_ event: NewEvent, payload: String, recordedAt: Int64) throws -> RecordedEvent {
        try pool.writeWithoutTransaction { db in
            try RawStatement("BEGIN IMMEDIATE", db).run()
            do {
                // Inside the immediate transaction no other commit can come between this check
                // and the commit below: a memo that matches is exact.
                let stamp = AnswerMemo.Stamp.read(db)
                let memo = answerMemo.withLock { memo in memo.flatMap { $0.stamp == stamp ? $0 : nil } }
                var recorded = RecordedEvent(
                    nodeId: nodeId, seq: 0, kind: event.kind, learner: event.learner, occurredAt: event.occurredAt,
                    recordedAt: recordedAt, courseId: event.courseId, courseVersion: event.courseVersion,
                    lessonId: event.lessonId, itemId: event.itemId, attempt: event.attempt, payload: payload)
                if let memo {
                    recorded.seq = memo.nextSeq
                } else {
                    let next = try RawStatement(Self.nextSeqSQL, db)
                    next.bind(1, nodeId)
                    recorded.seq = try next.firstRow { $0.int64(0) ?? 0 } ?? 1
                }
                try insertRaw(recorded, db)
                var wroteThroughGRDB = false
                var lesson = memo?.lesson
                var known = memo?.state
                if event.payload.practice != true, let courseId = event.courseId, let lessonId = event.lessonId {
                    let key = AnswerMemo.LessonKey(learner: recorded.learner, course: courseId, lesson: lessonId)
                    let state = try key == lesson && known != nil ? known : quizState(key, db)
                    lesson = key
                    known = state
                    let attempt = recorded.attempt ?? 1
                    if let state {
                        // A new attempt: the same UPDATE that `DerivedProgress.applyAnswer` runs.
                        if state.changes(answering: attempt) {
                            let start = try RawStatement(DerivedProgress.startAttemptIfChangedSQL, db)
                            start.bind(1, attempt)
                            start.bind(2, recorded.seq)
                            start.bind(3, key.learner)
                            start.bind(4, key.course)
                            start.bind(5, key.lesson)
                            try start.run()
                            known = nil  // read again next time rather than repeat the UPDATE's rule here
                        }
                    } else {
                        // The lesson's first event: rows made as `apply` makes them.
                        try DerivedProgress.applyAnswer(recorded, course: courseId, lesson: lessonId, state: nil, db)
                        wroteThroughGRDB = true
                    }
                }
                // After GRDB ran statements in this transaction, let it see the COMMIT too, so its
                // own record of the transaction state follows.
                if wroteThroughGRDB {
                    try db.cachedStatement(sql: "COMMIT").execute()
                } else {
                    try RawStatement("COMMIT", db).run()
                }
                let after = AnswerMemo.Stamp.read(db)
                answerMemo.withLock { memo in
                    memo = after.map { AnswerMemo(stamp: $0, nextSeq: recorded.seq + 1, lesson: lesson, state: known) }
                }
                return recorded
            } catch {
                answerMemo.withLock { $0 = nil }
                if db.isInsideTransaction { try? db.rollback() }
                throw error
            }
        }
    }

    /// The lesson row's quiz fields, nil when the lesson has no row yet.
    private func quizState(_ key: AnswerMemo.LessonKey, _ db: Database) throws -> DerivedProgress.QuizState? {
        let read = try RawStatement(DerivedProgress.quizStateSQL, db)
        read.bind(1, key.learner)
        read.bind(2, key.course)
        read.bind(3, key.lesson)
        return try read.firstRow { row in
            DerivedProgress.QuizState(
                attempt: row.int(0), finished: row.int64(1) != 0, inQuiz: row.text(2, equals: "quiz"))
        }
    }

    /// Inserts the event row; a learner the centre does not know fails the foreign key.
    private func insertRaw(_ e: RecordedEvent, _ db: Database) throws {
        let insert = try RawStatement(Self.insertEventSQL, db)
        insert.bind(1, e.nodeId)
        insert.bind(2, e.seq)
        insert.bind(3, e.kind.rawValue)
        insert.bind(4, e.learner)
        insert.bind(5, e.occurredAt)
        insert.bind(6, e.recordedAt)
        insert.bind(7, e.courseId)
        insert.bind(8, e.courseVersion)
        insert.bind(9, e.lessonId)
        insert.bind(10, e.itemId)
        insert.bind(11, e.attempt)
        insert.bind(12, e.payload)
        do {
            try insert.run()
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
            throw ProgressStoreError(.unknownLearner, "no learner has this code")
        }
    }

    /// The next sequence number: one step down the primary key's index.
    static let nextSeqSQL = "SELECT coalesce(max(seq), 0) + 1 FROM events WHERE node_id = ?"

    /// The event row, every column.
    static let insertEventSQL = """
        INSERT INTO events (node_id, seq, kind, learner, occurred_at, recorded_at, course_id, course_version,
                            lesson_id, item_id, attempt, payload)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
}
