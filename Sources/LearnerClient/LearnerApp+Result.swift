import CourseModel
import LearnerEvents
import Localization
import QuizEngine
import TerminalText

/// The result of an attempt or a practice review, with a numbered menu of what to do next.
struct ResultState: Equatable {
    var lesson: Lesson
    var session: QuizSession
    var result: QuizResult
    var isPractice: Bool
    /// The answers of the attempt or the practice, for the counts said in words.
    var answered: [RecordedAnswer]
    var cursor = 0
    /// Whether the learner moved in the menu: until then the view shows the score first.
    var moved = false
}

/// What the learner can do from a result.
enum ResultChoice: Equatable {
    case nextLesson(Lesson)
    case practise
    case retake
    case reread
    case lessons
    case openCourse(String)
    case courses
}

extension LearnerApp {
    /// The menu under a result, the most useful first (Enter takes it).
    func resultChoices(_ state: ResultState) -> [ResultChoice] {
        if course?.isSelfCheck == true {
            return (recommendedCourse.map { [.openCourse($0)] } ?? []) + [.courses, .retake]
        }
        var choices: [ResultChoice] = []
        let next = nextLessonID(after: state.lesson.id).flatMap { id in course?.lesson(id: id) }
        if state.result.passed || state.isPractice, let next, next.id != state.lesson.id {
            choices.append(.nextLesson(next))
        }
        if !state.result.wrongQuestionIds.isEmpty, !state.isPractice { choices.append(.practise) }
        choices.append(.retake)
        if !state.lesson.steps.isEmpty { choices.append(.reread) }
        choices.append(.lessons)
        return choices
    }

    func handleResult(_ key: Key, _ state: ResultState) {
        var state = state
        let choices = resultChoices(state)
        if key == .escape {
            return course?.isSelfCheck == true
                ? showCourses(selecting: recommendedCourse) : showLessons(selecting: state.lesson.id)
        }
        if [Key.up, .down].contains(key) {
            scroll = nil
            state.moved = true
        }
        guard let index = menuKey(key, cursor: &state.cursor, count: choices.count) else {
            screen = .result(state)
            return
        }
        switch choices[index] {
        case .nextLesson(let lesson):
            showLessons(selecting: lesson.id)
            openLesson(lesson)
        case .practise:
            guard let learner else { return }
            let review = ReviewSession(
                quiz: state.session.quiz, learnerKey: learner.key, reviewedAttempt: state.session.attempt,
                questionIds: state.result.wrongQuestionIds, answered: [])
            var quiz = QuizScreenState(
                lesson: state.lesson, session: state.session, now: environment.now(), method: inputMethod)
            quiz.review = review
            showQuiz(quiz)
        case .retake:
            // A retake follows the attempt, not the practice; it opens on the introduction, so a
            // learner who signs out now is not left inside a new attempt.
            startQuizIntro(state.lesson)
        case .reread:
            screen = .reading(ReadingState(lesson: state.lesson, index: 0))
        case .lessons:
            showLessons(selecting: state.result.passed ? nextLessonID(after: state.lesson.id) : state.lesson.id)
        case .openCourse(let id):
            openCourse(id: id)
        case .courses:
            showCourses(selecting: recommendedCourse)
        }
    }

    /// Digits choose at once; ↑↓ move; Enter takes the highlighted choice. The chosen index, if any.
    func menuKey(_ key: Key, cursor: inout Int, count: Int) -> Int? {
        switch key {
        case .up: cursor = max(0, cursor - 1)
        case .down: cursor = min(max(0, count - 1), cursor + 1)
        case .enter, .right: return count > 0 ? min(cursor, count - 1) : nil
        case .character(let c):
            if let n = c.wholeNumberValue, (1...max(1, count)).contains(n), count > 0 { return n - 1 }
        default: break
        }
        return nil
    }

