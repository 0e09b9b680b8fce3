import CourseModel
import Foundation
import Localization
import ProgressStore
import TerminalText

/// The course list.
struct CourseListState: Equatable {
    var courses: [CourseListing]
    var progress: [String: Int]
    /// The learner's groups' assignments by course id (the soonest due of each course).
    var assigned: [String: GroupAssignment] = [:]
    var cursor = 0
    var typedNumber = ""
}

/// The lessons of one course.
struct LessonListState: Equatable {
    var progress: CourseProgress
    var cursor = 0
    var typedNumber = ""
    /// Said under the highlighted lesson (why it is locked).
    var notice: Phrase?
}

/// A list's answer to a key: move, open an item, go back, or nothing.
enum ListAction: Equatable {
    case none
    case open(Int)
    case back
}

extension LearnerApp {
    /// The course list, self-checks last, the cursor on `id` (where the learner was).
    func showCourses(selecting id: String?) {
        let assigned = assignedCourses()
        // Assigned courses first (soonest due first), self-checks last.
        let listings = ((try? backend.installedCourses()) ?? []).enumerated().sorted {
            (rank($0.element, assigned), $0.offset) < (rank($1.element, assigned), $1.offset)
        }.map(\.element)
        // One query for every course: the list must not load 50 courses to show itself.
        let done = learner.flatMap { try? backend.lessonsDone(learner: $0.code) } ?? [:]
        let cursor = id.flatMap { id in listings.firstIndex { $0.id == id } } ?? 0
        screen = .courses(
            CourseListState(
                courses: listings, progress: done, assigned: assigned.mapValues(\.assignment), cursor: cursor))
    }

    func handleCourses(_ key: Key, _ state: CourseListState) {
        if key == .character("/") { return startSearch() }
        var state = state
        let action = listAction(key, cursor: &state.cursor, typed: &state.typedNumber, count: state.courses.count)
        screen = .courses(state)
        switch action {
        case .none: break
        case .back: screen = .dialog(DialogState(kind: .signOut(returnTo: screen)))
        case .open(let index): openCourse(id: state.courses[index].id)
        }
    }

    /// Opens a course at its lesson list, the cursor on the first lesson not done.
    func openCourse(id: String) {
        guard let learner else { return }
        do {
            let loaded = try backend.loadCourse(id: id)
            course = loaded
            let progress = try backend.progress(learner: learner.code, course: loaded)
            let next = loaded.lessons.firstIndex { progress.status(of: $0.id) != .done } ?? 0
            screen = .lessons(LessonListState(progress: progress, cursor: next))
        } catch {
            message = "\(say(ClientText.errorPrefix)) \(failure(error))"
        }
    }

    /// The open course's lessons, the cursor on `lessonID` (where the learner was).
    func showLessons(selecting lessonID: String?) {
        guard let learner, let course else { return showCourses(selecting: nil) }
        let progress = (try? backend.progress(learner: learner.code, course: course)) ?? CourseProgress()
        let cursor = lessonID.flatMap { id in course.lessons.firstIndex { $0.id == id } } ?? 0
        screen = .lessons(LessonListState(progress: progress, cursor: cursor))
    }

    func handleLessons(_ key: Key, _ state: LessonListState) {
        guard let course else { return showCourses(selecting: nil) }
        var state = state
        state.notice = nil
        let action = listAction(key, cursor: &state.cursor, typed: &state.typedNumber, count: course.lessons.count)
        screen = .lessons(state)
        switch action {
        case .none: break
        case .back: showCourses(selecting: course.id)
        case .open(let index):
            let done = Set(course.lessons.map(\.id).filter { state.progress.status(of: $0) == .done })
            if let blocking = course.lessonBlocking(index, done: done),
                let previous = course.lessons.firstIndex(where: { $0.id == blocking.id })
            {
                state.notice = ClientText.lessonLocked(index + 1, previous + 1, safe(blocking.title))
                screen = .lessons(state)
                return
            }
            openLesson(course.lessons[index])
        }
    }

