import CourseModel

extension QuizSession {
    /// The options of a choice question in the order this learner sees them.
    ///
    /// Shuffled per learner, question and attempt unless the author turned shuffling off;
    /// true/false keeps `Đúng` before `Sai` always, as people expect.
    public func displayedOptions(of question: Question) -> [ChoiceOption] {
        DisplayOrder.options(of: question, seed: seed(for: question))
    }

    /// The starting order of an ordering question's items.
    public func displayedItems(of question: Question) -> [AnswerItem] {
        DisplayOrder.items(of: question, seed: seed(for: question))
    }

    /// The right-hand column of a matching question (pairs' right sides and distractors).
    public func displayedRightItems(of question: Question) -> [AnswerItem] {
        DisplayOrder.rightItems(of: question, seed: seed(for: question))
    }

    /// The left-hand column of a matching question, in authored order.
    public func displayedLeftItems(of question: Question) -> [AnswerItem] {
        guard case .matching(let key) = question.answer else { return [] }
        return key.pairs.map(\.left)
    }

    /// The shuffle seed for a question: learner, question and attempt (practice adds a marker).
    func seed(for question: Question) -> String {
        let base = Shuffle.seed(learnerKey: learnerKey, questionId: question.id, attempt: attempt)
        return isPractice ? base + "|review" : base
    }
}

/// The orders a question's parts are shown in, as pure functions of the question and a seed.
public enum DisplayOrder {
    /// Choice options: shuffled unless `shuffle` is off or the question is true/false.
    public static func options(of question: Question, seed: String) -> [ChoiceOption] {
        switch question.answer {
        case .singleChoice(let options), .multipleAnswer(let options, _):
            return question.shuffle ? reorder(options, seed: seed) : options
        case .trueFalse(let options):
            return options
        default:
            return []
        }
    }

    /// Ordering items: always scrambled, because the authored order is the answer; never
    /// already right when there are two or more items.
    public static func items(of question: Question, seed: String) -> [AnswerItem] {
        guard case .ordering(let items) = question.answer else { return [] }
        guard items.count >= 2 else { return items }
        var shown = reorder(items, seed: seed)
        if shown.map(\.id) == items.map(\.id) {
            // A rotation of the right order is never the right order (ids are unique).
            shown = Array(shown.dropFirst()) + [shown[0]]
        }
        return shown
    }

    /// Matching right-hand items: shuffled unless `shuffle` is off.
    public static func rightItems(of question: Question, seed: String) -> [AnswerItem] {
        guard case .matching(let key) = question.answer else { return [] }
        return question.shuffle ? reorder(key.rightItems, seed: seed) : key.rightItems
    }

    /// `elements` permuted as `Shuffle.order` permutes their ids.
    static func reorder<T: Identifiable>(_ elements: [T], seed: String) -> [T] where T.ID == String {
        // Shuffle positions rather than ids, so duplicate ids (a content bug) cannot lose an element.
        let positions = elements.indices.map { String($0) }
        return Shuffle.order(positions, seed: seed).compactMap { Int($0).map { elements[$0] } }
    }
}
