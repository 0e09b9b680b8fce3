import CourseModel
import QuizEngine
import TerminalText

/// The result of an attempt or a practice review.
struct ResultState: Equatable {
    var lesson: Lesson
    var session: QuizSession
    var result: QuizResult
    var isPractice: Bool
}

/// The learner's progress in every installed course.
struct ProgressState: Equatable {
    var rows: [Row]
    var returnTo: ReturnTo

    struct Row: Equatable {
        var title: String
        var done: Int
        var total: Int
    }

    enum ReturnTo: Equatable { case courses, lessons }
}

extension LearnerApp {
    func handleResult(_ input: ClientInput, _ state: ResultState) {
        let command: String
        switch input {
        case .key(.enter), .key(.backspace), .key(.escape): command = ""
        case .key(.character(let c)): command = String(c).lowercased()
        case .line(let line): command = line.trimmingCharacters(in: .whitespaces).lowercased()
        default: return
        }
        switch command {
        case "q": quit()
        case "r": readAloud()
        case "p": showProgress()
        case "1":
            // A retake follows the attempt, not the practice: practice never changes the attempt count.
            let finished = QuizSession(
                quiz: state.session.quiz, learnerKey: state.session.learnerKey, attempt: state.session.attempt,
                answered: state.session.answered)
            guard let next = try? finished.retake() else { return }
            beginAttempt(
                QuizScreenState(lesson: state.lesson, session: next, now: environment.now(), method: inputMethod))
        case "2" where !state.result.wrongQuestionIds.isEmpty:
            guard let learner else { return }
            let review = ReviewSession(
                quiz: state.session.quiz, learnerKey: learner.key, reviewedAttempt: state.session.attempt,
                questionIds: state.result.wrongQuestionIds, answered: [])
            var quiz = QuizScreenState(
                lesson: state.lesson, session: state.session, now: environment.now(), method: inputMethod)
            quiz.review = review
            showQuiz(quiz)
        case "":
            showLessons(
                selecting: state.result.passed && !state.isPractice
                    ? nextLessonID(after: state.lesson.id) : state.lesson.id)
        default: break
        }
    }

    func resultContent(_ state: ResultState, width: Int) -> ScreenContent {
        let result = state.result
        var body = [""]
        let percent = Int((result.share * 100).rounded())
        body.append("  " + strings.score(Self.number(result.score), Self.number(result.maxScore), percent))
        if !state.isPractice {
            let verdict = result.passed ? strings.passed : strings.notPassed
            body.append(
                "  " + styler.apply(TextStyle(bold: true, foreground: result.passed ? .green : .yellow), to: verdict))
            body.append("  " + strings.passRule(result.mastery.summary))
        }
        body.append("")
        if result.wrongQuestionIds.isEmpty {
            body.append("  " + strings.allRight)
        } else {
            body.append("  " + strings.toReview)
            let questions = state.session.quiz.questions
            for id in result.wrongQuestionIds {
                guard let question = questions.first(where: { $0.id == id }) else { continue }
                body += Layout.hang(Layout.wrap(question.prompt.plainText, width: width - 6), marker: "  • ")
            }
        }
        return ScreenContent(
            title: state.lesson.title, indicator: state.isPractice ? strings.practiceResultTitle : strings.resultTitle,
            body: body, footer: strings.resultKeys(!result.wrongQuestionIds.isEmpty))
    }

    func showProgress() {
        guard let learner else { return }
        let returnTo: ProgressState.ReturnTo = if case .courses = screen { .courses } else { .lessons }
        let done = (try? backend.lessonsDone(learner: learner.code)) ?? [:]
        let rows = ((try? backend.installedCourses()) ?? []).map { listing in
            ProgressState.Row(title: listing.title, done: done[listing.id] ?? 0, total: listing.lessonCount)
        }
        screen = .progress(ProgressState(rows: rows, returnTo: returnTo))
    }

    func handleProgress(_ input: ClientInput, _ state: ProgressState) {
        switch input {
        case .key(.character("q")), .line("q"): return quit()
        case .key(.enter), .key(.backspace), .key(.escape), .key(.left), .line:
            if state.returnTo == .lessons, course != nil {
                showLessons(selecting: nil)
            } else {
                showCourses(selecting: course?.id)
            }
        default: break
        }
    }

    func progressContent(_ state: ProgressState, width: Int) -> ScreenContent {
        var body = [""]
        let barWidth = 10
        for row in state.rows {
            let filled = row.total > 0 ? row.done * barWidth / row.total : 0
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
            let detail = row.done == 0 ? strings.notStartedYet : strings.lessonsDone(row.done, row.total)
            let marker = "  \(bar) "
            body += Layout.hang(
                Layout.wrap("\(row.title) — \(detail)", width: width - TerminalWidth.of(marker)), marker: marker)
        }
        return ScreenContent(
            title: strings.progressTitle, indicator: learner?.displayName ?? "", body: body,
            footer: strings.progressKeys)
    }
}