    /// Numbered menu lines with the cursor; `focus` is the highlighted one's rows.
    func menuLines(_ labels: [String], cursor: Int, width: Int) -> (lines: [String], focus: ClosedRange<Int>?) {
        var lines: [String] = []
        var focus: ClosedRange<Int>?
        for (index, label) in labels.enumerated() {
            let selected = usesKeys && index == cursor
            let start = lines.count
            lines += Layout.hanging(label, marker: (selected ? "› " : "  ") + "\(index + 1). ", width: width).map {
                selected ? styler.apply(TextStyle(reverse: true), to: $0) : $0
            }
            if selected { focus = start...(lines.count - 1) }
        }
        return (lines, focus)
    }

    func resultContent(_ state: ResultState, width: Int) -> ScreenContent {
        let result = state.result
        let total = state.answered.count
        let right = state.answered.filter(\.correct).count
        let partly = state.answered.filter { !$0.correct && $0.score > 0 }.count
        var body = [""]
        body += Layout.indented(say(ClientText.rightOutOf(right, total)), width: width)
        if partly > 0 { body += Layout.indented(say(ClientText.partlyRightCount(partly)), width: width) }
        let percent = Int((result.share * 100).rounded())
        if course?.isSelfCheck == true {
            body.append("")
            let advice: Phrase =
                recommendedCourse.flatMap { id in courseTitle(id).map(ClientText.startWith) } ?? ClientText.knowsItAll
            body += Layout.indented(say(advice), width: width).map { styler.apply(TextStyle(bold: true), to: $0) }
        } else if !state.isPractice {
            let rule = ruleText(result.mastery)
            let verdict = result.passed ? ClientText.passed(rule, percent) : ClientText.notPassed(rule, percent)
            body += Layout.indented(say(verdict), width: width).map {
                styler.apply(TextStyle(bold: true, foreground: result.passed ? .green : .yellow), to: $0)
            }
            body += certificateLines(state, width: width)
        }
        body.append("")
        if result.wrongQuestionIds.isEmpty {
            body += Layout.indented(say(ClientText.allRight), width: width)
        } else if course?.isSelfCheck != true {
            body += Layout.indented(say(ClientText.toReview), width: width)
            for id in result.wrongQuestionIds {
                guard let question = state.session.quiz.questions.first(where: { $0.id == id }) else { continue }
                body += Layout.hanging(question.prompt.plainText, marker: "  • ", width: width)
            }
        }
        body.append("")
        let labels = resultChoices(state).map { choice -> String in
            switch choice {
            case .nextLesson(let lesson): say(ClientText.nextLesson(safe(lesson.title)))
            case .practise: say(ClientText.practiseWrong)
            case .retake: say(ClientText.retake)
            case .reread: say(ClientText.rereadLesson)
            case .lessons: say(ClientText.backToLessons)
            case .openCourse(let id): say(ClientText.openCourse(courseTitle(id) ?? id))
            case .courses: say(ClientText.backToCourses)
            }
        }
        let menu = menuLines(labels, cursor: state.cursor, width: width)
        let focus = menu.focus.flatMap { rows in
            state.moved ? (rows.lowerBound + body.count)...(rows.upperBound + body.count) : nil
        }
        body += menu.lines
        let keys = [
            KeyHint(key: KeyMap.confirm, action: ClientText.keyOK, priority: 0),
            KeyHint(key: KeyMap.back, action: ClientText.keyBack, priority: 1),
            KeyHint(key: KeyMap.move, action: ClientText.keyChoose, priority: 4),
        ]
        return ScreenContent(
            title: safe(state.lesson.title),
            indicator: say(state.isPractice ? ClientText.practiceResultTitle : ClientText.resultTitle), body: body,
            focus: focus, keys: keys + commonKeys)
    }

    /// An installed course's title in the interface language, if it is installed.
    func courseTitle(_ id: String) -> String? {
        guard let listing = ((try? backend.installedCourses()) ?? []).first(where: { $0.id == id }) else { return nil }
        if language == .en, listing.language != "en", let english = listing.titleEnglish { return safe(english) }
        return safe(listing.title)
    }
}
