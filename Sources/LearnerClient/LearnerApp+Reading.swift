import CourseModel
import Foundation
import LearnerEvents
import QuizEngine
import TerminalText

/// Reading a lesson, one step a screen; `index == steps.count` is the "lesson read" page.
struct ReadingState: Equatable {
    var lesson: Lesson
    var index: Int
    var page = 0
}

extension LearnerApp {
    /// Opens a lesson: where the learner left it when it was the lesson they stopped in (a quiz
    /// with answers given carries on at its next question), else at its first step — a lesson
    /// already passed is read again from the start, never skipped to its quiz.
    func openLesson(_ lesson: Lesson) {
        guard let learner, let course else { return }
        let point = try? backend.resumePoint(learner: learner.code)
        let done = (try? backend.progress(learner: learner.code, course: course))?.status(of: lesson.id) == .done
        record(occurrence { .lessonOpened(learner: $0, course: $1, version: $2, lesson: lesson.id, at: $3) })
        if let point, point.courseID == course.id, point.lessonID == lesson.id {
            switch point.position {
            case .quiz(let attempt, let answered) where !answered.isEmpty:
                if let quiz = lesson.quiz {
                    let session = QuizSession(quiz: quiz, learnerKey: learner.key, attempt: attempt, answered: answered)
                    if !session.isFinished {
                        var state = QuizScreenState(
                            lesson: lesson, session: session, now: environment.now(), method: inputMethod)
                        state.started = true
                        return showQuiz(state)
                    }
                }
            case .quiz, .quizStart:
                if lesson.quiz != nil, !done { return startQuizIntro(lesson) }
            case .step(let index) where index < lesson.steps.count && !done:
                screen = .reading(ReadingState(lesson: lesson, index: max(0, index)))
                return
            case .step:
                break
            }
        }
        if lesson.steps.isEmpty {
            startQuizIntro(lesson)
        } else {
            screen = .reading(ReadingState(lesson: lesson, index: 0))
        }
    }

    func handleReading(_ key: Key, _ state: ReadingState) {
        var state = state
        let pageCount = readingPages(state, width: lastWidth, height: lastHeight).count
        enum Move { case next, previous, nextPage, previousPage, none }
        var move = Move.none
        switch key {
        case .enter, .right, .space: move = state.page + 1 < pageCount ? .nextPage : .next
        case .left, .backspace: move = .previous
        case .pageDown, .down: move = .nextPage
        case .pageUp, .up: move = .previousPage
        case .escape: return showLessons(selecting: state.lesson.id)
        default: break
        }
        switch move {
        case .none: break
        case .nextPage: state.page = min(state.page + 1, max(0, pageCount - 1))
        case .previousPage: state.page = max(0, state.page - 1)
        case .previous:
            if state.page > 0 {
                state.page -= 1
            } else if state.index > 0 {
                state.index -= 1
                state.page = Int.max  // the last page of the step before
            } else {
                return showLessons(selecting: state.lesson.id)
            }
        case .next:
            if state.index < state.lesson.steps.count {
                let step = state.lesson.steps[state.index]
                record(
                    occurrence {
                        .stepRead(learner: $0, course: $1, version: $2, lesson: state.lesson.id, step: step.id, at: $3)
                    })
                state.index += 1
                state.page = 0
                if state.index == state.lesson.steps.count {
                    if state.lesson.quiz != nil { return startQuizIntro(state.lesson) }
                    record(completion(of: state.lesson))
                }
            } else {
                return showLessons(selecting: nextLessonID(after: state.lesson.id))
            }
        }
        if state.page == Int.max {
            state.page = max(0, readingPages(state, width: lastWidth, height: lastHeight).count - 1)
        }
        screen = .reading(state)
    }

    /// The pages of the current step at a size (one page in line mode).
    func readingPages(_ state: ReadingState, width: Int, height: Int) -> [[String]] {
        guard state.index < state.lesson.steps.count else { return [[]] }
        let step = state.lesson.steps[state.index]
        if height <= 0 {
            return [renderer(width).renderHeading([.text(step.title)]) + [""] + renderer(width).render(step.blocks)]
        }
        // StepScreen paginates; its own title bar, rule and footer are replaced by ours.
        let screen = StepScreen(
            title: step.title, blocks: [.heading(level: 3, content: [.text(step.title)])] + step.blocks, hint: "",
            styler: styler, language: renderLanguage)
        let pageHeight = height - ScreenContent.chromeHeight - 1 + StepScreen.chromeHeight
        return screen.pages(width: width, height: pageHeight).map { Array($0.dropFirst(2).dropLast()) }
    }

    func readingContent(_ state: ReadingState, width: Int, height: Int) -> ScreenContent {
        let lesson = state.lesson
        if state.index >= lesson.steps.count {
            let body = [""] + Layout.indented(say(ClientText.lessonFinished), width: width)
            let keys = [
                KeyHint(key: KeyMap.confirm, action: ClientText.backToLessons, priority: 0),
                KeyHint(key: KeyMap.previous, action: ClientText.keyPrevious, priority: 4),
            ]
            return ScreenContent(title: safe(lesson.title), body: body, keys: keys + commonKeys)
        }
        let pages = readingPages(state, width: width, height: height)
        let page = min(state.page, pages.count - 1)
        var indicator = say(ClientText.stepCounter(state.index + 1, lesson.steps.count))
        if pages.count > 1 { indicator += " · " + say(ClientText.pageCounter(page + 1, pages.count)) }
        var keys = [
            KeyHint(key: KeyMap.confirm, action: ClientText.keyNext, priority: 0),
            KeyHint(key: KeyMap.back, action: ClientText.keyBack, priority: 1),
            KeyHint(key: KeyMap.previous, action: ClientText.keyPrevious, priority: 4),
        ]
        if pages.count > 1 { keys.append(KeyHint(key: KeyMap.scroll, action: ClientText.keyMore, priority: 4)) }
        return ScreenContent(
            title: safe(lesson.title), indicator: indicator, body: pages[page], keys: keys + commonKeys)
    }

    /// What completing `lesson` adds to the log: `lesson.completed`, and `course.completed` when
    /// it was the last lesson not done; nothing when it was done already.
    func completion(of lesson: Lesson) -> [Occurrence] {
        guard let learner, let course else { return [] }
        let before = (try? backend.progress(learner: learner.code, course: course)) ?? CourseProgress()
        guard before.status(of: lesson.id) != .done else { return [] }
        var out = occurrence {
            .lessonCompleted(learner: $0, course: $1, version: $2, lesson: lesson.id, at: $3)
        }
        if course.lessons.allSatisfy({ $0.id == lesson.id || before.status(of: $0.id) == .done }) {
            out += occurrence { .courseCompleted(learner: $0, course: $1, version: $2, at: $3) }
        }
        return out
    }

    /// The lesson after `id`, to put the cursor on once a lesson is done.
    func nextLessonID(after id: String) -> String? {
        guard let course, let index = course.lessons.firstIndex(where: { $0.id == id }) else { return nil }
        return index + 1 < course.lessons.count ? course.lessons[index + 1].id : id
    }
}
