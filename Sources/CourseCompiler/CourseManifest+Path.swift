import CourseModel
import Localization
import MarkdownSyntax
import Yams

/// `order:` and `self_check:` in course.yaml: how a learner moves through the course, and
/// whether the course is an entry self-check that recommends where to start.
extension CourseManifest {
    /// The path of a self-check as written, with where each question id stands for diagnostics.
    struct SelfCheckSource {
        var stops: [SelfCheck.Stop]
        var questionPositions: [(id: String, position: SourcePosition)]
    }

    /// `order: sequential` (or `tuan-tu`), `order: free` (or `tu-do`); free when absent.
    static func readOrder(_ fields: YAMLFields, reporter: inout Reporter) -> LessonOrder {
        guard let text = fields.string("order", reporter: &reporter), let field = fields["order"] else { return .free }
        if let order = LessonOrder.authorSpellings[text.lowercased()] { return order }
        let names = ["sequential", "free"]
        reporter.error(
            PathText.unknownOrder(text), at: field.valuePosition,
            hint: Spelling.nearest(to: text, in: Array(LessonOrder.authorSpellings.keys)).map(CompilerText.didYouMean)
                ?? CompilerText.useOneOf(names))
        return .free
    }

    /// `self_check:` — a list of `{course: id, questions: [ids]}`, from the first course to study.
    static func readSelfCheck(_ fields: YAMLFields, reporter: inout Reporter) -> SelfCheckSource? {
        guard let field = fields["self_check"] else { return nil }
        guard case .sequence(let sequence) = field.value, !sequence.isEmpty else {
            reporter.error(PathText.selfCheckNotList, at: field.valuePosition, hint: PathText.selfCheckHint)
            return nil
        }
        var source = SelfCheckSource(stops: [], questionPositions: [])
        for item in sequence {
            let place = fields.position(of: item, fallback: field.valuePosition)
            guard case .mapping(let mapping) = item, let course = mapping["course"]?.scalar?.string,
                let questions = mapping["questions"]
            else {
                reporter.error(PathText.stopNeedsCourseAndQuestions, at: place, hint: PathText.selfCheckHint)
                continue
            }
            guard Identifier.isValid(course) else {
                reporter.error(PathText.badCourseID(course), at: place, hint: PathText.selfCheckHint)
                continue
            }
            var ids: [String] = []
            let nodes: [Node] =
                switch questions {
                case .sequence(let list): Array(list)
                default: [questions]
                }
            for node in nodes {
                let position = fields.position(of: node, fallback: place)
                guard let id = node.scalar?.string, !id.isEmpty else {
                    reporter.error(PathText.questionIDMustBeText, at: position)
                    continue
                }
                ids.append(id)
                source.questionPositions.append((id, position))
            }
            if ids.isEmpty {
                reporter.error(PathText.stopNeedsCourseAndQuestions, at: place, hint: PathText.selfCheckHint)
                continue
            }
            source.stops.append(SelfCheck.Stop(course: course, questions: ids))
        }
        return source.stops.isEmpty ? nil : source
    }

    /// Checks a self-check's path against the questions the lessons hold: every id must exist,
    /// and a question the path does not name recommends nothing (a warning).
    static func checkSelfCheck(
        _ source: SelfCheckSource, questions: [String: (file: String, position: SourcePosition)],
        reporter: inout Reporter
    ) {
        var named: Set<String> = []
        for (id, position) in source.questionPositions {
            named.insert(id)
            if questions[id] == nil {
                reporter.error(
                    PathText.unknownQuestion(id), at: position,
                    hint: Spelling.nearest(to: id, in: Array(questions.keys)).map(CompilerText.didYouMean))
            }
        }
        for (id, place) in questions.sorted(by: { $0.key < $1.key }) where !named.contains(id) {
            reporter.warning(
                PathText.questionOffPath(id, CompilerText.location(place.file, place.position)), at: .fileStart,
                hint: PathText.selfCheckHint)
        }
    }
}

/// What the compiler says about `order:` and `self_check:`, in both languages.
enum PathText {
    static func unknownOrder(_ text: String) -> Phrase {
        CompilerText.p("thứ tự bài '\(text)' không hợp lệ", "unknown lesson order '\(text)'")
    }
    static let selfCheckNotList = CompilerText.p(
        "'self_check' phải là một danh sách khoá học", "'self_check' must be a list of courses")
    static let selfCheckHint = CompilerText.p(
        "viết mỗi mục dạng '- course: id-khoa-hoc' và 'questions: [id-cau-1, id-cau-2]', khoá cơ bản nhất trước",
        "write each entry as '- course: course-id' with 'questions: [question-1, question-2]', the most basic course first"
    )
    static let stopNeedsCourseAndQuestions = CompilerText.p(
        "mỗi mục của 'self_check' cần 'course' và 'questions'",
        "each 'self_check' entry needs 'course' and 'questions'")
    static func badCourseID(_ id: String) -> Phrase {
        CompilerText.p("id khoá học '\(id)' không hợp lệ", "invalid course id '\(id)'")
    }
    static let questionIDMustBeText = CompilerText.p("id câu hỏi phải là chữ", "a question id must be text")
    static func unknownQuestion(_ id: String) -> Phrase {
        CompilerText.p("khoá này không có câu hỏi nào có id '\(id)'", "no question of this course has the id '\(id)'")
    }
    static func questionOffPath(_ id: String, _ place: String) -> Phrase {
        CompilerText.p(
            "câu '\(id)' (\(place)) không thuộc khoá nào trong 'self_check', nên không góp vào lời khuyên",
            "question '\(id)' (\(place)) belongs to no course in 'self_check', so it recommends nothing")
    }
}
