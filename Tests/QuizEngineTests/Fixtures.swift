import CourseModel

/// Small quizzes with one question of every kind, built in code so each test reads on its own.
enum Fixtures {
    static func option(_ id: String, _ ok: Bool, feedback: String? = nil) -> ChoiceOption {
        ChoiceOption(
            id: id, content: [.text(id)], isCorrect: ok, feedback: feedback.map { [.paragraph([.text($0)])] } ?? [])
    }

    static func item(_ id: String) -> AnswerItem { AnswerItem(id: id, content: [.text(id)]) }

    static let single = Question(
        id: "single", prompt: [.text("Số khẩn cấp?")],
        answer: .singleChoice([
            option("a", false, feedback: "Không phải"), option("b", true), option("c", false), option("d", false),
        ]),
        hints: [[.paragraph([.text("gợi ý 1")])], [.paragraph([.text("gợi ý 2")])]],
        explanation: [.paragraph([.text("giải thích")])])
    static let trueFalse = Question(
        id: "true-false", prompt: [.text("OTP có được cho người khác?")],
        answer: .trueFalse([option("dung", false), option("sai", true)]))
    static let multiple = Question(
        id: "multiple", prompt: [.text("Dấu hiệu lừa đảo?")], points: 2,
        answer: .multipleAnswer(
            [option("w", true), option("x", true), option("y", false), option("z", true)], scoring: .partial))
    static let short = Question(
        id: "short", prompt: [.text("Gọi công an?")],
        answer: .shortAnswer(ShortAnswerKey(accepted: [.text("một một ba")])))
    static let numeric = Question(
        id: "numeric", prompt: [.text("2,5?")],
        answer: .numeric(NumericKey(accepted: [NumericRange(lower: 2.45, upper: 2.55, display: "2,5 ± 0,05")])))
    static let ordering = Question(
        id: "ordering", prompt: [.text("Thứ tự?")], answer: .ordering(["one", "two", "three", "four"].map(item)))
    static let matching = Question(
        id: "matching", prompt: [.text("Ghép")],
        answer: .matching(
            MatchingKey(
                pairs: [
                    MatchPair(left: item("l1"), right: item("r1")), MatchPair(left: item("l2"), right: item("r2")),
                ],
                distractors: [item("r3")], scoring: .partial)))

    static let everyKind = [single, trueFalse, multiple, short, numeric, ordering, matching]

    static func quiz(_ questions: [Question] = everyKind, mastery: MasteryRule = .passMark(0.8)) -> Quiz {
        Quiz(title: "Kiểm tra", questions: questions, mastery: mastery)
    }

    /// A fully right response to each fixture question.
    static func right(_ q: Question) -> Response {
        switch q.answer {
        case .singleChoice(let o), .trueFalse(let o): .choice(o.first { $0.isCorrect }?.id ?? "")
        case .multipleAnswer(let o, _): .choices(o.filter(\.isCorrect).map(\.id))
        case .shortAnswer: .text("Một  một ba")
        case .numeric: .text("2,5")
        case .ordering(let items): .order(items.map(\.id))
        case .matching(let key): .pairs(Dictionary(uniqueKeysWithValues: key.pairs.map { ($0.left.id, $0.right.id) }))
        }
    }

    /// A wrong response to each fixture question.
    static func wrong(_ q: Question) -> Response {
        switch q.answer {
        case .singleChoice(let o), .trueFalse(let o): .choice(o.first { !$0.isCorrect }?.id ?? "")
        case .multipleAnswer(let o, _): .choices(o.filter { !$0.isCorrect }.map(\.id))
        case .shortAnswer: .text("115")
        case .numeric: .text("3")
        case .ordering(let items): .order(items.map(\.id).reversed())
        case .matching: .pairs([:])
        }
    }
}
