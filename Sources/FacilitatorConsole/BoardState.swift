import LearnerEvents

/// What the facilitator's board knows of each learner, folded from the day's events in log
/// order: a pure value, so the rules for "needs a hand" are tested without a terminal.
public struct BoardState: Sendable, Equatable {
    /// Where a learner is in a lesson.
    public enum Place: Sendable, Equatable {
        /// Nothing opened today.
        case nowhere
        /// Reading; `lastStep` is the last step moved past (nil: just opened).
        case reading(lastStep: String?)
        /// In a quiz attempt, `answered` questions in, the last one answered being `question`.
        case quiz(attempt: Int, answered: Int, question: String?)
        /// A quiz attempt just finished, passed or not.
        case quizFinished(passed: Bool)
        /// The lesson was completed.
        case lessonDone
    }

    /// One learner as the board shows them.
    public struct Learner: Sendable, Equatable {
        /// The learner's code.
        public var code: String
        /// Whether their last session event is a sign-in (nil: no session event today).
        public var signedIn: Bool?
        /// When they first signed in or did anything today.
        public var firstSeenAt: Int64?
        /// When they last did anything.
        public var lastAt: Int64?
        /// The course they are in.
        public var course: String?
        /// The lesson they are in.
        public var lesson: String?
        /// Where in it.
        public var place: Place = .nowhere
        /// Wrong answers in a row per question (`course/lesson/question`), cleared by a right one.
        public var wrongInARow: [String: Int] = [:]
        /// Lessons completed today (`course/lesson`), in order.
        public var lessonsDone: [String] = []
        /// Courses completed today.
        public var coursesDone: [String] = []
        /// Lessons whose quiz was failed today and not passed since (`course/lesson`).
        public var toRepeat: [String] = []

        /// A learner not seen yet today.
        public init(code: String) { self.code = code }

        /// Whether they came today at all.
        public var came: Bool { firstSeenAt != nil }

        /// Whether they are at a computer now: signed in, or (for a client that does not say)
        /// active in the last `quietMinutes`. A sign-in with no move for `goneMinutes` counts
        /// as gone: a client killed or a machine switched off never says goodbye.
        public func isHere(now: Int64, quietMinutes: Int = 15, goneMinutes: Int = 60) -> Bool {
            guard let lastAt else { return false }
            if let signedIn { return signedIn && now - lastAt < Int64(goneMinutes) * 60_000 }
            return now - lastAt < Int64(quietMinutes) * 60_000
        }

        /// Why they may need a hand now, nil when they seem fine.
        public func needsHand(now: Int64, stuckMinutes: Int) -> HandReason? {
            guard isHere(now: now), let course, let lesson else { return nil }
            if case .quiz(_, _, let question?) = place,
                let wrong = wrongInARow["\(course)/\(lesson)/\(question)"], wrong >= 2
            {
                return .failedTwice(question: question, times: wrong)
            }
            switch place {
            case .reading, .quiz:
                guard let lastAt else { return nil }
                let minutes = Int((now - lastAt) / 60_000)
                return minutes >= stuckMinutes ? .stuck(minutes: minutes) : nil
            default:
                return nil
            }
        }
    }

    /// Why the board flags a learner.
    public enum HandReason: Sendable, Equatable {
        /// Wrong `times` times in a row on the question being answered.
        case failedTwice(question: String, times: Int)
        /// No move for `minutes` while reading or in a quiz.
        case stuck(minutes: Int)
    }

    /// The learners seen (or expected), by code.
    public private(set) var learners: [String: Learner] = [:]

    /// An empty board.
    public init() {}

    /// Makes sure `code` has a row (a group member not seen yet).
    public mutating func expect(_ code: String) {
        if learners[code] == nil { learners[code] = Learner(code: code) }
    }

    /// Folds one event in; events about no learner and about groups change nothing.
    public mutating func apply(_ e: Event) {
        guard !e.kind.isAboutGroup, !e.kind.isAboutLearner, e.learner != Occurrence.noLearner else { return }
        var l = learners[e.learner] ?? Learner(code: e.learner)
        if l.firstSeenAt == nil { l.firstSeenAt = e.occurredAt }
        l.lastAt = max(l.lastAt ?? e.occurredAt, e.occurredAt)
        if let course = e.courseId, let lesson = e.lessonId, course != l.course || lesson != l.lesson {
            l.course = course
            l.lesson = lesson
            l.place = .nowhere
        }
        let key = "\(e.courseId ?? "")/\(e.lessonId ?? "")"
        switch e.kind {
        case .sessionStarted: l.signedIn = true
        case .sessionEnded: l.signedIn = false
        case .lessonOpened: l.place = .reading(lastStep: nil)
        case .stepRead: l.place = .reading(lastStep: e.itemId)
        case .quizStarted: l.place = .quiz(attempt: e.attempt ?? 1, answered: 0, question: nil)
        case .answerSubmitted:
            var answered = 1
            if case .quiz(let attempt, let count, _) = l.place, attempt == (e.attempt ?? 1) { answered = count + 1 }
            l.place = .quiz(attempt: e.attempt ?? 1, answered: answered, question: e.itemId)
            if let question = e.itemId, let answer = e.answer {
                let questionKey = "\(key)/\(question)"
                l.wrongInARow[questionKey] = answer.correct ? 0 : (l.wrongInARow[questionKey] ?? 0) + 1
            }
        case .quizFinished:
            guard let outcome = e.quizOutcome, !outcome.isPractice else { break }
            l.place = .quizFinished(passed: outcome.passed)
            if outcome.passed {
                l.toRepeat.removeAll { $0 == key }
            } else if !l.toRepeat.contains(key) {
                l.toRepeat.append(key)
            }
        case .lessonCompleted:
            l.place = .lessonDone
            if !l.lessonsDone.contains(key) { l.lessonsDone.append(key) }
            l.toRepeat.removeAll { $0 == key }
        case .courseCompleted:
            if let course = e.courseId, !l.coursesDone.contains(course) { l.coursesDone.append(course) }
        default:
            break
        }
        learners[e.learner] = l
    }
}
