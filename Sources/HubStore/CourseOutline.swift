import CourseModel
import Foundation
import Localization

/// What reports need of a course: titles, lesson order, questions and their options' words.
/// Hubs keep it (`ReportSource.saveOutlines`) so the dashboard can label things without the
/// course files.
public struct CourseOutline: Sendable, Codable, Equatable {
    /// A lesson.
    public struct Lesson: Sendable, Codable, Equatable {
        /// Lesson id.
        public var id: String
        /// Title.
        public var title: String
        /// Whether it is the final quiz.
        public var isFinal: Bool
        /// Its questions in order.
        public var questions: [Question]
    }

    /// A question.
    public struct Question: Sendable, Codable, Equatable {
        /// Question id.
        public var id: String
        /// The prompt as plain text.
        public var prompt: String
        /// Its kind (`single-choice`, …).
        public var kind: String
        /// Option, item or side ids with their words (choices, ordering items, matching sides).
        public var labels: [String: String]
        /// The ids of the right options (choice questions).
        public var correct: [String]
    }

    /// Course id.
    public var id: String
    /// Content version.
    public var version: Int
    /// Title in the course's language.
    public var title: String
    /// English title, if any.
    public var titleEnglish: String?
    /// Lessons in study order.
    public var lessons: [Lesson]
    /// The domains of Circular 02/2025/TT-BGDĐT the course serves, in order; empty for a course
    /// that declares none and for an outline stored before outlines carried them.
    public var domains: [CompetenceDomain]

    /// The outline of a compiled course.
    public init(_ course: Course) {
        id = course.id
        version = course.version
        title = course.title
        titleEnglish = course.titleEnglish
        lessons = course.lessons.map { lesson in
            Lesson(
                id: lesson.id, title: lesson.title, isFinal: lesson.isFinal,
                questions: (lesson.quiz?.questions ?? []).map(Self.question))
        }
        domains = course.domains
    }

    /// An outline made of ids alone, for a course the hub has events of but no outline.
    public init(bareId: String) {
        id = bareId
        version = 0
        title = bareId
        titleEnglish = nil
        lessons = []
        domains = []
    }

    static func question(_ q: CourseModel.Question) -> Question {
        var labels: [String: String] = [:]
        switch q.answer {
        case .singleChoice(let o), .trueFalse(let o), .multipleAnswer(let o, _):
            for option in o { labels[option.id] = option.content.plainText }
        case .ordering(let items):
            for item in items { labels[item.id] = item.content.plainText }
        case .matching(let key):
            for pair in key.pairs {
                labels[pair.left.id] = pair.left.content.plainText
                labels[pair.right.id] = pair.right.content.plainText
            }
            for item in key.distractors { labels[item.id] = item.content.plainText }
        case .shortAnswer, .numeric: break
        }
        return Question(
            id: q.id, prompt: q.prompt.plainText, kind: q.kind.rawValue, labels: labels,
            correct: q.answer.options.filter(\.isCorrect).map(\.id))
    }

    /// The title to show in `language`.
    public func title(in language: Language) -> String {
        language == .en ? (titleEnglish ?? title) : title
    }

    /// The lesson holding `questionId`, with the question.
    public func question(_ questionId: String) -> (lesson: Lesson, question: Question)? {
        for lesson in lessons {
            if let q = lesson.questions.first(where: { $0.id == questionId }) { return (lesson, q) }
        }
        return nil
    }
}
