import CourseModel
import Foundation
import LearnerEvents
import Localization
import QuizEngine

extension LearnerApp {
    /// The quiz's introduction: the attempt left open in this lesson when there is one (so a
    /// learner who stopped carries on), else a new attempt.
    func startQuizIntro(_ lesson: Lesson) {
        guard let quiz = lesson.quiz, let learner, let course else { return }
        var state: QuizScreenState
        if let point = try? backend.resumePoint(learner: learner.code), point.courseID == course.id,
            point.lessonID == lesson.id, case .quiz(let attempt, let answered) = point.position,
            case let session = QuizSession(quiz: quiz, learnerKey: learner.key, attempt: attempt, answered: answered),
            !session.isFinished
        {
            state = QuizScreenState(lesson: lesson, session: session, now: environment.now(), method: inputMethod)
            state.started = true
        } else {
            let attempt = ((try? backend.progress(learner: learner.code, course: course))?.attempts[lesson.id] ?? 0) + 1
            state = QuizScreenState(
                lesson: lesson, session: QuizSession(quiz: quiz, learnerKey: learner.key, attempt: attempt),
                now: environment.now(), method: inputMethod)
        }
        state.intro = true
        screen = .quiz(state)
    }

    /// Starts the attempt on screen: `quiz.started` is recorded (once), then a question shows.
    func beginAttempt(_ state: QuizScreenState) {
        var state = state
        state.intro = false
        if !state.started, !state.isPractice {
            let started = occurrence {
                .quizStarted(
                    learner: $0, course: $1, version: $2, lesson: state.lesson.id, attempt: state.session.attempt,
                    at: $3)
            }
            guard record(started) else { return }
            state.started = true
        }
        showQuiz(state)
    }

    func showQuiz(_ state: QuizScreenState) {
        var state = state
        state.prepare(now: environment.now())
        screen = .quiz(state)
    }

    func handleQuiz(_ key: Key, _ state: QuizScreenState) {
        var state = state
        if state.intro {
            switch key {
            case .enter, .space, .right: return beginAttempt(state)
            case .left, .backspace:
                // Back to the last step: the lesson can be read again before the quiz.
                if !state.lesson.steps.isEmpty {
                    screen = .reading(
                        ReadingState(lesson: state.lesson, index: state.lesson.steps.count - 1, page: 0))
                    return
                }
                return showLessons(selecting: state.lesson.id)
            case .escape: return showLessons(selecting: state.lesson.id)
            case .down: scroll = lastTop + 1
            case .up: scroll = max(0, lastTop - 1)
            default: return
            }
            return
        }
        if state.outcome != nil {
            switch key {
            case .enter, .space, .right:
                try? state.proceed()
                state.outcome = nil
                if state.active.isFinished { return finishQuiz(state) }
                return showQuiz(state)
            case .escape: return askToLeave(state)
            case .down: scroll = lastTop + 1
            case .up: scroll = max(0, lastTop - 1)
            default: return
            }
            return
        }
        guard let question = state.question else { return finishQuiz(state) }
        state.notice = nil
        // A pick shows the picked row: the view follows the selection again.
        scroll = nil
        switch key {
        case .escape: return askToLeave(state)
        case .function(3):
            if let hint = state.revealHint() {
                state.hints.append(hint)
            } else {
                state.notice = ClientText.noMoreHints(question.hints.count)
            }
            scroll = nil
            screen = .quiz(state)
            return
        default: break
        }
        state.interacted = true
        if let responses = answerKey(key, question: question, state: &state) {
            return submit(responses, state: state)
        }
        screen = .quiz(state)
    }

    /// Grades, records durably, and only then shows the feedback. A failed write undoes the answer.
    ///
    /// The last answer of an attempt is recorded in one transaction with the attempt's result
    /// and, when it passes, the lesson's (and course's) completion: a learner who leaves on the
    /// last feedback — or loses power there — keeps the pass.
    func submit(_ responses: [Response], state: QuizScreenState) {
        var state = state
        let before = state
        let elapsed = Int(max(0, environment.now() - state.shownAt))
        let outcome: AnswerOutcome
        do {
            outcome = try state.submit(responses, elapsedMs: elapsed)
        } catch {
            state.notice = error.gap.map { gapText($0) } ?? ClientText.pickFirst
            screen = .quiz(state)
            return
        }
        let (lesson, attempt, practice) = (state.lesson, state.active.attempt, state.isPractice)
        var occurrences = occurrence {
            .answerSubmitted(
                learner: $0, course: $1, version: $2, lesson: lesson.id, attempt: attempt, answer: outcome.recorded,
                practice: practice, at: $3)
        }
        if outcome.finishesQuiz, !practice, let result = state.active.result {
            occurrences += occurrence {
                .quizFinished(
                    learner: $0, course: $1, version: $2, lesson: lesson.id, attempt: result.attempt,
                    outcome: result.outcome(isFinal: lesson.isFinal), at: $3)
            }
            if result.passed || course?.isSelfCheck == true { occurrences += completion(of: lesson) }
        }
        guard record(occurrences) else {
            screen = .quiz(before)
            return
        }
        state.outcome = outcome
        scroll = nil
        screen = .quiz(state)
    }

    /// What a response still lacks, said next to it.
    func gapText(_ gap: ResponseGap) -> Phrase {
        switch gap {
        case .nothingChosen: ClientText.pickFirst
        case .itemsUnplaced(let placed, let total): ClientText.orderIncomplete(placed, total)
        case .pairsUnmade(let made, let total): ClientText.pairsIncomplete(made, total)
        case .emptyText: ClientText.emptyAnswer
        case .tooLong(let limit): ClientText.tooLong(limit)
        case .notANumber: ClientText.notANumber
        case .wrongShape: ClientText.pickFirst
        }
    }

    /// The attempt is over (its result was recorded with the last answer): show the result.
    func finishQuiz(_ state: QuizScreenState) {
        guard let result = state.active.result else { return showLessons(selecting: state.lesson.id) }
        if course?.isSelfCheck == true, !state.isPractice { recommendedCourse = selfCheckRecommendation() }
        screen = .result(
            ResultState(
                lesson: state.lesson, session: state.session, result: result, isPractice: state.isPractice,
                answered: state.active.answered))
    }

    /// Esc on a question: asks before leaving; the answers given are recorded already.
    func askToLeave(_ state: QuizScreenState) {
        screen = .dialog(DialogState(kind: .leaveQuiz(state)))
    }
}
