import CourseModel
import Localization
import TerminalText

/// A question put to the learner before something that cannot be undone at once: stopping a
/// quiz, signing out. Esc always answers "no, stay".
struct DialogState: Equatable {
    enum Kind: Equatable {
        /// Esc on a question: carry on, stop, or read the lesson again.
        case leaveQuiz(QuizScreenState)
        /// Esc on the course list: stay or sign out.
        case signOut(returnTo: LearnerApp.Screen)

        var name: String {
            switch self {
            case .leaveQuiz: "leave-quiz"
            case .signOut: "sign-out"
            }
        }
    }

    var kind: Kind
    var cursor = 0
}

extension LearnerApp {
    func handleDialog(_ key: Key, _ state: DialogState) {
        var state = state
        if key == .escape || key == .backspace { return closeDialog(state, choice: 0) }
        guard let index = menuKey(key, cursor: &state.cursor, count: dialogChoices(state).count) else {
            screen = .dialog(state)
            return
        }
        closeDialog(state, choice: index)
    }

    private func closeDialog(_ state: DialogState, choice: Int) {
        switch state.kind {
        case .leaveQuiz(let quiz):
            switch choice {
            case 1:
                showLessons(selecting: quiz.lesson.id)
                if let position = quiz.active.position, !quiz.isPractice {
                    let next = position.number + (quiz.outcome == nil ? 0 : 1)
                    message = say(
                        next > position.total ? ClientText.everythingSaved : ClientText.leaveQuizSaved(next))
                }
            case 2: screen = .reading(ReadingState(lesson: quiz.lesson, index: 0))
            default: screen = .quiz(quiz)
            }
        case .signOut(let returnTo):
            if choice == 1 { signOut(because: ClientText.signedOut) } else { screen = returnTo }
        }
    }

    private func dialogChoices(_ state: DialogState) -> [Phrase] {
        switch state.kind {
        case .leaveQuiz(let quiz):
            [ClientText.keepGoing, ClientText.stopToLessons]
                + (quiz.lesson.steps.isEmpty ? [] : [ClientText.rereadLesson])
        case .signOut: [ClientText.stay, ClientText.signOut]
        }
    }

    func dialogContent(_ state: DialogState, width: Int) -> ScreenContent {
        var body = [""]
        var title = say(ClientText.coursesTitle)
        var indicator = safe(learner?.displayName ?? "")
        switch state.kind {
        case .leaveQuiz(let quiz):
            title = safe(quiz.lesson.title)
            if let position = quiz.active.position {
                indicator = say(ClientText.questionCounter(position.number, position.total))
            }
            body += Layout.indented(say(ClientText.leaveQuizQuestion), width: width).map {
                styler.apply(TextStyle(bold: true), to: $0)
            }
            let next = (quiz.active.position?.number ?? 1) + (quiz.outcome == nil ? 0 : 1)
            let saved =
                next > quiz.active.quiz.questions.count ? ClientText.everythingSaved : ClientText.leaveQuizSaved(next)
            if !quiz.isPractice { body += Layout.indented(say(saved), width: width) }
        case .signOut:
            body += Layout.indented(say(ClientText.signOutQuestion), width: width).map {
                styler.apply(TextStyle(bold: true), to: $0)
            }
            body += Layout.indented(say(ClientText.everythingSaved), width: width)
        }
        body.append("")
        let menu = menuLines(dialogChoices(state).map(say), cursor: state.cursor, width: width)
        let focus = menu.focus.map { ($0.lowerBound + body.count)...($0.upperBound + body.count) }
        body += menu.lines
        let keys = [
            KeyHint(key: KeyMap.confirm, action: ClientText.keyOK, priority: 0),
            KeyHint(key: KeyMap.back, action: ClientText.keyBack, priority: 1),
            KeyHint(key: KeyMap.move, action: ClientText.keyChoose, priority: 4),
        ]
        return ScreenContent(title: title, indicator: indicator, body: body, focus: focus, keys: keys + commonKeys)
    }
}
