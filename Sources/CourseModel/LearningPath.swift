/// In which order a course's lessons may be studied (`order:` in course.yaml).
public enum LessonOrder: String, Sendable, Equatable, Codable, CaseIterable {
    /// Any lesson at any time (the default).
    case free
    /// A lesson opens only once the lesson before it is done, as on the national platform.
    case sequential

    /// The spellings authors may use in `order:`, mapped to orders.
    public static let authorSpellings: [String: LessonOrder] = [
        "free": .free, "tu-do": .free, "sequential": .sequential, "tuan-tu": .sequential, "lan-luot": .sequential,
    ]
}

/// What makes a course an entry self-check: a path of courses from the first to study to the
/// last, each with the self-check questions that show the learner knows it already.
///
/// A learner who gets all of a course's questions right can skip it; the recommendation is the
/// first course on the path they cannot skip yet.
public struct SelfCheck: Sendable, Equatable, Codable {
    /// The courses in the order a beginner studies them.
    public var path: [Stop]

    /// One course of the path and the questions that test it.
    public struct Stop: Sendable, Equatable, Codable {
        /// The recommended course's id.
        public var course: String
        /// Ids of this self-check's questions about that course.
        public var questions: [String]

        /// Makes a stop.
        public init(course: String, questions: [String]) {
            self.course = course
            self.questions = questions
        }
    }

    /// Makes a self-check.
    public init(path: [Stop]) { self.path = path }

    /// Where to start, given the ids of the questions answered right.
    public func recommendation(correct: Set<String>) -> Recommendation {
        for stop in path where !stop.questions.allSatisfy(correct.contains) {
            return .start(course: stop.course)
        }
        return .knowsItAll
    }

    /// What a self-check says about where to start.
    public enum Recommendation: Sendable, Equatable {
        /// Start with this course.
        case start(course: String)
        /// Every course on the path looks known: any course will do.
        case knowsItAll
    }
}

extension Course {
    /// The lesson that must be done before the lesson at `index` opens: the one before it in a
    /// sequential course when it is not done yet; nil when the lesson is open.
    public func lessonBlocking(_ index: Int, done: Set<String>) -> Lesson? {
        guard lessonOrder == .sequential, lessons.indices.contains(index), index > 0 else { return nil }
        let previous = lessons[index - 1]
        return done.contains(previous.id) ? nil : previous
    }

    /// Whether this course is an entry self-check rather than a course to study.
    public var isSelfCheck: Bool { selfCheck != nil }
}
