import CourseModel
import Foundation
import Localization
import QuizEngine
import TerminalText

/// The entry self-check offered at a learner's first sign-in.
struct MenuState: Equatable {
    /// The self-check course.
    var courseID: String
    var questionCount: Int
    var cursor = 0
}

extension LearnerApp {
    /// Signed in: a new learner is offered the self-check; one who stopped in the middle of a
    /// lesson lands on that course's lessons, the cursor on it, told how to carry on; anyone
    /// else on the course list.
    func signedIn(_ account: LearnerAccount) {
        learner = account
        // For the facilitator's board; a failure here must not keep the learner out.
        try? backend.noteSession(learner: account.code, started: true, at: environment.now())
        course = nil
        scroll = nil
        message = say(ClientText.greeting(safe(account.displayName)))
        let listings = (try? backend.installedCourses()) ?? []
        recommendedCourse = selfCheckRecommendation()
        let started = (try? backend.lessonsDone(learner: account.code)) ?? [:]
        if started.isEmpty, let check = listings.first(where: \.isSelfCheck),
            let loaded = try? backend.loadCourse(id: check.id)
        {
            screen = .selfCheckOffer(MenuState(courseID: check.id, questionCount: loaded.allQuestions.count))
            return
        }
        if let point = try? backend.resumePoint(learner: account.code), showPlace(point) { return }
        showCourses(selecting: recommendedCourse)
    }

    /// The lesson list of the course a resume point is in, the cursor on its lesson and the way
    /// on said; false when the course or lesson is gone.
    private func showPlace(_ point: ResumePoint) -> Bool {
        guard let loaded = try? backend.loadCourse(id: point.courseID), let lesson = loaded.lesson(id: point.lessonID)
        else { return false }
        course = loaded
        showLessons(selecting: lesson.id)
        if case .quiz(_, let answered) = point.position, !answered.isEmpty {
            message = say(ClientText.carryOnQuiz(safe(lesson.title), answered.count + 1))
        } else {
            message = say(ClientText.carryOn(safe(lesson.title)))
        }
        return true
    }

    func handleSelfCheckOffer(_ key: Key, _ state: MenuState) {
        var state = state
        if key == .escape { return showCourses(selecting: nil) }
        guard let choice = menuKey(key, cursor: &state.cursor, count: 2) else {
            screen = .selfCheckOffer(state)
            return
        }
        guard choice == 0, let loaded = try? backend.loadCourse(id: state.courseID),
            let lesson = loaded.lessons.first(where: { $0.quiz != nil })
        else { return showCourses(selecting: nil) }
        course = loaded
        record(occurrence { .lessonOpened(learner: $0, course: $1, version: $2, lesson: lesson.id, at: $3) })
        startQuizIntro(lesson)
    }

    func selfCheckOfferContent(_ state: MenuState, width: Int) -> ScreenContent {
        var body = [""]
        let name = safe(learner?.displayName ?? "")
        body += Layout.indented(say(ClientText.selfCheckOffer(name, questions: state.questionCount)), width: width)
        body.append("")
        let menu = menuLines(
            [say(ClientText.takeSelfCheck), say(ClientText.skipSelfCheck)], cursor: state.cursor, width: width)
        let focus = menu.focus.map { ($0.lowerBound + body.count)...($0.upperBound + body.count) }
        body += menu.lines
        let keys = [
            KeyHint(key: KeyMap.confirm, action: ClientText.keyOK, priority: 0),
            KeyHint(key: KeyMap.back, action: ClientText.keyBack, priority: 1),
            KeyHint(key: KeyMap.move, action: ClientText.keyChoose, priority: 4),
        ]
        return ScreenContent(
            title: say(ClientText.selfCheckTitle), indicator: name, body: body, focus: focus, keys: keys + commonKeys)
    }

    /// The course the learner's last self-check recommends, if they took one and it names an
    /// installed course.
    func selfCheckRecommendation() -> String? {
        guard let learner else { return nil }
        let listings = (try? backend.installedCourses()) ?? []
        guard let check = listings.first(where: \.isSelfCheck), let loaded = try? backend.loadCourse(id: check.id),
            let selfCheck = loaded.selfCheck
        else { return nil }
        var answered = 0
        var correct: Set<String> = []
        for lesson in loaded.lessons {
            let answers = (try? backend.finishedAnswers(learner: learner.code, course: loaded, lesson: lesson.id)) ?? []
            answered += answers.count
            correct.formUnion(answers.filter(\.correct).map(\.questionId))
        }
        guard answered > 0 else { return nil }
        switch selfCheck.recommendation(correct: correct) {
        case .start(let id): return listings.contains { $0.id == id && !$0.isSelfCheck } ? id : nil
        case .knowsItAll: return nil
        }
    }
}
