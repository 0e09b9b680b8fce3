/// A compiled course: its metadata and its lessons in order.
///
/// Everything a learner's progress refers to is keyed by id (`Course.id`, `Lesson.id`,
/// `Question.id`, `Step.id`), never by position, so progress survives a content update.
public struct Course: Sendable, Equatable, Codable, Identifiable {
    /// Stable slug, unique across all courses, never reused.
    public var id: String
    /// Content version; a higher version replaces a lower one in a content store.
    public var version: Int
    /// Title in the course's language.
    public var title: String
    /// English title, if given.
    public var titleEnglish: String?
    /// BCP 47 language code of the content (`vi`, `en`).
    public var language: String
    /// One paragraph for learners.
    public var description: String
    /// English summary, if given.
    public var summaryEnglish: String?
    /// Who the course is for.
    public var audience: [String]
    /// DigComp 2.2 areas the course serves.
    public var digcompAreas: [DigCompArea]
    /// Component competences of Circular 02/2025/TT-BGDĐT the course serves (`Framework.swift`).
    public var competences: [Competence]
    /// Official sources to check the course's facts against.
    public var sources: [Source]
    /// Free tags.
    public var tags: [String]
    /// Default pass mark (0–1) for the course's quizzes.
    public var passMark: Double
    /// Lessons, in study order.
    public var lessons: [Lesson]
    /// Files the content refers to (pictures), as paths relative to the course folder.
    public var assets: [String]
    /// The time-sensitive facts the lessons state, with their sources and checked dates.
    public var facts: [Fact]
    /// Whether lessons open in any order or one after another (`order:` in course.yaml).
    public var lessonOrder: LessonOrder
    /// Set when the course is an entry self-check that recommends where to start (`self_check:`).
    public var selfCheck: SelfCheck?

    /// Makes a course.
    public init(
        id: String, version: Int, title: String, titleEnglish: String? = nil, language: String,
        description: String, summaryEnglish: String? = nil, audience: [String] = [],
        digcompAreas: [DigCompArea] = [], competences: [Competence] = [], sources: [Source] = [],
        tags: [String] = [], passMark: Double = 0.8, lessons: [Lesson], assets: [String] = [], facts: [Fact] = [],
        lessonOrder: LessonOrder = .free, selfCheck: SelfCheck? = nil
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.titleEnglish = titleEnglish
        self.language = language
        self.description = description
        self.summaryEnglish = summaryEnglish
        self.audience = audience
        self.digcompAreas = digcompAreas
        self.competences = competences
        self.sources = sources
        self.tags = tags
        self.passMark = passMark
        self.lessons = lessons
        self.assets = assets
        self.facts = facts
        self.lessonOrder = lessonOrder
        self.selfCheck = selfCheck
    }

    /// The lesson with this id.
    public func lesson(id: String) -> Lesson? { lessons.first { $0.id == id } }

    /// Every question of the course, in lesson order.
    public var allQuestions: [Question] { lessons.flatMap { $0.quiz?.questions ?? [] } }

    /// The lesson marked as the course's final quiz, if any.
    public var finalQuiz: Lesson? { lessons.first { $0.isFinal } }

    /// The domains of Circular 02/2025/TT-BGDĐT the course serves, in order.
    public var domains: [CompetenceDomain] { Set(competences.map(\.domain)).sorted() }

    /// The competences a lesson serves: those its front matter names, else the course's.
    public func competences(of lesson: Lesson) -> [Competence] {
        lesson.competences.isEmpty ? competences : lesson.competences
    }
}

/// An official source to check facts against.
public struct Source: Sendable, Equatable, Codable {
    /// What it is.
    public var title: String
    /// Where it is.
    public var url: String

    /// Makes a source.
    public init(title: String, url: String) {
        self.title = title
        self.url = url
    }
}

/// One lesson: reading steps, then an optional quiz.
public struct Lesson: Sendable, Equatable, Codable, Identifiable {
    /// Stable slug, unique in the course.
    public var id: String
    /// Title shown in lists and on every screen of the lesson.
    public var title: String
    /// Expected study time in minutes, if the author gave it.
    public var durationMinutes: Int?
    /// Whether this lesson is the course's final quiz.
    public var isFinal: Bool
    /// Free tags.
    public var tags: [String]
    /// Competences of Circular 02/2025/TT-BGDĐT the lesson serves, a part of the course's; empty
    /// when the lesson serves all of the course's (see `Course.competences(of:)`).
    public var competences: [Competence]
    /// Reading steps, one screen each.
    public var steps: [Step]
    /// The lesson's quiz, if it has questions.
    public var quiz: Quiz?

    /// Makes a lesson.
    public init(
        id: String, title: String, durationMinutes: Int? = nil, isFinal: Bool = false,
        tags: [String] = [], competences: [Competence] = [], steps: [Step], quiz: Quiz?
    ) {
        self.id = id
        self.title = title
        self.durationMinutes = durationMinutes
        self.isFinal = isFinal
        self.tags = tags
        self.competences = competences
        self.steps = steps
        self.quiz = quiz
    }
}

/// One screen of reading.
public struct Step: Sendable, Equatable, Codable, Identifiable {
    /// Stable id, unique in the lesson.
    public var id: String
    /// The step's heading.
    public var title: String
    /// What the screen shows.
    public var blocks: [Block]

    /// Makes a step.
    public init(id: String, title: String, blocks: [Block]) {
        self.id = id
        self.title = title
        self.blocks = blocks
    }
}

/// The questions of a lesson and the rule that decides whether the learner passed.
public struct Quiz: Sendable, Equatable, Codable {
    /// The quiz section's heading.
    public var title: String
    /// Prose shown before the first question.
    public var introduction: [Block]
    /// Questions in authored order (the client may shuffle options, not questions).
    public var questions: [Question]
    /// How passing is decided.
    public var mastery: MasteryRule

    /// Makes a quiz.
    public init(title: String, introduction: [Block] = [], questions: [Question], mastery: MasteryRule) {
        self.title = title
        self.introduction = introduction
        self.questions = questions
        self.mastery = mastery
    }

    /// The most points the quiz can give.
    public var maxPoints: Int { questions.reduce(0) { $0 + $1.points } }
}

/// How a quiz attempt is judged passed. Frozen into each attempt record when it finishes.
public enum MasteryRule: Sendable, Equatable, Hashable, Codable {
    /// Passed when the score is at least this share (0–1) of the quiz's points.
    case passMark(Double)
    /// Passed when at least `m` of the learner's last `n` answers in the quiz are correct.
    case recent(m: Int, n: Int)

    /// Whether an attempt passes, given its score share and its answers' correctness in order.
    public func isPassed(scoreShare: Double, answersCorrect: [Bool]) -> Bool {
        switch self {
        case .passMark(let mark):
            // A tiny tolerance keeps 4/5 = 0.8 passing a 0.8 mark despite binary floating point.
            return scoreShare + 1e-9 >= mark
        case .recent(let m, let n):
            return answersCorrect.suffix(n).filter { $0 }.count >= m
        }
    }

    /// A short description for people, e.g. `80%` or `4/5`.
    public var summary: String {
        switch self {
        case .passMark(let mark): "\(Int((mark * 100).rounded()))%"
        case .recent(let m, let n): "\(m)/\(n)"
        }
    }
}