    /// Keys on a numbered list: ↑↓ move, digits jump (two digits reach 10 and beyond), Enter
    /// opens, Esc (or ← or Backspace) goes back.
    func listAction(_ key: Key, cursor: inout Int, typed: inout String, count: Int) -> ListAction {
        let last = max(0, count - 1)
        switch key {
        case .up: cursor = max(0, cursor - 1)
        case .down: cursor = min(last, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = last
        case .enter, .right: return count > 0 ? .open(cursor) : .none
        case .backspace, .left, .escape: return .back
        case .character(let c) where c.isASCII && c.isNumber:
            typed = typed.count >= 2 ? String(c) : typed + String(c)
            if let n = Int(typed), (1...max(1, count)).contains(n), count > 0 {
                cursor = n - 1
            } else if let n = Int(String(c)), (1...max(1, count)).contains(n), count > 0 {
                typed = String(c)
                cursor = n - 1
            } else {
                typed = ""
            }
            scroll = nil
            return .none
        default: return .none
        }
        typed = ""
        scroll = nil
        return .none
    }

    /// A course's title in the interface language (its English title in an English interface).
    func courseTitle(_ course: Course) -> String {
        if language == .en, course.language != "en", let english = course.titleEnglish { return safe(english) }
        return safe(course.title)
    }

    func courseListContent(_ state: CourseListState, width: Int) -> ScreenContent {
        var body: [String] = []
        var focus: ClosedRange<Int>?
        if state.courses.isEmpty {
            body =
                [""] + Layout.indented(say(ClientText.noCourses), width: width) + [""]
                + Layout.indented(say(ClientText.installHint), width: width)
        }
        for (index, listing) in state.courses.enumerated() {
            let selected = index == state.cursor && usesKeys
            let marker = (selected ? "› " : "  ") + "\(index + 1). "
            var title = safe(listing.title)
            if language == .en, listing.language != "en", let english = listing.titleEnglish { title = safe(english) }
            // A course in another language than the interface is marked, so nobody opens it unawares.
            if listing.language != language.rawValue {
                title += " (" + say(listing.language == "en" ? ClientText.inEnglish : ClientText.inVietnamese) + ")"
            }
            var details: [String] = []
            let done = state.progress[listing.id]
            if listing.isSelfCheck {
                details.append(say(done == nil ? ClientText.notStartedYet : ClientText.selfCheckDone))
            } else if let done {
                details.append(
                    say(
                        done >= listing.lessonCount
                            ? ClientText.courseDone : ClientText.lessonsDone(done, listing.lessonCount)))
            } else {
                details.append(say(ClientText.notStartedYet))
            }
            if listing.id == recommendedCourse { details.append(say(ClientText.recommendedHere)) }
            if let assignment = state.assigned[listing.id] { details.append(say(ClientText.assigned(assignment))) }
            let start = body.count
            let lines = Layout.hanging(([title] + details).joined(separator: " — "), marker: marker, width: width)
            body += lines.map { selected ? styler.apply(TextStyle(reverse: true), to: $0) : $0 }
            if index == state.cursor { focus = start...(body.count - 1) }
        }
        let keys = [
            KeyHint(key: KeyMap.confirm, action: ClientText.keyOpen, priority: 0),
            KeyHint(key: KeyMap.back, action: ClientText.keyBack, priority: 1),
            KeyHint(key: KeyMap.move, action: ClientText.keyChoose, priority: 4),
            KeyHint(key: KeyMap.search, action: ClientText.keySearch, priority: 3),
        ]
        return ScreenContent(
            title: say(ClientText.coursesTitle), indicator: safe(learner?.displayName ?? ""), body: body, focus: focus,
            keys: keys + commonKeys)
    }

    func lessonListContent(_ state: LessonListState, width: Int) -> ScreenContent {
        guard let course else { return ScreenContent(title: say(ClientText.coursesTitle), body: [], keys: commonKeys) }
        var body: [String] = []
        var focus: ClosedRange<Int>?
        let done = Set(course.lessons.map(\.id).filter { state.progress.status(of: $0) == .done })
        for (index, lesson) in course.lessons.enumerated() {
            let blocking = course.lessonBlocking(index, done: done)
            let status: String =
                switch state.progress.status(of: lesson.id) {
                case .done: "✓"
                case .inProgress: "▶"
                case .notStarted: "○"
                }
            let symbol = blocking != nil ? "⊘" : status
            let selected = index == state.cursor && usesKeys
            let marker = (selected ? "› " : "  ") + "\(symbol) \(index + 1). "
            var details = [say(ClientText.stepsAndQuestions(lesson.steps.count, lesson.quiz?.questions.count ?? 0))]
            if let best = state.progress.bestScores[lesson.id] {
                details.append(say(ClientText.bestScore(Int((best * 100).rounded()))))
            }
            if blocking != nil, let previous = course.lessons.firstIndex(where: { $0.id == blocking?.id }) {
                details.append(say(ClientText.lockedBecause(previous + 1)))
            }
            let start = body.count
            let lines = Layout.hanging(
                safe(lesson.title) + " — " + details.joined(separator: ", "), marker: marker, width: width)
            body += lines.map { selected ? styler.apply(TextStyle(reverse: true), to: $0) : $0 }
            if index == state.cursor {
                if let notice = state.notice {
                    body += Layout.indented(say(notice), width: width, margin: "    ").map {
                        styler.apply(TextStyle(bold: true), to: $0)
                    }
                }
                focus = start...(body.count - 1)
            }
        }
        body += [""] + Layout.indented(say(ClientText.lessonLegend), width: width)
        let keys = [
            KeyHint(key: KeyMap.confirm, action: ClientText.keyStudy, priority: 0),
            KeyHint(key: KeyMap.back, action: ClientText.keyBack, priority: 1),
            KeyHint(key: KeyMap.move, action: ClientText.keyChoose, priority: 4),
        ]
        return ScreenContent(
            title: safe(course.title),
            indicator: say(ClientText.lessonsDone(state.progress.doneCount, course.lessons.count)),
            body: body, focus: focus, keys: keys + commonKeys)
    }
}
