import CourseModel

/// What the person importing chose: the new course's id, title and language, and its lessons.
public struct ImportOptions: Sendable {
    /// The course id (also the folder's name).
    public var courseID: String
    /// The course title.
    public var title: String
    /// The content language, `vi` or `en` (it names the true/false options `Đúng`/`Sai` or `True`/`False`).
    public var language: String
    /// Every question in one lesson, whatever `$CATEGORY` lines say.
    public var oneLesson: Bool

    /// Makes options.
    public init(courseID: String, title: String, language: String = "vi", oneLesson: Bool = false) {
        self.courseID = courseID
        self.title = title
        self.language = language
        self.oneLesson = oneLesson
    }

    /// Words in the content language.
    var isVietnamese: Bool { language != "en" }
    var trueLabel: String { isVietnamese ? "Đúng" : "True" }
    var falseLabel: String { isVietnamese ? "Sai" : "False" }
    var quizTitle: String { isVietnamese ? "Câu hỏi" : "Questions" }
}

/// A lesson being assembled from GIFT items.
struct LessonDraft {
    var title: String
    var givenID: String?
    var categoryPath: String?
    var tags: [String] = []
    var steps: [(step: Step, position: TextPosition)] = []
    var questions: [Question] = []
}
