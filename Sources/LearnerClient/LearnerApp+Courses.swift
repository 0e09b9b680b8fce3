import CourseModel
import Foundation
import TerminalText

/// The course list.
struct CourseListState: Equatable {
    var courses: [CourseListing]
    var progress: [String: Int]
    var cursor = 0
    var typedNumber = ""
}

/// The lessons of one course.
struct LessonListState: Equatable {
    var progress: CourseProgress
    var cursor = 0
    var typedNumber = ""
}

/// A list's answer to a key: move, open an item, go back, or nothing.
enum ListAction: Equatable {
    case none
    case open(Int)
    case back, progress
}

extension LearnerApp {
    func showCourses(selecting id: String?) {
        let listings = (try? backend.installedCourses()) ?? []
        // One query for every course: the list must not load 50 courses to show itself.
        let done = learner.flatMap { try? backend.lessonsDone(learner: $0.code) } ?? [:]
        let cursor = id.flatMap { id in listings.firstIndex { $0.id == id } } ?? 0
        screen = .courses(CourseListState(courses: listings, progress: done, cursor: cursor))
    }

    func handleCourses(_ input: ClientInput, _ state: CourseListState) {
        var state = state
        let action = listAction(input, cursor: &state.cursor, typed: &state.typedNumber, count: state.courses.count)
        screen = .courses(state)
        switch action {
        case .none: break
        case .back: quit()
        case .progress: showProgress()
        case .open(let index):
            openCourse(id: state.courses[index].id)
        }
    }

    func openCourse(id: String) {
        guard let learner else { return }
        do {
            let loaded = try backend.loadCourse(id: id)
            course = loaded
            let progress = try backend.progress(learner: learner.code, course: loaded)
            let next = loaded.lessons.firstIndex { progress.status(of: $0.id) != .done } ?? 0
            screen = .lessons(LessonListState(progress: progress, cursor: next))
        } catch {
            message = "\(strings.errorPrefix) \(error)"
        }
    }

    func showLessons(selecting lessonID: String?) {
        guard let learner, let course else { return showCourses(selecting: nil) }
        let progress = (try? backend.progress(learner: learner.code, course: course)) ?? CourseProgress()
        let cursor = lessonID.flatMap { id in course.lessons.firstIndex { $0.id == id } } ?? 0
        screen = .lessons(LessonListState(progress: progress, cursor: cursor))
    }

    func handleLessons(_ input: ClientInput, _ state: LessonListState) {
        guard let course else { return showCourses(selecting: nil) }
        var state = state
        let action = listAction(input, cursor: &state.cursor, typed: &state.typedNumber, count: course.lessons.count)
        screen = .lessons(state)
        switch action {
        case .none: break
        case .back: showCourses(selecting: course.id)
        case .progress: showProgress()
        case .open(let index): openLesson(course.lessons[index], progress: state.progress)
        }
    }

    /// Keys and lines on a numbered list: ↑↓, digits, Enter opens, Backspace/Esc goes back, `p` progress.
    func listAction(_ input: ClientInput, cursor: inout Int, typed: inout String, count: Int) -> ListAction {
        switch input {
        case .line(let line):
            let text = line.trimmingCharacters(in: .whitespaces).lowercased()
            if text == "q" {
                quit()
                return .none
            }
            if text == "b" || text == "0" { return .back }
            if text == "p" { return .progress }
            if text.isEmpty, count > 0 { return .open(cursor) }
            if let n = Int(text), (1...count).contains(n) { return .open(n - 1) }
            return .none
        case .key(let key):
            switch key {
            case .up: cursor = max(0, cursor - 1)
            case .down: cursor = min(max(0, count - 1), cursor + 1)
            case .pageUp: cursor = max(0, cursor - 10)
            case .pageDown: cursor = min(max(0, count - 1), cursor + 10)
            case .home: cursor = 0
            case .end: cursor = max(0, count - 1)
            case .enter, .right: return count > 0 ? .open(cursor) : .none
            case .backspace, .left, .escape: return .back
            case .character("q"), .character("Q"):
                quit()
            case .character("p"), .character("P"): return .progress
            case .character("r"), .character("R"): readAloud()
            case .character(let c) where c.isASCII && c.isNumber:
                // Digits jump to that item; two digits reach item 10 and beyond.
                typed = typed.count >= 2 ? String(c) : typed + String(c)
                if let n = Int(typed), (1...count).contains(n) {
                    cursor = n - 1
                } else if let n = Int(String(c)), (1...count).contains(n) {
                    typed = String(c)
                    cursor = n - 1
                } else {
                    typed = ""
                }
                return .none
            default: break
            }
            typed = ""
            return .none
        }
    }

    func courseListContent(_ state: CourseListState, width: Int) -> ScreenContent {
        var body: [String] = []
        var focus = 0
        if state.courses.isEmpty {
            body =
                [""] + Layout.wrap(strings.noCourses, width: width - 2).map { "  " + $0 } + [""]
                + Layout.wrap(strings.installHint, width: width - 2).map { "  " + $0 }
        }
        for (index, listing) in state.courses.enumerated() {
            let selected = index == state.cursor && usesKeys
            let marker = (selected ? "› " : "  ") + "\(index + 1). "
            var detail = ""
            if let done = state.progress[listing.id] {
                detail =
                    done >= listing.lessonCount
                    ? " ✓ \(strings.courseDone)" : " (\(strings.lessonsDone(done, listing.lessonCount)))"
            }
            var title = listing.title
            if strings.code == "en", listing.language != "en", let english = listing.titleEnglish { title = english }
            if index == state.cursor { focus = body.count }
            let lines = Layout.hang(
                Layout.wrap(title + detail, width: width - TerminalWidth.of(marker)), marker: marker)
            body += lines.map { selected ? styler.apply(.init(reverse: true), to: $0) : $0 }
        }
        let keys = strings.courseKeys(usesKeys)
        return ScreenContent(
            title: strings.coursesTitle, indicator: learner?.displayName ?? "", body: body, focus: focus, footer: keys)
    }

    func lessonListContent(_ state: LessonListState, width: Int) -> ScreenContent {
        guard let course else { return ScreenContent(title: strings.coursesTitle, body: [], footer: "") }
        var body: [String] = []
        var focus = 0
        for (index, lesson) in course.lessons.enumerated() {
            let status = state.progress.status(of: lesson.id)
            let symbol =
                switch status {
                case .done: "✓"
                case .inProgress: "▶"
                case .notStarted: "○"
                }
            let selected = index == state.cursor && usesKeys
            let marker = (selected ? "› " : "  ") + "\(symbol) \(index + 1). "
            var detail = " — " + strings.stepsAndQuestions(lesson.steps.count, lesson.quiz?.questions.count ?? 0)
            if let best = state.progress.bestScores[lesson.id] {
                detail += ", " + strings.bestScore(Int((best * 100).rounded()))
            }
            if index == state.cursor { focus = body.count }
            let lines = Layout.hang(
                Layout.wrap(lesson.title + detail, width: width - TerminalWidth.of(marker)), marker: marker)
            body += lines.map { selected ? styler.apply(.init(reverse: true), to: $0) : $0 }
        }
        body += ["", "  " + strings.lessonLegend]
        let keys = strings.lessonKeys(usesKeys)
        return ScreenContent(
            title: course.title, indicator: strings.lessonsDone(state.progress.doneCount, course.lessons.count),
            body: body, focus: focus, footer: keys)
    }
}
