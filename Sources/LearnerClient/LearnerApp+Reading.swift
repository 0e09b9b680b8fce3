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
    /// Opens a lesson where the learner left it, else at its first step.
    func openLesson(_ lesson: Lesson, progress: CourseProgress) {
        guard let learner, let course else { return }
        record(occurrence { .lessonOpened(learner: $0, course: $1, version: $2, lesson: lesson.id, at: $3) })
        if let point = try? backend.resumePoint(learner: learner.code), point.courseID == course.id,
            point.lessonID == lesson.id, resume(point)
        {
            return
        }
        if lesson.steps.isEmpty {
            startQuizIntro(lesson)
        } else {
            screen = .reading(ReadingState(lesson: lesson, index: 0))
        }
    }

    /// Shows the screen a resume point names; false when it no longer exists (content changed).
    func resume(_ point: ResumePoint) -> Bool {
        if course?.id != point.courseID {
            guard let loaded = try? backend.loadCourse(id: point.courseID) else { return false }
            course = loaded
        }
        guard let course, let lesson = course.lesson(id: point.lessonID), let learner else { return false }
        switch point.position {
        case .step(let index):
            guard index < lesson.steps.count else {
                if lesson.quiz != nil { startQuizIntro(lesson) } else { return false }
                return true
            }
            screen = .reading(ReadingState(lesson: lesson, index: max(0, index)))
        case .quizStart:
            guard lesson.quiz != nil else { return false }
            startQuizIntro(lesson)
        case .quiz(let attempt, let answered):
            guard let quiz = lesson.quiz else { return false }
            let session = QuizSession(quiz: quiz, learnerKey: learner.key, attempt: attempt, answered: answered)
            if session.isFinished { return false }
            showQuiz(QuizScreenState(lesson: lesson, session: session, now: environment.now(), method: inputMethod))
        }
        return true
    }

    func handleReading(_ input: ClientInput, _ state: ReadingState) {
        var state = state
        let pageCount = readingPages(state, width: lastWidth, height: lastHeight).count
        enum Move { case next, previous, nextPage, previousPage, none }
        var move = Move.none
        switch input {
        case .line(let line):
            switch line.trimmingCharacters(in: .whitespaces).lowercased() {
            case "": move = .next
            case "b": move = .previous
            case "q": return quit()
            case "r": readAloud()
            case "l": return showLessons(selecting: state.lesson.id)
            default: break
            }
        case .key(let key):
            switch key {
            case .enter, .right, .space: move = state.page + 1 < pageCount ? .nextPage : .next
            case .left, .backspace: move = .previous
            case .character("n"), .pageDown, .down: move = .nextPage
            case .character("N"), .pageUp, .up: move = .previousPage
            case .character("r"), .character("R"): readAloud()
            case .character("q"), .character("Q"): return quit()
            case .escape: return showLessons(selecting: state.lesson.id)
            default: break
            }
        }
        switch move {
        case .none: break
        case .nextPage: state.page = min(state.page + 1, max(0, pageCount - 1))
        case .previousPage: state.page = max(0, state.page - 1)
        case .previous:
            if state.page > 0 {
                state.page = 0
            } else if state.index > 0 {
                state.index -= 1
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
        let pageHeight = height - ScreenContent.chromeHeight + StepScreen.chromeHeight
        return screen.pages(width: width, height: pageHeight).map { Array($0.dropFirst(2).dropLast()) }
    }

    func readingContent(_ state: ReadingState, width: Int, height: Int) -> ScreenContent {
        let lesson = state.lesson
        if state.index >= lesson.steps.count {
            let body = [""] + Layout.wrap(strings.lessonFinished, width: width - 2).map { "  " + $0 }
            return ScreenContent(title: lesson.title, body: body, footer: strings.continueKey)
        }
        let pages = readingPages(state, width: width, height: height)
        let page = min(state.page, pages.count - 1)
        var indicator = strings.stepCounter(state.index + 1, lesson.steps.count)
        if pages.count > 1 { indicator += " · \(page + 1)/\(pages.count)" }
        return ScreenContent(
            title: lesson.title, indicator: indicator, body: pages[page],
            footer: usesKeys ? strings.readingKeys : strings.readingKeysLine)
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
